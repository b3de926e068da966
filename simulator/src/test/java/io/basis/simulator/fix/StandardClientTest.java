package io.basis.simulator.fix;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.SessionClient;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.SessionID;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.basis.simulator.support.FixClient.field;
import static io.basis.simulator.support.FixClient.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plain QuickFIX/J client, with nothing but the stock dictionary of its FIX version and QuickFIX/J's default
 * validation, gets every message the simulator sends it and rejects none: market data (snapshots, incrementals,
 * request rejects), security definitions, security and trading session status, and on order entry execution
 * reports, cancel rejects, mass cancel reports and list status. The Basis gateway's default sessions still get the
 * Basis extensions. A message a client finds invalid never reaches its application: QuickFIX/J answers it with a
 * Reject (3), which this test would see.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardClientTest
{
    private static final String[] SYMBOLS = {"AAA", "LOT", "FUT"};
    private static final int RPT_SEQ = 83;
    private static final int EXCHANGE_SEND_NANOS = 21001;
    private static final int PROGRAM_TRADING_SUSPENDED = 21003;
    private static final DateTimeFormatter TRANSACT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");

    private Simulator simulator;

    @BeforeAll
    void setUp() throws Exception
    {
        final SimulatorConfig config = new SimulatorConfig()
            .referenceData(TestReferenceData.small())
            .orderEntryPort(FixClient.freePort())
            .marketDataPort(FixClient.freePort())
            .logSessionEvents(false);
        for (final String version : new String[]{"4.2", "4.4", "5.0SP2"})
        {
            final String suffix = version.replace(".", "").substring(0, 2);
            config.session(SessionDefinition.parse("oe:PLAIN-OE" + suffix + ":" + version));
            config.session(SessionDefinition.parse("md:PLAIN-MD" + suffix + ":" + version));
        }
        config.session(SessionDefinition.parse("md+basis:EXTRA-MD:5.0SP2"));
        config.market().tickMillis(20).seed(11);
        simulator = Simulator.start(config);
    }

    @AfterAll
    void tearDown()
    {
        if (simulator != null)
        {
            simulator.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4", "FIXT.1.1"})
    void aPlainMarketDataClientGetsSnapshotsAndIncrementalsItsStockDictionaryAccepts(final String version)
        throws Exception
    {
        try (SessionClient client = SessionClient.standard(session(version, "MD"), simulator.marketDataPort()))
        {
            client.awaitLogon();
            client.send(marketDataRequest(version, "plain", "AAA", "LOT", "FUT", "NOPE"));

            final Map<String, Long> lastRptSeq = new HashMap<>();
            for (final String symbol : SYMBOLS)
            {
                final Message snapshot = client.next(m -> type(m).equals("W"));
                assertEquals(symbol, snapshot.getString(55), "a snapshot per symbol, in request order");
                assertFalse(snapshot.getGroups(268).isEmpty(), "the book has levels");
                assertNoBasisExtensions(snapshot);
                lastRptSeq.put(symbol, entryRptSeq(version, snapshot));
            }
            assertEquals("unknown symbol NOPE", client.next(m -> type(m).equals("Y")).getString(58));

            final Set<String> updated = new HashSet<>();
            int incrementals = 0;
            while (incrementals < 10 || updated.size() < 2)
            {
                final Message incremental = client.next(m -> type(m).equals("X"));
                assertNoBasisExtensions(incremental);
                final String symbol = incremental.getGroups(268).get(0).getString(55);
                updated.add(symbol);
                final long rptSeq = entryRptSeq(version, incremental);
                if (rptSeq >= 0)
                {
                    assertEquals(lastRptSeq.get(symbol) + 1, rptSeq, "5.0SP2 RptSeq per entry, gap-free: " + symbol);
                    lastRptSeq.put(symbol, rptSeq);
                }
                incrementals++;
            }
            assertNothingRejected(client);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4", "FIXT.1.1"})
    void aPlainMarketDataClientGetsDefinitionsAndMarketStatusItsStockDictionaryAccepts(final String version)
        throws Exception
    {
        try (SessionClient client = SessionClient.standard(session(version, "MD"), simulator.marketDataPort()))
        {
            client.awaitLogon();
            client.send(message("c", "320=defs", "321=3"));
            for (final String symbol : SYMBOLS)
            {
                assertEquals(symbol, client.next(m -> type(m).equals("d")).getString(55));
            }
            client.send(message("c", "320=nope", "321=0", "55=NOPE"));
            assertEquals(6, client.next(m -> type(m).equals("d")).getInt(323), "unknown symbol");

            client.send(message("e", "324=nope", "55=NOPE", "263=0"));
            assertEquals(20, client.next(m -> type(m).equals("f")).getInt(326), "unknown symbol");
            client.send(message("e", "324=all", "55=[ALL]", "263=1"));
            for (final String symbol : SYMBOLS)
            {
                assertEquals(17, client.next(m -> type(m).equals("f") && field(m, 55).equals(symbol)).getInt(326));
            }
            client.send(message("g", "335=phase", "263=1"));
            assertEquals(2, client.next(m -> type(m).equals("h")).getInt(340), "open");

            control("halt AAA");
            assertEquals(2, client.next(m -> type(m).equals("f") && field(m, 55).equals("AAA")).getInt(326));
            control("resume AAA");
            assertEquals(3, client.next(m -> type(m).equals("f") && field(m, 55).equals("AAA")).getInt(326));
            control("vi LOT 60");
            final Message interrupted = client.next(m -> type(m).equals("f") && field(m, 55).equals("LOT"));
            assertEquals(version.equals("FIX.4.2") ? 1 : 21, interrupted.getInt(326),
                "FIX 4.2 has no 21 (pre-open): 1 (opening delay)");
            assertEquals(version.equals("FIXT.1.1"), interrupted.isSetField(1174), "SecurityTradingEvent is 5.0SP2");
            control("resume LOT");
            client.next(m -> type(m).equals("f") && field(m, 55).equals("LOT"));
            control("sidecar buy");
            assertFalse(client.next(m -> type(m).equals("h")).isSetField(PROGRAM_TRADING_SUSPENDED),
                "the sidecar tag is a Basis extension");
            control("sidecar off");
            client.next(m -> type(m).equals("h"));
            control("circuit-breaker on");
            assertEquals(1, client.next(m -> type(m).equals("h")).getInt(340), "halted");
            control("circuit-breaker off");
            assertEquals(2, client.next(m -> type(m).equals("h")).getInt(340), "open again");
            assertNothingRejected(client);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4", "FIXT.1.1"})
    void aPlainOrderEntryClientGetsReportsItsStockDictionaryAccepts(final String version) throws Exception
    {
        try (SessionClient client = SessionClient.standard(session(version, "OE"), simulator.orderEntryPort()))
        {
            client.awaitLogon();
            final String id = version.substring(version.length() - 1);
            client.send(order("take" + id, "1", "75000"));
            client.next(report("take" + id, '2'));
            client.send(order("rest" + id, "5", "60000"));
            client.next(report("rest" + id, '0'));
            client.send(message("G", "11=moved" + id, "41=rest" + id, "21=1", "55=AAA", "54=1",
                "38=6", "40=2", "44=60000", "60=" + now()));
            client.next(m -> type(m).equals("8") && field(m, 11).equals("moved" + id) && field(m, 150).equals("5"));
            client.send(message("H", "11=moved" + id, "55=AAA", "54=1"));
            client.next(m -> type(m).equals("8") && field(m, 11).equals("moved" + id) && field(m, 39).equals("0"));
            client.send(message("F", "11=cancel" + id, "41=moved" + id, "55=AAA", "54=1", "38=6", "60=" + now()));
            client.next(m -> type(m).equals("8") && field(m, 11).equals("cancel" + id) && field(m, 39).equals("4"));

            client.send(message("F", "11=cxl" + id, "41=unknown" + id, "55=AAA", "54=1", "38=1",
                "60=" + now()));
            assertEquals(1, client.next(m -> type(m).equals("9")).getInt(102), "unknown order");
            client.send(message("G", "11=rpl" + id, "41=unknown" + id, "21=1", "55=AAA", "54=1", "38=6", "40=2",
                "44=60000", "60=" + now()));
            assertEquals('2', client.next(m -> type(m).equals("9")).getChar(434), "a refused replace");
            client.send(message("H", "11=unknown" + id, "55=AAA", "54=1"));
            client.next(m -> type(m).equals("8") && field(m, 11).equals("unknown" + id) && field(m, 39).equals("8"));
            final Message unknownSymbol = order("bad" + id, "1", "71000");
            unknownSymbol.setString(55, "NOPE");
            client.send(unknownSymbol);
            assertEquals(1, client.next(report("bad" + id, '8')).getInt(103), "unknown symbol");

            client.send(newOrderList(version, "list" + id));
            assertEquals(1, client.next(m -> type(m).equals("N")).getInt(429), "list acknowledged");
            client.send(message("M", "66=list" + id));
            assertEquals(2, client.next(m -> type(m).equals("N")).getInt(429), "list status");
            client.send(message("K", "66=list" + id, "60=" + now()));
            client.next(m -> type(m).equals("N"));
            client.send(message("M", "66=nolist" + id));
            assertEquals(7, client.next(m -> type(m).equals("N")).getInt(431), "unknown list");
            client.send(newOrderList(version, "now" + id, '1', "60000", "60000.5"));
            client.next(m -> type(m).equals("N"));
            client.next(report("now" + id + "-2", '8'));
            client.send(message("M", "66=now" + id));
            final Message withRejectedLeg = client.next(m -> type(m).equals("N") && field(m, 66).equals("now" + id));
            assertTrue(withRejectedLeg.getGroups(73).get(1).isSetField(103), "the rejected leg's reason");
            if (!version.equals("FIX.4.2"))
            {
                client.send(order("rest2" + id, "5", "60000"));
                client.next(report("rest2" + id, '0'));
                client.send(message("q", "11=mass" + id, "530=1", "55=AAA", "60=" + now()));
                assertTrue(client.next(m -> type(m).equals("r")).getInt(533) >= 1, "the resting order canceled");
            }
            assertNothingRejected(client);
        }
    }

    @Test
    void theBasisGatewaysDefaultSessionAndSessionsThatAskGetTheBasisExtensions() throws Exception
    {
        try (FixClient client = new FixClient(simulator.orderEntryPort(), simulator.marketDataPort());
             SessionClient extra = SessionClient.lenient(new SessionID("FIXT.1.1", "EXTRA-MD", "SIM"),
                 simulator.marketDataPort(), null, null, false))
        {
            extra.awaitLogon();
            client.sendMarketData(FixClient.subscribe("basis", 0, "FUT"));
            extra.send(marketDataRequest("FIXT.1.1", "extra", "FUT"));
            for (final Predicate<Message> predicate : List.<Predicate<Message>>of(
                m -> type(m).equals("W"), m -> type(m).equals("X")))
            {
                for (final Message message : List.of(client.marketData(predicate, "W or X on BASIS-MD"),
                    extra.next(predicate)))
                {
                    assertTrue(message.isSetField(RPT_SEQ), "RptSeq at message level: " + message);
                    assertTrue(message.isSetField(EXCHANGE_SEND_NANOS), "ExchangeSendNanos: " + message);
                }
            }
            client.sendMarketData(message("g", "335=phase", "263=1"));
            assertEquals("N", client.marketData(m -> type(m).equals("h"), "h").getString(PROGRAM_TRADING_SUSPENDED));
        }
    }

    private void control(final String command)
    {
        final String answer = simulator.control(command);
        assertTrue(answer.startsWith("ok"), command + ": " + answer);
    }

    private static SessionID session(final String version, final String role)
    {
        final String suffix = switch (version)
        {
            case "FIX.4.2" -> "42";
            case "FIX.4.4" -> "44";
            default -> "50";
        };
        return new SessionID(version, "PLAIN-" + role + suffix, "SIM");
    }

    private static void assertNoBasisExtensions(final Message message)
    {
        assertFalse(message.isSetField(RPT_SEQ), "no message-level RptSeq: " + message);
        assertFalse(message.isSetField(EXCHANGE_SEND_NANOS), "no ExchangeSendNanos: " + message);
    }

    /**
     * @return RptSeq of the message's entries on FIX 5.0SP2 (all equal), -1 on versions without one.
     */
    private static long entryRptSeq(final String version, final Message message) throws FieldNotFound
    {
        final List<Group> entries = message.getGroups(268);
        if (!version.equals("FIXT.1.1"))
        {
            for (final Group entry : entries)
            {
                assertFalse(entry.isSetField(RPT_SEQ), "no RptSeq in " + version);
            }
            return -1;
        }
        final long rptSeq = entries.get(0).getInt(RPT_SEQ);
        for (final Group entry : entries)
        {
            assertEquals(rptSeq, entry.getInt(RPT_SEQ), "one RptSeq per message");
        }
        return rptSeq;
    }

    private static void assertNothingRejected(final SessionClient client)
    {
        final List<Message> rejects = new ArrayList<>();
        for (final Message message : client.adminOut())
        {
            if (type(message).equals("3"))
            {
                rejects.add(message);
            }
        }
        for (final Message message : client.adminIn())
        {
            if (type(message).equals("3"))
            {
                rejects.add(message);
            }
        }
        for (final Message message : client.inbox())
        {
            if (type(message).equals("j"))
            {
                rejects.add(message);
            }
        }
        assertEquals(List.of(), rejects, "session and business rejects either way");
    }

    private static Predicate<Message> report(final String clOrdId, final char ordStatus)
    {
        return m -> type(m).equals("8") && field(m, 11).equals(clOrdId) && field(m, 39).equals(String.valueOf(
            ordStatus));
    }

    private static Message order(final String clOrdId, final String quantity, final String price)
    {
        return message("D", "11=" + clOrdId, "21=1", "55=AAA", "54=1", "38=" + quantity, "40=2",
            "44=" + price, "59=0", "60=" + now());
    }

    private static Message newOrderList(final String version, final String listId) throws ConfigError
    {
        return newOrderList(version, listId, '2', "9000", "9000");
    }

    /**
     * @return a list of two LOT buys at the given prices, waiting for ListExecute (433=2) or executing at once.
     */
    private static Message newOrderList(final String version, final String listId, final char execInst,
        final String... prices) throws ConfigError
    {
        final Message list = message("E", "66=" + listId, "394=3", "68=2", "433=" + execInst);
        for (int leg = 1; leg <= prices.length; leg++)
        {
            list.addGroup(group(version, "E", 73, "11=" + listId + "-" + leg, "67=" + leg, "55=LOT", "54=1",
                "38=10", "40=2", "44=" + prices[leg - 1], "59=0"));
        }
        return list;
    }

    private static Message marketDataRequest(final String version, final String id, final String... symbols)
        throws ConfigError
    {
        final Message request = message("V", "262=" + id, "263=1", "264=0", "265=1");
        for (final String type : new String[]{"0", "1", "2"})
        {
            request.addGroup(group(version, "V", 267, "269=" + type));
        }
        for (final String symbol : symbols)
        {
            request.addGroup(group(version, "V", 146, "55=" + symbol));
        }
        return request;
    }

    private static String now()
    {
        return TRANSACT_TIME.format(LocalDateTime.now(ZoneOffset.UTC));
    }

    /**
     * @param msgType   MsgType.
     * @param tagValues body fields as {@code tag=value}.
     * @return a message built field by field (the session sets the version), as a client without generated
     * classes would.
     */
    private static Message message(final String msgType, final String... tagValues)
    {
        final Message message = new Message();
        message.getHeader().setString(35, msgType);
        set(message, tagValues);
        return message;
    }

    /**
     * @return a repeating group entry, its fields in the order the version's stock dictionary expects.
     */
    private static Group group(final String version, final String msgType, final int countTag,
        final String... tagValues) throws ConfigError
    {
        final DataDictionary.GroupInfo info = dictionary(version).getGroup(msgType, countTag);
        final Group group = new Group(countTag, info.getDelimiterField(), info.getDataDictionary().getOrderedFields());
        set(group, tagValues);
        return group;
    }

    private static void set(final quickfix.FieldMap map, final String... tagValues)
    {
        for (final String tagValue : tagValues)
        {
            final int equals = tagValue.indexOf('=');
            map.setString(Integer.parseInt(tagValue.substring(0, equals)), tagValue.substring(equals + 1));
        }
    }

    private static final Map<String, DataDictionary> DICTIONARIES = new HashMap<>();

    private static synchronized DataDictionary dictionary(final String version) throws ConfigError
    {
        final String file = version.equals("FIXT.1.1") ? "FIX50SP2.xml" : version.replace(".", "") + ".xml";
        DataDictionary dictionary = DICTIONARIES.get(file);
        if (dictionary == null)
        {
            dictionary = new DataDictionary(file);
            DICTIONARIES.put(file, dictionary);
        }
        return dictionary;
    }
}
