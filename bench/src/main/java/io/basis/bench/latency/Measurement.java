package io.basis.bench.latency;

import org.HdrHistogram.Histogram;

/**
 * One latency series measured at one rate.
 *
 * @param scenario  what ran, e.g. {@code basis-engine} or {@code baseline-aeron-ipc}.
 * @param series    which latency of it, e.g. {@code first-leg}.
 * @param basis     true for Basis itself, false for a baseline.
 * @param rate      ticks a second offered.
 * @param latency   intended send to arrival, nanoseconds.
 * @param ticks     ticks sent in the measurement window.
 * @param sendLag   the harness's lateness in sending those ticks, nanoseconds.
 * @param what      one line saying what is measured between which points.
 * @param stages    where the time of this series went, hop by hop, or null if the scenario does not say.
 * @param costs     what Basis's processes consumed per order in the window, or null if not counted.
 */
public record Measurement(
    String scenario, String series, boolean basis, int rate, Histogram latency, long ticks, Histogram sendLag,
    String what, StageBreakdown stages, ProcessCosts costs)
{
    /**
     * A measurement without a per-stage breakdown.
     *
     * @param scenario what ran.
     * @param series   which latency of it.
     * @param basis    true for Basis itself.
     * @param rate     ticks a second offered.
     * @param latency  intended send to arrival, nanoseconds.
     * @param ticks    ticks sent in the measurement window.
     * @param sendLag  the harness's lateness in sending those ticks, nanoseconds.
     * @param what     one line saying what is measured between which points.
     */
    public Measurement(
        final String scenario, final String series, final boolean basis, final int rate, final Histogram latency,
        final long ticks, final Histogram sendLag, final String what)
    {
        this(scenario, series, basis, rate, latency, ticks, sendLag, what, null, null);
    }

    /** Ticks without a response beyond this fraction mean the system did not keep up. */
    public static final double MAX_MISSING_FRACTION = 0.01;

    /**
     * @return scenario and series, the name used in files, tables and charts.
     */
    public String name()
    {
        return scenario + "/" + series;
    }

    /**
     * @return ticks whose response never came (or came for another tick: a tick that found a program still open).
     */
    public long missing()
    {
        return Math.max(0, ticks - latency.getTotalCount());
    }

    /**
     * Saturated: responses went missing, the harness could not keep the schedule (its p99 lateness exceeds one tick
     * interval), or the p99 blew up to ten times what it was at the lowest rate.
     *
     * @param lowestRateP99Ns p99 of the same series at the lowest rate, or 0 if this is the lowest rate.
     * @return the reason, or null if not saturated.
     */
    public String saturation(final long lowestRateP99Ns)
    {
        if (latency.getTotalCount() == 0)
        {
            return "no response";
        }
        if (missing() > MAX_MISSING_FRACTION * ticks)
        {
            return missing() + " of " + ticks + " ticks without a response";
        }
        if (sendLag.getValueAtPercentile(99.0) > 1e9 / rate)
        {
            return "harness could not keep the rate (send lag p99 " +
                Format.micros(sendLag.getValueAtPercentile(99.0)) + " µs)";
        }
        final long p99 = latency.getValueAtPercentile(99.0);
        if (lowestRateP99Ns > 0 && p99 > 10 * lowestRateP99Ns)
        {
            return "p99 " + Format.micros(p99) + " µs > 10x the lowest rate's";
        }
        return null;
    }
}
