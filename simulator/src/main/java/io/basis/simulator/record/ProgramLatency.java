package io.basis.simulator.record;

import org.HdrHistogram.Histogram;

/**
 * Tick-to-order of programs rather than of orders: the legs of one program carry the same TriggerNanos (the tick
 * that decided it), so the first arrival with a new trigger is the program's first leg and the last arrival
 * before the next trigger its last leg. The first {@code warmUpPrograms} programs are left out: they measure the
 * cold JIT of every process on the path, not the path. Not thread-safe: {@link ExchangeRecord} guards it.
 */
final class ProgramLatency
{
    private final long highestTrackableMicros;
    private final int warmUpPrograms;
    private final Histogram firstLegMicros;
    private final Histogram lastLegMicros;
    private long programs;
    private long trigger = Long.MIN_VALUE;
    private long lastArrival;

    ProgramLatency(final long highestTrackableMicros, final int warmUpPrograms)
    {
        this.highestTrackableMicros = highestTrackableMicros;
        this.warmUpPrograms = warmUpPrograms;
        firstLegMicros = new Histogram(highestTrackableMicros, 3);
        lastLegMicros = new Histogram(highestTrackableMicros, 3);
    }

    /**
     * @param triggerNanos the order's TriggerNanos.
     * @param arrivalNanos when it arrived.
     */
    void onOrder(final long triggerNanos, final long arrivalNanos)
    {
        if (triggerNanos == trigger)
        {
            lastArrival = arrivalNanos;
            return;
        }
        finishProgram(lastLegMicros);
        programs++;
        trigger = triggerNanos;
        lastArrival = arrivalNanos;
        if (programs > warmUpPrograms)
        {
            record(firstLegMicros, arrivalNanos - triggerNanos);
        }
    }

    /**
     * @return first legs of the programs after the warm-up.
     */
    LatencySummary firstLeg()
    {
        return summary(firstLegMicros);
    }

    /**
     * @return last legs of the programs after the warm-up, the one still arriving included.
     */
    LatencySummary lastLeg()
    {
        final Histogram lastLegs = lastLegMicros.copy();
        finishProgram(lastLegs);
        return summary(lastLegs);
    }

    /**
     * @return programs left out as warm-up.
     */
    int warmUpPrograms()
    {
        return warmUpPrograms;
    }

    private void finishProgram(final Histogram lastLegs)
    {
        if (programs > warmUpPrograms)
        {
            record(lastLegs, lastArrival - trigger);
        }
    }

    private void record(final Histogram histogram, final long nanos)
    {
        if (nanos >= 0)
        {
            histogram.recordValue(Math.min(nanos / 1_000, highestTrackableMicros));
        }
    }

    static LatencySummary summary(final Histogram histogram)
    {
        final long count = histogram.getTotalCount();
        return new LatencySummary(count,
            count == 0 ? 0 : histogram.getValueAtPercentile(50.0),
            count == 0 ? 0 : histogram.getValueAtPercentile(99.0),
            count == 0 ? 0 : histogram.getMaxValue());
    }
}
