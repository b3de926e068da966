package io.basis.bench.latency;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorder's window and the saturation verdicts, on made-up values: no system under test.
 */
class MeasurementTest
{
    @Test
    void recordsOnlyIntendedTimesInsideTheWindowMeasuredFromTheIntendedTime()
    {
        final LatencyRecorder recorder = new LatencyRecorder();
        recorder.window(1_000, 2_000);
        recorder.record(999, 5_000);
        recorder.record(1_000, 1_500);
        recorder.record(1_999, 9_999);
        recorder.record(2_000, 2_001);

        final Histogram histogram = recorder.histogram();
        assertEquals(2, histogram.getTotalCount());
        assertEquals(500, histogram.getMinValue());
        assertTrue(histogram.valuesAreEquivalent(8_000, histogram.getMaxValue()));
    }

    @Test
    void saturationNamesMissingResponsesLateSendsAndAP99BlowUp()
    {
        final Histogram lag = histogram(10, 1_000);
        assertNull(measurement(histogram(100, 50_000), 100, lag).saturation(40_000));
        assertTrue(measurement(histogram(90, 50_000), 100, lag).saturation(0).contains("10 of 100"));
        assertTrue(measurement(histogram(100, 50_000), 100, histogram(100, 20_000_000))
            .saturation(0).contains("keep the rate"));
        assertTrue(measurement(histogram(100, 500_000), 100, lag).saturation(40_000).contains("10x"));
    }

    @Test
    void optionsDefaultToTheLadderAndRejectUnknownFlags()
    {
        final LatencyOptions defaults = LatencyOptions.parse(List.of());
        assertEquals(LatencyOptions.LADDER.length, defaults.rates().length);
        assertEquals(Idle.BACKOFF, defaults.idle());
        assertEquals(LatencyOptions.PathChoice.ALL, defaults.path());
        assertEquals(1, LatencyOptions.parse(List.of("--rate", "300", "--idle", "busy")).rates().length);
        assertThrows(IllegalArgumentException.class, () -> LatencyOptions.parse(List.of("--rates", "1")));
        assertThrows(IllegalArgumentException.class, () -> LatencyOptions.parse(List.of("--rate", "0")));
    }

    @Test
    void spinTakesEachRoleOnceInOrder()
    {
        assertEquals(List.of(), LatencyOptions.parse(List.of()).spin());
        assertEquals(List.of("gateway", "engine"),
            LatencyOptions.parse(List.of("--spin", "gateway,ENGINE,gateway")).spin());
        assertThrows(IllegalArgumentException.class, () -> LatencyOptions.parse(List.of("--spin", "harness")));
    }

    private static Measurement measurement(final Histogram latency, final long ticks, final Histogram lag)
    {
        return new Measurement("s", "x", true, 100, latency, ticks, lag, "test");
    }

    private static Histogram histogram(final int count, final long value)
    {
        final Histogram histogram = new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_NS, 3);
        histogram.recordValueWithCount(value, count);
        return histogram;
    }
}
