package io.basis.gateway.order;

import java.nio.file.Path;
import java.util.List;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.RecordingSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.FixSession;
import io.basis.gateway.session.RecordingSession;
import io.basis.gateway.session.SentMessages;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.RefSeqNum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a refusal of something the session sent becomes, traced through the MsgSeqNum it went out with.
 */
@Timeout(10)
class OrderEntryRejectsTest
{
    private static final int STOCK_ID = 3;

    private final RecordingSink sink = new RecordingSink();
    private final RecordingSession session = new RecordingSession();
    private final Alarms alarms = new Alarms(line -> { });
    private final SentMessages sent = new SentMessages();
    private final OrderJournal journal;
    private final OrderStatusRecovery orderStatus;
    private final OrderEntryRejects rejects;

    OrderEntryRejectsTest(@TempDir final Path dir)
    {
        journal = OrderJournal.open(dir, 1024);
        orderStatus = new OrderStatusRecovery(journal, new FixSession[]{ session },
            new Dialect[]{ Dialect.DEFAULT }, sink, null, alarms);
        rejects = new OrderEntryRejects(sink, alarms, journal, sent, orderStatus);
    }

    @AfterEach
    void closeJournal()
    {
        journal.close();
    }

    @Test
    void aSessionRejectOfAListRejectsEveryLegStillOpen()
    {
        final SentLists lists = new SentLists();
        rejects.listStatus(new ListStatusTranslator(lists, session, sink, alarms, journal,
            Dialect.parse("list", properties("orderMode", "LIST"))));
        journal.recordNew(11, STOCK_ID, "005930", Side.BUY, 10);
        journal.recordNew(12, STOCK_ID, "000660", Side.BUY, 10);
        lists.register(new SentLists.SentList("77", new long[]{ 11, 12 }, new int[]{ STOCK_ID, STOCK_ID }));
        sent.record(9, SentMessages.ORDER_LIST, 77);

        assertTrue(rejects.onSessionReject(reject(9)));

        assertEquals(List.of(11L, 12L), List.of(orderReject(0).orderId(), orderReject(1).orderId()));
        assertEquals(RejectReason.SESSION_REJECT, orderReject(1).reason());
        assertFalse(journal.isOpen(11) || journal.isOpen(12));
    }

    @Test
    void aBusinessRejectNamingOnlyRefSeqNumIsTracedToItsOrder()
    {
        journal.recordNew(21, STOCK_ID, "005930", Side.BUY, 10);
        sent.record(5, SentMessages.NEW_ORDER, 21);
        final Message j = new Message();
        j.getHeader().setString(MsgType.FIELD, MsgType.BUSINESS_MESSAGE_REJECT);
        j.setInt(RefSeqNum.FIELD, 5);

        assertTrue(rejects.onBusinessMessageReject(j));

        assertEquals(21, orderReject(0).orderId());
        assertEquals(RejectReason.BUSINESS_REJECT, orderReject(0).reason());
        assertEquals(STOCK_ID, orderReject(0).instrumentId());
    }

    @Test
    void aSessionRejectOfACancelRejectsTheCancelAndAsksTheOrdersStatus() throws Exception
    {
        journal.recordNew(31, STOCK_ID, "005930", Side.SELL, 10);
        journal.recordCancel(32, 31);
        sent.record(6, SentMessages.CANCEL, 32);

        assertTrue(rejects.onSessionReject(reject(6)));

        final CancelRejectDecoder cancelReject = new CancelRejectDecoder()
            .wrapAndApplyHeader(sink.only().buffer(), 0, new MessageHeaderDecoder());
        assertEquals(31, cancelReject.orderId());
        assertEquals(32, cancelReject.cancelId());
        assertEquals(RejectReason.SESSION_REJECT, cancelReject.reason());
        final Message h = session.only();
        assertEquals(MsgType.ORDER_STATUS_REQUEST, h.getHeader().getString(MsgType.FIELD));
        assertEquals("31", h.getString(ClOrdID.FIELD));
        assertTrue(journal.isOpen(31), "the answer decides");
    }

    @Test
    void aRejectOfASequenceNumberNoLongerRememberedIsOnlyAlarmed()
    {
        journal.recordNew(41, STOCK_ID, "005930", Side.BUY, 10);
        sent.record(7, SentMessages.NEW_ORDER, 41);
        // The ring wrapped: the same slot now holds a later message.
        sent.record(7 + SentMessages.CAPACITY, SentMessages.NONE, 0);

        assertFalse(rejects.onSessionReject(reject(7)));

        assertTrue(sink.sent.isEmpty());
        assertTrue(journal.isOpen(41));
        assertEquals(1, alarms.count(Alarm.SESSION_REJECT));
    }

    @Test
    void theStatusOfAnOrderIsAskedAtMostTheBoundThenItEndsUnresolved()
    {
        journal.recordNew(51, STOCK_ID, "005930", Side.BUY, 10);

        for (int logon = 0; logon < Dialect.DEFAULT_ORDER_STATUS_MAX_REQUESTS; logon++)
        {
            assertEquals(1, orderStatus.requestOpenOrders());
        }
        assertEquals(0, orderStatus.requestOpenOrders(), "never asked a fourth time");

        assertEquals(Dialect.DEFAULT_ORDER_STATUS_MAX_REQUESTS, session.sent.size());
        assertEquals(RejectReason.STATUS_UNRESOLVED, orderReject(0).reason());
        assertFalse(journal.isOpen(51));
        assertEquals(1, alarms.count(Alarm.ORDER_STATUS_UNRESOLVED));
    }

    @Test
    void anAnswerStartsTheCountAgain()
    {
        journal.recordNew(61, STOCK_ID, "005930", Side.BUY, 10);

        for (int logon = 0; logon < 2 * Dialect.DEFAULT_ORDER_STATUS_MAX_REQUESTS; logon++)
        {
            assertEquals(1, orderStatus.requestOpenOrders());
            // The exchange answers: still working.
            journal.onStatusAnswered(61);
        }

        assertTrue(sink.sent.isEmpty());
        assertTrue(journal.isOpen(61));
    }

    private static Message reject(final int refSeqNum)
    {
        final Message reject = new Message();
        reject.getHeader().setString(MsgType.FIELD, MsgType.REJECT);
        reject.setInt(RefSeqNum.FIELD, refSeqNum);
        return reject;
    }

    private OrderRejectDecoder orderReject(final int index)
    {
        assertEquals(OrderRejectDecoder.TEMPLATE_ID, sink.sent.get(index).templateId());
        return new OrderRejectDecoder().wrapAndApplyHeader(sink.sent.get(index).buffer(), 0,
            new MessageHeaderDecoder());
    }

    private static java.util.Properties properties(final String key, final String value)
    {
        final java.util.Properties properties = new java.util.Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
