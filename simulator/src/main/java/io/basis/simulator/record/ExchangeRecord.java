package io.basis.simulator.record;

import io.basis.simulator.matching.ExecutionListener;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.OrderStatus;
import io.basis.simulator.matching.RejectReason;
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
public final class ExchangeRecord implements ExecutionListener
{
    private static final long HIGHEST_TRACKABLE_MICROS = 60_000_000L;

    private final Set<String> internalAccounts;
    private final Map<String, AccountBook> accounts = new TreeMap<>();
    private final Histogram tickToOrderMicros = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
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

    /**
     * Record one tick-to-order measurement.
     *
     * @param nanos time from the market data send to the order's arrival; negative values (clocks not
     *              comparable) are ignored.
     */
    public synchronized void recordTickToOrder(final long nanos)
    {
        if (nanos >= 0)
        {
            tickToOrderMicros.recordValue(Math.min(nanos / 1_000, HIGHEST_TRACKABLE_MICROS));
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
        return new LatencySummary(
            tickToOrderMicros.getTotalCount(),
            tickToOrderMicros.getTotalCount() == 0 ? 0 : tickToOrderMicros.getValueAtPercentile(50.0),
            tickToOrderMicros.getTotalCount() == 0 ? 0 : tickToOrderMicros.getValueAtPercentile(99.0),
            tickToOrderMicros.getTotalCount() == 0 ? 0 : tickToOrderMicros.getMaxValue());
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
            properties.put(prefix + "fills", Long.toString(book.fills.size()));
            properties.put(prefix + "liveOrders", Long.toString(book.live.size()));
            for (final Map.Entry<String, Long> position : book.positions.entrySet())
            {
                properties.put(prefix + "position." + position.getKey(), Long.toString(position.getValue()));
            }
        }
        final LatencySummary latency = tickToOrder();
        properties.put("tickToOrder.count", Long.toString(latency.count()));
        properties.put("tickToOrder.p50Micros", Long.toString(latency.p50Micros()));
        properties.put("tickToOrder.p99Micros", Long.toString(latency.p99Micros()));
        properties.put("tickToOrder.maxMicros", Long.toString(latency.maxMicros()));
        return properties;
    }

    private AccountBook account(final String account)
    {
        return accounts.computeIfAbsent(account, a -> new AccountBook(!internalAccounts.contains(a)));
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
        private long cumQuantity;
        private OrderStatus status;

        private OrderEntry(final long orderId, final OrderRequest request, final String rejectText)
        {
            this.orderId = orderId;
            this.request = request;
            this.rejectText = rejectText;
        }

        private OrderRecord snapshot()
        {
            return new OrderRecord(orderId, request.account(), request.clOrdId(), request.symbol(), request.side(),
                request.quantity(), request.price(), cumQuantity, status, rejectText);
        }
    }
}
