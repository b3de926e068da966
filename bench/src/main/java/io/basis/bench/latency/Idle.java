package io.basis.bench.latency;

import io.basis.gateway.ops.IdleMode;
import org.agrona.concurrent.IdleStrategy;

import java.util.Locale;

/**
 * How every thread of a latency run waits when it has nothing to do: the harness, the engine, the gateway and the
 * baselines all use the same mode, so a ratio compares code paths rather than wake-up policies.
 */
public enum Idle
{
    /**
     * Spin, yield, then park up to 100 µs, exactly the engine's backoff: the default, because a busy-spinning thread
     * per role on a 2-core machine starves the others and produces millisecond stalls.
     */
    BACKOFF,
    /** Spin, yield, then park up to 20 µs, the engine's and the gateway's {@code brief}. */
    BRIEF,
    /** Spin forever: lowest wake-up latency, burns a core per thread; only with spare cores. */
    BUSY;

    /**
     * @return a fresh strategy (strategies carry state: one per thread).
     */
    public IdleStrategy newStrategy()
    {
        return gatewayMode().newIdleStrategy();
    }

    /**
     * @return the value of {@code EngineConfig.idle}.
     */
    public String engineName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the gateway's equivalent mode.
     */
    public IdleMode gatewayMode()
    {
        return IdleMode.valueOf(name());
    }

    /**
     * @param text {@code backoff}, {@code brief} or {@code busy}, any case.
     * @return the mode.
     * @throws IllegalArgumentException for anything else.
     */
    public static Idle parse(final String text)
    {
        for (final Idle idle : values())
        {
            if (idle.name().equalsIgnoreCase(text))
            {
                return idle;
            }
        }
        throw new IllegalArgumentException("--idle must be backoff, brief or busy, not " + text);
    }
}
