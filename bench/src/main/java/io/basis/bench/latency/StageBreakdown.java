package io.basis.bench.latency;

import org.HdrHistogram.Histogram;
import org.agrona.collections.Long2LongHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a path's time goes: for every tick of the measurement window that reached every stage, the time from
 * each stage to the next, as one histogram per hop, beside the end-to-end latency of those same ticks. The first
 * stage is the tick's intended send time (its key), so the hops add up to the end-to-end latency tick by tick,
 * and their means add up to its mean.
 *
 * @param stages    stage names, the intended send first.
 * @param hops      one per pair of consecutive stages.
 * @param endToEnd  first stage to last, of the ticks counted.
 * @param complete  ticks in the window that reached the last stage and every stage before it (the samples).
 * @param partial   ticks in the window that reached the last stage but miss an earlier one (not counted).
 */
public record StageBreakdown(
    List<String> stages, List<Hop> hops, Histogram endToEnd, long complete, long partial)
{
    /**
     * One hop.
     *
     * @param from      the stage it starts at.
     * @param to        the stage it ends at.
     * @param latency   nanoseconds.
     * @param backwards ticks whose later stage was stamped before the earlier one, counted as 0 in the histogram:
     *                  a stamp taken after a hand-off (a send returning) that the next thread overtook.
     */
    public record Hop(String from, String to, Histogram latency, long backwards)
    {
    }

    /**
     * Join the stages' times by tick.
     *
     * @param first         name of the first stage, whose time is the key itself (the intended send time).
     * @param names         names of the later stages, in path order.
     * @param times         each later stage's time by key, in the same order.
     * @param windowStartNs first key counted (inclusive).
     * @param windowEndNs   end of the keys counted (exclusive).
     * @return the breakdown; a hop that went backwards is counted as 0 (the clock is monotonic, so only a stamp
     * taken after a hand-off the next thread overtook can go backwards) and counted in {@link Hop#backwards}.
     */
    public static StageBreakdown of(
        final String first,
        final List<String> names,
        final List<Long2LongHashMap> times,
        final long windowStartNs,
        final long windowEndNs)
    {
        if (names.isEmpty() || names.size() != times.size())
        {
            throw new IllegalArgumentException(names.size() + " names for " + times.size() + " stages");
        }
        final List<String> stages = new ArrayList<>();
        stages.add(first);
        stages.addAll(names);
        final Histogram[] latencies = new Histogram[names.size()];
        final long[] backwards = new long[names.size()];
        for (int i = 0; i < latencies.length; i++)
        {
            latencies[i] = histogram();
        }
        final Histogram endToEnd = histogram();
        final Long2LongHashMap last = times.get(times.size() - 1);
        final long[] at = new long[stages.size()];
        long complete = 0;
        long partial = 0;
        final Long2LongHashMap.KeyIterator keys = last.keySet().iterator();
        while (keys.hasNext())
        {
            final long key = keys.nextValue();
            if (key < windowStartNs || key >= windowEndNs)
            {
                continue;
            }
            at[0] = key;
            boolean found = true;
            for (int i = 0; i < times.size() && found; i++)
            {
                at[i + 1] = times.get(i).get(key);
                found = at[i + 1] != times.get(i).missingValue();
            }
            if (!found)
            {
                partial++;
                continue;
            }
            complete++;
            for (int i = 1; i < at.length; i++)
            {
                if (at[i] < at[i - 1])
                {
                    backwards[i - 1]++;
                }
                record(latencies[i - 1], at[i] - at[i - 1]);
            }
            record(endToEnd, at[at.length - 1] - key);
        }
        final List<Hop> hops = new ArrayList<>();
        for (int i = 0; i < latencies.length; i++)
        {
            hops.add(new Hop(stages.get(i), stages.get(i + 1), latencies[i], backwards[i]));
        }
        return new StageBreakdown(List.copyOf(stages), List.copyOf(hops), endToEnd, complete, partial);
    }

    /**
     * Give the times of a stage recorded under another key their tick's key: the engine knows a tick by the
     * gateway's receive time, which the gateway's log maps from the intended send time.
     *
     * @param times    the stage's time by the other key.
     * @param keyToAlt tick key to the other key.
     * @return the stage's time by tick key; times whose other key maps to no tick are left out.
     */
    public static Long2LongHashMap rekey(final Long2LongHashMap times, final Long2LongHashMap keyToAlt)
    {
        final Long2LongHashMap altToKey = new Long2LongHashMap(Long.MIN_VALUE);
        keyToAlt.forEachLong((key, alt) -> altToKey.put(alt, key));
        final Long2LongHashMap rekeyed = new Long2LongHashMap(Long.MIN_VALUE);
        times.forEachLong((alt, time) ->
        {
            final long key = altToKey.get(alt);
            if (key != altToKey.missingValue())
            {
                rekeyed.put(key, time);
            }
        });
        return rekeyed;
    }

    private static Histogram histogram()
    {
        return new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_NS, 3);
    }

    private static void record(final Histogram histogram, final long nanos)
    {
        histogram.recordValue(Math.min(Math.max(nanos, 0), LatencyRecorder.HIGHEST_TRACKABLE_NS));
    }

    /**
     * A Markdown table, microseconds: one row per hop with its p50, p90, p99, max, mean, share of the mean
     * end-to-end latency and ticks whose stamps went backwards, then the end-to-end row of the same ticks.
     *
     * @return the table, one line per row, each ending with a newline.
     */
    public String table()
    {
        final StringBuilder md = new StringBuilder();
        md.append("| hop | p50 | p90 | p99 | max | mean | share of mean | backwards |\n")
            .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        final double total = endToEnd.getMean();
        for (final Hop hop : hops)
        {
            row(md, hop.from() + " -> " + hop.to(), hop.latency(), total, Long.toString(hop.backwards()));
        }
        row(md, "**end to end** (" + stages.get(0) + " -> " + stages.get(stages.size() - 1) + ")", endToEnd, total,
            "");
        return md.toString();
    }

    private static void row(
        final StringBuilder md, final String name, final Histogram h, final double total, final String backwards)
    {
        md.append("| ").append(name);
        if (h.getTotalCount() == 0)
        {
            md.append(" | - | - | - | - | - | - | - |\n");
            return;
        }
        for (final double percentile : new double[]{50.0, 90.0, 99.0})
        {
            md.append(" | ").append(Format.micros(h.getValueAtPercentile(percentile)));
        }
        md.append(" | ").append(Format.micros(h.getMaxValue()))
            .append(" | ").append(Format.micros(h.getMean()))
            .append(" | ").append(total > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * h.getMean() / total) : "-")
            .append(" | ").append(backwards).append(" |\n");
    }
}
