package io.basis.bench.latency;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * A fixed-rate (open-loop) injection schedule: tick {@code k} is due at {@code start + k / rate} whatever happened
 * to earlier ticks. A late harness sends the overdue ticks back to back, each still stamped and measured from its
 * own due time, so its lateness is charged to the latency rather than silently stretching the schedule.
 */
public final class OpenLoop
{
    private static final long DRAIN_NS = TimeUnit.SECONDS.toNanos(2);

    /**
     * What the loop drives.
     */
    public interface Injector
    {
        /**
         * Send one tick.
         *
         * @param intendedNs its due time, which the tick carries as its timestamp.
         */
        void inject(long intendedNs);

        /**
         * Take in responses, on the loop's thread (injectors whose responses arrive on another thread return 0).
         *
         * @return work done.
         */
        default int poll()
        {
            return 0;
        }

        /**
         * @param lastIntendedNs due time of the last tick sent.
         * @return true once the responses to that tick have arrived, so the run can end before the drain timeout.
         */
        boolean drained(long lastIntendedNs);
    }

    /**
     * What the schedule achieved.
     *
     * @param ticks   ticks due in the measurement window (all were sent).
     * @param sendLag actual send time minus due time of those ticks, nanoseconds: the harness's own lateness.
     */
    public record Pacing(long ticks, Histogram sendLag)
    {
    }

    private OpenLoop()
    {
    }

    /**
     * Run warm-up then measurement at a fixed rate on the calling thread, then wait for the last responses.
     *
     * @param injector  sends ticks and takes responses.
     * @param rate      ticks a second.
     * @param warmupNs  warm-up, not recorded.
     * @param measureNs measurement window.
     * @param idle      how the loop waits between ticks.
     * @param recorders recorders whose window is set to the measurement.
     * @return ticks measured and the harness's lateness.
     */
    public static Pacing run(
        final Injector injector,
        final int rate,
        final long warmupNs,
        final long measureNs,
        final IdleStrategy idle,
        final LatencyRecorder... recorders)
    {
        final double intervalNs = 1e9 / rate;
        final long startNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        final long measureStartNs = startNs + warmupNs;
        final long endNs = measureStartNs + measureNs;
        for (final LatencyRecorder recorder : recorders)
        {
            recorder.window(measureStartNs, endNs);
        }
        final Histogram sendLag = new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_NS, 3);
        long tick = 0;
        long ticks = 0;
        long lastIntendedNs = startNs;
        // Due times are computed from the tick number, not accumulated, so no rounding drift builds up.
        long nextNs = startNs;
        while (nextNs < endNs)
        {
            final long nowNs = System.nanoTime();
            int work = 0;
            if (nowNs >= nextNs)
            {
                injector.inject(nextNs);
                if (nextNs >= measureStartNs)
                {
                    sendLag.recordValue(Math.min(System.nanoTime() - nextNs, LatencyRecorder.HIGHEST_TRACKABLE_NS));
                    ticks++;
                }
                lastIntendedNs = nextNs;
                tick++;
                nextNs = startNs + (long)(tick * intervalNs);
                work++;
            }
            work += injector.poll();
            idle.idle(work);
        }
        final long drainEndNs = System.nanoTime() + DRAIN_NS;
        while (!injector.drained(lastIntendedNs) && System.nanoTime() < drainEndNs)
        {
            idle.idle(injector.poll());
        }
        return new Pacing(ticks, sendLag);
    }
}
