package io.basis.gateway;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.basis.gateway.session.FixFields;
import io.basis.gateway.session.SessionEventLogFactory;
import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
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
import quickfix.field.MDEntryPositionNo;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MsgType;
import quickfix.field.NoRelatedSym;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.RptSeq;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

/**
 * A tiny exchange for the integration tests: a QuickFIX/J acceptor on two ports that answers a NewOrderSingle with
 * an ExecutionReport New then a full Fill at the order's price (FIX 4.4, or FIX 4.2 reports on a FIX 4.2
 * order-entry session), and a MarketDataRequest with one W per symbol at RptSeq {@link #snapshotSeq}. The test may
 * push market data and status on the market-data session and skip an outgoing MsgSeqNum there.
 */
final class TestAcceptor extends ApplicationAdapter implements AutoCloseable
{
    final BlockingQueue<Message> ordersReceived = new LinkedBlockingQueue<>();
    final BlockingQueue<Message> requestsReceived = new LinkedBlockingQueue<>();
    final BlockingQueue<Message> statusRequestsReceived = new LinkedBlockingQueue<>();
    /** RptSeq of the next snapshots. */
    final AtomicInteger snapshotSeq = new AtomicInteger(17);
    private final SocketAcceptor acceptor;
    private final SessionID marketDataSession;
    private final boolean fix42;
    private long nextExecId = 1;

    TestAcceptor(final int orderEntryPort, final int marketDataPort) throws ConfigError
    {
        this(orderEntryPort, marketDataPort, "FIX.4.4");
    }

    TestAcceptor(final int orderEntryPort, final int marketDataPort, final String orderEntryBeginString)
        throws ConfigError
    {
        fix42 = "FIX.4.2".equals(orderEntryBeginString);
        final SessionSettings settings = new SessionSettings();
        final SessionID defaults = new SessionID("DEFAULT", "", "");
        settings.setString(defaults, "ConnectionType", "acceptor");
        settings.setString(defaults, "NonStopSession", "Y");
        settings.setString(defaults, "UseDataDictionary", "Y");
        settings.setString(defaults, "DataDictionary", "FIX44.xml");
        // 21002 TriggerNanos on D.
        settings.setString(defaults, "ValidateUserDefinedFields", "N");
        settings.setString(defaults, "SocketTcpNoDelay", "Y");
        final SessionID orderEntry = new SessionID(orderEntryBeginString, "SIM", "BASIS-OE");
        settings.setString(orderEntry, "SocketAcceptPort", Integer.toString(orderEntryPort));
        if (fix42)
        {
            settings.setString(orderEntry, "DataDictionary", "FIX42.xml");
            // A broker that takes ListID (66) on a FIX 4.2 NewOrderSingle (fan-out mode).
            settings.setString(orderEntry, "AllowUnknownMsgFields", "Y");
        }
        marketDataSession = new SessionID("FIX.4.4", "SIM", "BASIS-MD");
        settings.setString(marketDataSession, "SocketAcceptPort", Integer.toString(marketDataPort));
        acceptor = new SocketAcceptor(this, new MemoryStoreFactory(), settings, new SessionEventLogFactory(),
            new DefaultMessageFactory());
        acceptor.start();
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
    {
        try
        {
            switch (message.getHeader().getString(MsgType.FIELD))
            {
                case MsgType.ORDER_SINGLE:
                    ordersReceived.add(message);
                    execute(message, sessionId);
                    break;
                case MsgType.MARKET_DATA_REQUEST:
                    requestsReceived.add(message);
                    snapshot(message, sessionId);
                    break;
                case MsgType.SECURITY_STATUS_REQUEST:
                case MsgType.TRADING_SESSION_STATUS_REQUEST:
                    statusRequestsReceived.add(message);
                    break;
                default:
                    break;
            }
        }
        catch (final FieldNotFound | SessionNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void execute(final Message order, final SessionID sessionId) throws FieldNotFound, SessionNotFound
    {
        final String quantity = order.getString(OrderQty.FIELD);
        final String price = order.getString(Price.FIELD);
        Session.sendToTarget(report(order, ExecType.NEW, OrdStatus.NEW, "0", "0", quantity, "0", "0"), sessionId);
        // FIX 4.2 reports a full fill as ExecType 2 (4.4: F).
        Session.sendToTarget(report(order, fix42 ? '2' : ExecType.TRADE, OrdStatus.FILLED, quantity, price, "0",
            quantity, price), sessionId);
    }

    /** Send a message on the market-data session. */
    void sendMarketData(final Message message) throws SessionNotFound
    {
        Session.sendToTarget(message, marketDataSession);
    }

    /** Skip the next outgoing MsgSeqNum on the market-data session: the gateway must ask for a resend. */
    void skipMarketDataSeqNum() throws IOException
    {
        final Session session = Session.lookupSession(marketDataSession);
        session.setNextSenderMsgSeqNum(session.getExpectedSenderNum() + 1);
    }

    private Message report(
        final Message order, final char execType, final char ordStatus, final String lastQty, final String lastPx,
        final String leavesQty, final String cumQty, final String avgPx) throws FieldNotFound
    {
        final Message report = new Message();
        report.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        if (fix42)
        {
            report.setChar(quickfix.field.ExecTransType.FIELD, quickfix.field.ExecTransType.NEW);
        }
        report.setString(OrderID.FIELD, "SIM-" + order.getString(ClOrdID.FIELD));
        report.setString(ExecID.FIELD, "EXEC-" + nextExecId++);
        report.setString(ClOrdID.FIELD, order.getString(ClOrdID.FIELD));
        report.setChar(ExecType.FIELD, execType);
        report.setChar(OrdStatus.FIELD, ordStatus);
        report.setChar(Side.FIELD, order.getChar(Side.FIELD));
        report.setString(Symbol.FIELD, order.getString(Symbol.FIELD));
        report.setString(OrderQty.FIELD, order.getString(OrderQty.FIELD));
        report.setString(Price.FIELD, order.getString(Price.FIELD));
        report.setString(LastQty.FIELD, lastQty);
        report.setString(LastPx.FIELD, lastPx);
        report.setString(LeavesQty.FIELD, leavesQty);
        report.setString(CumQty.FIELD, cumQty);
        report.setString(AvgPx.FIELD, avgPx);
        return report;
    }

    private void snapshot(final Message request, final SessionID sessionId) throws FieldNotFound, SessionNotFound
    {
        final List<Group> symbols = request.getGroups(NoRelatedSym.FIELD);
        for (final Group related : symbols)
        {
            final MarketDataSnapshotFullRefresh w = new MarketDataSnapshotFullRefresh();
            w.set(new MDReqID(request.getString(MDReqID.FIELD)));
            w.setString(Symbol.FIELD, related.getString(Symbol.FIELD));
            w.setInt(RptSeq.FIELD, snapshotSeq.get());
            w.setString(FixFields.EXCHANGE_SEND_NANOS, Long.toString(System.nanoTime()));
            w.addGroup(entry(MDEntryType.BID, "352.45", 10));
            w.addGroup(entry(MDEntryType.OFFER, "352.50", 12));
            Session.sendToTarget(w, sessionId);
        }
    }

    private static Group entry(final char type, final String price, final int size)
    {
        final Group entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
        entry.setChar(MDEntryType.FIELD, type);
        entry.setString(MDEntryPx.FIELD, price);
        entry.setInt(MDEntrySize.FIELD, size);
        entry.setInt(MDEntryPositionNo.FIELD, 1);
        return entry;
    }

    @Override
    public void close()
    {
        acceptor.stop(true);
    }
}
