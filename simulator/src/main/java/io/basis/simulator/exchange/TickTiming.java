package io.basis.simulator.exchange;

import org.HdrHistogram.Histogram;

/**
 * How long the exchange thread spends per market tick (model step, requotes, matching against resting client
 * orders and publishing the market data), so a configuration can be checked against its tick period.
 * Written on the exchange thread, read from any: methods are synchronized.
 */
public final class TickTiming
{
    private static final long HIGHEST_TRACKABLE_MICROS = 60_000_000L;

    private final Histogram micros = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
    private long totalNanos;

    /**
     * @param nanos time of one tick.
     */
    public synchronized void record(final long nanos)
    {
        totalNanos += nanos;
        micros.recordValue(Math.min(Math.max(nanos / 1_000, 0), HIGHEST_TRACKABLE_MICROS));
    }

    /**
     * @return the figures so far.
     */
    public synchronized Summary summary()
    {
        final long count = micros.getTotalCount();
        return new Summary(count, count == 0 ? 0 : totalNanos / count / 1_000,
            count == 0 ? 0 : micros.getValueAtPercentile(50.0),
            count == 0 ? 0 : micros.getValueAtPercentile(99.0),
            count == 0 ? 0 : micros.getMaxValue());
    }

    /**
     * Tick time statistics in microseconds.
     *
     * @param count      ticks measured.
     * @param meanMicros mean.
     * @param p50Micros  median.
     * @param p99Micros  99th percentile.
     * @param maxMicros  maximum.
     */
    public record Summary(long count, long meanMicros, long p50Micros, long p99Micros, long maxMicros)
    {
    }
}
