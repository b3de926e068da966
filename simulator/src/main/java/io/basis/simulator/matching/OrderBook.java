package io.basis.simulator.matching;

import io.basis.simulator.refdata.Instrument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The resting orders of one instrument: bids best (highest) first, asks best (lowest) first, each price level
 * in time priority.
 */
public final class OrderBook
{
    private final Instrument instrument;
    private final TreeMap<Long, PriceLevel> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, PriceLevel> asks = new TreeMap<>();
    private boolean auction;
    private long lastTradePrice;

    OrderBook(final Instrument instrument)
    {
        this.instrument = instrument;
    }

    /**
     * @return the instrument.
     */
    public Instrument instrument()
    {
        return instrument;
    }

    /**
     * @return scaled best bid, 0 if no bids.
     */
    public long bestBid()
    {
        return bids.isEmpty() ? 0 : bids.firstKey();
    }

    /**
     * @return scaled best ask, 0 if no asks.
     */
    public long bestAsk()
    {
        return asks.isEmpty() ? 0 : asks.firstKey();
    }

    /**
     * Aggregated depth of one side, best first.
     *
     * @param buySide    true for bids, false for asks.
     * @param prices     receives scaled level prices.
     * @param quantities receives level quantities.
     * @return number of levels written, at most the arrays' length.
     */
    public int depth(final boolean buySide, final long[] prices, final long[] quantities)
    {
        final int max = Math.min(prices.length, quantities.length);
        int count = 0;
        for (final PriceLevel level : (buySide ? bids : asks).values())
        {
            if (count == max)
            {
                break;
            }
            prices[count] = level.price();
            quantities[count] = level.quantity();
            count++;
        }
        return count;
    }

    /**
     * @return true while the book is in a call auction: orders rest without matching until the uncross.
     */
    public boolean inAuction()
    {
        return auction;
    }

    /**
     * @return scaled price of the last trade today, 0 if none.
     */
    public long lastTradePrice()
    {
        return lastTradePrice;
    }

    void auction(final boolean inAuction)
    {
        this.auction = inAuction;
    }

    void lastTradePrice(final long price)
    {
        this.lastTradePrice = price;
    }

    void add(final Order order)
    {
        (order.side().isBuy() ? bids : asks).computeIfAbsent(order.bookPrice(), PriceLevel::new).add(order);
    }

    void remove(final Order order, final long remainingQuantity)
    {
        final TreeMap<Long, PriceLevel> side = order.side().isBuy() ? bids : asks;
        final PriceLevel level = side.get(order.bookPrice());
        if (level != null)
        {
            level.remove(order, remainingQuantity);
            if (level.isEmpty())
            {
                side.remove(order.bookPrice());
            }
        }
    }

    /**
     * Reduce a resting order's remaining quantity in place: a size decrease keeps time priority.
     */
    void reduce(final Order order, final long by)
    {
        final PriceLevel level = (order.side().isBuy() ? bids : asks).get(order.bookPrice());
        if (level != null)
        {
            level.traded(by);
        }
    }

    /**
     * @return every resting order, bids then asks, each side in priority order.
     */
    List<Order> restingOrders()
    {
        final List<Order> orders = new ArrayList<>();
        for (final PriceLevel level : bids.values())
        {
            level.orders().forEach(orders::add);
        }
        for (final PriceLevel level : asks.values())
        {
            level.orders().forEach(orders::add);
        }
        return orders;
    }

    /**
     * @param buySide true for bids.
     * @return the side's levels, best first.
     */
    Iterable<PriceLevel> levels(final boolean buySide)
    {
        return (buySide ? bids : asks).values();
    }

    /**
     * @param buySide true for bids.
     * @return the first order in priority of one side, or null if empty.
     */
    Order best(final boolean buySide)
    {
        final TreeMap<Long, PriceLevel> side = buySide ? bids : asks;
        return side.isEmpty() ? null : side.firstEntry().getValue().first();
    }

    /**
     * @return the first order in time priority at the best price of the side an aggressor of this side trades
     * against, or null if that side is empty.
     */
    Order bestContra(final Side aggressorSide)
    {
        final TreeMap<Long, PriceLevel> contra = aggressorSide.isBuy() ? asks : bids;
        return contra.isEmpty() ? null : contra.firstEntry().getValue().first();
    }

    /**
     * Take a traded quantity off a resting order's level; the order leaves the book once fully filled.
     */
    void traded(final Order maker, final long quantity)
    {
        final TreeMap<Long, PriceLevel> side = maker.side().isBuy() ? bids : asks;
        final PriceLevel level = side.get(maker.bookPrice());
        level.traded(quantity);
        if (maker.leavesQuantity() == 0)
        {
            level.remove(maker, 0);
            if (level.isEmpty())
            {
                side.remove(maker.bookPrice());
            }
        }
    }

    /**
     * Quantity an aggressor could execute right now, walking the contra side in priority order and stopping
     * where its limit no longer crosses or where self-trade prevention would stop it. Used for fill-or-kill.
     */
    long executableQuantity(final Side aggressorSide, final OrderType type, final long limit, final String account,
        final boolean selfTradePrevention, final long wanted)
    {
        long available = 0;
        for (final PriceLevel level : (aggressorSide.isBuy() ? asks : bids).values())
        {
            if (!crosses(aggressorSide, type, limit, level.price()))
            {
                break;
            }
            for (final Order resting : level.orders())
            {
                if (selfTradePrevention && resting.account().equals(account))
                {
                    return available;
                }
                available += resting.leavesQuantity();
                if (available >= wanted)
                {
                    return available;
                }
            }
        }
        return available;
    }

    static boolean crosses(final Side aggressorSide, final OrderType type, final long limit, final long restingPrice)
    {
        if (type == OrderType.MARKET)
        {
            return true;
        }
        return aggressorSide.isBuy() ? limit >= restingPrice : limit <= restingPrice;
    }
}
