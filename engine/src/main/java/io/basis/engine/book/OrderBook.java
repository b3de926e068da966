package io.basis.engine.book;

/**
 * A fixed-depth L2 book of one instrument with scaled long prices. Levels are overwritten in place by the
 * exchange's level updates (see the FIX dialect); an empty level has size 0 and ends the visible side.
 * <p>
 * Single-threaded, garbage-free.
 */
public final class OrderBook
{
    /** Returned by the walks when the visible depth is smaller than the quantity asked for. */
    public static final long INSUFFICIENT_DEPTH = -1;

    private final int depth;
    private final long[] bidPrices;
    private final long[] bidSizes;
    private final long[] askPrices;
    private final long[] askSizes;
    private long lastUpdateNs;
    private long exchangeSeq;

    /**
     * @param depth levels kept per side.
     */
    public OrderBook(final int depth)
    {
        if (depth <= 0 || depth > 255)
        {
            throw new IllegalArgumentException("depth must be in 1..255: " + depth);
        }
        this.depth = depth;
        bidPrices = new long[depth];
        bidSizes = new long[depth];
        askPrices = new long[depth];
        askSizes = new long[depth];
    }

    /**
     * @return levels per side.
     */
    public int depth()
    {
        return depth;
    }

    /** Empty both sides, before a snapshot is applied. */
    public void clear()
    {
        java.util.Arrays.fill(bidSizes, 0);
        java.util.Arrays.fill(askSizes, 0);
        java.util.Arrays.fill(bidPrices, 0);
        java.util.Arrays.fill(askPrices, 0);
    }

    /**
     * Overwrite one level. Levels beyond the kept depth are ignored.
     *
     * @param bid   true for the bid side.
     * @param level 0 for the best level.
     * @param price scaled price.
     * @param size  size, 0 to empty the level.
     */
    public void setLevel(final boolean bid, final int level, final long price, final long size)
    {
        if (level < 0 || level >= depth)
        {
            return;
        }
        final long[] prices = bid ? bidPrices : askPrices;
        final long[] sizes = bid ? bidSizes : askSizes;
        prices[level] = size > 0 ? price : 0;
        sizes[level] = Math.max(size, 0);
    }

    /**
     * Record when and at which exchange sequence the book last changed.
     *
     * @param exchangeSeq  exchange sequence (RptSeq).
     * @param timestampNs  host clock of the update.
     */
    public void stamp(final long exchangeSeq, final long timestampNs)
    {
        this.exchangeSeq = exchangeSeq;
        this.lastUpdateNs = timestampNs;
    }

    /**
     * @return exchange sequence of the last update.
     */
    public long exchangeSeq()
    {
        return exchangeSeq;
    }

    /**
     * @return host clock of the last update.
     */
    public long lastUpdateNs()
    {
        return lastUpdateNs;
    }

    /**
     * @param nowNs    host clock now.
     * @param maxAgeNs the age beyond which a book is stale.
     * @return true if the book has not changed for longer than the limit.
     */
    public boolean isStale(final long nowNs, final long maxAgeNs)
    {
        return nowNs - lastUpdateNs > maxAgeNs;
    }

    /**
     * @return best bid price, or 0 if the side is empty.
     */
    public long bestBid()
    {
        return bidSizes[0] > 0 ? bidPrices[0] : 0;
    }

    /**
     * @return best ask price, or 0 if the side is empty.
     */
    public long bestAsk()
    {
        return askSizes[0] > 0 ? askPrices[0] : 0;
    }

    /**
     * @return true if both sides have a best level.
     */
    public boolean isTwoSided()
    {
        return bidSizes[0] > 0 && askSizes[0] > 0;
    }

    /**
     * @return true if the best bid is at or above the best ask: the book cannot be traded from.
     */
    public boolean isCrossed()
    {
        return isTwoSided() && bidPrices[0] >= askPrices[0];
    }

    /**
     * @param bid   side.
     * @param level level index.
     * @return scaled price at the level, 0 if empty.
     */
    public long price(final boolean bid, final int level)
    {
        return bid ? bidPrices[level] : askPrices[level];
    }

    /**
     * @param bid   side.
     * @param level level index.
     * @return size at the level, 0 if empty.
     */
    public long size(final boolean bid, final int level)
    {
        return bid ? bidSizes[level] : askSizes[level];
    }

    /**
     * Cost of taking a quantity from one side: {@code Σ p_k·min(size_k, remaining)} over the levels walked.
     *
     * @param fromBids true to sell into the bids, false to buy from the asks.
     * @param quantity shares or contracts, positive.
     * @return scaled cost (price units × quantity), or {@link #INSUFFICIENT_DEPTH}.
     */
    public long cost(final boolean fromBids, final long quantity)
    {
        final long[] prices = fromBids ? bidPrices : askPrices;
        final long[] sizes = fromBids ? bidSizes : askSizes;
        long remaining = quantity;
        long cost = 0;
        for (int i = 0; i < depth && remaining > 0; i++)
        {
            final long size = sizes[i];
            if (size <= 0)
            {
                break;
            }
            final long take = Math.min(size, remaining);
            cost += take * prices[i];
            remaining -= take;
        }
        return remaining > 0 ? INSUFFICIENT_DEPTH : cost;
    }

    /**
     * The price of the last level a quantity reaches: the limit price that takes the whole quantity.
     *
     * @param fromBids true to sell into the bids, false to buy from the asks.
     * @param quantity shares or contracts, positive.
     * @return scaled price, or {@link #INSUFFICIENT_DEPTH}.
     */
    public long sweepPrice(final boolean fromBids, final long quantity)
    {
        final long[] prices = fromBids ? bidPrices : askPrices;
        final long[] sizes = fromBids ? bidSizes : askSizes;
        long remaining = quantity;
        for (int i = 0; i < depth; i++)
        {
            final long size = sizes[i];
            if (size <= 0)
            {
                break;
            }
            remaining -= size;
            if (remaining <= 0)
            {
                return prices[i];
            }
        }
        return INSUFFICIENT_DEPTH;
    }

}
