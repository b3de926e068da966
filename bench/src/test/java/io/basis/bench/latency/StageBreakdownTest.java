package io.basis.bench.latency;

import org.agrona.collections.Long2LongHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The join of stage times by tick, on made-up times: hops, window, ticks missing a stage, the engine's other key
 * and the table.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StageBreakdownTest
{
    @Test
    void hopsAddUpToTheEndToEndLatencyOfEveryCompleteTick()
    {
        // Two ticks due at 1,000,000 and 2,000,000 ns; the second misses the middle stage.
        final Long2LongHashMap sent = times(1_000_000, 1_010_000, 2_000_000, 2_005_000);
        final Long2LongHashMap middle = times(1_000_000, 1_110_000);
        final Long2LongHashMap parsed = times(1_000_000, 1_410_000, 2_000_000, 2_300_000);

        final StageBreakdown breakdown = StageBreakdown.of("due", List.of("sent", "middle", "parsed"),
            List.of(sent, middle, parsed), 0, Long.MAX_VALUE);

        assertEquals(List.of("due", "sent", "middle", "parsed"), breakdown.stages());
        assertEquals(1, breakdown.complete());
        assertEquals(1, breakdown.partial());
        assertEquals(3, breakdown.hops().size());
        assertEquals("sent", breakdown.hops().get(1).from());
        assertEquals("middle", breakdown.hops().get(1).to());
        assertEquivalent(10_000, breakdown.hops().get(0).latency().getMaxValue());
        assertEquivalent(100_000, breakdown.hops().get(1).latency().getMaxValue());
        assertEquivalent(300_000, breakdown.hops().get(2).latency().getMaxValue());
        assertEquivalent(410_000, breakdown.endToEnd().getMaxValue());
    }

    @Test
    void onlyTicksDueInTheWindowCount()
    {
        final Long2LongHashMap parsed = times(999, 1_500, 1_000, 1_600, 2_000, 2_100);

        final StageBreakdown breakdown = StageBreakdown.of("due", List.of("parsed"), List.of(parsed), 1_000, 2_000);

        assertEquals(1, breakdown.complete());
        assertEquals(0, breakdown.partial());
        assertEquivalent(600, breakdown.endToEnd().getMaxValue());
    }

    @Test
    void aStageRecordedOutOfPlaceCountsAsZeroRatherThanNegative()
    {
        final StageBreakdown breakdown = StageBreakdown.of("due", List.of("a", "b"),
            List.of(times(1_000, 1_500), times(1_000, 1_400)), 0, Long.MAX_VALUE);

        assertEquals(0, breakdown.hops().get(1).latency().getMaxValue());
        assertEquals(1, breakdown.hops().get(1).backwards());
        assertEquals(0, breakdown.hops().get(0).backwards());
    }

    @Test
    void rekeyMapsTheEnginesKeyBackToTheTickAndDropsTheUnknown()
    {
        // Tick due at 1,000 was received by the gateway at 1,300; the engine knows it as 1,300.
        final Long2LongHashMap received = times(1_000, 1_300, 2_000, 2_300);
        final Long2LongHashMap engine = times(1_300, 1_350, 9_999, 10_000);

        final Long2LongHashMap rekeyed = StageBreakdown.rekey(engine, received);

        assertEquals(1, rekeyed.size());
        assertEquals(1_350, rekeyed.get(1_000));
    }

    @Test
    void tableHasARowPerHopAndTheEndToEndInMicroseconds()
    {
        final StageBreakdown breakdown = StageBreakdown.of("due", List.of("sent", "parsed"),
            List.of(times(1_000_000, 1_250_000), times(1_000_000, 1_750_000)), 0, Long.MAX_VALUE);

        final String[] lines = breakdown.table().split("\n");

        assertEquals(5, lines.length);
        assertEquals("| hop | p50 | p90 | p99 | max | mean | share of mean | backwards |", lines[0]);
        assertEquals("| due -> sent | 250 | 250 | 250 | 250 | 250 | 33% | 0 |", lines[2]);
        assertEquals("| sent -> parsed | 500 | 500 | 500 | 500 | 500 | 67% | 0 |", lines[3]);
        assertTrue(lines[4].startsWith("| **end to end** (due -> parsed) | 750 |"), lines[4]);
    }

    @Test
    void namesMustMatchTheStages()
    {
        assertThrows(IllegalArgumentException.class, () ->
            StageBreakdown.of("due", List.of("a", "b"), List.of(times(1, 2)), 0, 10));
    }

    private static Long2LongHashMap times(final long... keysAndTimes)
    {
        final Long2LongHashMap times = new Long2LongHashMap(Long.MIN_VALUE);
        for (int i = 0; i < keysAndTimes.length; i += 2)
        {
            times.put(keysAndTimes[i], keysAndTimes[i + 1]);
        }
        return times;
    }

    private static void assertEquivalent(final long expected, final long actual)
    {
        // HdrHistogram with 3 significant digits: values within 0.1%.
        assertTrue(Math.abs(expected - actual) <= expected / 1_000 + 1, expected + " vs " + actual);
    }
}
