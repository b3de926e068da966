package io.basis.bench.latency;

import org.agrona.collections.Long2LongHashMap;

/**
 * One stage of a path, read from its log once a run is over.
 *
 * @param name  the stage, as the per-stage table names it.
 * @param times when each tick passed it, by the tick's intended send time.
 */
public record StageTimes(String name, Long2LongHashMap times)
{
}
