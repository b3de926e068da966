package io.basis.simulator.exchange;

import org.HdrHistogram.Histogram;

/**
 * How long the exchange thread spends per market tick (model step, requotes, matching against resting client
 * orders and publishing the market data), so a configuration can be checked against its tick period. Wall time
 * and the thread's CPU time are both kept: on a loaded machine the first grows, the second is the tick's cost.
 * Written on the exchange thread, read from any: methods are synchronized.
 */
public final class TickTiming
{
    private static final long HIGHEST_TRACKABLE_MICROS = 60_000_000L;

    private final Histogram micros = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
    private long totalNanos;
    private long totalCpuNanos;

    /**
     * @param nanos    wall-clock time of one tick (includes time the thread was not scheduled).
     * @param cpuNanos CPU time of the exchange thread during the tick, or -1 if the JVM cannot measure it.
     */
    public synchronized void record(final long nanos, final long cpuNanos)
    {
        totalNanos += nanos;
        totalCpuNanos += Math.max(cpuNanos, 0);
        micros.recordValue(Math.min(Math.max(nanos / 1_000, 0), HIGHEST_TRACKABLE_MICROS));
    }

    /**
     * @return the figures so far.
     */
    public synchronized Summary summary()
    {
        final long count = micros.getTotalCount();
        return new Summary(count, count == 0 ? 0 : totalNanos / count / 1_000,
            count == 0 ? 0 : totalCpuNanos / count / 1_000,
            count == 0 ? 0 : micros.getValueAtPercentile(50.0),
            count == 0 ? 0 : micros.getValueAtPercentile(99.0),
            count == 0 ? 0 : micros.getMaxValue());
    }

    /**
     * Tick time statistics in microseconds.
     *
     * @param count         ticks measured.
     * @param meanMicros    mean wall-clock time.
     * @param meanCpuMicros mean CPU time of the exchange thread (what the tick costs, whatever the machine's
     *                      load).
     * @param p50Micros     median wall-clock time.
     * @param p99Micros     99th percentile wall-clock time.
     * @param maxMicros     maximum wall-clock time.
     */
    public record Summary(
        long count, long meanMicros, long meanCpuMicros, long p50Micros, long p99Micros, long maxMicros)
    {
    }
}
