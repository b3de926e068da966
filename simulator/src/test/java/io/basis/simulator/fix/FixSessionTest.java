package io.basis.simulator.fix;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.record.FillRecord;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.support.Poll;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
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
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.TransactTime;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelRequest;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the simulator through a plain QuickFIX/J initiator, as the gateway would, on both sessions.
 */
@Timeout(60)
class FixSessionTest
{
    private static final long WAIT_MS = 10_000;
    private static final SessionID ORDER_ENTRY = new SessionID("FIX.4.4", "BASIS-OE", "SIM");
    private static final SessionID MARKET_DATA = new SessionID("FIX.4.4", "BASIS-MD", "SIM");

    @TempDir
    Path directory;

    private final BlockingQueue<Message> orderEntryInbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> marketDataInbox = new LinkedBlockingQueue<>();
    private Simulator simulator;
    private SocketInitiator initiator;
    private Path recordFile;

    @BeforeEach
    void setUp() throws Exception
    {
        recordFile = directory.resolve("record.properties");
        final SimulatorConfig config = new SimulatorConfig()
            .referenceDataDirectory(TestReferenceData.kospi200Directory())
            .orderEntryPort(freePort())
            .marketDataPort(freePort())
            .recordFile(recordFile)
            .logSessionEvents(false);
        config.market().tickMillis(20).seed(7);
        simulator = Simulator.start(config);
        initiator = initiator(simulator.orderEntryPort(), simulator.marketDataPort());
        initiator.start();
        Poll.until(() -> loggedOn(ORDER_ENTRY) && loggedOn(MARKET_DATA), WAIT_MS, "logon of both sessions");
    }

    @AfterEach
    void tearDown()
    {
        // Exchange first: it logs the sessions out, so the initiator never sees market data after its logout.
        if (simulator != null)
        {
            simulator.close();
        }
        if (initiator != null)
        {
            initiator.stop(true);
        }
    }

    @Test
    void tradesThroughBothSessions() throws Exception
    {
        // Market data: W per known symbol, Y for the unknown one, then X with consecutive RptSeq.
        send(marketDataRequest("r1", "005930", "K200F", "NOPE"), MARKET_DATA);
        final List<Message> received = new ArrayList<>();
        Poll.until(marketDataInbox, m ->
        {
            received.add(m);
            return find(received, "Y", "") != null && find(received, "W", "K200F") != null &&
                find(received, "W", "005930") != null && find(received, "X", "005930") != null;
        }, WAIT_MS, "W, Y and X");
        final Message reject = find(received, "Y", "");
        assertEquals("r1", reject.getString(262));
        assertEquals('0', reject.getChar(281));
        assertTrue(reject.getString(58).contains("NOPE"));
        final Message snapshot = find(received, "W", "005930");
        assertTrue(received.indexOf(snapshot) < received.indexOf(find(received, "X", "005930")), "W before X");
        assertEquals("r1", snapshot.getString(262));
        assertTrue(Long.parseLong(snapshot.getString(21001)) > 0);
        final long snapshotSeq = Long.parseLong(snapshot.getString(83));
        final Instrument samsung = simulator.referenceData().instrument("005930");
        long bestBid = 0;
        long bestOffer = 0;
        int bids = 0;
        int offers = 0;
        for (final Group entry : snapshot.getGroups(268))
        {
            final long price = FixedPoint.parse(entry.getString(270));
            assertTrue(samsung.tickTable().isOnGrid(price));
            assertTrue(Long.parseLong(entry.getString(271)) > 0);
            final int position = entry.getInt(290);
            if (entry.getChar(269) == '0')
            {
                bids++;
                bestBid = position == 1 ? price : bestBid;
            }
            else
            {
                offers++;
                bestOffer = position == 1 ? price : bestOffer;
            }
        }
        assertEquals(10, bids);
        assertEquals(10, offers);
        assertEquals(samsung.tickTable().tickUp(bestBid), bestOffer);

        final Message firstIncremental = find(received, "X", "005930");
        assertEquals(snapshotSeq + 1, Long.parseLong(firstIncremental.getString(83)));
        final long triggerNanos = Long.parseLong(firstIncremental.getString(21001));
        for (final Group entry : firstIncremental.getGroups(268))
        {
            final char action = entry.getChar(279);
            assertTrue(action == '1' || action == '2' || action == '0');
            if (action != '0')
            {
                final int position = entry.getInt(290);
                assertTrue(position >= 1 && position <= 10);
            }
        }

        // A marketable limit order fills at the resting offers, never above its limit.
        final long limit = bestOffer + 5 * samsung.tickTable().tickAt(bestOffer);
        send(newOrder("100", "ARB1", "005930", '1', 10, limit, triggerNanos), ORDER_ENTRY);
        final Message ack = nextReport("100");
        assertEquals('0', ack.getChar(150));
        assertEquals("ARB1", ack.getString(1));
        long filled = 0;
        Message report = ack;
        while (filled < 10)
        {
            report = nextReport("100");
            assertEquals('F', report.getChar(150));
            assertTrue(FixedPoint.parse(report.getString(31)) <= limit);
            filled += (long)Double.parseDouble(report.getString(32));
            assertEquals(filled, (long)Double.parseDouble(report.getString(14)));
        }
        assertEquals('2', report.getChar(39));
        assertEquals(0, (long)Double.parseDouble(report.getString(151)));

        // The trade is published as MDEntryType 2.
        final Message trades = Poll.until(marketDataInbox, m -> type(m).equals("X") && hasTrade(m), WAIT_MS,
            "X with a trade");
        assertEquals("005930", symbolOfEntries(trades));

        // A resting order is canceled; cancelling again is too late; an unknown order is unknown.
        final long restingPrice = bestBid - 20 * samsung.tickTable().tickAt(bestBid);
        send(newOrder("101", null, "005930", '1', 5, restingPrice, 0), ORDER_ENTRY);
        assertEquals('0', nextReport("101").getChar(150));
        send(cancel("102", "101", "005930", '1', 5), ORDER_ENTRY);
        final Message canceled = nextReport("102");
        assertEquals('4', canceled.getChar(150));
        assertEquals('4', canceled.getChar(39));
        assertEquals("101", canceled.getString(41));
        send(cancel("103", "101", "005930", '1', 5), ORDER_ENTRY);
        final Message tooLate = nextMessage("9", "103");
        assertEquals(0, tooLate.getInt(102));
        assertEquals("101", tooLate.getString(41));
        assertEquals('1', tooLate.getChar(434));
        send(cancel("104", "999", "005930", '1', 5), ORDER_ENTRY);
        assertEquals(1, nextMessage("9", "104").getInt(102));

        // Validation rejects.
        send(newOrder("105", null, "NOPE", '1', 1, 10_000_000L, 0), ORDER_ENTRY);
        final Message unknownSymbol = nextReport("105");
        assertEquals('8', unknownSymbol.getChar(150));
        assertEquals('8', unknownSymbol.getChar(39));
        assertEquals(1, unknownSymbol.getInt(103));
        send(newOrder("106", null, "005930", '1', 1, bestBid + 50 * 10_000L, 0), ORDER_ENTRY);
        final Message offGrid = nextReport("106");
        assertEquals(99, offGrid.getInt(103));
        assertTrue(offGrid.getString(58).contains("tick grid"), offGrid.getString(58));
        send(newOrder("106", null, "005930", '1', 1, bestBid, 0), ORDER_ENTRY);
        assertEquals(6, nextReport("106").getInt(103));

        // The exchange record agrees.
        assertEquals(10, simulator.record().netPosition("ARB1", "005930"));
        final List<FillRecord> fills = simulator.record().fills("ARB1");
        assertEquals(10, fills.stream().mapToLong(FillRecord::quantity).sum());
        assertTrue(simulator.record().liveOrders("BASIS-OE").isEmpty());
        assertEquals(3, simulator.record().orders("BASIS-OE").stream().filter(o -> o.rejected()).count());
        assertEquals(1, simulator.record().tickToOrder().count());

        simulator.close();
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(recordFile))
        {
            properties.load(reader);
        }
        assertEquals("10", properties.getProperty("account.ARB1.position.005930"));
        assertEquals("1", properties.getProperty("account.ARB1.orders"));
        assertEquals("0", properties.getProperty("account.BASIS-OE.liveOrders"));
        assertEquals("1", properties.getProperty("tickToOrder.count"));
        assertFalse(properties.getProperty("fills.total").equals("0"));
    }

    @Test
    void incrementalSequenceHasNoGaps() throws Exception
    {
        send(marketDataRequest("r2", "K200F"), MARKET_DATA);
        final Message snapshot = Poll.until(marketDataInbox, m -> type(m).equals("W"), WAIT_MS, "W");
        long expected = Long.parseLong(snapshot.getString(83)) + 1;
        for (int i = 0; i < 20; i++)
        {
            final Message update = Poll.until(marketDataInbox, m -> type(m).equals("X"), WAIT_MS, "X");
            assertEquals(expected++, Long.parseLong(update.getString(83)));
            assertEquals("K200F", symbolOfEntries(update));
        }
    }

    private Message nextReport(final String clOrdId) throws InterruptedException
    {
        return nextMessage("8", clOrdId);
    }

    private Message nextMessage(final String msgType, final String clOrdId) throws InterruptedException
    {
        return Poll.until(orderEntryInbox, m -> type(m).equals(msgType) && field(m, 11).equals(clOrdId), WAIT_MS,
            msgType + " for ClOrdID " + clOrdId);
    }

    private static Message marketDataRequest(final String id, final String... symbols)
    {
        final MarketDataRequest request = new MarketDataRequest();
        request.setString(262, id);
        request.setChar(263, '1');
        request.setInt(264, 10);
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

    private static Message newOrder(final String clOrdId, final String account, final String symbol, final char side,
        final long quantity, final long price, final long triggerNanos)
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
        order.setChar(59, '0');
        order.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        order.setInt(529, 2);
        if (triggerNanos != 0)
        {
            order.setString(21002, Long.toString(triggerNanos));
        }
        return order;
    }

    private static Message cancel(final String clOrdId, final String origClOrdId, final String symbol,
        final char side, final long quantity)
    {
        final OrderCancelRequest cancel = new OrderCancelRequest();
        cancel.setString(11, clOrdId);
        cancel.setString(41, origClOrdId);
        cancel.setString(55, symbol);
        cancel.setChar(54, side);
        cancel.setString(38, Long.toString(quantity));
        cancel.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        return cancel;
    }

    private static void send(final Message message, final SessionID sessionId) throws SessionNotFound
    {
        assertTrue(Session.sendToTarget(message, sessionId));
    }

    private static boolean loggedOn(final SessionID sessionId)
    {
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.isLoggedOn();
    }

    private static String type(final Message message)
    {
        return field(message.getHeader(), 35);
    }

    private static String symbol(final Message message)
    {
        return field(message, 55);
    }

    private static String field(final quickfix.FieldMap map, final int tag)
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

    private static String symbolOfEntries(final Message message)
    {
        final List<String> symbols = new ArrayList<>();
        for (final Group entry : message.getGroups(268))
        {
            final String symbol = field(entry, 55);
            if (!symbols.contains(symbol))
            {
                symbols.add(symbol);
            }
        }
        return String.join(",", symbols);
    }

    /**
     * First message of a type for a symbol (message-level Symbol for W, entry Symbol for X, ignored for Y).
     */
    private static Message find(final List<Message> messages, final String msgType, final String symbol)
    {
        for (final Message message : messages)
        {
            if (type(message).equals(msgType) && (msgType.equals("Y") ||
                (msgType.equals("W") ? symbol(message) : symbolOfEntries(message)).equals(symbol)))
            {
                return message;
            }
        }
        return null;
    }

    private static boolean hasTrade(final Message message)
    {
        for (final Group entry : message.getGroups(268))
        {
            if (field(entry, 269).equals("2"))
            {
                return true;
            }
        }
        return false;
    }

    private SocketInitiator initiator(final int orderEntryPort, final int marketDataPort) throws ConfigError
    {
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
        settings.setString(ORDER_ENTRY, "BeginString", "FIX.4.4");
        settings.setString(ORDER_ENTRY, "SenderCompID", ORDER_ENTRY.getSenderCompID());
        settings.setString(ORDER_ENTRY, "TargetCompID", ORDER_ENTRY.getTargetCompID());
        settings.setString(ORDER_ENTRY, "SocketConnectPort", Integer.toString(orderEntryPort));
        settings.setString(MARKET_DATA, "BeginString", "FIX.4.4");
        settings.setString(MARKET_DATA, "SenderCompID", MARKET_DATA.getSenderCompID());
        settings.setString(MARKET_DATA, "TargetCompID", MARKET_DATA.getTargetCompID());
        settings.setString(MARKET_DATA, "SocketConnectPort", Integer.toString(marketDataPort));
        final Application application = new quickfix.ApplicationAdapter()
        {
            @Override
            public void fromApp(final Message message, final SessionID sessionId)
            {
                (sessionId.equals(ORDER_ENTRY) ? orderEntryInbox : marketDataInbox).add(message);
            }
        };
        return new SocketInitiator(application, new MemoryStoreFactory(), settings,
            new ScreenLogFactory(false, false, false), new DefaultMessageFactory());
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
