package io.basis.gateway.order;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.RecordingSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.RecordingSession;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ListID;
import quickfix.field.ListOrderStatus;
import quickfix.field.ListStatusText;
import quickfix.field.ListStatusType;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.Text;
import quickfix.fix44.ListStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ListStatus (N) in list mode: a refused list and refused legs become OrderRejects for the legs the engine still
 * thinks are working, and a list waiting for ListExecute is executed.
 */
@Timeout(10)
class ListStatusTranslatorTest
{
    private static final int SAMSUNG_ID = 3;
    private static final int HYNIX_ID = 4;

    private final RecordingSession session = new RecordingSession();
    private final RecordingSink sink = new RecordingSink();
    private final Alarms alarms = new Alarms(line -> { });
    private final SentLists sent = new SentLists();
    private final OrderJournal journal;

    ListStatusTranslatorTest(@TempDir final Path journalDir)
    {
        journal = OrderJournal.open(journalDir, 1024);
    }

    @AfterEach
    void closeJournal()
    {
        journal.close();
    }

    @Test
    void refusedListRejectsItsLegsStillOpen()
    {
        final ExecutionTranslator executions = executions(listDialect("2"));
        sentList("77", 11, 12, 13);
        // 12 was already reported terminal by its own execution report: the engine knows.
        journal.recordDone(12);

        assertEquals(2, executions.onListStatus(listStatus("77", ListStatusType.RESPONSE, ListOrderStatus.REJECT,
            "duplicate ListID 77")));

        assertEquals(2, sink.sent.size());
        assertReject(0, 11, SAMSUNG_ID, RejectReason.EXCHANGE_REJECT);
        assertReject(1, 13, SAMSUNG_ID, RejectReason.EXCHANGE_REJECT);
        assertEquals(1, alarms.count(Alarm.LIST_REJECTED));
        assertFalse(journal.isOpen(11));
        assertFalse(journal.isOpen(13));
        assertTrue(session.sent.isEmpty(), "nothing to execute");
        assertEquals(0, sent.unansweredCount());
    }

    @Test
    void aBusinessRejectOfTheListRejectsItsLegsStillOpen()
    {
        final ExecutionTranslator executions = executions(listDialect("2"));
        sentList("79", 41, 42);
        final Message reject = new Message();
        reject.getHeader().setString(MsgType.FIELD, MsgType.BUSINESS_MESSAGE_REJECT);
        reject.setString(quickfix.field.RefMsgType.FIELD, MsgType.ORDER_LIST);
        reject.setString(quickfix.field.BusinessRejectRefID.FIELD, "79");
        reject.setInt(quickfix.field.BusinessRejectReason.FIELD,
            quickfix.field.BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE);

        assertTrue(executions.onBusinessMessageReject(reject));

        assertReject(0, 41, SAMSUNG_ID, RejectReason.INVALID_MESSAGE);
        assertReject(1, 42, SAMSUNG_ID, RejectReason.INVALID_MESSAGE);
        assertEquals(1, alarms.count(Alarm.LIST_REJECTED));
        assertEquals(0, alarms.count(Alarm.UNROUTABLE_BUSINESS_REJECT));
        assertEquals(0, sent.unansweredCount());
    }

    @Test
    void answersGoToTheListsInTheOrderTheyWereSentAndAWaitingListIsExecuted() throws FieldNotFound
    {
        final ExecutionTranslator executions = executions(listDialect("2"));
        sentList("77", 21, 22);
        sentList("77", 23, 24);

        // The first 77 is acknowledged and waits for ListExecute; the second, a duplicate, is refused.
        assertEquals(0, executions.onListStatus(listStatus("77", ListStatusType.ACK,
            ListOrderStatus.RECEIVED_FOR_EXECUTION, "waiting for ListExecute")));
        assertEquals(2, executions.onListStatus(listStatus("77", ListStatusType.RESPONSE, ListOrderStatus.REJECT,
            "duplicate ListID 77")));

        final Message l = session.only();
        assertEquals(MsgType.LIST_EXECUTE, l.getHeader().getString(MsgType.FIELD));
        assertEquals("77", l.getString(ListID.FIELD));
        assertReject(0, 23, SAMSUNG_ID, RejectReason.EXCHANGE_REJECT);
        assertReject(1, 24, SAMSUNG_ID, RejectReason.EXCHANGE_REJECT);
        assertTrue(journal.isOpen(21));
        assertTrue(journal.isOpen(22));
    }

    @Test
    void listExecutingAtOnceNeedsNoListExecute()
    {
        final ExecutionTranslator executions = executions(listDialect("1"));
        sentList("78", 31);

        assertEquals(0, executions.onListStatus(listStatus("78", ListStatusType.ACK, ListOrderStatus.EXECUTING,
            "executing")));

        assertTrue(session.sent.isEmpty());
        assertTrue(sink.sent.isEmpty());
        assertEquals(0, sent.unansweredCount());
    }

    @Test
    void legsReportedRejectedInTheListStatusAreRejectedWithTheirReason()
    {
        final ExecutionTranslator executions = executions(listDialect("1"));
        sentList("79", 41, 42);
        final ListStatus status = listStatus("79", ListStatusType.ACK, ListOrderStatus.EXECUTING, "executing");
        status.addGroup(leg("41", OrdStatus.REJECTED, OrdRejReason.INCORRECT_QUANTITY, "not a lot multiple"));
        status.addGroup(leg("42", OrdStatus.NEW, -1, null));

        assertEquals(1, executions.onListStatus(status));

        assertEquals(1, sink.sent.size());
        assertReject(0, 41, SAMSUNG_ID, RejectReason.INVALID_QUANTITY);
        assertTrue(journal.isOpen(42));

        // The same leg reported again (or by its own execution report first): no second reject.
        final ListStatus again = listStatus("79", ListStatusType.RESPONSE, ListOrderStatus.EXECUTING, "status");
        again.addGroup(leg("41", OrdStatus.REJECTED, OrdRejReason.INCORRECT_QUANTITY, "not a lot multiple"));
        assertEquals(0, executions.onListStatus(again));
    }

    @Test
    void listStatusOnASessionNotInListModeIsAlarmed()
    {
        final ExecutionTranslator executions = new ExecutionTranslator(new InstrumentDirectory(), sink, alarms,
            journal);

        assertEquals(0, executions.onListStatus(listStatus("80", ListStatusType.ACK, ListOrderStatus.EXECUTING,
            "executing")));

        assertEquals(1, alarms.count(Alarm.UNEXPECTED_FIX_MESSAGE));
        assertTrue(sink.sent.isEmpty());
    }

    private ExecutionTranslator executions(final Dialect dialect)
    {
        final ExecutionTranslator executions = new ExecutionTranslator(new InstrumentDirectory(), sink, alarms,
            journal);
        executions.listStatusTranslator(new ListStatusTranslator(sent, session, sink, alarms, journal, dialect));
        return executions;
    }

    private void sentList(final String listId, final long... orderIds)
    {
        final int[] instrumentIds = new int[orderIds.length];
        for (int i = 0; i < orderIds.length; i++)
        {
            instrumentIds[i] = SAMSUNG_ID;
            journal.recordNew(orderIds[i], SAMSUNG_ID, "005930", Side.BUY, 10);
        }
        sent.register(new SentLists.SentList(listId, orderIds, instrumentIds));
    }

    private static Dialect listDialect(final String execInst)
    {
        final Properties properties = new Properties();
        properties.putAll(Map.of("orderMode", "LIST", "list.execInst", execInst));
        return Dialect.parse("list", properties);
    }

    private static ListStatus listStatus(
        final String listId, final int listStatusType, final int listOrderStatus, final String text)
    {
        final ListStatus status = new ListStatus();
        status.setString(ListID.FIELD, listId);
        status.setInt(ListStatusType.FIELD, listStatusType);
        status.setInt(ListOrderStatus.FIELD, listOrderStatus);
        status.setString(ListStatusText.FIELD, text);
        return status;
    }

    private static Group leg(final String clOrdId, final char ordStatus, final int ordRejReason, final String text)
    {
        final Group leg = new ListStatus.NoOrders();
        leg.setString(ClOrdID.FIELD, clOrdId);
        leg.setChar(OrdStatus.FIELD, ordStatus);
        if (ordRejReason >= 0)
        {
            leg.setInt(OrdRejReason.FIELD, ordRejReason);
            leg.setString(Text.FIELD, text);
        }
        return leg;
    }

    private void assertReject(final int index, final long orderId, final int instrumentId, final RejectReason reason)
    {
        final RecordingSink.Sent message = sink.sent.get(index);
        assertEquals(OrderRejectDecoder.TEMPLATE_ID, message.templateId());
        final OrderRejectDecoder reject =
            new OrderRejectDecoder().wrapAndApplyHeader(message.buffer(), 0, new MessageHeaderDecoder());
        assertEquals(orderId, reject.orderId());
        assertEquals(instrumentId, reject.instrumentId());
        assertEquals(reason, reject.reason());
    }
}
