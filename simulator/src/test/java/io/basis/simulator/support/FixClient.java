package io.basis.simulator.support;

import io.basis.simulator.price.FixedPoint;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.TransactTime;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * A plain QuickFIX/J FIX 4.4 initiator with an order-entry and a market-data session, as the gateway would
 * connect, collecting everything it receives (application and admin messages) in queues.
 */
public final class FixClient implements AutoCloseable
{
    /** Default wait for a message. */
    public static final long WAIT_MS = 10_000;

    private final SessionID orderEntry;
    private final SessionID marketData;
    private final BlockingQueue<Message> orderEntryInbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> marketDataInbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> adminIn = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> adminOut = new LinkedBlockingQueue<>();
    private final SocketInitiator initiator;

    /**
     * Connect and wait for both logons.
     *
     * @param orderEntryPort simulator order-entry port.
     * @param marketDataPort simulator market-data port.
     * @throws ConfigError if QuickFIX/J refuses the settings.
     */
    public FixClient(final int orderEntryPort, final int marketDataPort) throws ConfigError
    {
        this("BASIS-OE", "BASIS-MD", orderEntryPort, marketDataPort);
    }

    /**
     * Connect and wait for both logons.
     *
     * @param orderEntryCompId client CompID of the order-entry session.
     * @param marketDataCompId client CompID of the market-data session.
     * @param orderEntryPort   simulator order-entry port.
     * @param marketDataPort   simulator market-data port.
     * @throws ConfigError if QuickFIX/J refuses the settings.
     */
    public FixClient(final String orderEntryCompId, final String marketDataCompId, final int orderEntryPort,
        final int marketDataPort) throws ConfigError
    {
        orderEntry = new SessionID("FIX.4.4", orderEntryCompId, "SIM");
        marketData = new SessionID("FIX.4.4", marketDataCompId, "SIM");
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("NonStopSession", "Y");
        settings.setString("HeartBtInt", "30");
        settings.setString("ReconnectInterval", "1");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setString("ResetOnLogon", "Y");
        settings.setString("ValidateUserDefinedFields", "N");
        settings.setString("AllowUnknownMsgFields", "Y");
        settings.setString("SocketConnectHost", "127.0.0.1");
        for (final SessionID id : new SessionID[]{orderEntry, marketData})
        {
            settings.setString(id, "BeginString", "FIX.4.4");
            settings.setString(id, "SenderCompID", id.getSenderCompID());
            settings.setString(id, "TargetCompID", id.getTargetCompID());
            settings.setString(id, "SocketConnectPort",
                Integer.toString(id == orderEntry ? orderEntryPort : marketDataPort));
        }
        final Application application = new quickfix.ApplicationAdapter()
        {
            @Override
            public void fromApp(final Message message, final SessionID sessionId)
            {
                (sessionId.equals(orderEntry) ? orderEntryInbox : marketDataInbox).add(message);
            }

            @Override
            public void fromAdmin(final Message message, final SessionID sessionId)
            {
                adminIn.add(message);
            }

            @Override
            public void toAdmin(final Message message, final SessionID sessionId)
            {
                adminOut.add(message);
            }
        };
        initiator = new SocketInitiator(application, new MemoryStoreFactory(), settings,
            new ScreenLogFactory(false, false, false), new DefaultMessageFactory());
        initiator.start();
        awaitLogon();
    }

    /**
     * Wait until both sessions are logged on.
     */
    public void awaitLogon()
    {
        Poll.until(() -> loggedOn(orderEntry) && loggedOn(marketData), WAIT_MS, "logon of both sessions");
    }

    /**
     * @return the order-entry session id.
     */
    public SessionID orderEntry()
    {
        return orderEntry;
    }

    /**
     * @return the market-data session id.
     */
    public SessionID marketData()
    {
        return marketData;
    }

    /**
     * @return application messages received on order entry.
     */
    public BlockingQueue<Message> orderEntryInbox()
    {
        return orderEntryInbox;
    }

    /**
     * @return application messages received on market data.
     */
    public BlockingQueue<Message> marketDataInbox()
    {
        return marketDataInbox;
    }

    /**
     * @return admin messages received on either session.
     */
    public BlockingQueue<Message> adminIn()
    {
        return adminIn;
    }

    /**
     * @return admin messages sent on either session.
     */
    public BlockingQueue<Message> adminOut()
    {
        return adminOut;
    }

    /**
     * @param message an application message for order entry.
     */
    public void sendOrderEntry(final Message message)
    {
        if (!Session.lookupSession(orderEntry).send(message))
        {
            throw new AssertionError("order-entry session did not take the message");
        }
    }

    /**
     * @param message an application message for market data.
     */
    public void sendMarketData(final Message message)
    {
        if (!Session.lookupSession(marketData).send(message))
        {
            throw new AssertionError("market-data session did not take the message");
        }
    }

    /**
     * Next order-entry message of a type for a ClOrdID, discarding others.
     *
     * @param msgType MsgType.
     * @param clOrdId ClOrdID(11).
     * @return the message.
     * @throws InterruptedException if interrupted.
     */
    public Message next(final String msgType, final String clOrdId) throws InterruptedException
    {
        return Poll.until(orderEntryInbox, m -> type(m).equals(msgType) && field(m, 11).equals(clOrdId), WAIT_MS,
            msgType + " for ClOrdID " + clOrdId);
    }

    /**
     * Next execution report of a ClOrdID with an ExecType.
     *
     * @param clOrdId  ClOrdID(11).
     * @param execType ExecType(150).
     * @return the report.
     * @throws InterruptedException if interrupted.
     */
    public Message report(final String clOrdId, final char execType) throws InterruptedException
    {
        return Poll.until(orderEntryInbox, m -> type(m).equals("8") && field(m, 11).equals(clOrdId) &&
            field(m, 150).equals(String.valueOf(execType)), WAIT_MS, "8 " + execType + " for " + clOrdId);
    }

    /**
     * Next market-data message matching.
     *
     * @param predicate what to wait for.
     * @param what      description.
     * @return the message.
     * @throws InterruptedException if interrupted.
     */
    public Message marketData(final Predicate<Message> predicate, final String what) throws InterruptedException
    {
        return Poll.until(marketDataInbox, predicate, WAIT_MS, what);
    }

    /**
     * @param session a session id.
     * @return true if logged on.
     */
    public static boolean loggedOn(final SessionID session)
    {
        final Session found = Session.lookupSession(session);
        return found != null && found.isLoggedOn();
    }

    /**
     * A day limit order, OrderRestrictions 2 (index arbitrage) unless null.
     *
     * @param clOrdId      ClOrdID.
     * @param account      Account or null.
     * @param symbol       Symbol.
     * @param side         Side code.
     * @param quantity     quantity.
     * @param price        scaled price.
     * @param tif          TimeInForce code.
     * @param restrictions OrderRestrictions or null.
     * @return the message.
     */
    public static Message limit(final String clOrdId, final String account, final String symbol, final char side,
        final long quantity, final long price, final char tif, final String restrictions)
    {
        final NewOrderSingle order = new NewOrderSingle();
        order.setString(11, clOrdId);
        if (account != null)
        {
            order.setString(1, account);
        }
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setString(38, Long.toString(quantity));
        order.setChar(40, '2');
        order.setString(44, FixedPoint.format(price));
        order.setChar(59, tif);
        order.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        if (restrictions != null)
        {
            order.setString(529, restrictions);
        }
        return order;
    }

    /**
     * @param clOrdId  the replacement's ClOrdID.
     * @param orig     OrigClOrdID.
     * @param symbol   symbol.
     * @param quantity new total quantity.
     * @param price    new scaled price.
     * @return an OrderCancelReplaceRequest for a buy limit order.
     */
    public static Message replace(final String clOrdId, final String orig, final String symbol, final long quantity,
        final long price)
    {
        final OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest();
        replace.setString(11, clOrdId);
        replace.setString(41, orig);
        replace.setString(55, symbol);
        replace.setChar(54, '1');
        replace.setString(38, Long.toString(quantity));
        replace.setChar(40, '2');
        replace.setString(44, FixedPoint.format(price));
        replace.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        return replace;
    }

    /**
     * @param clOrdId the cancel's ClOrdID.
     * @param orig    OrigClOrdID.
     * @param symbol  symbol.
     * @return an OrderCancelRequest for a buy order.
     */
    public static Message cancel(final String clOrdId, final String orig, final String symbol)
    {
        final OrderCancelRequest cancel = new OrderCancelRequest();
        cancel.setString(11, clOrdId);
        cancel.setString(41, orig);
        cancel.setString(55, symbol);
        cancel.setChar(54, '1');
        cancel.setString(38, "5");
        cancel.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        return cancel;
    }

    /**
     * @param id      MDReqID.
     * @param depth   MarketDepth.
     * @param symbols symbols.
     * @return a subscription request for bids, offers and trades.
     */
    public static Message subscribe(final String id, final int depth, final String... symbols)
    {
        final MarketDataRequest request = new MarketDataRequest();
        request.setString(262, id);
        request.setChar(263, '1');
        request.setInt(264, depth);
        request.setInt(265, 1);
        for (final char type : new char[]{'0', '1', '2'})
        {
            final Group entryType = new MarketDataRequest.NoMDEntryTypes();
            entryType.setChar(269, type);
            request.addGroup(entryType);
        }
        for (final String symbol : symbols)
        {
            final Group related = new MarketDataRequest.NoRelatedSym();
            related.setString(55, symbol);
            request.addGroup(related);
        }
        return request;
    }

    /**
     * @param message a message.
     * @return its MsgType.
     */
    public static String type(final Message message)
    {
        return field(message.getHeader(), 35);
    }

    /**
     * @param map a message or group.
     * @param tag a tag.
     * @return the value, or "" if absent.
     */
    public static String field(final quickfix.FieldMap map, final int tag)
    {
        try
        {
            return map.isSetField(tag) ? map.getString(tag) : "";
        }
        catch (final FieldNotFound ex)
        {
            return "";
        }
    }

    /**
     * @param message a FIX message.
     * @param tag     a decimal field.
     * @return its value as a whole number.
     */
    public static long quantity(final Message message, final int tag)
    {
        return FixedPoint.parse(field(message, tag)) / FixedPoint.SCALE;
    }

    /**
     * @return a free TCP port.
     * @throws IOException if none.
     */
    public static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close()
    {
        initiator.stop(true);
    }
}
