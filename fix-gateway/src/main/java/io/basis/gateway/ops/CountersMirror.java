package io.basis.gateway.ops;

import io.aeron.Aeron;
import io.aeron.Counter;
import org.agrona.CloseHelper;

/**
 * The gateway's counters as {@code AeronStat} sees them: one counter in the media driver's counters file per
 * {@link GatewayCounters} counter, same type id and label, set to its value by {@link #update()}.
 * <p>
 * Only the gateway agent calls {@link #update()}, on the thread that also runs the Aeron client's conductor, and it
 * stops as soon as the client closes (driver gone): the counters file may be unmapped then, and nothing else in the
 * gateway writes into it. Values lag the in-process counters by at most a millisecond or so.
 */
public final class CountersMirror implements AutoCloseable
{
    private final Aeron aeron;
    private final GatewayCounters source;
    private final Counter[] mirrored;

    /**
     * Allocate the driver's counters (on the calling thread, before the agent starts).
     *
     * @param aeron  the gateway's client.
     * @param source the counters to mirror.
     */
    public CountersMirror(final Aeron aeron, final GatewayCounters source)
    {
        this.aeron = aeron;
        this.source = source;
        mirrored = new Counter[source.size()];
        for (int i = 0; i < mirrored.length; i++)
        {
            mirrored[i] = aeron.addCounter(GatewayCounters.TYPE_ID, source.label(i));
        }
    }

    /**
     * Copy every value; the caller has checked that the Aeron client is open.
     */
    public void update()
    {
        for (int i = 0; i < mirrored.length; i++)
        {
            mirrored[i].setRelease(source.value(i));
        }
    }

    /**
     * Free the driver's counters, unless the client is already closed (then they went with it).
     */
    @Override
    public void close()
    {
        if (!aeron.isClosed())
        {
            CloseHelper.quietCloseAll(mirrored);
        }
    }
}
