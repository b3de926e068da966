package io.basis.engine.status;

import io.aeron.Aeron;
import io.basis.protocol.EngineCounters;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The engine's live state as Aeron counters in the media driver's CnC file: written by the engine thread with
 * ordered stores, readable by any process (the demo's status line, {@code AeronStat}) without a protocol.
 */
public final class EngineStatus implements AutoCloseable
{
    private final AtomicCounter[] counters = new AtomicCounter[EngineCounters.LAST - EngineCounters.FIRST + 1];

    /**
     * Add one counter per {@link EngineCounters} type to the media driver the client is connected to.
     *
     * @param aeron a connected client.
     */
    public EngineStatus(final Aeron aeron)
    {
        for (int typeId = EngineCounters.FIRST; typeId <= EngineCounters.LAST; typeId++)
        {
            counters[typeId - EngineCounters.FIRST] = aeron.addCounter(typeId, EngineCounters.label(typeId));
        }
    }

    /**
     * Publish a value (engine thread only).
     *
     * @param typeId one of {@link EngineCounters}.
     * @param value  the value.
     */
    public void set(final int typeId, final long value)
    {
        counters[typeId - EngineCounters.FIRST].setRelease(value);
    }

    /**
     * @param typeId one of {@link EngineCounters}.
     * @return the counter's current value.
     */
    public long get(final int typeId)
    {
        return counters[typeId - EngineCounters.FIRST].get();
    }

    @Override
    public void close()
    {
        for (final AtomicCounter counter : counters)
        {
            counter.close();
        }
    }
}
