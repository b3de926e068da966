package io.basis.simulator.marketdata;

/**
 * Level-overwrite change: "level {@code position} of that side is now this price and quantity", or, when
 * {@code deleted}, "level {@code position} is now empty". No shifting of other levels is implied.
 *
 * @param bid      true for the bid side.
 * @param position 1-based level position, 1 = best.
 * @param price    scaled price, 0 when deleted.
 * @param quantity quantity, 0 when deleted.
 * @param deleted  true if the level is now empty.
 */
public record LevelChange(boolean bid, int position, long price, long quantity, boolean deleted)
{
}
