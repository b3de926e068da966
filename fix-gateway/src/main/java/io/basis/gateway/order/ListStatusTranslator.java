package io.basis.gateway.order;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.FixFields;
import io.basis.gateway.session.FixSession;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.RejectReason;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ListID;
import quickfix.field.ListOrderStatus;
import quickfix.field.ListStatusText;
import quickfix.field.ListStatusType;
import quickfix.field.MsgType;
import quickfix.field.NoOrders;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.Text;
import quickfix.field.TransactTime;

/**
 * ListStatus (N) of a list-mode order-entry session ({@link OrderLists}):
 * <ul>
 *     <li>the first ListStatus of a NewOrderList answers it (see {@link SentLists}); if the dialect asks to wait
 *     ({@code list.execInst=2}) and the list is received for execution (ListOrderStatus 2), the gateway sends
 *     ListExecute (L) at once;</li>
 *     <li>a refused list (ListOrderStatus 7: duplicate ListID, malformed list, ...) becomes an SBE
 *     {@code OrderReject} (EXCHANGE_REJECT) for each of its legs, with {@link Alarm#LIST_REJECTED};</li>
 *     <li>a leg reported rejected (NoOrders entry with OrdStatus 8) becomes an {@code OrderReject} with the reason
 *     of its OrdRejReason and Text.</li>
 * </ul>
 * Only legs the engine still thinks are working are rejected: those the {@link OrderJournal} holds open, i.e. not
 * yet reported terminal by an execution report (which also reaches the engine). Execution reports of the legs
 * are translated by the {@link ExecutionTranslator} as for any order.
 * <p>
 * Gateway agent thread only (answers come through the {@link FixHandOff}); owns its buffer.
 */
public final class ListStatusTranslator
{
    private final SentLists sent;
    private final FixSession orderEntry;
    private final SbeSink sink;
    private final Alarms alarms;
    private final OrderJournal journal;
    private final Dialect dialect;
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(64);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final OrderRejectEncoder orderRejectEncoder = new OrderRejectEncoder();

    /**
     * @param sent       lists sent by the {@link OrderLists} of the same session.
     * @param orderEntry the order-entry session, for ListExecute.
     * @param sink       receives the rejects (the gateway agent's sink).
     * @param alarms     for refused lists and unknown list ids.
     * @param journal    which legs are still open.
     * @param dialect    the order-entry session's dialect.
     */
    public ListStatusTranslator(
        final SentLists sent,
        final FixSession orderEntry,
        final SbeSink sink,
        final Alarms alarms,
        final OrderJournal journal,
        final Dialect dialect)
    {
        this.sent = sent;
        this.orderEntry = orderEntry;
        this.sink = sink;
        this.alarms = alarms;
        this.journal = journal;
        this.dialect = dialect;
    }

    /**
     * Handle a ListStatus (N).
     *
     * @param message the FIX message.
     * @return the number of {@code OrderReject}s published.
     */
    int onListStatus(final Message message)
    {
        try
        {
            final String listId = message.getString(ListID.FIELD);
            final int listStatusType = message.getInt(ListStatusType.FIELD);
            final int listOrderStatus = message.getInt(ListOrderStatus.FIELD);
            int rejects = 0;
            if (message.hasGroup(NoOrders.FIELD))
            {
                for (final Group leg : message.getGroups(NoOrders.FIELD))
                {
                    if (leg.isSetField(OrdStatus.FIELD) && leg.getChar(OrdStatus.FIELD) == OrdStatus.REJECTED)
                    {
                        rejects += rejectLeg(leg);
                    }
                }
            }
            final boolean refused = listOrderStatus == ListOrderStatus.REJECT;
            final SentLists.SentList list =
                refused || listStatusType == ListStatusType.ACK ? sent.answer(listId) : null;
            if (refused)
            {
                alarms.raise(Alarm.LIST_REJECTED, "ListID " + listId + ": " + optional(message, ListStatusText.FIELD) +
                    (list == null ? " (no list of that id awaiting an answer)" : ""));
                if (list != null)
                {
                    for (int i = 0; i < list.orderIds().length; i++)
                    {
                        rejects += rejectIfOpen(list.orderIds()[i], list.instrumentIds()[i],
                            RejectReason.EXCHANGE_REJECT);
                    }
                }
            }
            else if (listStatusType == ListStatusType.ACK && list == null)
            {
                alarms.raise(Alarm.UNEXPECTED_FIX_MESSAGE, "ListStatus acknowledges unknown ListID " + listId);
            }
            else if (list != null && listOrderStatus == ListOrderStatus.RECEIVED_FOR_EXECUTION &&
                dialect.listExecInst() == Dialect.LIST_EXEC_WAIT)
            {
                rejects += execute(list);
            }
            return rejects;
        }
        catch (final FieldNotFound | RuntimeException ex)
        {
            alarms.raise(Alarm.UNPARSABLE_EXECUTION, "ListStatus: " + ex + " in " + message);
            return 0;
        }
    }

    /**
     * A NewOrderList refused by a BusinessMessageReject (j) rather than a ListStatus: every leg still open is
     * rejected to the engine, none of them reached the book.
     *
     * @param listId BusinessRejectRefID (379) of the reject: the list's ListID.
     * @param reason the reject reason, mapped from BusinessRejectReason.
     * @return the number of {@code OrderReject}s published.
     */
    int onListRefused(final String listId, final RejectReason reason)
    {
        final SentLists.SentList list = sent.answer(listId);
        alarms.raise(Alarm.LIST_REJECTED, "ListID " + listId + " refused" +
            (list == null ? " (no list of that id awaiting an answer)" : ""));
        int rejects = 0;
        if (list != null)
        {
            for (int i = 0; i < list.orderIds().length; i++)
            {
                rejects += rejectIfOpen(list.orderIds()[i], list.instrumentIds()[i], reason);
            }
        }
        return rejects;
    }

    /**
     * Build a ListExecute (L).
     *
     * @param listId ListID (66) of the waiting list.
     * @return the FIX message, header left to the session.
     */
    public static Message listExecute(final String listId)
    {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.LIST_EXECUTE);
        message.setString(ListID.FIELD, listId);
        message.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
        return message;
    }

    private int execute(final SentLists.SentList list)
    {
        if (orderEntry.send(listExecute(list.listId())))
        {
            return 0;
        }
        // The list waits at the exchange for an L that will not come: its legs will never trade.
        alarms.raise(Alarm.ORDER_NOT_SENT, "ListExecute " + list.listId() + " on " + orderEntry);
        int rejects = 0;
        for (int i = 0; i < list.orderIds().length; i++)
        {
            rejects += rejectIfOpen(list.orderIds()[i], list.instrumentIds()[i], RejectReason.SESSION_DOWN);
        }
        return rejects;
    }

    private int rejectLeg(final Group leg) throws FieldNotFound
    {
        final String clOrdId = leg.getString(ClOrdID.FIELD);
        final long orderId = FixFields.orderId(clOrdId);
        if (orderId == Long.MIN_VALUE)
        {
            alarms.raise(Alarm.BAD_CLORDID, "ListStatus leg ClOrdID=" + clOrdId);
            return 0;
        }
        final int code = leg.isSetField(OrdRejReason.FIELD) ? leg.getInt(OrdRejReason.FIELD) : -1;
        return rejectIfOpen(orderId, journal.instrumentIdOf(orderId),
            ExecutionTranslator.rejectReason(code, optional(leg, Text.FIELD)));
    }

    private int rejectIfOpen(final long orderId, final int instrumentId, final RejectReason reason)
    {
        // A leg already reported terminal (its own execution report) is known to the engine: no second reject.
        if (!journal.isOpen(orderId))
        {
            return 0;
        }
        journal.recordDone(orderId);
        orderRejectEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId)
            .instrumentId(instrumentId == InstrumentDirectory.UNKNOWN ?
                OrderRejectEncoder.instrumentIdNullValue() : instrumentId)
            .reason(reason);
        sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + orderRejectEncoder.encodedLength(),
            SbeSink.Delivery.WAIT_FOR_ENGINE);
        return 1;
    }

    private static String optional(final FieldMap fields, final int tag)
    {
        try
        {
            return fields.isSetField(tag) ? fields.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }
}
