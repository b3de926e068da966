package io.basis.engine.admin;

import io.basis.protocol.EngineCounters;
import org.agrona.concurrent.status.CountersReader;

import java.util.Arrays;

/**
 * Reads a running engine's counters from the media driver's CnC file, from any process connected to the same
 * driver. The engine allocates them at start; until it has, {@link #isAvailable()} is false.
 */
public final class EngineStatusReader
{
    private final CountersReader counters;
    private final int[] counterIds = new int[EngineCounters.LAST - EngineCounters.FIRST + 1];

    /**
     * @param counters the driver's counters, e.g. {@code aeron.countersReader()}.
     */
    public EngineStatusReader(final CountersReader counters)
    {
        this.counters = counters;
        Arrays.fill(counterIds, -1);
    }

    /**
     * Look the engine's counters up again, e.g. after an engine restart.
     *
     * @return true if every engine counter was found.
     */
    public boolean refresh()
    {
        Arrays.fill(counterIds, -1);
        counters.forEach((counterId, typeId, keyBuffer, label) ->
        {
            if (typeId >= EngineCounters.FIRST && typeId <= EngineCounters.LAST &&
                counters.getCounterState(counterId) == CountersReader.RECORD_ALLOCATED)
            {
                counterIds[typeId - EngineCounters.FIRST] = counterId;
            }
        });
        return isAvailable();
    }

    /**
     * @return true if every engine counter has been found.
     */
    public boolean isAvailable()
    {
        for (final int id : counterIds)
        {
            if (id < 0)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param typeId one of {@link EngineCounters}.
     * @return the counter's value, or 0 if the engine has not allocated it.
     */
    public long get(final int typeId)
    {
        final int counterId = counterIds[typeId - EngineCounters.FIRST];
        return counterId < 0 ? 0 : counters.getCounterValue(counterId);
    }
}
