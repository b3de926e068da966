package io.basis.bench.latency;

import io.basis.engine.book.OrderBook;
import io.basis.engine.refdata.Instrument;
import io.basis.protocol.Prices;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.IdleStrategy;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgType;
import quickfix.field.NoRelatedSym;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A minimal exchange for the FIX scenarios, speaking {@code docs/fix-dialect.md} on two acceptor sessions (order
 * entry and market data, CompIDs as the gateway's): it answers a MarketDataRequest with one snapshot per symbol
 * from the {@link MarketScript}, injects the future's ticks as incrementals stamped with their intended send time
 * in ExchangeSendNanos (21001), and for every NewOrderSingle records arrival minus TriggerNanos (21002) and fills
 * it at once (ExecutionReport NEW then FILLED). It also stamps the two ends of the per-stage breakdown: when each
 * tick was handed to QuickFIX/J's send, and when the first order of each tick was parsed here.
 * <p>
 * Unlike the simulator it has no matching and no market model, so ticks can be sent open-loop at a fixed rate and
 * measured without coordinated omission. Callbacks run on the acceptor's one thread; ticks are sent from the
 * harness thread (QuickFIX/J serialises sends per session). Orders are stamped also when QuickFIX/J's I/O thread
 * read them ({@link ReadStampingMessageFactory}), which splits the last hop at the hand-off to the session thread.
 */
final class TickExchange implements Application, AutoCloseable
{
    private final MarketScript script;
    private final int legsPerProgram;
    private final SocketAcceptor acceptor;
    private final SessionID orderEntry;
    private final SessionID marketData;
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final String futureSymbol;
    private volatile LatencyRecorder firstLeg = new LatencyRecorder();
    private volatile LatencyRecorder lastLeg = new LatencyRecorder();
    private volatile long lastTriggerNs;
    /** When each tick was handed to QuickFIX/J's send (harness thread), by intended send time. */
    private final StageLog sent = StageLog.inMemory(StageLog.DEFAULT_CAPACITY);
    /** When QuickFIX/J's I/O thread started parsing the first order of each tick, by TriggerNanos. */
    private final StageLog read = StageLog.inMemory(StageLog.DEFAULT_CAPACITY);
    /** When the first order of each tick reached the application (acceptor thread), by TriggerNanos. */
    private final StageLog parsed = StageLog.inMemory(StageLog.DEFAULT_CAPACITY);
    /** Orders received (written by the acceptor thread only), for the processes' costs per order. */
    private volatile long ordersReceived;
    private ProcessCosts.Window costsWindow;
    private long currentTriggerNs = Long.MIN_VALUE;
    private int legsSeen;
    private long execIds;
    private long tick;

    TickExchange(final MarketScript script, final int orderEntryPort, final int marketDataPort) throws ConfigError
    {
        this.script = script;
        this.legsPerProgram = script.legsPerProgram();
        futureSymbol = script.referenceData().future().symbol();
        final SessionSettings settings = Fix.settings("acceptor");
        orderEntry = Fix.acceptorSession(settings, Fix.ORDER_ENTRY, orderEntryPort);
        marketData = Fix.acceptorSession(settings, Fix.MARKET_DATA, marketDataPort);
        // No log factory: no message log, no event log, as on Basis's hot sessions. Orders are stamped as QuickFIX/J's
        // I/O thread reads them.
        acceptor = new SocketAcceptor(this, new MemoryStoreFactory(), settings, null,
            new ReadStampingMessageFactory(MsgType.ORDER_SINGLE));
    }

    void start() throws ConfigError
    {
        acceptor.start();
    }

    /**
     * Play ticks open-loop at a rate and measure, for each program they trigger, the arrival of its first leg (the
     * future) and of its last basket leg: the measurement every FIX-path scenario makes against this exchange.
     *
     * @param series      series name of the scenario.
     * @param basis       true for a Basis series, false for a baseline.
     * @param rate        ticks per second.
     * @param warmupNs    unrecorded warm-up.
     * @param measureNs   recorded time.
     * @param idle        idle strategy of the harness thread.
     * @param quiet       true once nothing the scenario sent is still in flight.
     * @param what        description of the path, completed with the leg.
     * @param stages      the scenario's own stages between this exchange's send and its receipt of the first order,
     *                    read once the run is over, in path order; empty for no breakdown.
     * @param costs       the processes whose costs per order are counted over the window; empty for none.
     * @return the first-leg and last-leg measurements, the first with its per-stage breakdown.
     */
    List<Measurement> measureProgramLegs(
        final String series,
        final boolean basis,
        final int rate,
        final long warmupNs,
        final long measureNs,
        final IdleStrategy idle,
        final BooleanSupplier quiet,
        final String what,
        final Supplier<List<StageTimes>> stages,
        final List<ProcessCosts.Meter> costs)
    {
        final LatencyRecorder first = new LatencyRecorder();
        final LatencyRecorder last = new LatencyRecorder();
        firstLeg = first;
        lastLeg = last;
        final OpenLoop.Pacing pacing = OpenLoop.run(new OpenLoop.Injector()
        {
            @Override
            public void inject(final long intendedNs)
            {
                if (costsWindow == null && !costs.isEmpty() && intendedNs >= first.windowStartNs())
                {
                    costsWindow = ProcessCosts.open(costs, ordersReceived);
                }
                TickExchange.this.inject(intendedNs);
            }

            @Override
            public boolean drained(final long lastIntendedNs)
            {
                return lastTriggerNs >= lastIntendedNs && quiet.getAsBoolean();
            }
        }, rate, warmupNs, measureNs, idle, first, last);
        Await.until("the last program to end", quiet);
        final ProcessCosts consumed = costsWindow == null ? null : costsWindow.close(ordersReceived);
        costsWindow = null;
        final String path = "FIX X due (intended send) -> NewOrderSingle parsed by the exchange; " + what + "; " +
            script.legsPerProgram() + " legs a program";
        return List.of(
            new Measurement(series, "first-leg", basis, rate, first.histogram(), pacing.ticks(), pacing.sendLag(),
                path + ", the future first", breakdown(stages.get(), first), consumed),
            new Measurement(series, "last-leg", basis, rate, last.histogram(), pacing.ticks(), pacing.sendLag(),
                path + ", the last basket leg"));
    }

    private StageBreakdown breakdown(final List<StageTimes> middle, final LatencyRecorder window)
    {
        if (middle.isEmpty())
        {
            return null;
        }
        final List<String> names = new ArrayList<>();
        final List<Long2LongHashMap> times = new ArrayList<>();
        names.add("exchange send");
        times.add(sent.snapshot());
        for (final StageTimes stage : middle)
        {
            names.add(stage.name());
            times.add(stage.times());
        }
        names.add("exchange FIX read");
        times.add(read.snapshot());
        names.add("exchange parsed");
        times.add(parsed.snapshot());
        return StageBreakdown.of("exchange due", names, times, window.windowStartNs(), window.windowEndNs());
    }

    boolean allSubscribed()
    {
        return subscribed.size() == script.referenceData().instruments().size();
    }

    /**
     * Send the future's next tick (harness thread).
     *
     * @param intendedNs its due time, sent as ExchangeSendNanos.
     */
    void inject(final long intendedNs)
    {
        final MarketScript.FutureBook book = script.futureAt(tick++);
        final Message message = new MarketDataIncrementalRefresh();
        message.setString(quickfix.field.RptSeq.FIELD, Long.toString(nextSequence(futureSymbol)));
        message.setString(Fix.EXCHANGE_SEND_NANOS, Long.toString(intendedNs));
        for (int level = 0; level < book.sizes().length; level++)
        {
            message.addGroup(change(MDEntryType.BID, level, book.bidPrices()[level], book.sizes()[level]));
            message.addGroup(change(MDEntryType.OFFER, level, book.askPrices()[level], book.sizes()[level]));
        }
        // Stamped before the send, not after: the gateway may parse the tick before a preempted sender returns.
        sent.stamp(intendedNs);
        Session.lookupSession(marketData).send(message);
    }

    private Group change(final char type, final int level, final long price, final long size)
    {
        final Group entry = new MarketDataIncrementalRefresh.NoMDEntries();
        entry.setChar(MDUpdateAction.FIELD, MDUpdateAction.CHANGE);
        entry.setChar(MDEntryType.FIELD, type);
        entry.setString(Symbol.FIELD, futureSymbol);
        entry.setString(quickfix.field.MDEntryPx.FIELD, Prices.format(price));
        entry.setString(quickfix.field.MDEntrySize.FIELD, Long.toString(size));
        entry.setInt(quickfix.field.MDEntryPositionNo.FIELD, level + 1);
        return entry;
    }

    private long nextSequence(final String symbol)
    {
        return sequences.merge(symbol, 1L, Long::sum);
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        final long arrivedNs = System.nanoTime();
        final String type = message.getHeader().getString(MsgType.FIELD);
        if (MsgType.ORDER_SINGLE.equals(type))
        {
            onNewOrder(message, arrivedNs);
        }
        else if (MsgType.MARKET_DATA_REQUEST.equals(type))
        {
            onMarketDataRequest(message);
        }
    }

    private void onNewOrder(final Message order, final long arrivedNs) throws FieldNotFound
    {
        ordersReceived++;
        if (order.isSetField(Fix.TRIGGER_NANOS))
        {
            final long triggerNs = Long.parseLong(order.getString(Fix.TRIGGER_NANOS));
            if (triggerNs != currentTriggerNs)
            {
                currentTriggerNs = triggerNs;
                legsSeen = 0;
                firstLeg.record(triggerNs, arrivedNs);
                parsed.append(triggerNs, arrivedNs);
                if (order instanceof ReadStampingMessageFactory.ReadMessage)
                {
                    read.append(triggerNs, ((ReadStampingMessageFactory.ReadMessage)order).readNs());
                }
            }
            if (++legsSeen == legsPerProgram)
            {
                lastLeg.record(triggerNs, arrivedNs);
            }
            lastTriggerNs = triggerNs;
        }
        final String clOrdId = order.getString(ClOrdID.FIELD);
        final char side = order.getChar(Side.FIELD);
        final double quantity = order.getDouble(OrderQty.FIELD);
        final double price = order.getDouble(Price.FIELD);
        final String symbol = order.getString(Symbol.FIELD);
        send(report(clOrdId, symbol, side, ExecType.NEW, OrdStatus.NEW, quantity, 0, 0, price));
        send(report(clOrdId, symbol, side, ExecType.TRADE, OrdStatus.FILLED, 0, quantity, quantity, price));
    }

    private Message report(final String clOrdId, final String symbol, final char side, final char execType,
        final char ordStatus, final double leaves, final double cum, final double last, final double price)
    {
        final ExecutionReport report = new ExecutionReport(new OrderID(clOrdId), new ExecID(Long.toString(++execIds)),
            new ExecType(execType), new OrdStatus(ordStatus), new Side(side), new LeavesQty(leaves), new CumQty(cum),
            new AvgPx(cum > 0 ? price : 0));
        report.set(new ClOrdID(clOrdId));
        report.set(new Symbol(symbol));
        report.set(new OrderQty(leaves + cum));
        report.set(new Price(price));
        report.set(new LastQty(last));
        report.set(new LastPx(last > 0 ? price : 0));
        return report;
    }

    private void send(final Message message)
    {
        try
        {
            Session.sendToTarget(message, orderEntry);
        }
        catch (final SessionNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void onMarketDataRequest(final Message request) throws FieldNotFound
    {
        final String requestId = request.getString(MDReqID.FIELD);
        for (final Group related : request.getGroups(NoRelatedSym.FIELD))
        {
            final Instrument instrument = script.referenceData().instrument(related.getString(Symbol.FIELD));
            if (instrument != null)
            {
                Session.lookupSession(marketData).send(snapshot(requestId, instrument));
                subscribed.add(instrument.symbol());
            }
        }
    }

    private Message snapshot(final String requestId, final Instrument instrument)
    {
        final OrderBook book = script.openingBook(instrument.id());
        final Message message = new MarketDataSnapshotFullRefresh();
        message.setString(MDReqID.FIELD, requestId);
        message.setString(Symbol.FIELD, instrument.symbol());
        message.setString(quickfix.field.RptSeq.FIELD, Long.toString(nextSequence(instrument.symbol())));
        message.setString(Fix.EXCHANGE_SEND_NANOS, Long.toString(System.nanoTime()));
        for (int level = 0; level < book.depth(); level++)
        {
            for (final boolean bid : new boolean[]{true, false})
            {
                if (book.size(bid, level) > 0)
                {
                    final Group entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
                    entry.setChar(MDEntryType.FIELD, bid ? MDEntryType.BID : MDEntryType.OFFER);
                    entry.setString(quickfix.field.MDEntryPx.FIELD, Prices.format(book.price(bid, level)));
                    entry.setString(quickfix.field.MDEntrySize.FIELD, Long.toString(book.size(bid, level)));
                    entry.setInt(quickfix.field.MDEntryPositionNo.FIELD, level + 1);
                    message.addGroup(entry);
                }
            }
        }
        return message;
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
        if (sessionId.equals(marketData))
        {
            // A new logon subscribes again and gets fresh snapshots.
            subscribed.clear();
        }
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void close()
    {
        acceptor.stop(true);
    }
}
