package io.basis.simulator.matching;

import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.ReferenceData;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates orders and matches them in price-time priority, one book per instrument.
 * <p>
 * Continuous trading: trades execute at the resting order's price. Limit DAY orders rest; IOC and market
 * remainders are canceled; FOK orders fill completely or not at all. With self-trade prevention on, an aggressor
 * that reaches a resting order of its own account stops there and its remainder is canceled.
 * <p>
 * A book can instead be in a call auction (opening, closing, volatility interruption): orders rest without
 * matching until {@link #uncross}, which executes the maximum volume at one price ({@link UncrossingPrice}).
 * At-the-close orders wait outside the book until the closing auction starts. A book can be halted (no new
 * orders or replaces, cancels still allowed), and fills of an instrument can be held back: client orders are
 * then parked outside the book until released (fault injection, to make a program leg).
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
    private final Map<String, ArrayDeque<Order>> heldOrders = new HashMap<>();
    private final Map<String, ArrayDeque<Order>> atCloseOrders = new HashMap<>();
    private final Set<String> halted = new HashSet<>();
    private OrderAdmission admission = OrderAdmission.OPEN;
    private boolean closingAuction;
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
     * @param gate market-wide gate on client orders (phases, sidecar, injected rejects).
     */
    public void admission(final OrderAdmission gate)
    {
        this.admission = gate;
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
        final String quantityProblem = quantityProblem(request.quantity(), instrument);
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
        if (halted.contains(instrument.symbol()))
        {
            return reject(request, RejectReason.EXCHANGE_CLOSED, "trading halted in " + instrument.symbol());
        }
        if (owner != null)
        {
            final OrderAdmission.Refusal refusal = admission.refuse(request, instrument);
            if (refusal != null)
            {
                return reject(request, refusal.reason(), refusal.text());
            }
        }

        final Order order = new Order(nextOrderId++, request, instrument);
        if (owner != null && request.clOrdId() != null)
        {
            ordersByOwner.computeIfAbsent(owner, o -> new HashMap<>()).put(request.clOrdId(), order);
        }
        listener.onAccepted(order, nextExecId++);
        place(books.get(instrument.symbol()), order);
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
        final Order order = clientOrder(request.owner(), request.origClOrdId());
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
            cancelLive(order, request.clOrdId(), "canceled by request");
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
        return cancel(order, "canceled by owner");
    }

    /**
     * Cancel a live order directly, with a reason for its report (a list cancel, say).
     *
     * @param order  the order.
     * @param reason text of the cancel report.
     * @return true if it was live and is now canceled.
     */
    public boolean cancel(final Order order, final String reason)
    {
        if (!order.status().isLive())
        {
            return false;
        }
        cancelLive(order, null, reason);
        return true;
    }

    /**
     * Cancel-replace: change a live client order's quantity and/or price. A price change or a quantity increase
     * loses time priority (the order leaves the book and re-enters as if new, and may trade); a pure quantity
     * decrease keeps it. The new quantity is the total, filled quantity included, and must exceed it.
     *
     * @param request the request.
     */
    public void replace(final ReplaceRequest request)
    {
        final Object owner = request.owner();
        if (owner != null && request.clOrdId() != null &&
            !usedClOrdIds.computeIfAbsent(owner, o -> new HashSet<>()).add(request.clOrdId()))
        {
            listener.onReplaceRejected(request, clientOrder(owner, request.origClOrdId()),
                CancelRejectReason.DUPLICATE_CLORDID, "duplicate ClOrdID " + request.clOrdId());
            return;
        }
        final Order order = clientOrder(owner, request.origClOrdId());
        if (order == null)
        {
            listener.onReplaceRejected(request, null, CancelRejectReason.UNKNOWN_ORDER,
                "unknown order " + request.origClOrdId());
            return;
        }
        if (!order.status().isLive())
        {
            listener.onReplaceRejected(request, order, CancelRejectReason.TOO_LATE_TO_CANCEL,
                "too late to replace: order " + request.origClOrdId() + " is " + order.status());
            return;
        }
        final Instrument instrument = order.instrument();
        String problem = request.decodeRejectText();
        if (problem == null)
        {
            problem = quantityProblem(request.quantity(), instrument);
        }
        if (problem == null && request.quantity() <= order.cumQuantity())
        {
            problem = "OrderQty " + request.quantity() + " not above the filled quantity " + order.cumQuantity();
        }
        final long newPrice = order.type() == OrderType.LIMIT ? request.price() : 0;
        if (problem == null && order.type() == OrderType.LIMIT)
        {
            problem = priceProblem(newPrice, instrument);
        }
        if (problem != null)
        {
            listener.onReplaceRejected(request, order, CancelRejectReason.OTHER, problem);
            return;
        }
        if (halted.contains(instrument.symbol()))
        {
            listener.onReplaceRejected(request, order, CancelRejectReason.EXCHANGE_OPTION,
                "trading halted in " + instrument.symbol());
            return;
        }

        final String origClOrdId = order.clOrdId();
        final boolean keepsPriority = newPrice == order.price() && request.quantity() <= order.quantity();
        final OrderBook book = books.get(instrument.symbol());
        ordersByOwner.computeIfAbsent(owner, o -> new HashMap<>()).put(request.clOrdId(), order);
        if (order.place() != Order.Place.BOOK)
        {
            // Parked or queued for the close: nothing to reprioritise in the book.
            order.replace(request.clOrdId(), request.quantity(), newPrice);
            listener.onReplaced(order, nextExecId++, origClOrdId);
        }
        else if (keepsPriority)
        {
            book.reduce(order, order.quantity() - request.quantity());
            order.replace(request.clOrdId(), request.quantity(), newPrice);
            listener.onReplaced(order, nextExecId++, origClOrdId);
            listener.onBookChanged(book);
        }
        else
        {
            book.remove(order, order.leavesQuantity());
            order.place(Order.Place.NONE);
            order.replace(request.clOrdId(), request.quantity(), newPrice);
            listener.onReplaced(order, nextExecId++, origClOrdId);
            listener.onBookChanged(book);
            place(book, order);
        }
    }

    /**
     * Order status request: reports the order's current state (or that it is unknown).
     *
     * @param owner   requesting session.
     * @param clOrdId a ClOrdID of the order (its latest, or one it had before a replace).
     */
    public void orderStatus(final Object owner, final String clOrdId)
    {
        listener.onOrderStatus(owner, clOrdId, clientOrder(owner, clOrdId), nextExecId++);
    }

    /**
     * Mass cancel: cancel every live order of a session, or of one symbol, then report the count.
     *
     * @param owner   requesting session.
     * @param clOrdId the request's ClOrdID.
     * @param symbol  limit to this symbol, or null for all.
     * @return orders canceled.
     */
    public int massCancel(final Object owner, final String clOrdId, final String symbol)
    {
        if (owner != null && clOrdId != null)
        {
            usedClOrdIds.computeIfAbsent(owner, o -> new HashSet<>()).add(clOrdId);
        }
        final int canceled = cancelLiveOrders(owner, symbol, false, "mass cancel");
        listener.onMassCanceled(owner, clOrdId, symbol, canceled);
        return canceled;
    }

    /**
     * A session disconnected: cancel its live orders that asked for it (ExecInst Q).
     *
     * @param owner the session.
     * @return orders canceled.
     */
    public int cancelOnDisconnect(final Object owner)
    {
        return cancelLiveOrders(owner, null, true, "cancel on disconnect");
    }

    private int cancelLiveOrders(
        final Object owner, final String symbol, final boolean onlyCancelOnDisconnect, final String reason)
    {
        final Map<String, Order> orders = ordersByOwner.get(owner);
        if (orders == null)
        {
            return 0;
        }
        // A replaced order is known by several ClOrdIDs: cancel each order once, oldest first.
        final List<Order> live = new ArrayList<>();
        for (final Order order : orders.values())
        {
            if (order.status().isLive() && !live.contains(order) &&
                (symbol == null || symbol.equals(order.instrument().symbol())) &&
                (!onlyCancelOnDisconnect || order.request().cancelOnDisconnect()))
            {
                live.add(order);
            }
        }
        live.sort(Comparator.comparingLong(Order::orderId));
        for (final Order order : live)
        {
            cancelLive(order, null, reason);
        }
        return live.size();
    }

    /**
     * Halt an instrument: new orders and replaces are rejected, resting orders stay, cancels still work.
     *
     * @param symbol instrument symbol.
     * @return false if the symbol is not listed.
     */
    public boolean halt(final String symbol)
    {
        if (!books.containsKey(symbol))
        {
            return false;
        }
        halted.add(symbol);
        return true;
    }

    /**
     * @param symbol instrument symbol.
     * @return false if the symbol is not listed.
     */
    public boolean resume(final String symbol)
    {
        halted.remove(symbol);
        return books.containsKey(symbol);
    }

    /**
     * @param symbol instrument symbol.
     * @return true if halted.
     */
    public boolean isHalted(final String symbol)
    {
        return halted.contains(symbol);
    }

    /**
     * Hold back fills of client orders in an instrument: resting client orders leave the book and new ones are
     * acknowledged but parked, so nothing of the instrument fills for clients until {@link #releaseFills}.
     *
     * @param symbol instrument symbol.
     * @return false if the symbol is not listed.
     */
    public boolean holdFills(final String symbol)
    {
        final OrderBook book = books.get(symbol);
        if (book == null)
        {
            return false;
        }
        if (heldOrders.containsKey(symbol))
        {
            return true;
        }
        final ArrayDeque<Order> parked = new ArrayDeque<>();
        heldOrders.put(symbol, parked);
        final List<Order> clients = new ArrayList<>();
        for (final Order order : book.restingOrders())
        {
            if (order.owner() != null)
            {
                clients.add(order);
            }
        }
        if (!clients.isEmpty())
        {
            // Back in arrival order on release: the hold must not reorder what it pulled out.
            clients.sort(Comparator.comparingLong(Order::orderId));
            for (final Order order : clients)
            {
                book.remove(order, order.leavesQuantity());
                order.place(Order.Place.HELD);
                parked.add(order);
            }
            listener.onBookChanged(book);
        }
        return true;
    }

    /**
     * Release held fills: parked orders enter the book in arrival order, trading as they would have on arrival.
     *
     * @param symbol instrument symbol.
     * @return the number of live orders released, or -1 if fills of the symbol were not held.
     */
    public int releaseFills(final String symbol)
    {
        final ArrayDeque<Order> parked = heldOrders.remove(symbol);
        if (parked == null)
        {
            return -1;
        }
        int released = 0;
        final OrderBook book = books.get(symbol);
        for (final Order order : parked)
        {
            if (order.status().isLive())
            {
                order.place(Order.Place.NONE);
                place(book, order);
                released++;
            }
        }
        return released;
    }

    /**
     * @return symbols whose fills are held, in no particular order.
     */
    public Set<String> heldSymbols()
    {
        return Set.copyOf(heldOrders.keySet());
    }

    /**
     * Put one book into a call auction: orders rest without matching until {@link #uncross}.
     *
     * @param symbol instrument symbol.
     * @return false if the symbol is not listed.
     */
    public boolean startAuction(final String symbol)
    {
        final OrderBook book = books.get(symbol);
        if (book == null)
        {
            return false;
        }
        book.auction(true);
        return true;
    }

    /**
     * Start the closing auction: every book goes into auction and the queued at-the-close orders enter them.
     */
    public void startClosingAuction()
    {
        closingAuction = true;
        for (final OrderBook book : books.values())
        {
            book.auction(true);
            final ArrayDeque<Order> queued = atCloseOrders.remove(book.instrument().symbol());
            if (queued != null)
            {
                for (final Order order : queued)
                {
                    if (order.status().isLive())
                    {
                        order.place(Order.Place.NONE);
                        place(book, order);
                    }
                }
            }
        }
    }

    /**
     * @return true between {@link #startClosingAuction()} and {@link #endClosingAuction()}.
     */
    public boolean inClosingAuction()
    {
        return closingAuction;
    }

    /**
     * Leave closing-auction mode (after the uncross); the books stay as they are.
     */
    public void endClosingAuction()
    {
        closingAuction = false;
    }

    /**
     * Uncross a book in auction at the price of maximum executable volume, minimum imbalance, closest to the
     * reference (last trade, else prevClose); both sides fill at that price in price-time priority. The book
     * returns to continuous trading; market orders left over are canceled.
     *
     * @param symbol instrument symbol.
     * @return the result, or null if the symbol is not listed or not in auction.
     */
    public AuctionResult uncross(final String symbol)
    {
        final OrderBook book = books.get(symbol);
        if (book == null || !book.inAuction())
        {
            return null;
        }
        final long reference = book.lastTradePrice() != 0 ? book.lastTradePrice() : book.instrument().prevClose();
        final UncrossingPrice uncrossing = UncrossingPrice.of(book, reference);
        long remaining = uncrossing.volume();
        final long price = uncrossing.price();
        boolean changed = false;
        while (remaining > 0)
        {
            final Order buy = book.best(true);
            final Order sell = book.best(false);
            final long quantity = Math.min(remaining, Math.min(buy.leavesQuantity(), sell.leavesQuantity()));
            buy.fill(quantity, price);
            book.traded(buy, quantity);
            sell.fill(quantity, price);
            book.traded(sell, quantity);
            leftBookIfDone(buy);
            leftBookIfDone(sell);
            listener.onFill(buy, quantity, price, nextExecId++, false);
            listener.onFill(sell, quantity, price, nextExecId++, false);
            listener.onTrade(book.instrument(), quantity, price);
            book.lastTradePrice(price);
            remaining -= quantity;
            changed = true;
        }
        book.auction(false);
        for (final Order order : book.restingOrders())
        {
            if (order.type() == OrderType.MARKET)
            {
                cancelLive(order, null, "market order remainder");
            }
        }
        if (changed)
        {
            listener.onBookChanged(book);
        }
        final AuctionResult result = new AuctionResult(
            symbol, price, uncrossing.volume(), uncrossing.imbalance(), closingAuction);
        listener.onAuction(result);
        return result;
    }

    /**
     * End of day: cancel every live order, in the books, parked or queued for the close.
     *
     * @param reason text of the cancel reports.
     * @return number of orders canceled.
     */
    public int expireAll(final String reason)
    {
        int expired = 0;
        for (final OrderBook book : books.values())
        {
            final List<Order> orders = book.restingOrders();
            for (final Order order : orders)
            {
                cancelLive(order, null, reason);
                expired++;
            }
        }
        for (final Map<String, ArrayDeque<Order>> queues : List.of(heldOrders, atCloseOrders))
        {
            for (final ArrayDeque<Order> queue : queues.values())
            {
                // A copy: canceling takes the order off this very queue.
                for (final Order order : List.copyOf(queue))
                {
                    if (order.status().isLive())
                    {
                        cancelLive(order, null, reason);
                        expired++;
                    }
                }
                queue.clear();
            }
        }
        atCloseOrders.clear();
        return expired;
    }

    private Order clientOrder(final Object owner, final String clOrdId)
    {
        final Map<String, Order> orders = ordersByOwner.get(owner);
        return orders == null ? null : orders.get(clOrdId);
    }

    private void leftBookIfDone(final Order order)
    {
        if (!order.status().isLive())
        {
            order.place(Order.Place.NONE);
        }
    }

    /**
     * Route an accepted (or released, or replaced) order to where it belongs now.
     */
    private void place(final OrderBook book, final Order order)
    {
        final String symbol = book.instrument().symbol();
        if (order.timeInForce() == TimeInForce.AT_THE_CLOSE && !closingAuction)
        {
            order.place(Order.Place.AT_CLOSE);
            atCloseOrders.computeIfAbsent(symbol, s -> new ArrayDeque<>()).add(order);
            return;
        }
        if (order.owner() != null && heldOrders.containsKey(symbol))
        {
            order.place(Order.Place.HELD);
            heldOrders.get(symbol).add(order);
            return;
        }
        if (book.inAuction())
        {
            if (order.type() == OrderType.MARKET)
            {
                // Priced at its side's daily limit: ahead of every limit order, and in the volume at any price.
                final PriceBand band = bands.get(symbol);
                order.restAt(order.side().isBuy() ? band.upper() : band.lower());
            }
            book.add(order);
            order.place(Order.Place.BOOK);
            listener.onBookChanged(book);
            return;
        }
        execute(book, order);
    }

    private void cancelLive(final Order order, final String cancelClOrdId, final String reason)
    {
        final OrderBook book = books.get(order.instrument().symbol());
        final boolean inBook = order.place() == Order.Place.BOOK;
        if (inBook)
        {
            book.remove(order, order.leavesQuantity());
        }
        else if (order.place() == Order.Place.HELD || order.place() == Order.Place.AT_CLOSE)
        {
            final ArrayDeque<Order> queue = (order.place() == Order.Place.HELD ? heldOrders : atCloseOrders)
                .get(order.instrument().symbol());
            if (queue != null)
            {
                queue.remove(order);
            }
        }
        order.place(Order.Place.NONE);
        order.cancel();
        listener.onCanceled(order, nextExecId++, cancelClOrdId, reason);
        if (inBook)
        {
            listener.onBookChanged(book);
        }
    }

    private void execute(final OrderBook book, final Order order)
    {
        final boolean selfTradePrevention = rules.selfTradePrevention();
        if (order.timeInForce() == TimeInForce.FILL_OR_KILL &&
            book.executableQuantity(order.side(), order.type(), order.price(), order.account(), selfTradePrevention,
                order.leavesQuantity()) < order.leavesQuantity())
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
            if (resting == null ||
                !OrderBook.crosses(order.side(), order.type(), order.price(), resting.bookPrice()))
            {
                break;
            }
            if (selfTradePrevention && resting.account().equals(order.account()))
            {
                selfTradeStopped = true;
                break;
            }
            final long quantity = Math.min(order.leavesQuantity(), resting.leavesQuantity());
            final long price = resting.bookPrice();
            resting.fill(quantity, price);
            book.traded(resting, quantity);
            leftBookIfDone(resting);
            order.fill(quantity, price);
            book.lastTradePrice(price);
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
            else if (order.type() == OrderType.MARKET || order.timeInForce() == TimeInForce.IMMEDIATE_OR_CANCEL ||
                order.timeInForce() == TimeInForce.FILL_OR_KILL)
            {
                order.cancel();
                listener.onCanceled(order, nextExecId++, null,
                    order.type() == OrderType.MARKET ? "market order remainder" : "immediate or cancel remainder");
            }
            else
            {
                book.add(order);
                order.place(Order.Place.BOOK);
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

    private static String quantityProblem(final long quantity, final Instrument instrument)
    {
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
