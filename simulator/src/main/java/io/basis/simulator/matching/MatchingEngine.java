package io.basis.simulator.matching;

import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.ReferenceData;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validates orders and matches them in price-time priority, one book per instrument.
 * <p>
 * Trades execute at the resting order's price. Limit DAY orders rest; IOC and market remainders are canceled;
 * FOK orders fill completely or not at all. With self-trade prevention on, an aggressor that reaches a resting
 * order of its own account stops there and its remainder is canceled.
 * <p>
 * Not thread-safe: the exchange calls it from one thread only.
 */
public final class MatchingEngine
{
    /** Largest accepted order quantity; keeps quantity * price inside a long. */
    public static final long MAX_ORDER_QUANTITY = 100_000_000L;

    private final ReferenceData referenceData;
    private final MatchingRules rules;
    private final ExecutionListener listener;
    private final Map<String, OrderBook> books = new LinkedHashMap<>();
    private final Map<String, PriceBand> bands = new HashMap<>();
    private final Map<Object, Map<String, Order>> ordersByOwner = new HashMap<>();
    private final Map<Object, Set<String>> usedClOrdIds = new HashMap<>();
    private long nextOrderId = 1;
    private long nextExecId = 1;

    /**
     * @param referenceData instruments to list.
     * @param rules         daily limits and self-trade prevention.
     * @param listener      receives every event.
     */
    public MatchingEngine(final ReferenceData referenceData, final MatchingRules rules, final ExecutionListener listener)
    {
        this.referenceData = referenceData;
        this.rules = rules;
        this.listener = listener;
        for (final Instrument instrument : referenceData.instruments())
        {
            books.put(instrument.symbol(), new OrderBook(instrument));
            bands.put(instrument.symbol(), PriceBand.of(instrument, rules));
        }
    }

    /**
     * @param symbol instrument symbol.
     * @return its book, or null if not listed.
     */
    public OrderBook book(final String symbol)
    {
        return books.get(symbol);
    }

    /**
     * @return every book, in reference-data order.
     */
    public Collection<OrderBook> books()
    {
        return Collections.unmodifiableCollection(books.values());
    }

    /**
     * @param symbol instrument symbol.
     * @return its daily price band, or null if not listed.
     */
    public PriceBand priceBand(final String symbol)
    {
        return bands.get(symbol);
    }

    /**
     * Validate and execute a new order.
     *
     * @param request the order.
     * @return the accepted order (possibly already filled or canceled), or null if rejected.
     */
    public Order submit(final OrderRequest request)
    {
        final Object owner = request.owner();
        if (owner != null && request.clOrdId() != null &&
            !usedClOrdIds.computeIfAbsent(owner, o -> new HashSet<>()).add(request.clOrdId()))
        {
            return reject(request, RejectReason.DUPLICATE_ORDER, "duplicate ClOrdID " + request.clOrdId());
        }
        final Instrument instrument = referenceData.instrument(request.symbol());
        if (instrument == null)
        {
            return reject(request, RejectReason.UNKNOWN_SYMBOL, "unknown symbol " + request.symbol());
        }
        if (request.decodeReject() != null)
        {
            return reject(request, request.decodeReject(), request.decodeRejectText());
        }
        final String quantityProblem = quantityProblem(request, instrument);
        if (quantityProblem != null)
        {
            return reject(request, RejectReason.INCORRECT_QUANTITY, quantityProblem);
        }
        if (request.type() == OrderType.LIMIT)
        {
            final String priceProblem = priceProblem(request.price(), instrument);
            if (priceProblem != null)
            {
                return reject(request, RejectReason.OTHER, priceProblem);
            }
        }

        final Order order = new Order(nextOrderId++, request, instrument);
        if (owner != null && request.clOrdId() != null)
        {
            ordersByOwner.computeIfAbsent(owner, o -> new HashMap<>()).put(request.clOrdId(), order);
        }
        listener.onAccepted(order, nextExecId++);
        execute(books.get(instrument.symbol()), order);
        return order;
    }

    /**
     * Cancel a client order by its ClOrdID; reports a cancel or a cancel reject.
     *
     * @param request the cancel request.
     */
    public void cancel(final CancelRequest request)
    {
        if (request.owner() != null && request.clOrdId() != null)
        {
            // Cancel requests consume ClOrdIDs too, so a later order cannot reuse one.
            usedClOrdIds.computeIfAbsent(request.owner(), o -> new HashSet<>()).add(request.clOrdId());
        }
        final Map<String, Order> orders = ordersByOwner.get(request.owner());
        final Order order = orders == null ? null : orders.get(request.origClOrdId());
        if (order == null)
        {
            listener.onCancelRejected(request, null, CancelRejectReason.UNKNOWN_ORDER);
        }
        else if (!order.status().isLive())
        {
            listener.onCancelRejected(request, order, CancelRejectReason.TOO_LATE_TO_CANCEL);
        }
        else
        {
            cancelResting(order, request.clOrdId(), "canceled by request");
        }
    }

    /**
     * Cancel a live order directly, as its owner; used by internal liquidity which has no ClOrdIDs.
     *
     * @param order the order.
     * @return true if it was live and is now canceled.
     */
    public boolean cancel(final Order order)
    {
        if (!order.status().isLive())
        {
            return false;
        }
        cancelResting(order, null, "canceled by owner");
        return true;
    }

    private void cancelResting(final Order order, final String cancelClOrdId, final String reason)
    {
        final OrderBook book = books.get(order.instrument().symbol());
        book.remove(order, order.leavesQuantity());
        order.cancel();
        listener.onCanceled(order, nextExecId++, cancelClOrdId, reason);
        listener.onBookChanged(book);
    }

    private void execute(final OrderBook book, final Order order)
    {
        final boolean selfTradePrevention = rules.selfTradePrevention();
        if (order.timeInForce() == TimeInForce.FILL_OR_KILL &&
            book.executableQuantity(order.side(), order.type(), order.price(), order.account(), selfTradePrevention,
                order.quantity()) < order.quantity())
        {
            order.cancel();
            listener.onCanceled(order, nextExecId++, null, "fill or kill: not enough quantity");
            return;
        }

        boolean selfTradeStopped = false;
        boolean bookChanged = false;
        while (order.leavesQuantity() > 0)
        {
            final Order resting = book.bestContra(order.side());
            if (resting == null || !OrderBook.crosses(order.side(), order.type(), order.price(), resting.price()))
            {
                break;
            }
            if (selfTradePrevention && resting.account().equals(order.account()))
            {
                selfTradeStopped = true;
                break;
            }
            final long quantity = Math.min(order.leavesQuantity(), resting.leavesQuantity());
            final long price = resting.price();
            resting.fill(quantity, price);
            book.traded(resting, quantity);
            order.fill(quantity, price);
            bookChanged = true;
            listener.onFill(resting, quantity, price, nextExecId++, false);
            listener.onFill(order, quantity, price, nextExecId++, true);
            listener.onTrade(book.instrument(), quantity, price);
        }

        if (order.leavesQuantity() > 0)
        {
            if (selfTradeStopped)
            {
                order.cancel();
                listener.onCanceled(order, nextExecId++, null, "self-trade prevention");
            }
            else if (order.type() == OrderType.MARKET || order.timeInForce() != TimeInForce.DAY)
            {
                order.cancel();
                listener.onCanceled(order, nextExecId++, null,
                    order.type() == OrderType.MARKET ? "market order remainder" : "immediate or cancel remainder");
            }
            else
            {
                book.add(order);
                bookChanged = true;
            }
        }
        if (bookChanged)
        {
            listener.onBookChanged(book);
        }
    }

    private Order reject(final OrderRequest request, final RejectReason reason, final String text)
    {
        listener.onRejected(request, nextOrderId++, nextExecId++, reason, text);
        return null;
    }

    private static String quantityProblem(final OrderRequest request, final Instrument instrument)
    {
        final long quantity = request.quantity();
        if (quantity <= 0)
        {
            return "OrderQty must be positive: " + quantity;
        }
        if (quantity % instrument.lot() != 0)
        {
            return "OrderQty " + quantity + " is not a multiple of the lot " + instrument.lot();
        }
        if (quantity > MAX_ORDER_QUANTITY)
        {
            return "OrderQty " + quantity + " exceeds the maximum " + MAX_ORDER_QUANTITY;
        }
        return null;
    }

    private String priceProblem(final long price, final Instrument instrument)
    {
        if (price <= 0)
        {
            return "price must be positive: " + FixedPoint.format(price);
        }
        if (!instrument.tickTable().isOnGrid(price))
        {
            return "price " + FixedPoint.format(price) + " not on tick grid (tick " +
                FixedPoint.format(instrument.tickTable().tickAt(price)) + ")";
        }
        final PriceBand band = bands.get(instrument.symbol());
        if (!band.contains(price))
        {
            return "price " + FixedPoint.format(price) + " outside daily limit " +
                FixedPoint.format(band.lower()) + "-" + FixedPoint.format(band.upper());
        }
        return null;
    }
}
