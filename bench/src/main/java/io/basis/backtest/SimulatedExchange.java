package io.basis.backtest;

import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.OrderPort;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import io.basis.simulator.matching.ExecutionListener;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.MatchingRules;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.OrderType;
import io.basis.simulator.price.TickTable;
import io.basis.simulator.refdata.Constituent;
import io.basis.simulator.refdata.IndexDefinition;
import io.basis.simulator.refdata.InstrumentKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchange of a backtest, in process: the simulator's own matching engine (price-time priority, partial fills,
 * the closing auction), with the synthetic market's quotes as resting liquidity and the engine's orders reaching it
 * after a configurable latency. Liquidity is mirrored into the matching engine only where the engine has orders, so
 * the cost of matching follows the engine's trading, not the market's ticks; a resting order fills when the market's
 * re-quoted liquidity crosses it. Orders, cancels and their reports are plain objects here: this is the test
 * harness, not the engine's hot path.
 */
final class SimulatedExchange implements OrderPort, ExecutionListener
{
    /** Reports from the exchange to the engine, and fills to the books of the executable view. */
    interface Reports
    {
        void onReport(long orderId, int instrumentId, ExecType execType, OrdStatus ordStatus, Side side,
            long lastQty, long lastPx, long cumQty, long leavesQty, long avgPx, RejectReason reason);

        void onFill(int instrumentId, boolean buy, long quantity, long price);
    }

    private static final Object ENGINE = new Object();
    private static final String LIQUIDITY = "LP";

    private final MarketSource market;
    private final Reports reports;
    private final boolean fillAtMid;
    private final ArrayDeque<Runnable> inFlight = new ArrayDeque<>();
    private final Map<String, ChildOrderRef> byClOrdId = new HashMap<>();
    private final Map<Long, Order> byOrderId = new HashMap<>();
    private List<List<Order>> liquidity = new ArrayList<>();
    private int[] working = new int[0];
    private String[] symbols = new String[0];
    private MatchingEngine matching;
    private boolean closingAuction;
    private boolean openingAuction;
    private String lastReject;

    private record ChildOrderRef(long orderId, int instrumentId, Side side)
    {
    }

    /**
     * @param market    the quotes to mirror.
     * @param reports   where reports and fills go.
     * @param fillAtMid fill every order at once and whole at the mid (the sanity check against the study's view).
     */
    SimulatedExchange(final MarketSource market, final Reports reports, final boolean fillAtMid)
    {
        this.market = market;
        this.reports = reports;
        this.fillAtMid = fillAtMid;
    }

    /**
     * A new trading day: a matching engine whose daily limits refer to the day's previous closes.
     *
     * @param day the day's reference data.
     */
    void openDay(final ReferenceData day)
    {
        final List<io.basis.simulator.refdata.Instrument> instruments = new ArrayList<>();
        symbols = new String[day.instruments().size()];
        for (final Instrument instrument : day.instruments())
        {
            symbols[instrument.id()] = instrument.symbol();
            instruments.add(new io.basis.simulator.refdata.Instrument(instrument.symbol(),
                instrument.kind() == io.basis.protocol.sbe.InstrumentKind.STOCK ? InstrumentKind.STOCK :
                InstrumentKind.FUTURE, "", instrument.lot(),
                new TickTable(instrument.tickTable().name(), day.tradingDate(), instrument.tickTable().fromPrices(),
                    instrument.tickTable().ticks()),
                instrument.multiplier(), instrument.prevClose(),
                instrument.symbol().equals(day.future().symbol()) ? day.lastTradingDay() : null));
        }
        final io.basis.simulator.refdata.Instrument future = instruments.get(day.future().id());
        final List<Constituent> basket = new ArrayList<>();
        for (final var constituent : day.constituents())
        {
            basket.add(new Constituent(instruments.get(constituent.instrument().id()), constituent.indexShares(),
                constituent.floatFactor(), constituent.capFactor()));
        }
        matching = new MatchingEngine(new io.basis.simulator.refdata.ReferenceData(day.tradingDate(), instruments,
            new IndexDefinition(day.indexName(), future, (long)day.divisor()), basket), MatchingRules.KRX, this);
        liquidity = new ArrayList<>();
        for (int i = 0; i < symbols.length; i++)
        {
            liquidity.add(new ArrayList<>());
        }
        working = new int[symbols.length];
        byClOrdId.clear();
        byOrderId.clear();
        closingAuction = false;
        openingAuction = false;
    }

    /**
     * The market re-quoted a book: where the engine has orders, the matching engine's liquidity follows.
     *
     * @param instrumentId the instrument.
     */
    void onBook(final int instrumentId)
    {
        if (working[instrumentId] > 0 && !fillAtMid)
        {
            mirror(instrumentId);
        }
    }

    @Override
    public long sendNewOrder(
        final ChildOrder order,
        final TimeInForce timeInForce,
        final ProgramFlag programFlag,
        final long triggerTimestampNs,
        final int listSeqNo,
        final int listSize)
    {
        final long orderId = order.orderId();
        final int instrumentId = order.instrumentId();
        final Side side = order.side();
        final long quantity = order.quantity();
        final long price = order.price();
        if (fillAtMid)
        {
            // Instant: at the mid of the moment the engine decided, whatever the market did since.
            final long mid = Prices.fromDouble(market.midOf(instrumentId));
            inFlight.add(() -> fillAtMid(orderId, instrumentId, side, quantity, mid));
            return 1;
        }
        inFlight.add(() -> arrive(orderId, instrumentId, side, quantity, price, timeInForce));
        return 1;
    }

    @Override
    public long sendCancel(final long cancelId, final ChildOrder order)
    {
        final long orderId = order.orderId();
        inFlight.add(() ->
        {
            final Order resting = byOrderId.get(orderId);
            if (resting != null && resting.status().isLive())
            {
                matching.cancel(resting);
            }
        });
        return 1;
    }

    @Override
    public long sendStatusRequest(final ChildOrder order)
    {
        // A backtest engine never restarts mid-run, so it never asks; were it to, the answer would never come.
        return -1;
    }

    /**
     * Let the orders and cancels in flight reach the exchange (their latency has passed): what they trigger is
     * reported at once, and what the engine sends in answer is delivered too, until nothing is in flight.
     *
     * @return messages delivered.
     */
    int deliver()
    {
        int delivered = 0;
        Runnable next;
        while ((next = inFlight.poll()) != null)
        {
            next.run();
            delivered++;
        }
        return delivered;
    }

    /**
     * The closing auction opens: at-the-close orders join it; continuous orders stop matching until the uncross.
     */
    void startClosingAuction()
    {
        closingAuction = true;
        matching.startClosingAuction();
    }

    /**
     * The opening auction (of a special-opening-quotation expiry): orders arriving now wait in their book's
     * auction until the uncross.
     */
    void startOpeningAuction()
    {
        openingAuction = true;
    }

    /**
     * Uncross every book the engine has orders in, at the price that matches the most volume, and end the auction.
     */
    void uncross()
    {
        for (int id = 0; id < symbols.length; id++)
        {
            if (working[id] > 0 && matching.book(symbols[id]).inAuction())
            {
                mirror(id);
                matching.uncross(symbols[id]);
            }
        }
        if (closingAuction)
        {
            matching.endClosingAuction();
        }
        closingAuction = false;
        openingAuction = false;
    }

    /**
     * @return the exchange's last reject of an engine order, for a failure's message, or null.
     */
    String lastReject()
    {
        return lastReject;
    }

    /**
     * The end of the day: every order still working expires.
     */
    void closeDay()
    {
        matching.expireAll("end of day");
    }

    private void arrive(
        final long orderId, final int instrumentId, final Side side, final long quantity, final long price,
        final TimeInForce timeInForce)
    {
        final String clOrdId = Long.toString(orderId);
        byClOrdId.put(clOrdId, new ChildOrderRef(orderId, instrumentId, side));
        working[instrumentId]++;
        mirror(instrumentId);
        if (openingAuction)
        {
            matching.startAuction(symbols[instrumentId]);
        }
        final Order order = matching.submit(new OrderRequest(ENGINE, "BASIS", clOrdId, symbols[instrumentId],
            side(side), OrderType.LIMIT, timeInForce(timeInForce), quantity, price, null, null, null, "2", false));
        if (order != null)
        {
            byOrderId.put(orderId, order);
        }
    }

    private void fillAtMid(
        final long orderId, final int instrumentId, final Side side, final long quantity, final long mid)
    {
        reports.onReport(orderId, instrumentId, ExecType.NEW, OrdStatus.NEW, side, 0, 0, 0, quantity, 0,
            RejectReason.NONE);
        reports.onFill(instrumentId, side == Side.BUY, quantity, mid);
        reports.onReport(orderId, instrumentId, ExecType.TRADE, OrdStatus.FILLED, side, quantity, mid,
            quantity, 0, mid, RejectReason.NONE);
    }

    /**
     * Replace the liquidity provider's orders in a book by the market's current levels: those that cross the
     * engine's resting orders fill them at the engine's price.
     */
    private void mirror(final int instrumentId)
    {
        final List<Order> orders = liquidity.get(instrumentId);
        for (final Order order : orders)
        {
            if (order.status().isLive())
            {
                matching.cancel(order);
            }
        }
        orders.clear();
        final String symbol = symbols[instrumentId];
        for (int level = 0; level < market.levels(); level++)
        {
            provide(orders, symbol, io.basis.simulator.matching.Side.BUY, market.bidSize(instrumentId, level),
                market.bidPrice(instrumentId, level));
            provide(orders, symbol, io.basis.simulator.matching.Side.SELL, market.askSize(instrumentId, level),
                market.askPrice(instrumentId, level));
        }
    }

    private void provide(
        final List<Order> orders, final String symbol, final io.basis.simulator.matching.Side side,
        final long size, final long price)
    {
        if (size <= 0 || price <= 0)
        {
            return;
        }
        final Order order = matching.submit(new OrderRequest(null, LIQUIDITY, null, symbol, side, OrderType.LIMIT,
            io.basis.simulator.matching.TimeInForce.DAY, size, price, null, null, null, null, false));
        if (order != null)
        {
            orders.add(order);
        }
    }

    @Override
    public void onRejected(
        final OrderRequest request, final long orderId, final long execId,
        final io.basis.simulator.matching.RejectReason reason, final String text)
    {
        if (request.owner() == ENGINE)
        {
            lastReject = request.symbol() + " " + request.side() + " " + request.quantity() + " @ " +
                Prices.format(request.price()) + ": " + text;
            final ChildOrderRef ref = byClOrdId.get(request.clOrdId());
            working[ref.instrumentId()]--;
            reports.onReport(ref.orderId(), ref.instrumentId(), ExecType.REJECTED, OrdStatus.REJECTED, ref.side(),
                0, 0, 0, 0, 0, RejectReason.EXCHANGE_REJECT);
        }
    }

    @Override
    public void onAccepted(final Order order, final long execId)
    {
        if (order.owner() == ENGINE)
        {
            final ChildOrderRef ref = byClOrdId.get(order.clOrdId());
            reports.onReport(ref.orderId(), ref.instrumentId(), ExecType.NEW, OrdStatus.NEW, ref.side(), 0, 0, 0,
                order.quantity(), 0, RejectReason.NONE);
        }
    }

    @Override
    public void onFill(
        final Order order, final long quantity, final long price, final long execId, final boolean aggressor)
    {
        if (order.owner() == ENGINE)
        {
            final ChildOrderRef ref = byClOrdId.get(order.clOrdId());
            final long leaves = order.leavesQuantity();
            if (leaves == 0)
            {
                working[ref.instrumentId()]--;
            }
            reports.onFill(ref.instrumentId(), ref.side() == Side.BUY, quantity, price);
            reports.onReport(ref.orderId(), ref.instrumentId(), ExecType.TRADE,
                leaves == 0 ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, ref.side(), quantity, price,
                order.cumQuantity(), leaves, order.averagePrice(), RejectReason.NONE);
        }
    }

    @Override
    public void onCanceled(final Order order, final long execId, final String cancelClOrdId, final String reason)
    {
        if (order.owner() == ENGINE)
        {
            final ChildOrderRef ref = byClOrdId.get(order.clOrdId());
            working[ref.instrumentId()]--;
            reports.onReport(ref.orderId(), ref.instrumentId(), ExecType.CANCELED, OrdStatus.CANCELED, ref.side(),
                0, 0, order.cumQuantity(), 0, order.averagePrice(), RejectReason.NONE);
        }
    }

    private static io.basis.simulator.matching.Side side(final Side side)
    {
        switch (side)
        {
            case BUY:
                return io.basis.simulator.matching.Side.BUY;
            case SELL_SHORT:
                return io.basis.simulator.matching.Side.SELL_SHORT;
            default:
                return io.basis.simulator.matching.Side.SELL;
        }
    }

    private static io.basis.simulator.matching.TimeInForce timeInForce(final TimeInForce timeInForce)
    {
        switch (timeInForce)
        {
            case IOC:
                return io.basis.simulator.matching.TimeInForce.IMMEDIATE_OR_CANCEL;
            case FOK:
                return io.basis.simulator.matching.TimeInForce.FILL_OR_KILL;
            case AT_THE_CLOSE:
                return io.basis.simulator.matching.TimeInForce.AT_THE_CLOSE;
            default:
                return io.basis.simulator.matching.TimeInForce.DAY;
        }
    }
}
