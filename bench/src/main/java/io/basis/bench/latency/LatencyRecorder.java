package io.basis.bench.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Latencies from a message's intended send time to its arrival, recorded only for messages whose intended time
 * falls in the measurement window, so warm-up is excluded by construction, whatever arrives late.
 * <p>
 * One writer thread (the one that sees the responses); the histogram is read from any thread once the run is
 * over. Measuring from the intended rather than the actual send time is what keeps a stalled sender from hiding
 * its own stall (no coordinated omission).
 */
public final class LatencyRecorder
{
    /** One minute in nanoseconds: anything longer is clamped, and means the run is broken anyway. */
    public static final long HIGHEST_TRACKABLE_NS = 60_000_000_000L;

    private final SingleWriterRecorder recorder = new SingleWriterRecorder(HIGHEST_TRACKABLE_NS, 3);
    private final Histogram total = new Histogram(HIGHEST_TRACKABLE_NS, 3);
    private volatile long windowStartNs = Long.MAX_VALUE;
    private volatile long windowEndNs = Long.MIN_VALUE;

    /**
     * Set the measurement window; intended times outside it are not recorded.
     *
     * @param startNs first intended time measured (inclusive).
     * @param endNs   end of the window (exclusive).
     */
    public void window(final long startNs, final long endNs)
    {
        windowEndNs = endNs;
        windowStartNs = startNs;
    }

    /**
     * @return first intended time measured (inclusive).
     */
    public long windowStartNs()
    {
        return windowStartNs;
    }

    /**
     * @return end of the window (exclusive).
     */
    public long windowEndNs()
    {
        return windowEndNs;
    }

    /**
     * @param intendedNs when the triggering message was due to be sent.
     * @param arrivedNs  when its consequence arrived.
     */
    public void record(final long intendedNs, final long arrivedNs)
    {
        if (intendedNs >= windowStartNs && intendedNs < windowEndNs)
        {
            recorder.recordValue(Math.min(Math.max(arrivedNs - intendedNs, 0), HIGHEST_TRACKABLE_NS));
        }
    }

    /**
     * @return everything recorded so far, in nanoseconds (a new copy; call after the writer has stopped).
     */
    public synchronized Histogram histogram()
    {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }
}
