package io.basis.simulator.matching;

import java.util.TreeSet;

/**
 * The price at which a call auction uncrosses, by the usual exchange rules: the price that executes the most
 * quantity; among those the one leaving the smallest imbalance; among those the one closest to the reference
 * price; and if two are equally close, the lower one (so the rule is deterministic).
 * <p>
 * Candidates are the limit prices in the book (volume is a step function that only changes at them) and the
 * reference itself, which wins when it lies inside a range of equally good prices.
 */
final class UncrossingPrice
{
    private final long price;
    private final long volume;
    private final long imbalance;

    private UncrossingPrice(final long price, final long volume, final long imbalance)
    {
        this.price = price;
        this.volume = volume;
        this.imbalance = imbalance;
    }

    /**
     * @param book      a book in auction, possibly crossed.
     * @param reference price to prefer among equally good candidates (last trade or prevClose).
     * @return the uncrossing price; volume 0 and the reference price when the book does not cross.
     */
    static UncrossingPrice of(final OrderBook book, final long reference)
    {
        final TreeSet<Long> candidates = new TreeSet<>();
        if (reference > 0)
        {
            candidates.add(reference);
        }
        for (final PriceLevel level : book.levels(true))
        {
            candidates.add(level.price());
        }
        for (final PriceLevel level : book.levels(false))
        {
            candidates.add(level.price());
        }
        long bestPrice = reference;
        long bestVolume = 0;
        long bestImbalance = 0;
        for (final long candidate : candidates)
        {
            final long demand = cumulative(book, true, candidate);
            final long supply = cumulative(book, false, candidate);
            final long volume = Math.min(demand, supply);
            if (volume == 0)
            {
                continue;
            }
            final long imbalance = demand - supply;
            if (volume > bestVolume ||
                (volume == bestVolume && Math.abs(imbalance) < Math.abs(bestImbalance)) ||
                (volume == bestVolume && Math.abs(imbalance) == Math.abs(bestImbalance) &&
                    Math.abs(candidate - reference) < Math.abs(bestPrice - reference)))
            {
                bestPrice = candidate;
                bestVolume = volume;
                bestImbalance = imbalance;
            }
        }
        return new UncrossingPrice(bestPrice, bestVolume, bestImbalance);
    }

    /**
     * Quantity willing to trade at a price: bids at or above it, or asks at or below it.
     */
    private static long cumulative(final OrderBook book, final boolean buySide, final long price)
    {
        long quantity = 0;
        for (final PriceLevel level : book.levels(buySide))
        {
            if (buySide ? level.price() < price : level.price() > price)
            {
                break;
            }
            quantity += level.quantity();
        }
        return quantity;
    }

    long price()
    {
        return price;
    }

    long volume()
    {
        return volume;
    }

    long imbalance()
    {
        return imbalance;
    }
}
