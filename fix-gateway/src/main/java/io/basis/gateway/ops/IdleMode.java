package io.basis.gateway.ops;

import java.util.Locale;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * How the gateway's threads wait when there is nothing to do.
 */
public enum IdleMode
{
    /** Spin, yield, then park up to 100 µs: low CPU when quiet, microseconds of wake-up latency. */
    BACKOFF,
    /**
     * Spin, yield, then park up to 20 µs: a fifth of the backoff's wait for a tick after a quiet spell, for five
     * times its wake-ups when idle (a latency trade-off measured in docs/benchmarks.md).
     */
    BRIEF,
    /** Spin forever: lowest latency, burns a core. */
    BUSY;

    /**
     * A new idle strategy of this mode; strategies carry state, so each thread needs its own.
     *
     * @return a fresh strategy.
     */
    public IdleStrategy newIdleStrategy()
    {
        // Backoff parks at most 100 µs, as the engine's does: Agrona's default of 1 ms would add up to a
        // millisecond to every engine-to-exchange hop after a quiet spell.
        switch (this)
        {
            case BUSY:
                return new BusySpinIdleStrategy();
            case BRIEF:
                return new BackoffIdleStrategy(100, 10, 1_000, 20_000);
            default:
                return new BackoffIdleStrategy(100, 10, 1_000, 100_000);
        }
    }

    /**
     * Parse a command-line value.
     *
     * @param text {@code backoff}, {@code brief} or {@code busy}, any case.
     * @return the mode.
     * @throws GatewayConfigException for anything else.
     */
    public static IdleMode parse(final String text)
    {
        for (final IdleMode mode : values())
        {
            if (mode.name().equals(text.toUpperCase(Locale.ROOT)))
            {
                return mode;
            }
        }
        throw new GatewayConfigException("idle mode must be backoff, brief or busy, not " + text);
    }
}
