package io.basis.engine.risk;

import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.sbe.RiskStateDecoder;
import io.basis.engine.snapshot.sbe.RiskStateEncoder;

/**
 * At most {@code limit} events in any window of {@code windowNs}: keeps the times of the last {@code limit} events
 * in a ring, so a check is O(1) and allocates nothing.
 */
public final class RateLimiter
{
    private final long[] times;
    private final long windowNs;
    private int next;
    private long count;

    /**
     * @param limit    events allowed per window.
     * @param windowNs window, nanoseconds.
     */
    public RateLimiter(final int limit, final long windowNs)
    {
        if (limit <= 0 || windowNs <= 0)
        {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.times = new long[limit];
        this.windowNs = windowNs;
    }

    /**
     * @param nowNs  clock.
     * @param events events about to happen.
     * @return true if they fit in the window (they are not recorded).
     */
    public boolean allows(final long nowNs, final int events)
    {
        if (events > times.length)
        {
            return false;
        }
        if (count + events <= times.length)
        {
            return true;
        }
        // The event that would fall out of the ring when these are recorded must be older than the window.
        final int oldestKept = (int)((next + events - 1) % times.length);
        return nowNs - times[oldestKept] >= windowNs;
    }

    /**
     * Record events.
     *
     * @param nowNs  clock.
     * @param events how many.
     */
    public void record(final long nowNs, final int events)
    {
        for (int i = 0; i < events; i++)
        {
            times[next] = nowNs;
            next = (next + 1) % times.length;
        }
        count += events;
    }

    /**
     * Record one event and say whether the rate is now beyond the limit.
     *
     * @param nowNs clock.
     * @return true if more than {@code limit} events fell in the window ending now.
     */
    public boolean recordAndExceeds(final long nowNs)
    {
        final boolean full = count >= times.length;
        final long oldest = times[next];
        record(nowNs, 1);
        return full && nowNs - oldest < windowNs;
    }

    /**
     * Write the limiter to its entry of a risk snapshot.
     *
     * @param entry the entry, positioned.
     */
    void snapshotTo(final RiskStateEncoder.ThrottlesEncoder entry)
    {
        final RiskStateEncoder.ThrottlesEncoder.TimesEncoder rows = entry.nextSlot(next).recorded(count)
            .timesCount(times.length);
        for (final long time : times)
        {
            rows.next().timeNs(time);
        }
    }

    /**
     * Load the limiter from its entry of a risk snapshot.
     *
     * @param entry the entry, positioned.
     */
    void restoreFrom(final RiskStateDecoder.ThrottlesDecoder entry)
    {
        next = entry.nextSlot();
        count = entry.recorded();
        final RiskStateDecoder.ThrottlesDecoder.TimesDecoder rows = entry.times();
        if (rows.count() != times.length || next < 0 || next >= times.length)
        {
            throw new SnapshotException("a throttle of " + rows.count() + " events, the engine's allows " +
                times.length);
        }
        for (int i = 0; i < times.length; i++)
        {
            times[i] = rows.next().timeNs();
        }
    }
}
