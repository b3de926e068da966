package io.basis.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import io.basis.gateway.session.SessionEventLogFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.IncorrectTagValue;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.UnsupportedMessageType;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TestReqID;
import quickfix.field.Text;

/**
 * FIX software nobody here wrote, as a new user would meet it: a stock QuickFIX/J acceptor in its default
 * configuration (DefaultMessageFactory, the stock FIX44.xml, default validation spelled out: user-defined fields,
 * field order and group order checked, unknown message fields refused; no Basis keys) on two ports, order entry and
 * market data, behaving like QuickFIX/J's Executor example: a NewOrderSingle is acknowledged and then filled at its
 * price, or rests; an OrderCancelRequest cancels a resting order; an OrderStatusRequest is answered from its book.
 * Market data requests are accepted and left unanswered.
 * <p>
 * For the reject tests each kind of request can be refused on demand the way real counterparties refuse it: a
 * session-level Reject (3), a BusinessMessageReject (j), an OrderCancelReject (9), or no answer at all. It keeps every
 * application message it received and every Reject (3) and j it sent.
 */
final class StockAcceptor implements Application, AutoCloseable
{
    /** What happens to a NewOrderSingle. */
    enum OrderHandling
    {
        /** Acknowledged (ExecType 0) and filled at its price (ExecType F), like the Executor example. */
        FILL,
        /** Acknowledged and left resting. */
        REST,
        /** Acknowledged and left resting, then filled at once without telling the client: a lost fill report. */
        FILL_SILENTLY,
        /** Refused with a session-level Reject (3). */
        SESSION_REJECT
    }

    /** What happens to an OrderCancelRequest. */
    enum CancelHandling
    {
        /** A resting order is canceled (ExecType 4); any other gets an OrderCancelReject (9) too late. */
        CANCEL,
        /** Refused with a session-level Reject (3). */
        SESSION_REJECT,
        /** Refused with a BusinessMessageReject (j) naming the cancel's ClOrdID. */
        BUSINESS_REJECT,
        /** The acceptor forgets the order and answers OrderCancelReject (9) CxlRejReason 1, unknown order. */
        UNKNOWN_ORDER
    }

    /** What happens to an OrderStatusRequest. */
    enum StatusHandling
    {
        /** Answered with an ExecutionReport ExecType I from the book (OrdStatus 8 if unknown). */
        ANSWER,
        /** Refused with a session-level Reject (3). */
        SESSION_REJECT,
        /** Refused as an unsupported message type (BusinessMessageReject j, RefSeqNum and RefMsgType H only). */
        BUSINESS_REJECT,
        /** Silently ignored. */
        IGNORE
    }

    /** Every application message received from the gateway, in order. */
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    /** TestReqIDs the gateway answered with a Heartbeat. */
    final List<String> testRequestsAnswered = new CopyOnWriteArrayList<>();
    /** Every Reject (3) and BusinessMessageReject (j) the acceptor sent. */
    final List<Message> rejectsSent = new CopyOnWriteArrayList<>();
    volatile OrderHandling orders = OrderHandling.FILL;
    volatile CancelHandling cancels = CancelHandling.CANCEL;
    volatile StatusHandling statusRequests = StatusHandling.ANSWER;

    private final SocketAcceptor acceptor;
    private final ByteArrayOutputStream eventLog = new ByteArrayOutputStream();
    /** ClOrdID to the order as received, with its state: the acceptor's book. */
    private final Map<String, Order> book = new ConcurrentHashMap<>();
    private long nextId = 1;

    /**
     * Listen on two loopback ports, SIM to BASIS-OE and SIM to BASIS-MD, FIX 4.4.
     *
     * @param orderEntryPort order-entry port.
     * @param marketDataPort market-data port.
     * @param dir            where its copy of the stock FIX44.xml goes.
     * @throws ConfigError if QuickFIX/J refuses the settings.
     * @throws IOException if the dictionary cannot be copied.
     */
    StockAcceptor(final int orderEntryPort, final int marketDataPort, final Path dir) throws ConfigError, IOException
    {
        // QuickFIX/J caches one DataDictionary per path for the whole JVM and applies each session's validation
        // settings to that shared instance: the gateway's ValidateUserDefinedFields=N on FIX44.xml would switch
        // this acceptor's validation off too. The same stock file under another path keeps it its own.
        final Path dictionary = dir.resolve("stock-acceptor-FIX44.xml");
        try (InputStream in = StockAcceptor.class.getClassLoader().getResourceAsStream("FIX44.xml"))
        {
            Files.copy(Objects.requireNonNull(in, "FIX44.xml on the class path"), dictionary,
                StandardCopyOption.REPLACE_EXISTING);
        }
        final SessionSettings settings = new SessionSettings();
        final SessionID defaults = new SessionID("DEFAULT", "", "");
        // Only what an acceptor must say; every validation setting keeps QuickFIX/J's default.
        settings.setString(defaults, "ConnectionType", "acceptor");
        settings.setString(defaults, "StartTime", "00:00:00");
        settings.setString(defaults, "EndTime", "00:00:00");
        settings.setString(defaults, "UseDataDictionary", "Y");
        settings.setString(defaults, "DataDictionary", dictionary.toString());
        settings.setString(defaults, "SocketAcceptHost", "127.0.0.1");
        // QuickFIX/J's default validation, spelled out.
        settings.setString(defaults, "ValidateUserDefinedFields", "Y");
        settings.setString(defaults, "ValidateFieldsOutOfOrder", "Y");
        settings.setString(defaults, "ValidateUnorderedGroupFields", "Y");
        settings.setString(defaults, "AllowUnknownMsgFields", "N");
        settings.setString(defaults, "ValidateFieldsHaveValues", "Y");
        settings.setString(defaults, "ValidateIncomingMessage", "Y");
        final SessionID orderEntry = new SessionID("FIX.4.4", "SIM", "BASIS-OE");
        settings.setString(orderEntry, "SocketAcceptPort", Integer.toString(orderEntryPort));
        final SessionID marketData = new SessionID("FIX.4.4", "SIM", "BASIS-MD");
        settings.setString(marketData, "SocketAcceptPort", Integer.toString(marketDataPort));
        acceptor = new SocketAcceptor(this, new MemoryStoreFactory(), settings,
            new SessionEventLogFactory(new PrintStream(eventLog, true, StandardCharsets.UTF_8)),
            new DefaultMessageFactory());
        acceptor.start();
    }

    /**
     * @return the acceptor's session event log (logons, rejects, validation errors), for failure messages.
     */
    String eventLog()
    {
        return eventLog.toString(StandardCharsets.UTF_8);
    }

    /**
     * @param msgType a MsgType.
     * @return how many application messages of that type the acceptor received so far.
     */
    long receivedCount(final String msgType)
    {
        return received.stream().filter(m -> msgType.equals(msgTypeOf(m))).count();
    }

    /**
     * Write raw bytes on a logged-on session, bypassing QuickFIX/J's encoder: for malformed frames.
     *
     * @param marketData     the market-data session, else order entry.
     * @param frame          the frame, given the MsgSeqNum the session would use next.
     * @param consumesSeqNum true if the frame uses that number up (the session's next message gets the one after).
     * @return true if written.
     * @throws IOException if the sequence number cannot be stored.
     */
    boolean sendRaw(final boolean marketData, final java.util.function.IntFunction<String> frame,
        final boolean consumesSeqNum) throws IOException
    {
        final Session session = Session.lookupSession(
            new SessionID("FIX.4.4", "SIM", marketData ? "BASIS-MD" : "BASIS-OE"));
        if (session == null || !session.isLoggedOn() || !session.hasResponder())
        {
            return false;
        }
        // No lock around this (see resynchronise): a message QuickFIX/J sends in between shifts the numbers, which
        // the fuzz test's resynchronisation repairs like any other damage.
        final int seqNum = session.getExpectedSenderNum();
        final boolean sent = session.getResponder().send(frame.apply(seqNum));
        if (consumesSeqNum)
        {
            session.setNextSenderMsgSeqNum(seqNum + 1);
        }
        return sent;
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
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
        if (MsgType.REJECT.equals(msgTypeOf(message)))
        {
            rejectsSent.add(message);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        if (MsgType.HEARTBEAT.equals(msgTypeOf(message)) && message.isSetField(TestReqID.FIELD))
        {
            try
            {
                testRequestsAnswered.add(message.getString(TestReqID.FIELD));
            }
            catch (final FieldNotFound ex)
            {
                throw new IllegalStateException(ex);
            }
        }
    }

    /**
     * Bring a session's counterparty back in step after raw frames: bytes that complete any frame it is still
     * reading, then a SequenceReset in reset mode (it expects the acceptor's next number, whatever it missed).
     *
     * @param marketData the market-data session, else order entry.
     * @throws IOException if the bytes cannot be written.
     */
    void resynchronise(final boolean marketData) throws IOException
    {
        sendRaw(marketData, seqNum -> "\u0001".repeat(512), false);
        final Session session = Session.lookupSession(
            new SessionID("FIX.4.4", "SIM", marketData ? "BASIS-MD" : "BASIS-OE"));
        // No lock of our own around this: QuickFIX/J's processor thread takes the session's monitor while it holds
        // the sender lock, so holding the monitor here while sending deadlocks. Should a heartbeat slip in between,
        // the next resynchronisation (the caller retries) sets it right.
        final Message reset = new Message();
        reset.getHeader().setString(MsgType.FIELD, MsgType.SEQUENCE_RESET);
        reset.setBoolean(quickfix.field.GapFillFlag.FIELD, false);
        reset.setInt(quickfix.field.NewSeqNo.FIELD, session.getExpectedSenderNum() + 1);
        session.send(reset);
    }

    /**
     * Send a TestRequest (1) on a session: when the Heartbeat answering it arrives, the gateway has processed
     * everything sent before it.
     *
     * @param marketData the market-data session, else order entry.
     * @param id         TestReqID.
     * @throws SessionNotFound if the session does not exist.
     */
    void testRequest(final boolean marketData, final String id) throws SessionNotFound
    {
        final Message request = new Message();
        request.getHeader().setString(MsgType.FIELD, MsgType.TEST_REQUEST);
        request.setString(TestReqID.FIELD, id);
        send(request, new SessionID("FIX.4.4", "SIM", marketData ? "BASIS-MD" : "BASIS-OE"));
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
        if (MsgType.BUSINESS_MESSAGE_REJECT.equals(msgTypeOf(message)))
        {
            rejectsSent.add(message);
        }
    }

    @Override
    public synchronized void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, IncorrectTagValue, UnsupportedMessageType
    {
        received.add(message);
        try
        {
            switch (message.getHeader().getString(MsgType.FIELD))
            {
                case MsgType.ORDER_SINGLE -> onNewOrder(message, sessionId);
                case MsgType.ORDER_CANCEL_REQUEST -> onCancel(message, sessionId);
                case MsgType.ORDER_STATUS_REQUEST -> onStatusRequest(message, sessionId);
                default ->
                {
                    // Market data and status requests: accepted, not served.
                }
            }
        }
        catch (final SessionNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void onNewOrder(final Message d, final SessionID sessionId)
        throws FieldNotFound, IncorrectTagValue, SessionNotFound
    {
        if (orders == OrderHandling.SESSION_REJECT)
        {
            throw new IncorrectTagValue(Symbol.FIELD);
        }
        final Order order = new Order(d);
        book.put(order.clOrdId, order);
        send(report(order, ExecType.NEW, OrdStatus.NEW, 0, null), sessionId);
        if (orders == OrderHandling.FILL)
        {
            order.filled = order.quantity;
            send(report(order, ExecType.TRADE, OrdStatus.FILLED, order.quantity, order.price), sessionId);
        }
        else if (orders == OrderHandling.FILL_SILENTLY)
        {
            order.filled = order.quantity;
        }
    }

    private void onCancel(final Message f, final SessionID sessionId)
        throws FieldNotFound, IncorrectTagValue, SessionNotFound
    {
        final String cancelId = f.getString(ClOrdID.FIELD);
        final String origClOrdId = f.getString(OrigClOrdID.FIELD);
        switch (cancels)
        {
            case SESSION_REJECT -> throw new IncorrectTagValue(OrigClOrdID.FIELD);
            case BUSINESS_REJECT ->
            {
                final quickfix.fix44.BusinessMessageReject j = new quickfix.fix44.BusinessMessageReject(
                    new RefMsgType(MsgType.ORDER_CANCEL_REQUEST), new BusinessRejectReason(BusinessRejectReason.OTHER));
                j.set(new RefSeqNum(f.getHeader().getInt(MsgSeqNum.FIELD)));
                j.set(new BusinessRejectRefID(cancelId));
                j.set(new Text("cancels are not accepted now"));
                send(j, sessionId);
            }
            case UNKNOWN_ORDER ->
            {
                book.remove(origClOrdId);
                send(cancelReject(cancelId, origClOrdId, OrdStatus.REJECTED, CxlRejReason.UNKNOWN_ORDER), sessionId);
            }
            default ->
            {
                final Order order = book.get(origClOrdId);
                if (order == null || order.filled == order.quantity || order.canceled)
                {
                    send(cancelReject(cancelId, origClOrdId, order == null ? OrdStatus.REJECTED :
                        order.canceled ? OrdStatus.CANCELED : OrdStatus.FILLED,
                        order == null ? CxlRejReason.UNKNOWN_ORDER : CxlRejReason.TOO_LATE_TO_CANCEL), sessionId);
                    return;
                }
                order.canceled = true;
                final Message report = report(order, ExecType.CANCELED, OrdStatus.CANCELED, 0, null);
                report.setString(ClOrdID.FIELD, cancelId);
                report.setString(OrigClOrdID.FIELD, origClOrdId);
                send(report, sessionId);
            }
        }
    }

    private void onStatusRequest(final Message h, final SessionID sessionId)
        throws FieldNotFound, IncorrectTagValue, UnsupportedMessageType, SessionNotFound
    {
        switch (statusRequests)
        {
            case SESSION_REJECT -> throw new IncorrectTagValue(ClOrdID.FIELD);
            case BUSINESS_REJECT -> throw new UnsupportedMessageType();
            case IGNORE ->
            {
            }
            default ->
            {
                final Order order = book.get(h.getString(ClOrdID.FIELD));
                final Message report;
                if (order == null)
                {
                    report = report(new Order(h.getString(ClOrdID.FIELD), h.getString(Symbol.FIELD),
                        h.getChar(Side.FIELD), 0, "0"), ExecType.ORDER_STATUS, OrdStatus.REJECTED, 0, null);
                    report.setInt(OrdRejReason.FIELD, OrdRejReason.UNKNOWN_ORDER);
                }
                else
                {
                    report = report(order, ExecType.ORDER_STATUS, order.canceled ? OrdStatus.CANCELED :
                        order.filled == order.quantity ? OrdStatus.FILLED : OrdStatus.NEW, 0, null);
                }
                send(report, sessionId);
            }
        }
    }

    private Message report(
        final Order order, final char execType, final char ordStatus, final long lastQty, final String lastPx)
    {
        final quickfix.fix44.ExecutionReport report = new quickfix.fix44.ExecutionReport();
        report.setString(OrderID.FIELD, "EX-" + order.clOrdId);
        report.setString(ExecID.FIELD, "EXEC-" + nextId++);
        report.setString(ClOrdID.FIELD, order.clOrdId);
        report.setChar(ExecType.FIELD, execType);
        report.setChar(OrdStatus.FIELD, ordStatus);
        report.setString(Symbol.FIELD, order.symbol);
        report.setChar(Side.FIELD, order.side);
        report.setString(OrderQty.FIELD, Long.toString(order.quantity));
        if (lastQty > 0)
        {
            report.setString(LastQty.FIELD, Long.toString(lastQty));
            report.setString(LastPx.FIELD, lastPx);
        }
        final boolean done = order.canceled || order.filled == order.quantity || ordStatus == OrdStatus.REJECTED;
        report.setString(LeavesQty.FIELD, done ? "0" : Long.toString(order.quantity - order.filled));
        report.setString(CumQty.FIELD, Long.toString(order.filled));
        report.setString(AvgPx.FIELD, order.filled > 0 ? order.price : "0");
        return report;
    }

    private static Message cancelReject(
        final String cancelId, final String origClOrdId, final char ordStatus, final int reason)
    {
        final quickfix.fix44.OrderCancelReject reject = new quickfix.fix44.OrderCancelReject();
        reject.setString(OrderID.FIELD, "EX-" + origClOrdId);
        reject.setString(ClOrdID.FIELD, cancelId);
        reject.setString(OrigClOrdID.FIELD, origClOrdId);
        reject.setChar(OrdStatus.FIELD, ordStatus);
        reject.setChar(CxlRejResponseTo.FIELD, CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        reject.setInt(CxlRejReason.FIELD, reason);
        return reject;
    }

    private static void send(final Message message, final SessionID sessionId) throws SessionNotFound
    {
        Session.sendToTarget(message, sessionId);
    }

    private static String msgTypeOf(final Message message)
    {
        try
        {
            return message.getHeader().getString(MsgType.FIELD);
        }
        catch (final FieldNotFound ex)
        {
            return "";
        }
    }

    @Override
    public void close()
    {
        acceptor.stop(true);
    }

    /** An order in the acceptor's book. */
    private static final class Order
    {
        final String clOrdId;
        final String symbol;
        final char side;
        final long quantity;
        final String price;
        long filled;
        boolean canceled;

        Order(final Message d) throws FieldNotFound
        {
            this(d.getString(ClOrdID.FIELD), d.getString(Symbol.FIELD), d.getChar(Side.FIELD),
                Long.parseLong(d.getString(OrderQty.FIELD)), d.getString(Price.FIELD));
        }

        Order(final String clOrdId, final String symbol, final char side, final long quantity, final String price)
        {
            this.clOrdId = clOrdId;
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
            this.price = price;
        }
    }
}
