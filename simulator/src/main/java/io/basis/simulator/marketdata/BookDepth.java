package io.basis.simulator.marketdata;

import io.basis.simulator.matching.OrderBook;

import java.util.ArrayList;
import java.util.List;

/**
 * The top levels of both sides of a book as plain arrays, so two captures can be compared level by level.
 */
final class BookDepth
{
    private final long[] bidPrices;
    private final long[] bidQuantities;
    private final long[] askPrices;
    private final long[] askQuantities;
    private int bidCount;
    private int askCount;

    BookDepth(final int levels)
    {
        bidPrices = new long[levels];
        bidQuantities = new long[levels];
        askPrices = new long[levels];
        askQuantities = new long[levels];
    }

    void capture(final OrderBook book)
    {
        bidCount = book.depth(true, bidPrices, bidQuantities);
        askCount = book.depth(false, askPrices, askQuantities);
    }

    void copyFrom(final BookDepth other)
    {
        System.arraycopy(other.bidPrices, 0, bidPrices, 0, other.bidCount);
        System.arraycopy(other.bidQuantities, 0, bidQuantities, 0, other.bidCount);
        System.arraycopy(other.askPrices, 0, askPrices, 0, other.askCount);
        System.arraycopy(other.askQuantities, 0, askQuantities, 0, other.askCount);
        bidCount = other.bidCount;
        askCount = other.askCount;
    }

    /**
     * Append the level-overwrite changes that turn {@code previous} into this depth.
     */
    void diff(final BookDepth previous, final List<LevelChange> changes)
    {
        diffSide(true, previous.bidPrices, previous.bidQuantities, previous.bidCount,
            bidPrices, bidQuantities, bidCount, changes);
        diffSide(false, previous.askPrices, previous.askQuantities, previous.askCount,
            askPrices, askQuantities, askCount, changes);
    }

    List<Level> levels(final boolean bid)
    {
        final int count = bid ? bidCount : askCount;
        final long[] prices = bid ? bidPrices : askPrices;
        final long[] quantities = bid ? bidQuantities : askQuantities;
        final List<Level> levels = new ArrayList<>(count);
        for (int k = 0; k < count; k++)
        {
            levels.add(new Level(prices[k], quantities[k]));
        }
        return levels;
    }

    private static void diffSide(
        final boolean bid,
        final long[] oldPrices,
        final long[] oldQuantities,
        final int oldCount,
        final long[] newPrices,
        final long[] newQuantities,
        final int newCount,
        final List<LevelChange> changes)
    {
        final int count = Math.max(oldCount, newCount);
        for (int k = 0; k < count; k++)
        {
            if (k >= newCount)
            {
                changes.add(new LevelChange(bid, k + 1, 0, 0, true));
            }
            else if (k >= oldCount || oldPrices[k] != newPrices[k] || oldQuantities[k] != newQuantities[k])
            {
                changes.add(new LevelChange(bid, k + 1, newPrices[k], newQuantities[k], false));
            }
        }
    }
}
