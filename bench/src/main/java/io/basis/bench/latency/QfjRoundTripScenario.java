package io.basis.bench.latency;

import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.NewOrderSingle;

import java.util.List;

/**
 * Baseline (b), the floor of one FIX round trip: a bare QuickFIX/J initiator and acceptor in this process on
 * loopback TCP, with Basis's choices (no log factory, in-memory stores, TCP_NODELAY, single-threaded
 * {@code SocketInitiator}/{@code SocketAcceptor}). The harness thread sends a NewOrderSingle at the fixed rate
 * whose ClOrdID is its intended send time; the acceptor answers each with one ExecutionReport; the latency is the
 * report's arrival at the initiator minus the intended time.
 */
public final class QfjRoundTripScenario implements Scenario
{
    private static final String CLIENT = "RTT-C";

    private final Idle idle;
    private SocketAcceptor acceptor;
    private SocketInitiator initiator;
    private SessionID clientSession;
    private volatile LatencyRecorder recorder = new LatencyRecorder();
    private volatile long lastAnsweredNs;

    /**
     * @param idle idle mode of the sending thread.
     */
    public QfjRoundTripScenario(final Idle idle)
    {
        this.idle = idle;
    }

    @Override
    public String name()
    {
        return "baseline-qfj-rtt";
    }

    @Override
    public void start() throws Exception
    {
        final int port = Fix.freePort();
        final SessionSettings acceptorSettings = Fix.settings("acceptor");
        Fix.acceptorSession(acceptorSettings, CLIENT, port);
        acceptor = new SocketAcceptor(new Echo(), new MemoryStoreFactory(), acceptorSettings, null,
            new DefaultMessageFactory());
        acceptor.start();
        final SessionSettings initiatorSettings = Fix.settings("initiator");
        clientSession = Fix.initiatorSession(initiatorSettings, CLIENT, port);
        initiator = new SocketInitiator(new Client(), new MemoryStoreFactory(), initiatorSettings, null,
            new DefaultMessageFactory());
        initiator.start();
        Await.until("the FIX session to log on", () -> Session.lookupSession(clientSession).isLoggedOn());
    }

    @Override
    public List<Measurement> run(final int rate, final long warmupNs, final long measureNs)
    {
        final LatencyRecorder runRecorder = new LatencyRecorder();
        recorder = runRecorder;
        final Session session = Session.lookupSession(clientSession);
        final OpenLoop.Pacing pacing = OpenLoop.run(new OpenLoop.Injector()
        {
            @Override
            public void inject(final long intendedNs)
            {
                final NewOrderSingle order = new NewOrderSingle(new ClOrdID(Long.toString(intendedNs)),
                    new Side(Side.BUY), new TransactTime(), new OrdType(OrdType.LIMIT));
                order.set(new Symbol("005930"));
                order.set(new OrderQty(10));
                order.set(new Price(71_000));
                order.setString(Fix.TRIGGER_NANOS, Long.toString(intendedNs));
                session.send(order);
            }

            @Override
            public boolean drained(final long lastIntendedNs)
            {
                return lastAnsweredNs >= lastIntendedNs;
            }
        }, rate, warmupNs, measureNs, idle.newStrategy(), runRecorder);
        return List.of(new Measurement(name(), "round-trip", false, rate, runRecorder.histogram(), pacing.ticks(),
            pacing.sendLag(), "NewOrderSingle due -> ExecutionReport parsed by the initiator; loopback TCP, " +
            "two FIX hops"));
    }

    @Override
    public void close()
    {
        if (initiator != null)
        {
            initiator.stop(true);
        }
        if (acceptor != null)
        {
            acceptor.stop(true);
        }
    }

    private final class Client extends QfjApplication
    {
        @Override
        public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
        {
            final long arrivedNs = System.nanoTime();
            if (MsgType.EXECUTION_REPORT.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                final long intendedNs = Long.parseLong(message.getString(ClOrdID.FIELD));
                recorder.record(intendedNs, arrivedNs);
                lastAnsweredNs = intendedNs;
            }
        }
    }

    private static final class Echo extends QfjApplication
    {
        private long execIds;

        @Override
        public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
        {
            if (!MsgType.ORDER_SINGLE.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                return;
            }
            final String clOrdId = message.getString(ClOrdID.FIELD);
            final ExecutionReport report = new ExecutionReport(new OrderID(clOrdId),
                new ExecID(Long.toString(++execIds)), new ExecType(ExecType.NEW), new OrdStatus(OrdStatus.NEW),
                new Side(message.getChar(Side.FIELD)), new LeavesQty(message.getDouble(OrderQty.FIELD)),
                new CumQty(0), new AvgPx(0));
            report.set(new ClOrdID(clOrdId));
            report.set(new Symbol(message.getString(Symbol.FIELD)));
            Session.lookupSession(sessionId).send(report);
        }
    }
}
