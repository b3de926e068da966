package io.basis.simulator.market;

/**
 * One row of a replay file: at a time since the start, level k of one side of a book is now this price and size
 * (size 0 empties the level).
 *
 * @param timeMillis milliseconds since the start of the replay.
 * @param symbol     instrument.
 * @param bid        true for the bid side.
 * @param level      1 = best.
 * @param price      scaled price (ignored when size is 0).
 * @param size       quantity, 0 to empty the level.
 */
public record ReplayUpdate(long timeMillis, String symbol, boolean bid, int level, long price, long size)
{
}
