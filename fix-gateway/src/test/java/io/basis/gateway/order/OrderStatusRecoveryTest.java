package io.basis.gateway.order;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.FixSession;
import io.basis.gateway.session.RecordingSession;
import io.basis.protocol.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which orders the gateway asks the exchange about, and when: never one that is on its way out, always one that
 * may have missed its reports.
 */
@Timeout(10)
class OrderStatusRecoveryTest
{
    @TempDir
    Path dir;

    private final RecordingSession session = new RecordingSession();
    private final Alarms alarms = new Alarms(line -> { });

    @Test
    void aLogonAsksAboutOrdersCarriedOverAndThoseRecordedBeforeTheSessionDroppedNotThoseSentSince()
    {
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            journal.recordNew(1, 3, "005930", Side.BUY, 10, 0);
        }
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            final OrderStatusRecovery recovery = recovery(journal);
            // Sent on the live session after the logon: asking about it could overtake the order itself.
            journal.recordNew(2, 3, "005930", Side.BUY, 10, 0);

            assertEquals(1, recovery.requestOpenOrders(0), "the gateway's first logon");
            assertEquals(List.of("1"), statusRequests());

            journal.recordNew(3, 3, "005930", Side.BUY, 10, 0);
            recovery.onSessionDown(0);
            journal.recordDone(1);
            assertEquals(2, recovery.requestOpenOrders(0), "the next logon");
            assertEquals(List.of("2", "3"), statusRequests());
        }
    }

    @Test
    void aNewEngineGetsTheStatusOfEveryOpenOrderExceptListLegsStillHeld()
    {
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            final OrderStatusRecovery recovery = recovery(journal);
            journal.recordNew(1, 3, "005930", Side.BUY, 10, 0);
            journal.recordNew(2, 3, "005930", Side.BUY, 10, 0);
            journal.hold(2);

            assertEquals(1, recovery.requestOpenOrders());
            assertEquals(List.of("1"), statusRequests());

            journal.release(2);
            assertEquals(2, recovery.requestOpenOrders());
            assertEquals(List.of("1", "2"), statusRequests());
        }
    }

    private OrderStatusRecovery recovery(final OrderJournal journal)
    {
        return new OrderStatusRecovery(journal, new FixSession[]{ session }, null, alarms);
    }

    private List<String> statusRequests()
    {
        final List<String> clOrdIds = new ArrayList<>();
        for (final Message message : session.sent)
        {
            try
            {
                assertEquals(MsgType.ORDER_STATUS_REQUEST, message.getHeader().getString(MsgType.FIELD));
                clOrdIds.add(message.getString(ClOrdID.FIELD));
            }
            catch (final FieldNotFound ex)
            {
                throw new AssertionError(ex);
            }
        }
        session.sent.clear();
        clOrdIds.sort(null);
        return clOrdIds;
    }
}
