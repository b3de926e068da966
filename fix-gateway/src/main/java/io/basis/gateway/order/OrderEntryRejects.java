package io.basis.gateway.order;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.FixFields;
import io.basis.gateway.session.SentMessages;
import io.basis.protocol.sbe.CancelRejectEncoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.RejectReason;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.Text;

/**
 * The exchange refusing something an order-entry session sent, at session level (Reject 3, which names only
 * RefSeqNum) or at business level (BusinessMessageReject j, which names RefMsgType and BusinessRejectRefID, or only
 * RefSeqNum): every such refusal ends the order it concerns in a known state, never "working" forever.
 * <ul>
 *     <li>a refused NewOrderSingle (D): {@code OrderReject} ({@code SESSION_REJECT} for a 3, the mapped
 *     BusinessRejectReason for a j), the journal marks it done;</li>
 *     <li>a refused NewOrderList (E): an {@code OrderReject} for each leg still open;</li>
 *     <li>a refused OrderCancelRequest (F): {@code CancelReject} (the engine puts the order back to working) and an
 *     OrderStatusRequest for the order, so the truth follows;</li>
 *     <li>a refused OrderStatusRequest (H): the exchange cannot report on the order, which ends unresolved
 *     ({@link OrderStatusRecovery#onStatusRequestRefused}).</li>
 * </ul>
 * A reject whose RefSeqNum the session no longer remembers ({@link SentMessages}) is only alarmed.
 * Also decides, for an OrderCancelReject (9), whether it leaves the order's state in doubt (see
 * {@link #onCancelRejected}). Gateway agent thread only; owns its buffer.
 */
public final class OrderEntryRejects
{
    private final SbeSink sink;
    private final Alarms alarms;
    private final OrderJournal journal;
    private final SentMessages sent;
    private final OrderStatusRecovery orderStatus;
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(64);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final OrderRejectEncoder orderRejectEncoder = new OrderRejectEncoder();
    private final CancelRejectEncoder cancelRejectEncoder = new CancelRejectEncoder();
    private ListStatusTranslator listStatus;

    /**
     * @param sink        receives the SBE rejects.
     * @param alarms      one alarm per kind of refusal.
     * @param journal     the gateway's orders: instrument of an order, order of a cancel, which are open.
     * @param sent        what the session sent by MsgSeqNum, or null if not tracked (RefSeqNum-only rejects are
     *                    then only alarmed).
     * @param orderStatus asks about orders whose state is in doubt, or null (then nothing is asked).
     */
    public OrderEntryRejects(
        final SbeSink sink,
        final Alarms alarms,
        final OrderJournal journal,
        final SentMessages sent,
        final OrderStatusRecovery orderStatus)
    {
        this.sink = sink;
        this.alarms = alarms;
        this.journal = journal;
        this.sent = sent;
        this.orderStatus = orderStatus;
    }

    /**
     * @param translator the session's list answers, in list mode.
     */
    void listStatus(final ListStatusTranslator translator)
    {
        this.listStatus = translator;
    }

    /**
     * A session-level Reject (3) from the exchange.
     *
     * @param reject the message.
     * @return true if it was attributed to a message Basis sent and the engine was told.
     */
    public boolean onSessionReject(final Message reject)
    {
        final int refSeqNum = intOrZero(reject, RefSeqNum.FIELD);
        final byte kind = sent == null ? SentMessages.NONE : sent.kindOf(refSeqNum);
        final long id = kind == SentMessages.NONE ? Long.MIN_VALUE : sent.idOf(refSeqNum);
        final String detail = "RefSeqNum=" + refSeqNum + " Text=" + text(reject);
        if (id == Long.MIN_VALUE)
        {
            alarms.raise(Alarm.SESSION_REJECT, detail + " (not an order, cancel or status request it remembers)");
            return false;
        }
        return onRefused((char)kind, id, RejectReason.SESSION_REJECT, "Reject (3) " + detail);
    }

    /**
     * A BusinessMessageReject (j) from the exchange: what it refers to comes from RefMsgType and
     * BusinessRejectRefID (the ClOrdID or ListID), or else from RefSeqNum.
     *
     * @param reject the message.
     * @return true if it was attributed to a message Basis sent and the engine was told.
     */
    boolean onBusinessMessageReject(final Message reject)
    {
        try
        {
            final RejectReason reason = ExecutionTranslator.businessRejectReason(
                reject.isSetField(BusinessRejectReason.FIELD) ? reject.getInt(BusinessRejectReason.FIELD) : -1);
            final String detail = "BusinessMessageReject (j) " + reject.toString().replace('\u0001', '|');
            String refMsgType = reject.isSetField(RefMsgType.FIELD) ? reject.getString(RefMsgType.FIELD) : "";
            long id = Long.MIN_VALUE;
            if (reject.isSetField(BusinessRejectRefID.FIELD))
            {
                id = FixFields.orderId(reject.getString(BusinessRejectRefID.FIELD));
                if (id == Long.MIN_VALUE)
                {
                    alarms.raise(Alarm.BAD_CLORDID, "BusinessRejectRefID in " + detail);
                }
            }
            else if (sent != null && reject.isSetField(RefSeqNum.FIELD))
            {
                final int refSeqNum = reject.getInt(RefSeqNum.FIELD);
                final byte kind = sent.kindOf(refSeqNum);
                if (kind != SentMessages.NONE && (refMsgType.isEmpty() || refMsgType.charAt(0) == kind))
                {
                    refMsgType = String.valueOf((char)kind);
                    id = sent.idOf(refSeqNum);
                }
            }
            if (id == Long.MIN_VALUE || refMsgType.length() != 1)
            {
                alarms.raise(Alarm.UNROUTABLE_BUSINESS_REJECT, detail);
                return false;
            }
            return onRefused(refMsgType.charAt(0), id, reason, detail);
        }
        catch (final FieldNotFound | RuntimeException ex)
        {
            alarms.raise(Alarm.UNPARSABLE_EXECUTION, "BusinessMessageReject: " + ex + " in " + reject);
            return false;
        }
    }

    /**
     * After an OrderCancelReject (9) was forwarded: one that says the order is done (OrdStatus filled, canceled,
     * rejected or expired) or unknown (CxlRejReason 1) while the journal still holds it open means reports were
     * missed. The order's status is asked, so its final state and any missed fills reach the engine.
     *
     * @param orderId      the order the cancel was for.
     * @param ordStatus    OrdStatus (39) of the 9, 0 if absent.
     * @param cxlRejReason CxlRejReason (102) of the 9, -1 if absent.
     * @return true if the status was asked.
     */
    boolean onCancelRejected(final long orderId, final char ordStatus, final int cxlRejReason)
    {
        final boolean doneOrUnknown = ordStatus == '2' || ordStatus == '4' || ordStatus == '8' || ordStatus == 'C' ||
            ordStatus == '3' || cxlRejReason == quickfix.field.CxlRejReason.UNKNOWN_ORDER;
        if (!doneOrUnknown || orderStatus == null || !journal.isOpen(orderId))
        {
            return false;
        }
        alarms.raise(Alarm.ORDER_STATE_IN_DOUBT, "order " + orderId + ": OrderCancelReject with OrdStatus " +
            ordStatus + ", CxlRejReason " + cxlRejReason + "; its status is asked");
        return orderStatus.requestStatus(orderId);
    }

    private boolean onRefused(final char msgType, final long id, final RejectReason reason, final String detail)
    {
        switch (msgType)
        {
            case 'D':
                return orderRefused(id, reason, detail);
            case 'E':
                if (listStatus == null)
                {
                    alarms.raise(Alarm.UNROUTABLE_BUSINESS_REJECT, "NewOrderList on a session not in list mode: " +
                        detail);
                    return false;
                }
                return listStatus.onListRefused(Long.toString(id), reason) > 0;
            case 'F':
                return cancelRefused(id, reason, detail);
            case 'H':
                if (orderStatus == null)
                {
                    alarms.raise(Alarm.ORDER_STATUS_UNSUPPORTED, "order " + id + ": " + detail);
                    return false;
                }
                orderStatus.onStatusRequestRefused(id, detail);
                return true;
            default:
                alarms.raise(msgType == 0 ? Alarm.SESSION_REJECT : Alarm.UNROUTABLE_BUSINESS_REJECT, detail);
                return false;
        }
    }

    private boolean orderRefused(final long orderId, final RejectReason reason, final String detail)
    {
        final int instrumentId = journal.instrumentIdOf(orderId);
        if (!journal.recordDone(orderId))
        {
            // Already done, or never this gateway's: the engine heard its end already.
            alarms.raise(Alarm.UNROUTABLE_BUSINESS_REJECT, "order " + orderId + " not open: " + detail);
            return false;
        }
        if (reason == RejectReason.SESSION_REJECT)
        {
            alarms.raise(Alarm.ORDER_SESSION_REJECTED, "order " + orderId + ": " + detail);
        }
        orderRejectEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId)
            .instrumentId(instrumentId == InstrumentDirectory.UNKNOWN ?
                OrderRejectEncoder.instrumentIdNullValue() : instrumentId)
            .reason(reason);
        return sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + orderRejectEncoder.encodedLength(),
            SbeSink.Delivery.WAIT_FOR_ENGINE);
    }

    private boolean cancelRefused(final long cancelId, final RejectReason reason, final String detail)
    {
        final long orderId = journal.orderIdOf(cancelId);
        if (orderId == cancelId)
        {
            alarms.raise(Alarm.UNROUTABLE_BUSINESS_REJECT, "cancel " + cancelId + " unknown: " + detail);
            return false;
        }
        alarms.raise(Alarm.CANCEL_REFUSED, "cancel " + cancelId + " of order " + orderId + ": " + detail);
        cancelRejectEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId)
            .cancelId(cancelId)
            .reason(reason);
        final boolean published = sink.send(buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + cancelRejectEncoder.encodedLength(),
            SbeSink.Delivery.WAIT_FOR_ENGINE);
        if (orderStatus != null && journal.isOpen(orderId))
        {
            // The engine puts the order back to working; whether it still is, only the exchange knows.
            orderStatus.requestStatus(orderId);
        }
        return published;
    }

    private static int intOrZero(final Message message, final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getInt(tag) : 0;
        }
        catch (final FieldNotFound | RuntimeException ex)
        {
            return 0;
        }
    }

    private static String text(final Message message)
    {
        try
        {
            return message.isSetField(Text.FIELD) ? message.getString(Text.FIELD) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }
}
