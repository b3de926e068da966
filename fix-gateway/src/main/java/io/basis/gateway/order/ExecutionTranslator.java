package io.basis.gateway.order;

import java.util.Locale;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.FixFields;
import io.basis.protocol.sbe.CancelRejectEncoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportEncoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.ExecTransType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrigClOrdID;
import quickfix.field.Symbol;
import quickfix.field.Text;

/**
 * FIX order-entry responses to SBE: ExecutionReport (8) to {@code ExecutionReport}, OrderCancelReject (9) to
 * {@code CancelReject} (and a status request when it says the order is done or unknown), BusinessMessageReject (j)
 * to what {@link OrderEntryRejects} makes of it.
 * <p>
 * Every output uses {@link SbeSink.Delivery#WAIT_FOR_ENGINE}: a fill must not be lost because the engine blinked.
 * FIX 4.2 reports are accepted too: ExecType 1/2 are fills, 3 done for day is expired, and a trade bust or
 * correction (ExecTransType 1/2), which the engine does not model, is alarmed and not forwarded.
 * Gateway agent thread only (reports come through the {@link FixHandOff}); owns its buffer.
 */
public final class ExecutionTranslator
{
    private final InstrumentDirectory directory;
    private final SbeSink sink;
    private final Alarms alarms;
    private final OrderJournal journal;
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(256);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportEncoder executionReportEncoder = new ExecutionReportEncoder();
    private final CancelRejectEncoder cancelRejectEncoder = new CancelRejectEncoder();
    private ListStatusTranslator listStatus;
    private OrderEntryRejects rejects;

    /**
     * @param directory symbol to engine instrument id.
     * @param sink      receives the SBE messages.
     * @param alarms    for untranslatable messages.
     * @param journal   the gateway's orders: instrument of an order, order of a cancel, and which are done.
     */
    public ExecutionTranslator(
        final InstrumentDirectory directory, final SbeSink sink, final Alarms alarms, final OrderJournal journal)
    {
        this.directory = directory;
        this.sink = sink;
        this.alarms = alarms;
        this.journal = journal;
        this.rejects = new OrderEntryRejects(sink, alarms, journal, null, null);
    }

    /**
     * Set by the gateway, before the sessions start: the session's handling of refused messages, which knows what
     * the session sent by MsgSeqNum and asks about orders whose state is in doubt.
     *
     * @param rejects the session's reject handling.
     */
    public void rejects(final OrderEntryRejects rejects)
    {
        this.rejects = rejects;
        rejects.listStatus(listStatus);
    }

    /**
     * Translate an ExecutionReport (8). The SBE orderId is OrigClOrdID when present (cancel acknowledgements carry
     * the cancel's ClOrdID and the order's OrigClOrdID), else ClOrdID, mapped through the journal in case it is
     * a cancel's. A terminal OrdStatus marks the order done in the journal. Order status reports (ExecType I,
     * the answers to the gateway's OrderStatusRequests) pass through as {@code ORDER_STATUS}.
     *
     * @param message            the FIX message.
     * @param receiveTimestampNs {@link System#nanoTime()} when the gateway received it.
     * @return true if an SBE message was published.
     */
    public boolean onExecutionReport(final Message message, final long receiveTimestampNs)
    {
        try
        {
            final int idTag = message.isSetField(OrigClOrdID.FIELD) ? OrigClOrdID.FIELD : ClOrdID.FIELD;
            final long clOrdId = orderId(message, idTag);
            if (clOrdId == Long.MIN_VALUE)
            {
                return false;
            }
            final long orderId = journal.knownOrderIdOf(clOrdId);
            if (orderId == Long.MIN_VALUE)
            {
                alarms.raise(Alarm.UNKNOWN_CLORDID, "ExecutionReport for ClOrdID " + clOrdId);
                return false;
            }
            if (message.isSetField(ExecTransType.FIELD))
            {
                final char execTransType = message.getChar(ExecTransType.FIELD);
                if (execTransType == ExecTransType.CANCEL || execTransType == ExecTransType.CORRECT)
                {
                    alarms.raise(Alarm.EXECUTION_CORRECTION, "ExecTransType " + execTransType + " in " + message);
                    return false;
                }
            }
            final ExecType execType = ExecType.get((byte)execType(message.getChar(quickfix.field.ExecType.FIELD)));
            final OrdStatus ordStatus = OrdStatus.get((byte)ordStatus(message.getChar(quickfix.field.OrdStatus.FIELD)));
            final Side side = Side.get((byte)message.getChar(quickfix.field.Side.FIELD));
            if (execType == ExecType.NULL_VAL || ordStatus == OrdStatus.NULL_VAL || side == Side.NULL_VAL)
            {
                throw new IllegalArgumentException("NUL ExecType, OrdStatus or Side");
            }
            final RejectReason rejectReason = execType == ExecType.REJECTED ?
                orderRejectReason(message) : RejectReason.NONE;

            executionReportEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
                .orderId(orderId)
                .instrumentId(instrumentId(message, orderId))
                .execType(execType)
                .ordStatus(ordStatus)
                .side(side)
                .lastQty(FixFields.optionalQuantity(message, LastQty.FIELD))
                .lastPx(FixFields.roundedPrice(message, LastPx.FIELD))
                .cumQty(FixFields.optionalQuantity(message, CumQty.FIELD))
                .leavesQty(FixFields.optionalQuantity(message, LeavesQty.FIELD))
                .avgPx(FixFields.roundedPrice(message, AvgPx.FIELD))
                .rejectReason(rejectReason)
                .receiveTimestampNs(receiveTimestampNs);
            final boolean sent = sink.send(buffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + executionReportEncoder.encodedLength(),
                SbeSink.Delivery.WAIT_FOR_ENGINE);
            if (isTerminal(ordStatus))
            {
                journal.recordDone(orderId);
            }
            else if (execType == ExecType.ORDER_STATUS)
            {
                // Answered and still working: the bound on unanswered status requests starts again.
                journal.onStatusAnswered(orderId);
            }
            return sent;
        }
        catch (final FieldNotFound | RuntimeException ex)
        {
            alarms.raise(Alarm.UNPARSABLE_EXECUTION, "ExecutionReport: " + ex + " in " + message);
            return false;
        }
    }

    /**
     * Translate an OrderCancelReject (9): orderId from OrigClOrdID, cancelId from ClOrdID.
     *
     * @param message the FIX message.
     * @return true if an SBE message was published.
     */
    public boolean onOrderCancelReject(final Message message)
    {
        try
        {
            final long orderId = orderId(message, OrigClOrdID.FIELD);
            final long cancelId = orderId(message, ClOrdID.FIELD);
            if (orderId == Long.MIN_VALUE || cancelId == Long.MIN_VALUE)
            {
                return false;
            }
            if (journal.knownOrderIdOf(orderId) != orderId)
            {
                alarms.raise(Alarm.UNKNOWN_CLORDID, "OrderCancelReject for OrigClOrdID " + orderId);
                return false;
            }
            final RejectReason reason = message.isSetField(CxlRejReason.FIELD) ?
                cancelRejectReason(message.getInt(CxlRejReason.FIELD)) : RejectReason.OTHER;
            cancelRejectEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
                .orderId(orderId)
                .cancelId(cancelId)
                .reason(reason);
            final boolean sent = sink.send(buffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + cancelRejectEncoder.encodedLength(),
                SbeSink.Delivery.WAIT_FOR_ENGINE);
            final int ordStatusTag = quickfix.field.OrdStatus.FIELD;
            rejects.onCancelRejected(orderId, message.isSetField(ordStatusTag) ? message.getChar(ordStatusTag) : 0,
                message.isSetField(CxlRejReason.FIELD) ? message.getInt(CxlRejReason.FIELD) : -1);
            return sent;
        }
        catch (final FieldNotFound | RuntimeException ex)
        {
            alarms.raise(Alarm.UNPARSABLE_EXECUTION, "OrderCancelReject: " + ex + " in " + message);
            return false;
        }
    }

    /**
     * Set by the gateway, before the sessions start, when the order-entry session is in list mode.
     *
     * @param translator handles the session's ListStatus (N).
     */
    public void listStatusTranslator(final ListStatusTranslator translator)
    {
        this.listStatus = translator;
        rejects.listStatus(translator);
    }

    /**
     * Translate a ListStatus (N): refused lists and legs become {@code OrderReject}s, a list waiting for
     * ListExecute is executed ({@link ListStatusTranslator}). Alarmed on a session not in list mode.
     *
     * @param message the FIX message.
     * @return the number of SBE messages published.
     */
    public int onListStatus(final Message message)
    {
        if (listStatus == null)
        {
            alarms.raise(Alarm.UNEXPECTED_FIX_MESSAGE, "ListStatus on a session not in list mode: " + message);
            return 0;
        }
        return listStatus.onListStatus(message);
    }

    /**
     * Translate a BusinessMessageReject (j) of what the session sent ({@link OrderEntryRejects}): of a
     * NewOrderSingle (BusinessRejectRefID its ClOrdID) an {@code OrderReject} with the instrument the journal
     * recorded for it; of a NewOrderList in list mode (BusinessRejectRefID its ListID) an {@code OrderReject} for
     * every leg still open; of a cancel a {@code CancelReject} and a status request; of a status request the order
     * ends unresolved. RefSeqNum stands in for RefMsgType and BusinessRejectRefID when the session remembers it.
     * Anything else raises {@link Alarm#UNROUTABLE_BUSINESS_REJECT}.
     *
     * @param message the FIX message.
     * @return true if an SBE message was published.
     */
    public boolean onBusinessMessageReject(final Message message)
    {
        return rejects.onBusinessMessageReject(message);
    }

    /**
     * FIX 4.2 ExecType codes that FIX 4.4 replaced, to the 4.4 code the SBE enum carries: 1 (partial fill) and
     * 2 (fill) are trades (F), 3 (done for day) is expired (C). 4.4 codes pass through.
     *
     * @param fixExecType ExecType (150) as received.
     * @return the FIX 4.4 code.
     */
    public static char execType(final char fixExecType)
    {
        switch (fixExecType)
        {
            case '1':
            case '2':
                return 'F';
            case '3':
                return 'C';
            default:
                return fixExecType;
        }
    }

    /**
     * FIX 4.2 OrdStatus 3 (done for day) to expired (C), the SBE enum's closest; other codes pass through.
     *
     * @param fixOrdStatus OrdStatus (39) as received.
     * @return the code the SBE enum carries.
     */
    public static char ordStatus(final char fixOrdStatus)
    {
        return fixOrdStatus == '3' ? 'C' : fixOrdStatus;
    }

    /**
     * OrdRejReason (103) to {@link RejectReason}. The dialect rejects off-grid and out-of-limit prices with 99
     * ("other") and says which in Text, so 99 with a price-related text is {@link RejectReason#INVALID_PRICE}.
     *
     * @param ordRejReason the FIX code, or -1 if absent.
     * @param text         Text (58), or null.
     * @return the SBE reason.
     */
    public static RejectReason rejectReason(final int ordRejReason, final String text)
    {
        switch (ordRejReason)
        {
            case OrdRejReason.UNKNOWN_SYMBOL:
                return RejectReason.UNKNOWN_INSTRUMENT;
            case OrdRejReason.UNKNOWN_ORDER:
                return RejectReason.UNKNOWN_ORDER;
            case OrdRejReason.DUPLICATE_ORDER:
                return RejectReason.DUPLICATE_ORDER;
            case OrdRejReason.INCORRECT_QUANTITY:
                return RejectReason.INVALID_QUANTITY;
            case OrdRejReason.INVALID_PRICE_INCREMENT:
                return RejectReason.INVALID_PRICE;
            case OrdRejReason.OTHER:
                return isAboutPrice(text) ? RejectReason.INVALID_PRICE : RejectReason.OTHER;
            default:
                return RejectReason.EXCHANGE_REJECT;
        }
    }

    /**
     * CxlRejReason (102) to {@link RejectReason}.
     *
     * @param cxlRejReason the FIX code.
     * @return the SBE reason.
     */
    public static RejectReason cancelRejectReason(final int cxlRejReason)
    {
        switch (cxlRejReason)
        {
            case CxlRejReason.TOO_LATE_TO_CANCEL:
                return RejectReason.TOO_LATE_TO_CANCEL;
            case CxlRejReason.UNKNOWN_ORDER:
                return RejectReason.UNKNOWN_ORDER;
            case CxlRejReason.DUPLICATE_CLORDID_RECEIVED:
                return RejectReason.DUPLICATE_ORDER;
            case CxlRejReason.OTHER:
                return RejectReason.OTHER;
            default:
                return RejectReason.EXCHANGE_REJECT;
        }
    }

    /**
     * BusinessRejectReason (380) to {@link RejectReason}.
     *
     * @param businessRejectReason the FIX code, or -1 if absent.
     * @return the SBE reason.
     */
    public static RejectReason businessRejectReason(final int businessRejectReason)
    {
        switch (businessRejectReason)
        {
            case BusinessRejectReason.UNKNOWN_SECURITY:
                return RejectReason.UNKNOWN_INSTRUMENT;
            case BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE:
            case BusinessRejectReason.CONDITIONALLY_REQUIRED_FIELD_MISSING:
                return RejectReason.INVALID_MESSAGE;
            default:
                return RejectReason.BUSINESS_REJECT;
        }
    }

    private RejectReason orderRejectReason(final Message message) throws FieldNotFound
    {
        final int code = message.isSetField(OrdRejReason.FIELD) ? message.getInt(OrdRejReason.FIELD) : -1;
        final String text = message.isSetField(Text.FIELD) ? message.getString(Text.FIELD) : null;
        return rejectReason(code, text);
    }

    private static boolean isTerminal(final OrdStatus ordStatus)
    {
        return ordStatus == OrdStatus.FILLED || ordStatus == OrdStatus.CANCELED ||
            ordStatus == OrdStatus.REJECTED || ordStatus == OrdStatus.EXPIRED;
    }

    private int instrumentId(final Message message, final long orderId) throws FieldNotFound
    {
        // The journal knows every open order's instrument, even before a restarted engine has redefined them.
        final int journalled = journal.instrumentIdOf(orderId);
        if (journalled != InstrumentDirectory.UNKNOWN)
        {
            return journalled;
        }
        if (!message.isSetField(Symbol.FIELD))
        {
            return ExecutionReportEncoder.instrumentIdNullValue();
        }
        final String symbol = message.getString(Symbol.FIELD);
        final int id = directory.idOf(symbol);
        if (id == InstrumentDirectory.UNKNOWN)
        {
            // Still publish: the engine knows the order by id, and dropping a fill would be far worse.
            alarms.raise(Alarm.UNKNOWN_SYMBOL, "ExecutionReport for " + symbol);
            return ExecutionReportEncoder.instrumentIdNullValue();
        }
        return id;
    }

    private long orderId(final Message message, final int tag) throws FieldNotFound
    {
        final String text = message.getString(tag);
        final long id = FixFields.orderId(text);
        if (id == Long.MIN_VALUE)
        {
            alarms.raise(Alarm.BAD_CLORDID, "tag " + tag + "=" + text + " in " + message);
        }
        return id;
    }

    private static boolean isAboutPrice(final String text)
    {
        if (text == null)
        {
            return false;
        }
        final String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("price") || lower.contains("tick") || lower.contains("limit");
    }
}
