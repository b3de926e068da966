package io.basis.simulator.record;

/**
 * Tick-to-order latency percentiles in microseconds.
 *
 * @param count      measurements: orders that carried TriggerNanos, or programs.
 * @param p50Micros  median.
 * @param p99Micros  99th percentile.
 * @param maxMicros  maximum.
 */
public record LatencySummary(long count, long p50Micros, long p99Micros, long maxMicros)
{
}
