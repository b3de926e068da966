package io.basis.engine;

import io.basis.protocol.sbe.TimeInForce;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Settings of one engine, with the defaults of the sample KOSPI200-like set. Every field is documented in
 * {@code docs/configuration.md}.
 */
public final class EngineConfig
{
    /** Reference data directory. */
    public Path refdataDir = Path.of("refdata", "kospi200");
    /** Trading date: picks effective tick tables, starts the carry period. Fixed so runs are reproducible. */
    public LocalDate tradeDate = LocalDate.of(2026, 11, 23);
    /** Business days from trade to stock settlement (T+2 in Korea). */
    public int stockSettlementDays = 2;
    /** Aeron directory; null for Aeron's default. */
    public String aeronDir;
    /** Launch an embedded media driver (SHARED threading) in the engine process. */
    public boolean embeddedDriver;
    /** Contracts per program. */
    public long contracts = 1;
    /** Half-width of the band around the theoretical basis, index points. */
    public double bandHalfWidth = 1.0;
    /** Money-market rate r. */
    public double rate = 0.035;
    /** Largest net position in programs, either direction. */
    public int maxNetPrograms = 2;
    /** Programs that may be open at once. */
    public int maxOpenPrograms = 1;
    /** Cancel the working legs of a program open longer than this. */
    public long programTimeoutMs = 2_000;
    /** Time in force of child orders. */
    public TimeInForce timeInForce = TimeInForce.DAY;
    /** Levels kept per side of every book. */
    public int bookDepth = 10;
    /** "backoff" (default, fits 2 cores) or "busy" (needs a spare core). */
    public String idle = "backoff";
    /** File written on close with positions and counts (Java properties), or null. */
    public Path reportFile;
}
