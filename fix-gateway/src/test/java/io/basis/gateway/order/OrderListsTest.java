package io.basis.gateway.order;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.RecordingSink;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.FixFields;
import io.basis.gateway.session.FixSession;
import io.basis.gateway.session.RecordingSession;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.DataDictionary;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.BeginString;
import quickfix.field.BidType;
import quickfix.field.ClOrdID;
import quickfix.field.ListExecInstType;
import quickfix.field.ListID;
import quickfix.field.ListSeqNo;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.NoOrders;
import quickfix.field.OrderQty;
import quickfix.field.OrderRestrictions;
import quickfix.field.Price;
import quickfix.field.ProgRptReqs;
import quickfix.field.Rule80A;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.Symbol;
import quickfix.field.TargetCompID;
import quickfix.field.TotNoOrders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * List mode: listed legs collected into one NewOrderList, unlisted orders as NewOrderSingle, incomplete or
 * contradictory lists rejected to the engine and never sent.
 */
@Timeout(10)
class OrderListsTest
{
    private static final Path CONFIG = Path.of("..", "config");
    private static final int FUTURE_ID = 0;
    private static final int SAMSUNG_ID = 3;
    private static final int HYNIX_ID = 4;
    private static final int NAVER_ID = 5;
    private static final long PROGRAM_ID = 77;

    private final InstrumentDirectory directory = new InstrumentDirectory();
    private final RecordingSession session = new RecordingSession();
    private final RecordingSink sink = new RecordingSink();
    private final Alarms alarms = new Alarms(line -> { });
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final OrderJournal journal;
    private long nowNs = 1_000_000_000L;

    OrderListsTest(@TempDir final Path journalDir)
    {
        directory.define(FUTURE_ID, "K200F");
        directory.define(SAMSUNG_ID, "005930");
        directory.define(HYNIX_ID, "000660");
        directory.define(NAVER_ID, "035420");
        journal = OrderJournal.open(journalDir, 1024);
    }

    @AfterEach
    void closeJournal()
    {
        journal.close();
    }

    @Test
    void completeListLeavesAsOneNewOrderListWithItsLegsInOrder() throws Exception
    {
        final OrderTranslator translator = translator(sampleListDialect(), "FIX.4.4");

        // Arrival order does not matter; ListSeqNo does.
        assertFalse(translator.onNewOrder(order(502, HYNIX_ID, Side.BUY, 185_500_0000L, 4, 2, 3)));
        assertFalse(translator.onNewOrder(order(501, SAMSUNG_ID, Side.BUY, 71_200_0000L, 10, 1, 3)));
        assertTrue(session.sent.isEmpty(), "nothing leaves before the list is complete");
        assertTrue(translator.onNewOrder(order(503, NAVER_ID, Side.BUY, 210_000_0000L, 2, 3, 3)));

        final Message e = session.only();
        assertEquals(MsgType.ORDER_LIST, e.getHeader().getString(MsgType.FIELD));
        assertEquals("77", e.getString(ListID.FIELD));
        assertEquals(BidType.NO_BIDDING_PROCESS, e.getInt(BidType.FIELD));
        assertEquals(ProgRptReqs.REAL_TIME_EXECUTION_REPORTS, e.getInt(ProgRptReqs.FIELD));
        assertEquals(ListExecInstType.WAIT_FOR_EXECUT_INSTRUCTION, e.getChar(ListExecInstType.FIELD));
        assertEquals(3, e.getInt(TotNoOrders.FIELD));
        final List<Group> legs = e.getGroups(NoOrders.FIELD);
        assertEquals(3, legs.size());
        final String[] clOrdIds = { "501", "502", "503" };
        final String[] symbols = { "005930", "000660", "035420" };
        final String[] quantities = { "10", "4", "2" };
        final String[] prices = { "71200", "185500", "210000" };
        for (int i = 0; i < 3; i++)
        {
            final Group leg = legs.get(i);
            assertEquals(i + 1, leg.getInt(ListSeqNo.FIELD));
            assertEquals(clOrdIds[i], leg.getString(ClOrdID.FIELD));
            assertEquals(symbols[i], leg.getString(Symbol.FIELD));
            assertEquals('1', leg.getChar(quickfix.field.Side.FIELD));
            assertEquals(quantities[i], leg.getString(OrderQty.FIELD));
            assertEquals('2', leg.getChar(quickfix.field.OrdType.FIELD));
            assertEquals(prices[i], leg.getString(Price.FIELD));
            assertEquals('0', leg.getChar(quickfix.field.TimeInForce.FIELD));
            assertEquals("2", leg.getString(OrderRestrictions.FIELD));
            assertEquals("ACC9", leg.getString(Account.FIELD));
            assertFalse(leg.isSetField(ListID.FIELD), "ListID is the list's, not the leg's");
        }
        assertTrue(sink.sent.isEmpty());
        assertEquals(1, translator.lists().sent().unansweredCount());
        assertEquals(0, translator.lists().pendingCount());

        // What a strict FIX 4.4 acceptor (the simulator) parses and validates, legs in the dictionary's order.
        final Message parsed = parseAndValidate(e, "FIX.4.4", "FIX44.xml");
        assertEquals(3, parsed.getGroups(NoOrders.FIELD).size());
        assertFalse(parsed.getGroups(NoOrders.FIELD).get(0).isSetField(FixFields.TRIGGER_NANOS),
            "TriggerNanos only where the dialect names its tag");
    }

    @Test
    void unlistedOrdersInListModeAreNewOrderSingles() throws FieldNotFound
    {
        final OrderTranslator translator = translator(sampleListDialect(), "FIX.4.4");

        assertTrue(translator.onNewOrder(order(500, FUTURE_ID, Side.SELL, 352_4000L, 1, 0, 0)));

        final Message d = session.only();
        assertEquals(MsgType.ORDER_SINGLE, d.getHeader().getString(MsgType.FIELD));
        assertEquals("500", d.getString(ClOrdID.FIELD));
        assertFalse(d.isSetField(ListID.FIELD), "an unlisted order joins no list");
        assertEquals(0, translator.lists().pendingCount());
    }

    @Test
    void listLegsCarryTheDialectsShortSaleMarking() throws Exception
    {
        final Dialect dialect = Dialect.parse("short-sale", properties(Map.of(
            "orderMode", "LIST", "shortSale.side", "6", "borrow.tag", "21011", "borrow.value", "Y")));
        final OrderTranslator translator = translator(dialect, "FIX.4.4");

        assertFalse(translator.onNewOrder(order(601, SAMSUNG_ID, Side.SELL_SHORT, 71_200_0000L, 10, 1, 2)));
        assertTrue(translator.onNewOrder(order(602, HYNIX_ID, Side.SELL, 185_500_0000L, 4, 2, 2)));

        final Message e = session.only();
        assertFalse(e.isSetField(ListExecInstType.FIELD), "not configured: the counterparty's default");
        final List<Group> legs = e.getGroups(NoOrders.FIELD);
        assertEquals('6', legs.get(0).getChar(quickfix.field.Side.FIELD), "short sale exempt, as the dialect says");
        assertEquals("Y", legs.get(0).getString(21011));
        assertEquals('2', legs.get(1).getChar(quickfix.field.Side.FIELD), "a long sale is a plain sell");
        assertFalse(legs.get(1).isSetField(21011));
        parseAndValidate(e, "FIX.4.4", "FIX44.xml");
    }

    @Test
    void fix42ListLegsFollowTheFix42Dictionary() throws Exception
    {
        final Properties broker = load(CONFIG.resolve("dialect-broker42.properties"));
        broker.setProperty("orderMode", "LIST");
        final OrderTranslator translator = translator(Dialect.parse("broker42-list", broker), "FIX.4.2");

        assertFalse(translator.onNewOrder(order(701, SAMSUNG_ID, Side.SELL_SHORT, 71_200_0000L, 10, 1, 2)));
        assertTrue(translator.onNewOrder(order(702, HYNIX_ID, Side.SELL, 185_500_0000L, 4, 2, 2)));

        final Message parsed = parseAndValidate(session.only(), "FIX.4.2", "FIX42.xml");
        final Group leg = parsed.getGroups(NoOrders.FIELD).get(0);
        assertEquals('D', leg.getChar(Rule80A.FIELD));
        assertEquals("KRX", leg.getString(quickfix.field.ExDestination.FIELD));
        assertEquals('1', leg.getChar(quickfix.field.HandlInst.FIELD));
        assertEquals("1000", leg.getString(21010));
    }

    @Test
    void incompleteListIsRejectedAfterTheTimeoutAndNeverSent()
    {
        final OrderLists lists = new OrderLists(session, sink, alarms, sampleListDialect(), "FIX.4.4", journal,
            () -> nowNs);
        assertFalse(leg(lists, 801, SAMSUNG_ID, 1, 3));
        assertFalse(leg(lists, 802, HYNIX_ID, 2, 3));

        nowNs += 99_000_000L;
        assertEquals(0, lists.expire(), "within list.assemblyTimeoutMs=100");
        assertTrue(sink.sent.isEmpty());

        nowNs += 2_000_000L;
        assertEquals(1, lists.expire());
        assertTrue(session.sent.isEmpty(), "never a partial list");
        assertEquals(1, alarms.count(Alarm.LIST_INCOMPLETE));
        assertReject(0, 801, SAMSUNG_ID, RejectReason.INVALID_MESSAGE);
        assertReject(1, 802, HYNIX_ID, RejectReason.INVALID_MESSAGE);
        assertFalse(journal.isOpen(801));
        assertFalse(journal.isOpen(802));

        // The missing leg turns up late: rejected at once, not held for a new list.
        assertFalse(leg(lists, 803, NAVER_ID, 3, 3));
        assertReject(2, 803, NAVER_ID, RejectReason.INVALID_MESSAGE);
        assertEquals(0, lists.pendingCount());
        assertTrue(session.sent.isEmpty());
    }

    @Test
    void givenUpListForgetsItsLateLegsAfterAnotherTimeout()
    {
        final OrderLists lists = new OrderLists(session, sink, alarms, sampleListDialect(), "FIX.4.4", journal,
            () -> nowNs);
        assertFalse(leg(lists, 811, SAMSUNG_ID, 1, 3));
        nowNs += 101_000_000L;
        assertEquals(1, lists.expire());
        assertEquals(1, lists.pendingCount(), "kept to absorb late legs");
        nowNs += 101_000_000L;
        assertEquals(1, lists.expire());
        assertEquals(0, lists.pendingCount());
        assertEquals(1, sink.sent.size());
    }

    @Test
    void contradictoryLegFailsItsWholeList()
    {
        final OrderLists lists = new OrderLists(session, sink, alarms, sampleListDialect(), "FIX.4.4", journal,
            () -> nowNs);
        assertFalse(leg(lists, 901, SAMSUNG_ID, 1, 3));
        assertFalse(leg(lists, 902, HYNIX_ID, 1, 3));

        assertEquals(1, alarms.count(Alarm.BAD_ENGINE_MESSAGE));
        assertReject(0, 902, HYNIX_ID, RejectReason.INVALID_MESSAGE);
        assertReject(1, 901, SAMSUNG_ID, RejectReason.INVALID_MESSAGE);
        assertFalse(leg(lists, 903, NAVER_ID, 3, 3));
        assertReject(2, 903, NAVER_ID, RejectReason.INVALID_MESSAGE);
        assertTrue(session.sent.isEmpty());
        assertEquals(0, lists.pendingCount());
    }

    @Test
    void listThatCannotBeSentIsRejectedAndForgotten()
    {
        final FixSession refusing = new FixSession()
        {
            @Override
            public boolean isLoggedOn()
            {
                return true;
            }

            @Override
            public boolean send(final Message message)
            {
                return false;
            }
        };
        final OrderLists lists = new OrderLists(refusing, sink, alarms, sampleListDialect(), "FIX.4.4", journal,
            () -> nowNs);

        assertFalse(leg(lists, 1001, SAMSUNG_ID, 1, 2));
        assertFalse(leg(lists, 1002, HYNIX_ID, 2, 2));

        assertEquals(1, alarms.count(Alarm.ORDER_NOT_SENT));
        assertReject(0, 1001, SAMSUNG_ID, RejectReason.SESSION_DOWN);
        assertReject(1, 1002, HYNIX_ID, RejectReason.SESSION_DOWN);
        assertEquals(0, lists.sent().unansweredCount());
    }

    @Test
    void sampleListDialectLoads()
    {
        final Dialect dialect = sampleListDialect();
        assertEquals(Dialect.OrderMode.LIST, dialect.orderMode());
        assertEquals(Dialect.LIST_EXEC_WAIT, dialect.listExecInst());
        assertEquals(100, dialect.listAssemblyTimeoutMs());
        assertEquals(Dialect.DEFAULT_LIST_ASSEMBLY_TIMEOUT_MS,
            Dialect.parse("list", properties(Map.of("orderMode", "list"))).listAssemblyTimeoutMs());
    }

    private OrderTranslator translator(final Dialect dialect, final String beginString)
    {
        return new OrderTranslator(directory, session, sink, alarms, "ACC9", dialect, beginString, journal);
    }

    /** A leg straight into the collector, as the translator hands it over: journaled, with its D. */
    private boolean leg(final OrderLists lists, final long orderId, final int instrumentId, final int seqNo,
        final int size)
    {
        final NewOrderDecoder order = order(orderId, instrumentId, Side.BUY, 71_200_0000L, 1, seqNo, size);
        journal.recordNew(orderId, instrumentId, directory.symbolOf(instrumentId), Side.BUY, 1);
        return lists.onLeg(order, OrderTranslator.newOrderSingle(order, directory.symbolOf(instrumentId), "ACC9"));
    }

    private NewOrderDecoder order(
        final long orderId, final int instrumentId, final Side side, final long price, final long quantity,
        final int listSeqNo, final int listSize)
    {
        new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .orderId(orderId)
            .programId(PROGRAM_ID)
            .instrumentId(instrumentId)
            .side(side)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY)
            .programFlag(ProgramFlag.INDEX_ARBITRAGE)
            .price(price)
            .quantity(quantity)
            .triggerTimestampNs(987_654_321L)
            .listSeqNo(listSeqNo)
            .listSize(listSize);
        return new NewOrderDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }

    private void assertReject(final int index, final long orderId, final int instrumentId, final RejectReason reason)
    {
        final RecordingSink.Sent sent = sink.sent.get(index);
        assertEquals(OrderRejectDecoder.TEMPLATE_ID, sent.templateId());
        assertEquals(SbeSink.Delivery.WAIT_FOR_ENGINE, sent.delivery());
        final OrderRejectDecoder reject =
            new OrderRejectDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
        assertEquals(orderId, reject.orderId());
        assertEquals(instrumentId, reject.instrumentId());
        assertEquals(reason, reject.reason());
    }

    /**
     * Put the message on the wire as a session would (header filled in) and read it back with the version's
     * dictionary, validating as a strict acceptor does (user-defined tags allowed).
     */
    private static Message parseAndValidate(final Message message, final String beginString, final String dictionary)
        throws Exception
    {
        final Message.Header header = message.getHeader();
        header.setString(BeginString.FIELD, beginString);
        header.setString(SenderCompID.FIELD, "BASIS-OE");
        header.setString(TargetCompID.FIELD, "SIM");
        header.setInt(MsgSeqNum.FIELD, 2);
        header.setUtcTimeStamp(SendingTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
        final DataDictionary dd = new DataDictionary(dictionary);
        dd.setCheckUserDefinedFields(false);
        final Message parsed = new Message();
        parsed.fromString(message.toString(), dd, true);
        dd.validate(parsed);
        return parsed;
    }

    private static Dialect sampleListDialect()
    {
        return Dialect.load(CONFIG.resolve("dialect-list.properties"));
    }

    private static Properties load(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file))
        {
            properties.load(reader);
        }
        return properties;
    }

    private static Properties properties(final Map<String, String> keys)
    {
        final Properties properties = new Properties();
        properties.putAll(keys);
        return properties;
    }
}
