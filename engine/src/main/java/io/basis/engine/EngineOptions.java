package io.basis.engine;

import io.basis.engine.strategy.BasisMeasure;
import io.aeron.CommonContext;
import io.basis.engine.pricing.ModelLimits;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/**
 * The engine's command-line options: what {@code ./basis engine} accepts, and what a replay parses again from the
 * command line a run recorded in its journal.
 */
public final class EngineOptions
{
    /** Directory name of the default archive, beside the Aeron directory. */
    public static final String DEFAULT_ARCHIVE_DIR_NAME = "basis-archive";

    public static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis engine [options]",
        "  --refdata DIR            reference data directory (default refdata/kospi200)",
        "  --trade-date YYYY-MM-DD  trading date (default 2026-11-23)",
        "  --aeron-dir DIR          Aeron directory of the media driver (default: Aeron's default)",
        "  --embedded-driver        launch a media driver inside the engine process",
        "  --contracts N            contracts per program (default 1)",
        "  --edge POINTS            edge beyond a no-arbitrage bound needed to trade (default 0)",
        "  --max-mispricing POINTS  |F* - F| beyond which the model is deemed wrong (default 15)",
        "  --max-programs N         largest net position in programs either way (default 2)",
        "  --program-timeout-ms MS  cancel legs still working after this (default 2000)",
        "  --tif day|ioc            time in force of child orders (default day)",
        "  --limit-ticks N          ticks beyond the needed level at which legs are limited (default 3)",
        "  --strategy paper|edge    the paper's mean-basis strategy or trade-any-edge (default paper)",
        "  --basis-window N         samples in the paper strategy's rolling means (default 600)",
        "  --basis-sample-ms MS     interval between those samples (default 100; 600 x 60000 = ten hours)",
        "  --basis-measure raw|mispricing  sample the basis F - S (the paper's) or the mispricing F - F* (default raw)",
        "  --entry-basis POINTS     fixed entry (contango) level instead of the rolling mean; needs --exit-basis",
        "  --exit-basis POINTS      fixed exit (backwardation) level instead of the rolling mean",
        "  --idle backoff|brief|busy  idle strategy of the engine thread: park up to 100 or 20 us, or spin",
        "                           (default backoff)",
        "  --report FILE            write positions and counts here on exit",
        "  --archive-dir DIR        Aeron Archive directory recording the engine's journal (default: basis-archive",
        "                           beside the Aeron directory); --no-archive records nothing",
        "  --archive-retention-days N  journal recordings kept (default 7); older ones are purged at start",
        "  --snapshot-interval-seconds N  snapshot the whole state into the archive every N seconds of engine",
        "                           time (default 60; 0: only on a clean stop); a restart loads the newest and",
        "                           replays only the journal after it",
        "  --fresh                  start empty instead of replaying the archive's journals to restore the state",
        "  --positions FILE         positions held from the day before (symbol,quantity,averagePrice), loaded at",
        "                           a fresh start; a clean stop writes basis-positions.csv beside the archive",
        "  --operators FILE         operators allowed to command the engine, NAME=KEY lines (default:",
        "                           basis-operators.keys beside the Aeron directory, created for you if absent)",
        "  --command-log FILE       record of every operator command (default: basis-commands.log beside the keys)",
        "  --help                   this text");

    private EngineOptions()
    {
    }

    /**
     * The settings a command line asks for, defaults included (as recorded in a journal, a replay parses the same).
     *
     * @param args command-line options.
     * @return the settings, or null if help was asked for.
     * @throws IllegalArgumentException naming the option that is wrong.
     */
    public static EngineConfig parse(final String[] args)
    {
        final EngineConfig config = new EngineConfig();
        config.commandLine = decidingOptions(args);
        boolean archive = true;
        for (int i = 0; i < args.length; i++)
        {
            final String option = args[i];
            switch (option)
            {
                case "--help":
                case "-h":
                    return null;
                case "--embedded-driver":
                    config.embeddedDriver = true;
                    break;
                case "--refdata":
                    config.refdataDir = Path.of(Arguments.value(args, ++i));
                    break;
                case "--trade-date":
                    config.tradeDate = date(Arguments.value(args, ++i), option);
                    break;
                case "--aeron-dir":
                    config.aeronDir = Arguments.value(args, ++i);
                    break;
                case "--contracts":
                    config.contracts = Arguments.positive(Arguments.value(args, ++i), option);
                    break;
                case "--edge":
                    config.edgeThreshold = number(Arguments.value(args, ++i), option);
                    break;
                case "--max-mispricing":
                    final ModelLimits limits = config.modelLimits;
                    config.modelLimits = new ModelLimits(limits.minRate(), limits.maxRate(),
                        limits.maxDividendYield(), number(Arguments.value(args, ++i), option));
                    break;
                case "--max-programs":
                    config.maxNetPrograms = (int)Arguments.positive(Arguments.value(args, ++i), option);
                    break;
                case "--program-timeout-ms":
                    config.programTimeoutMs = Arguments.positive(Arguments.value(args, ++i), option);
                    break;
                case "--limit-ticks":
                    config.limitTicks = (int)Arguments.positive(Arguments.value(args, ++i), option);
                    break;
                case "--strategy":
                    config.strategy = Arguments.value(args, ++i);
                    break;
                case "--basis-window":
                    config.basisWindow = (int)Arguments.positive(Arguments.value(args, ++i), option);
                    break;
                case "--basis-sample-ms":
                    config.basisSampleIntervalNs = Arguments.positive(Arguments.value(args, ++i), option) * 1_000_000L;
                    break;
                case "--basis-measure":
                    config.basisMeasure = BasisMeasure.parse(Arguments.value(args, ++i));
                    break;
                case "--entry-basis":
                    config.entryLevel = level(Arguments.value(args, ++i), option);
                    break;
                case "--exit-basis":
                    config.exitLevel = level(Arguments.value(args, ++i), option);
                    break;
                case "--tif":
                    config.timeInForce = timeInForce(Arguments.value(args, ++i));
                    break;
                case "--idle":
                    config.idle = Arguments.value(args, ++i);
                    idleStrategy(config.idle);
                    break;
                case "--archive-dir":
                    config.archiveDir = Path.of(Arguments.value(args, ++i));
                    break;
                case "--fresh":
                    config.fresh = true;
                    break;
                case "--no-archive":
                    archive = false;
                    break;
                case "--positions":
                    config.positionsFile = Path.of(Arguments.value(args, ++i));
                    break;
                case "--snapshot-interval-seconds":
                    config.snapshotIntervalNs = TimeUnit.SECONDS.toNanos(
                        (long)number(Arguments.value(args, ++i), option));
                    break;
                case "--archive-retention-days":
                    config.archiveRetentionMs = TimeUnit.DAYS.toMillis(Arguments.positive(Arguments.value(args, ++i), option));
                    break;
                case "--operators":
                    config.operatorKeysFile = Path.of(Arguments.value(args, ++i));
                    break;
                case "--command-log":
                    config.commandLogFile = Path.of(Arguments.value(args, ++i));
                    break;
                case "--report":
                    config.reportFile = Path.of(Arguments.value(args, ++i));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        // Refuse a strategy its settings cannot build (an unknown name, one level without the other) now.
        TradingEngine.newStrategy(config);
        if (!archive)
        {
            config.archiveDir = null;
        }
        else if (config.archiveDir == null)
        {
            config.archiveDir = Path.of(config.aeronDir != null ? config.aeronDir :
                CommonContext.getAeronDirectoryName()).toAbsolutePath().resolveSibling(DEFAULT_ARCHIVE_DIR_NAME);
        }
        return config;
    }

    /**
     * What a continuing run must repeat, as recorded in its journal: every option but those that only say how to
     * start (the positions a fresh start loads are journaled as inputs) or how often to snapshot.
     */
    private static String decidingOptions(final String[] args)
    {
        final java.util.List<String> deciding = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++)
        {
            if (args[i].equals("--snapshot-interval-seconds") || args[i].equals("--positions"))
            {
                i++;
            }
            else if (!args[i].equals("--fresh"))
            {
                deciding.add(args[i]);
            }
        }
        return String.join("\n", deciding);
    }

    private static double number(final String text, final String option)
    {
        try
        {
            final double value = Double.parseDouble(text);
            if (value >= 0.0 && Double.isFinite(value))
            {
                return value;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a non-negative number, was '" + text + "'");
    }

    private static double level(final String text, final String option)
    {
        try
        {
            final double value = Double.parseDouble(text);
            if (Double.isFinite(value))
            {
                return value;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a number of index points, was '" + text + "'");
    }

    private static LocalDate date(final String text, final String option)
    {
        try
        {
            return LocalDate.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException(option + " needs a date YYYY-MM-DD, was '" + text + "'");
        }
    }

    private static TimeInForce timeInForce(final String text)
    {
        switch (text)
        {
            case "day":
                return TimeInForce.DAY;
            case "ioc":
                return TimeInForce.IOC;
            default:
                throw new IllegalArgumentException("--tif must be 'day' or 'ioc', was '" + text + "'");
        }
    }

    /**
     * @param name {@code backoff} or {@code busy}.
     * @return the engine thread's idle strategy of that name.
     * @throws IllegalArgumentException for another name.
     */
    public static IdleStrategy idleStrategy(final String name)
    {
        switch (name)
        {
            case "busy":
                return new BusySpinIdleStrategy();
            case "backoff":
                // Parks at most 100 µs: a tick after a quiet spell waits at most that long on a 2-core machine.
                return new BackoffIdleStrategy(100, 10, 1_000, 100_000);
            case "brief":
                // Parks at most 20 µs: a shorter wait for the first tick after a quiet spell, more wake-ups.
                return new BackoffIdleStrategy(100, 10, 1_000, 20_000);
            default:
                throw new IllegalArgumentException("idle must be 'backoff', 'brief' or 'busy', was '" + name + "'");
        }
    }
}
