package io.basis.simulator.record;

import io.basis.simulator.exchange.TickTiming;
import io.basis.simulator.matching.AuctionResult;
import io.basis.simulator.matching.ExecutionListener;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.OrderStatus;
import io.basis.simulator.matching.RejectReason;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.trading.ClosingResult;
import io.basis.simulator.trading.MarketStatusListener;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The exchange's books and records: every order, fill and cancel per account, net positions, and the
 * tick-to-order latency of orders that carried TriggerNanos.
 * <p>
 * Written on the exchange thread as an {@link ExecutionListener}, read from any thread: every method is
 * synchronized. Internal accounts (liquidity providers) requote many times a second, so for them only counters,
 * positions, fills and live orders are kept, not the history of every order and cancel.
 */
public final class ExchangeRecord implements ExecutionListener, MarketStatusListener
{
    private static final long HIGHEST_TRACKABLE_MICROS = 60_000_000L;
    /** Programs left out of the first- and last-leg figures: the first one meets every process's cold JIT. */
    private static final int WARM_UP_PROGRAMS = 1;

    private final Set<String> internalAccounts;
    private final Map<String, AccountBook> accounts = new TreeMap<>();
    private final Histogram tickToOrderMicros = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
    private final ProgramLatency programLatency = new ProgramLatency(HIGHEST_TRACKABLE_MICROS, WARM_UP_PROGRAMS);
    private final List<AuctionResult> auctions = new ArrayList<>();
    private final Map<String, ListBook> lists = new LinkedHashMap<>();
    private ClosingResult close;
    private TickTiming tickTiming;
    private long totalFills;
    private long totalOrders;

    /**
     * @param internalAccounts accounts whose order and cancel history is not kept.
     */
    public ExchangeRecord(final Set<String> internalAccounts)
    {
        this.internalAccounts = Set.copyOf(internalAccounts);
    }

    @Override
    public synchronized void onRejected(
        final OrderRequest request, final long orderId, final long execId, final RejectReason reason, final String text)
    {
        final AccountBook book = account(request.account());
        book.orders++;
        book.rejects++;
        totalOrders++;
        if (book.keepsHistory)
        {
            book.history.add(new OrderEntry(orderId, request, text));
        }
        if (request.listId() != null)
        {
            final ListBook list = list(request.listId(), request.account());
            list.clOrdIds.add(request.clOrdId());
            list.rejects++;
        }
    }

    @Override
    public synchronized void onAccepted(final Order order, final long execId)
    {
        final AccountBook book = account(order.account());
        book.orders++;
        totalOrders++;
        final OrderEntry entry = new OrderEntry(order.orderId(), order.request(), null);
        entry.status = OrderStatus.NEW;
        book.live.put(order.orderId(), entry);
        if (book.keepsHistory)
        {
            book.history.add(entry);
        }
        if (order.listId() != null)
        {
            list(order.listId(), order.account()).clOrdIds.add(order.clOrdId());
        }
    }

    @Override
    public synchronized void onFill(
        final Order order, final long quantity, final long price, final long execId, final boolean aggressor)
    {
        final AccountBook book = account(order.account());
        book.fills.add(new FillRecord(execId, order.orderId(), order.account(), order.clOrdId(),
            order.instrument().symbol(), order.side(), quantity, price, aggressor));
        book.positions.merge(order.instrument().symbol(), order.side().isBuy() ? quantity : -quantity, Long::sum);
        totalFills++;
        if (order.listId() != null)
        {
            final ListBook list = list(order.listId(), order.account());
            list.fills++;
            list.filledQuantity += quantity;
        }
        final OrderEntry entry = book.live.get(order.orderId());
        if (entry != null)
        {
            entry.cumQuantity = order.cumQuantity();
            entry.status = order.status();
            if (!order.status().isLive())
            {
                book.live.remove(order.orderId());
            }
        }
    }

    @Override
    public synchronized void onCanceled(
        final Order order, final long execId, final String cancelClOrdId, final String reason)
    {
        final AccountBook book = account(order.account());
        book.cancels++;
        if (order.listId() != null)
        {
            list(order.listId(), order.account()).cancels++;
        }
        if (book.keepsHistory)
        {
            book.cancelHistory.add(new CancelRecord(execId, order.orderId(), order.account(), order.clOrdId(),
                cancelClOrdId, order.instrument().symbol(), order.quantity() - order.cumQuantity(), reason));
        }
        final OrderEntry entry = book.live.remove(order.orderId());
        if (entry != null)
        {
            entry.status = OrderStatus.CANCELED;
        }
    }

    @Override
    public synchronized void onReplaced(final Order order, final long execId, final String origClOrdId)
    {
        final AccountBook book = account(order.account());
        book.replaces++;
        final OrderEntry entry = book.live.get(order.orderId());
        if (entry != null)
        {
            entry.clOrdId = order.clOrdId();
            entry.quantity = order.quantity();
            entry.price = order.price();
        }
    }

    @Override
    public synchronized void onAuction(final AuctionResult result)
    {
        auctions.add(result);
    }

    @Override
    public synchronized void onClose(final ClosingResult result)
    {
        close = result;
    }

    /**
     * @param timing the exchange's tick timing, written into the record file.
     */
    public synchronized void tickTiming(final TickTiming timing)
    {
        this.tickTiming = timing;
    }

    /**
     * @return every program seen (orders stamped with a ListID, from NewOrderList or per-leg NewOrderSingles),
     * in order of first appearance.
     */
    public synchronized List<ListRecord> lists()
    {
        final List<ListRecord> records = new ArrayList<>(lists.size());
        for (final ListBook list : lists.values())
        {
            records.add(list.snapshot());
        }
        return records;
    }

    /**
     * @return every call-auction uncross so far (opening, closing, volatility interruptions), oldest first.
     */
    public synchronized List<AuctionResult> auctions()
    {
        return List.copyOf(auctions);
    }

    /**
     * @return the last close (closing prices, closing index, final settlement), or null before the first.
     */
    public synchronized ClosingResult lastClose()
    {
        return close;
    }

    /**
     * Record one tick-to-order measurement: for the order, and for its program (its legs share the trigger).
     *
     * @param triggerNanos the order's TriggerNanos: when the market data that decided it was sent.
     * @param arrivalNanos when the order arrived; an arrival before its trigger (clocks not comparable) is ignored.
     */
    public synchronized void recordTickToOrder(final long triggerNanos, final long arrivalNanos)
    {
        final long nanos = arrivalNanos - triggerNanos;
        if (nanos >= 0)
        {
            tickToOrderMicros.recordValue(Math.min(nanos / 1_000, HIGHEST_TRACKABLE_MICROS));
            programLatency.onOrder(triggerNanos, arrivalNanos);
        }
    }

    /**
     * @param account account.
     * @param symbol  instrument symbol.
     * @return bought minus sold quantity.
     */
    public synchronized long netPosition(final String account, final String symbol)
    {
        final AccountBook book = accounts.get(account);
        return book == null ? 0 : book.positions.getOrDefault(symbol, 0L);
    }

    /**
     * @param account account.
     * @return the account's fills in execution order.
     */
    public synchronized List<FillRecord> fills(final String account)
    {
        final AccountBook book = accounts.get(account);
        return book == null ? List.of() : List.copyOf(book.fills);
    }

    /**
     * @param account account.
     * @return the account's orders still able to trade, oldest first.
     */
    public synchronized List<OrderRecord> liveOrders(final String account)
    {
        final AccountBook book = accounts.get(account);
        if (book == null)
        {
            return List.of();
        }
        final List<OrderRecord> live = new ArrayList<>(book.live.size());
        for (final OrderEntry entry : book.live.values())
        {
            live.add(entry.snapshot());
        }
        return live;
    }

    /**
     * @param account account.
     * @return every order of the account, accepted or rejected, oldest first (empty for internal accounts).
     */
    public synchronized List<OrderRecord> orders(final String account)
    {
        final AccountBook book = accounts.get(account);
        if (book == null)
        {
            return List.of();
        }
        final List<OrderRecord> orders = new ArrayList<>(book.history.size());
        for (final OrderEntry entry : book.history)
        {
            orders.add(entry.snapshot());
        }
        return orders;
    }

    /**
     * @param account account.
     * @return every cancel of the account, oldest first (empty for internal accounts).
     */
    public synchronized List<CancelRecord> cancels(final String account)
    {
        final AccountBook book = accounts.get(account);
        return book == null ? List.of() : List.copyOf(book.cancelHistory);
    }

    /**
     * @return every account that sent an order, sorted.
     */
    public synchronized SortedSet<String> accounts()
    {
        return Collections.unmodifiableSortedSet(new TreeSet<>(accounts.keySet()));
    }

    /**
     * @return fills booked across all accounts (two per trade, one per side).
     */
    public synchronized long totalFills()
    {
        return totalFills;
    }

    /**
     * @return tick-to-order latency so far.
     */
    public synchronized LatencySummary tickToOrder()
    {
        return ProgramLatency.summary(tickToOrderMicros);
    }

    /**
     * @return tick-to-order of each program's first leg, after the warm-up program.
     */
    public synchronized LatencySummary tickToFirstLeg()
    {
        return programLatency.firstLeg();
    }

    /**
     * @return tick-to-order of each program's last leg, after the warm-up program.
     */
    public synchronized LatencySummary tickToLastLeg()
    {
        return programLatency.lastLeg();
    }

    /**
     * The record as flat key/value pairs, the content of the record file (keys in docs/simulator.md).
     *
     * @return sorted properties.
     */
    public synchronized SortedMap<String, String> toProperties()
    {
        final SortedMap<String, String> properties = new TreeMap<>();
        properties.put("fills.total", Long.toString(totalFills));
        properties.put("orders.total", Long.toString(totalOrders));
        for (final Map.Entry<String, AccountBook> entry : accounts.entrySet())
        {
            final String prefix = "account." + entry.getKey() + ".";
            final AccountBook book = entry.getValue();
            properties.put(prefix + "orders", Long.toString(book.orders));
            properties.put(prefix + "rejects", Long.toString(book.rejects));
            properties.put(prefix + "cancels", Long.toString(book.cancels));
            properties.put(prefix + "replaces", Long.toString(book.replaces));
            properties.put(prefix + "fills", Long.toString(book.fills.size()));
            properties.put(prefix + "liveOrders", Long.toString(book.live.size()));
            for (final Map.Entry<String, Long> position : book.positions.entrySet())
            {
                properties.put(prefix + "position." + position.getKey(), Long.toString(position.getValue()));
            }
        }
        for (int k = 0; k < auctions.size(); k++)
        {
            final AuctionResult auction = auctions.get(k);
            final String prefix = "auction." + (k + 1) + ".";
            properties.put(prefix + "symbol", auction.symbol());
            properties.put(prefix + "price", FixedPoint.format(auction.price()));
            properties.put(prefix + "volume", Long.toString(auction.volume()));
            properties.put(prefix + "imbalance", Long.toString(auction.imbalance()));
            properties.put(prefix + "closing", Boolean.toString(auction.closing()));
        }
        properties.put("auctions.total", Integer.toString(auctions.size()));
        for (final ListBook list : lists.values())
        {
            final String prefix = "list." + list.listId + ".";
            properties.put(prefix + "account", list.account);
            properties.put(prefix + "orders", Integer.toString(list.clOrdIds.size()));
            properties.put(prefix + "rejects", Long.toString(list.rejects));
            properties.put(prefix + "cancels", Long.toString(list.cancels));
            properties.put(prefix + "fills", Long.toString(list.fills));
            properties.put(prefix + "filledQuantity", Long.toString(list.filledQuantity));
        }
        properties.put("lists.total", Integer.toString(lists.size()));
        if (close != null)
        {
            properties.put("close.index", FixedPoint.format(close.closingIndex()));
            for (final Map.Entry<String, Long> price : close.closingPrices().entrySet())
            {
                properties.put("close.price." + price.getKey(), FixedPoint.format(price.getValue()));
            }
            if (close.expiry())
            {
                properties.put("settlement." + close.future() + ".price",
                    FixedPoint.format(close.finalSettlementPrice()));
            }
        }
        if (tickTiming != null)
        {
            final TickTiming.Summary ticks = tickTiming.summary();
            properties.put("tick.count", Long.toString(ticks.count()));
            properties.put("tick.meanMicros", Long.toString(ticks.meanMicros()));
            properties.put("tick.meanCpuMicros", Long.toString(ticks.meanCpuMicros()));
            properties.put("tick.p99Micros", Long.toString(ticks.p99Micros()));
            properties.put("tick.maxMicros", Long.toString(ticks.maxMicros()));
        }
        put(properties, "tickToOrder", tickToOrder());
        put(properties, "tickToOrder.firstLeg", tickToFirstLeg());
        put(properties, "tickToOrder.lastLeg", tickToLastLeg());
        properties.put("tickToOrder.warmUpPrograms", Integer.toString(programLatency.warmUpPrograms()));
        return properties;
    }

    private static void put(final Map<String, String> properties, final String prefix, final LatencySummary latency)
    {
        properties.put(prefix + ".count", Long.toString(latency.count()));
        properties.put(prefix + ".p50Micros", Long.toString(latency.p50Micros()));
        properties.put(prefix + ".p99Micros", Long.toString(latency.p99Micros()));
        properties.put(prefix + ".maxMicros", Long.toString(latency.maxMicros()));
    }

    private ListBook list(final String listId, final String account)
    {
        return lists.computeIfAbsent(listId, id -> new ListBook(id, account));
    }

    private AccountBook account(final String account)
    {
        return accounts.computeIfAbsent(account, a -> new AccountBook(!internalAccounts.contains(a)));
    }

    private static final class ListBook
    {
        private final String listId;
        private final String account;
        private final List<String> clOrdIds = new ArrayList<>();
        private long rejects;
        private long cancels;
        private long fills;
        private long filledQuantity;

        private ListBook(final String listId, final String account)
        {
            this.listId = listId;
            this.account = account;
        }

        private ListRecord snapshot()
        {
            return new ListRecord(listId, account, List.copyOf(clOrdIds), rejects, cancels, fills, filledQuantity);
        }
    }

    private static final class AccountBook
    {
        private final boolean keepsHistory;
        private final List<OrderEntry> history = new ArrayList<>();
        private final List<CancelRecord> cancelHistory = new ArrayList<>();
        private final List<FillRecord> fills = new ArrayList<>();
        private final Map<Long, OrderEntry> live = new LinkedHashMap<>();
        private final Map<String, Long> positions = new TreeMap<>();
        private long orders;
        private long rejects;
        private long cancels;
        private long replaces;

        private AccountBook(final boolean keepsHistory)
        {
            this.keepsHistory = keepsHistory;
        }
    }

    /**
     * The record's own copy of an order's state: {@link Order} belongs to the exchange thread.
     */
    private static final class OrderEntry
    {
        private final long orderId;
        private final OrderRequest request;
        private final String rejectText;
        private String clOrdId;
        private long quantity;
        private long price;
        private long cumQuantity;
        private OrderStatus status;

        private OrderEntry(final long orderId, final OrderRequest request, final String rejectText)
        {
            this.orderId = orderId;
            this.request = request;
            this.rejectText = rejectText;
            this.clOrdId = request.clOrdId();
            this.quantity = request.quantity();
            this.price = request.price();
        }

        private OrderRecord snapshot()
        {
            return new OrderRecord(orderId, request.account(), clOrdId, request.symbol(), request.side(),
                quantity, price, cumQuantity, status, rejectText);
        }
    }
}
