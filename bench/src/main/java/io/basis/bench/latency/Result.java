package io.basis.bench.latency;

/**
 * A measurement with the verdict of the rate ladder.
 *
 * @param measurement what was measured.
 * @param saturation  why the series counts as saturated at that rate, or null.
 */
public record Result(Measurement measurement, String saturation)
{
}
