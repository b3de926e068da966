package io.basis.engine;

import io.basis.engine.strategy.BasisMeasure;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.ValuationListener;
import io.basis.engine.risk.RiskLimits;
import io.basis.protocol.sbe.TimeInForce;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * Settings of one engine, with the defaults of the sample KOSPI200-like set. Every field is documented in
 * {@code docs/configuration.md}.
 */
public final class EngineConfig
{
    /** Reference data directory. */
    public Path refdataDir = Path.of("refdata", "kospi200");
    /**
     * Trading date: picks effective tick tables, rates and costs, starts the carry period. Fixed so runs are
     * reproducible.
     */
    public LocalDate tradeDate = LocalDate.of(2026, 11, 23);
    /** Aeron directory; null for Aeron's default. */
    public String aeronDir;
    /** Launch an embedded media driver (SHARED threading) in the engine process. */
    public boolean embeddedDriver;
    /** Contracts per program. */
    public long contracts = 1;
    /** Edge beyond a no-arbitrage bound required to open a program, index points. */
    public double edgeThreshold = 0.0;
    /** Bands of plausible model inputs. */
    public ModelLimits modelLimits = ModelLimits.defaults();
    /** Largest net position in programs, either direction. */
    public int maxNetPrograms = 2;
    /** Programs that may be open at once. */
    public int maxOpenPrograms = 1;
    /** Cancel the working legs of a program open longer than this. */
    public long programTimeoutMs = 2_000;
    /**
     * Ticks beyond the last level a leg's quantity reaches at which its limit is set: room for the book to move
     * while the order travels, within the risk collar. Fills still happen at the resting prices.
     */
    public int limitTicks = 3;
    /** Time in force of child orders. */
    public TimeInForce timeInForce = TimeInForce.DAY;
    /** Levels kept per side of every book. */
    public int bookDepth = 10;
    /** "backoff" (default, fits 2 cores), "brief" (parks at most 20 µs) or "busy" (needs a spare core). */
    public String idle = "backoff";
    /** Strategy: "edge" (trade any edge beyond the bounds above the threshold) or "paper" (mean basis). */
    public String strategy = "paper";
    /** Samples of the paper strategy's rolling basis window. */
    public int basisWindow = 600;
    /** Interval between samples of the rolling basis, nanoseconds. */
    public long basisSampleIntervalNs = 100_000_000L;
    /** What the paper strategy samples and compares: the raw basis F − S or the mispricing F − F*. */
    public BasisMeasure basisMeasure = BasisMeasure.RAW;
    /** Fixed entry (contango) level of the paper strategy in index points, or NaN for its rolling mean. */
    public double entryLevel = Double.NaN;
    /** Fixed exit (backwardation) level of the paper strategy in index points, or NaN for its rolling mean. */
    public double exitLevel = Double.NaN;
    /** Pre-trade risk limits. */
    public RiskLimits riskLimits = new RiskLimits();
    /** Engine events for embedding code (engine thread), or null. */
    public EngineListener listener;
    /** Called on the engine thread after every revaluation, or null. */
    public ValuationListener valuationListener;
    /**
     * Shortest time between two timer events while something is due (open programs, a residual hedge): the
     * resolution of program timeouts and legging control, and what the journal spends on the passing of time.
     */
    public long timerIntervalNs = 1_000_000L;
    /**
     * The Aeron Archive directory that records the engine's journal, or null to record nothing. {@code ./basis
     * engine} records by default ({@code basis-archive} beside the Aeron directory).
     */
    public Path archiveDir;
    /**
     * Start empty even if the archive holds journals. Otherwise an engine that records replays every journal in its
     * archive at start and goes live with the state they leave (positions, programs, orders, risk, strategy).
     */
    public boolean fresh;
    /**
     * How often, in engine time, a recording engine snapshots its whole state into the archive (also on a clean
     * stop): a restart loads the newest snapshot and replays only the journal after it. 0: only on a clean stop.
     */
    public long snapshotIntervalNs = TimeUnit.SECONDS.toNanos(60);
    /**
     * Positions held from the day before ({@code io.basis.engine.position.PositionsFile}), loaded at a fresh start
     * and journaled; ignored when the state is restored from the archive (it holds them already). Null: none.
     */
    public Path positionsFile;
    /** How long a stopped journal recording is kept; older ones are purged when the engine starts. */
    public long archiveRetentionMs = TimeUnit.DAYS.toMillis(7);
    /** The command line the engine was started with (recorded in its journal for replays); empty if embedded. */
    public String commandLine = "";
    /** File written on close with positions and counts (Java properties), or null. */
    public Path reportFile;
    /**
     * The operators allowed to command the engine ({@code io.basis.engine.control.OperatorKeys}); null:
     * {@code basis-operators.keys} beside the Aeron directory, created with one operator (the OS user) and a fresh
     * key if absent.
     */
    public Path operatorKeysFile;
    /** Where every operator command is recorded with who sent it; null: {@code basis-commands.log} beside the keys. */
    public Path commandLogFile;
}
