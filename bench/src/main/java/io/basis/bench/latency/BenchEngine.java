package io.basis.bench.latency;

import io.basis.engine.EngineConfig;

import java.nio.file.Path;

/**
 * The engine configuration of every Basis latency scenario: the real edge strategy trading any positive edge, one
 * contract per program, and pre-trade risk relaxed only where a fixed-rate benchmark would otherwise trip it.
 */
final class BenchEngine
{
    /** Orders (and fills) a second the throttles allow: beyond any rate this machine reaches. */
    static final int ORDERS_PER_SECOND = 1_000_000;

    private BenchEngine()
    {
    }

    static EngineConfig config(final Path refdataDir, final String aeronDir, final Idle idle)
    {
        final EngineConfig config = new EngineConfig();
        config.refdataDir = refdataDir;
        config.aeronDir = aeronDir;
        config.strategy = "edge";
        config.edgeThreshold = 0.0;
        config.contracts = 1;
        config.idle = idle.engineName();
        // Ticks skipped while a program is open could otherwise leave the net position drifting one way.
        config.maxNetPrograms = 1_000_000;
        // The same orders repeat every other tick: not duplicates here.
        config.riskLimits.duplicateWindowNs = 0;
        // Hundreds of programs a second of ~145 legs each, every leg filled. The limiters keep a ring of one
        // timestamp per allowed event (8 MB each here), so "unlimited" has to be a concrete number.
        config.riskLimits.maxOrdersPerWindow = ORDERS_PER_SECOND;
        config.riskLimits.maxFillsPerWindow = ORDERS_PER_SECOND;
        // Each round trip pays the spread; the loss limit would stop the run, not protect anything.
        config.riskLimits.maxLoss = 1.0e18;
        // Only the future ticks: the constituents' books are never refreshed after the snapshot.
        config.riskLimits.maxBookAgeNs = Long.MAX_VALUE / 2;
        return config;
    }
}
