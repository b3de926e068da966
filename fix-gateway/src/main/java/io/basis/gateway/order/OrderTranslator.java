package io.basis.gateway.order;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.FixSession;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.CancelRejectEncoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.OrderStatusRequestDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.SystemNanoClock;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExDestination;
import quickfix.field.ExecInst;
import quickfix.field.HandlInst;
import quickfix.field.ListID;
import quickfix.field.MsgType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;

/**
 * SBE orders from the engine to FIX: {@code NewOrder} to NewOrderSingle (D), {@code CancelOrder} to
 * OrderCancelRequest (F), sent on the order-entry session. An order the gateway cannot route is answered with an
 * SBE {@code OrderReject} (or {@code CancelReject}) and never sent: unknown instrument id, or session not logged on.
 * <p>
 * Prices and quantities are written as decimal text from the scaled longs, never through a double, so what the
 * exchange sees is exactly what the engine decided. Single-threaded (the gateway agent); owns its buffer.
 * <p>
 * What differs between counterparties (program flag tag and codes, account tag, ExDestination, short-sale
 * marking, cancel-on-disconnect, HandlInst, ListID fan-out, constant tags) comes from the session's
 * {@link Dialect}. Messages are built as plain QuickFIX/J messages, so the same code serves FIX 4.4 and FIX 4.2
 * sessions; the session fills in the header, BeginString included.
 */
public final class OrderTranslator
{
    private final InstrumentDirectory directory;
    private final FixSession orderEntry;
    private final SbeSink sink;
    private final Alarms alarms;
    private final String account;
    private final Dialect dialect;
    private final String beginString;
    private final OrderJournal journal;
    private final OrderLists lists;
    private final int session;
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(128);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final OrderRejectEncoder orderRejectEncoder = new OrderRejectEncoder();
    private final CancelRejectEncoder cancelRejectEncoder = new CancelRejectEncoder();

    /**
     * @param directory  engine instrument id to symbol.
     * @param orderEntry the order-entry session.
     * @param sink       receives rejects for orders that cannot be sent.
     * @param alarms     for sends QuickFIX/J refused.
     * @param account    Account (1) on every order.
     * @param journal    where every ClOrdID is recorded before it is sent.
     */
    public OrderTranslator(
        final InstrumentDirectory directory,
        final FixSession orderEntry,
        final SbeSink sink,
        final Alarms alarms,
        final String account,
        final OrderJournal journal)
    {
        this(directory, orderEntry, sink, alarms, account, Dialect.DEFAULT, "FIX.4.4", journal);
    }

    /**
     * @param directory   engine instrument id to symbol.
     * @param orderEntry  the order-entry session.
     * @param sink        receives rejects for orders that cannot be sent.
     * @param alarms      for sends QuickFIX/J refused.
     * @param account     the account on every order unless the dialect names one.
     * @param dialect     the order-entry session's dialect.
     * @param beginString the order-entry session's BeginString (FIX.4.4, FIX.4.2 or FIXT.1.1).
     * @param journal     where every ClOrdID is recorded before it is sent.
     */
    public OrderTranslator(
        final InstrumentDirectory directory,
        final FixSession orderEntry,
        final SbeSink sink,
        final Alarms alarms,
        final String account,
        final Dialect dialect,
        final String beginString,
        final OrderJournal journal)
    {
        this(directory, orderEntry, sink, alarms, account, dialect, beginString, journal, 0);
    }

    /**
     * @param directory   engine instrument id to symbol.
     * @param orderEntry  the order-entry session.
     * @param sink        receives rejects for orders that cannot be sent.
     * @param alarms      for sends QuickFIX/J refused.
     * @param account     the account on every order unless the dialect names one.
     * @param dialect     the order-entry session's dialect.
     * @param beginString the order-entry session's BeginString (FIX.4.4, FIX.4.2 or FIXT.1.1).
     * @param journal     where every ClOrdID is recorded before it is sent.
     * @param session     the session's index among the order-entry sessions, recorded with each order.
     */
    public OrderTranslator(
        final InstrumentDirectory directory,
        final FixSession orderEntry,
        final SbeSink sink,
        final Alarms alarms,
        final String account,
        final Dialect dialect,
        final String beginString,
        final OrderJournal journal,
        final int session)
    {
        this.session = session;
        this.journal = journal;
        this.directory = directory;
        this.orderEntry = orderEntry;
        this.sink = sink;
        this.alarms = alarms;
        this.account = dialect.account(account);
        this.dialect = dialect;
        this.beginString = beginString;
        this.lists = dialect.orderMode() == Dialect.OrderMode.LIST ?
            new OrderLists(orderEntry, sink, alarms, dialect, beginString, journal, SystemNanoClock.INSTANCE) : null;
    }

    /**
     * Send a new order, or reject it back to the engine.
     *
     * @param order the decoded SBE order.
     * @return true if the order was handed to the FIX session.
     */
    public boolean onNewOrder(final NewOrderDecoder order)
    {
        final long orderId = order.orderId();
        final int instrumentId = order.instrumentId();
        final String symbol = directory.symbolOf(instrumentId);
        if (symbol == null)
        {
            rejectOrder(orderId, instrumentId, RejectReason.UNKNOWN_INSTRUMENT);
            return false;
        }
        if (!orderEntry.isLoggedOn())
        {
            rejectOrder(orderId, instrumentId, RejectReason.SESSION_DOWN);
            return false;
        }
        final Message message;
        try
        {
            message = newOrderSingle(order, symbol, account, dialect, beginString);
        }
        catch (final IllegalArgumentException ex)
        {
            // Raised by the SBE enum lookups when the engine sent a value outside the schema.
            alarms.raise(Alarm.BAD_ENGINE_MESSAGE, "NewOrder " + orderId + ": " + ex.getMessage());
            rejectOrder(orderId, instrumentId, RejectReason.INVALID_MESSAGE);
            return false;
        }
        // Write-ahead: after a crash between here and the wire the gateway still asks the exchange about it.
        final int recorded = journal.recordNew(orderId, instrumentId, symbol, order.side(), order.quantity(), session);
        if (recorded != OrderJournal.RECORDED)
        {
            rejectOrder(orderId, instrumentId, refuseUnrecorded(recorded, "order " + orderId));
            return false;
        }
        if (lists != null && order.listSeqNo() > 0)
        {
            // List mode: the leg's fields wait for the rest of its program, which leaves as one NewOrderList.
            journal.hold(orderId);
            return lists.onLeg(order, message);
        }
        if (!orderEntry.send(message))
        {
            // The session dropped after the check. A stored new order is never resent (resends of D are gap
            // filled, see GatewayApplication.toApp), so telling the engine the order is rejected is the truth.
            journal.recordDone(orderId);
            alarms.raise(Alarm.ORDER_NOT_SENT, "order " + orderId + " on " + orderEntry);
            rejectOrder(orderId, instrumentId, RejectReason.SESSION_DOWN);
            return false;
        }
        return true;
    }

    /**
     * @return the list collector of a {@link Dialect.OrderMode#LIST} session, else null.
     */
    public OrderLists lists()
    {
        return lists;
    }

    /**
     * @return the session's index among the order-entry sessions.
     */
    int session()
    {
        return session;
    }

    /**
     * @return the order-entry session.
     */
    FixSession fixSession()
    {
        return orderEntry;
    }

    /**
     * Refuse a new order without sending it.
     *
     * @param order  the decoded SBE order.
     * @param reason why.
     */
    public void refuse(final NewOrderDecoder order, final RejectReason reason)
    {
        rejectOrder(order.orderId(), order.instrumentId(), reason);
    }

    /**
     * Refuse a cancel without sending it.
     *
     * @param cancel the decoded SBE cancel.
     * @param reason why.
     */
    public void refuse(final CancelOrderDecoder cancel, final RejectReason reason)
    {
        rejectCancel(cancel.orderId(), cancel.cancelId(), reason);
    }

    /**
     * Send a cancel, or answer it with a {@code CancelReject}.
     *
     * @param cancel the decoded SBE cancel.
     * @return true if the cancel was handed to the FIX session.
     */
    public boolean onCancelOrder(final CancelOrderDecoder cancel)
    {
        final long orderId = cancel.orderId();
        final long cancelId = cancel.cancelId();
        final String symbol = directory.symbolOf(cancel.instrumentId());
        if (symbol == null)
        {
            rejectCancel(orderId, cancelId, RejectReason.UNKNOWN_INSTRUMENT);
            return false;
        }
        if (!orderEntry.isLoggedOn())
        {
            rejectCancel(orderId, cancelId, RejectReason.SESSION_DOWN);
            return false;
        }
        final Message message;
        try
        {
            message = orderCancelRequest(cancel, symbol);
        }
        catch (final IllegalArgumentException ex)
        {
            alarms.raise(Alarm.BAD_ENGINE_MESSAGE, "CancelOrder " + cancelId + ": " + ex.getMessage());
            rejectCancel(orderId, cancelId, RejectReason.INVALID_MESSAGE);
            return false;
        }
        final int recorded = journal.recordCancel(cancelId, orderId);
        if (recorded != OrderJournal.RECORDED)
        {
            rejectCancel(orderId, cancelId, refuseUnrecorded(recorded, "cancel " + cancelId));
            return false;
        }
        if (!orderEntry.send(message))
        {
            alarms.raise(Alarm.ORDER_NOT_SENT, "cancel " + cancelId + " on " + orderEntry);
            rejectCancel(orderId, cancelId, RejectReason.SESSION_DOWN);
            return false;
        }
        return true;
    }

    /**
     * Ask the exchange about an order the engine holds working (a restarted engine asks about each): an
     * OrderStatusRequest (H) whatever the order journal holds, since the reports the engine lacks may be ones this
     * gateway delivered to the engine run that died. A session whose venue takes no H ends the order unresolved.
     *
     * @param request the decoded SBE request.
     * @return true if the H was sent.
     */
    public boolean onStatusRequest(final OrderStatusRequestDecoder request)
    {
        final long orderId = request.orderId();
        final String symbol = directory.symbolOf(request.instrumentId());
        if (!dialect.orderStatusRequests() || symbol == null)
        {
            rejectOrder(orderId, request.instrumentId(), RejectReason.STATUS_UNRESOLVED);
            return false;
        }
        if (!orderEntry.send(OrderStatusRecovery.orderStatusRequest(orderId, symbol, request.side())))
        {
            // The session dropped: the gateway asks about the orders its journal holds open at the next logon.
            alarms.raise(Alarm.ORDER_NOT_SENT, "order status request " + orderId + " on " + orderEntry);
            return false;
        }
        return true;
    }

    /**
     * Build the NewOrderSingle (D) for an SBE order in the default Basis dialect of {@code docs/fix-dialect.md}.
     *
     * @param order   the decoded SBE order.
     * @param symbol  the instrument's exchange symbol.
     * @param account Account (1).
     * @return the FIX message, header left to the session.
     * @throws IllegalArgumentException if an enum field holds a value outside the schema.
     */
    public static Message newOrderSingle(final NewOrderDecoder order, final String symbol, final String account)
    {
        return newOrderSingle(order, symbol, account, Dialect.DEFAULT, "FIX.4.4");
    }

    /**
     * Build the NewOrderSingle (D) for an SBE order in a dialect.
     *
     * @param order       the decoded SBE order.
     * @param symbol      the instrument's exchange symbol.
     * @param account     the account (in the dialect's account tag).
     * @param dialect     the session's dialect.
     * @param beginString the session's BeginString.
     * @return the FIX message, header left to the session.
     * @throws IllegalArgumentException if an enum field holds a value outside the schema.
     */
    public static Message newOrderSingle(
        final NewOrderDecoder order,
        final String symbol,
        final String account,
        final Dialect dialect,
        final String beginString)
    {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.ORDER_SINGLE);
        message.setString(ClOrdID.FIELD, Long.toString(order.orderId()));
        message.setString(dialect.accountTag(), account);
        final String handlInst = dialect.handlInst(beginString);
        if (handlInst != null)
        {
            message.setString(HandlInst.FIELD, handlInst);
        }
        if (dialect.cancelOnDisconnect())
        {
            message.setChar(ExecInst.FIELD, ExecInst.CANCEL_ON_SYSTEM_FAILURE);
        }
        if (dialect.exDestination() != null)
        {
            message.setString(ExDestination.FIELD, dialect.exDestination());
        }
        if (dialect.orderMode() == Dialect.OrderMode.FAN_OUT && order.programId() > 0)
        {
            message.setString(ListID.FIELD, Long.toString(order.programId()));
        }
        message.setString(Symbol.FIELD, symbol);
        final char side = fixSide(order.side());
        if (side == (char)io.basis.protocol.sbe.Side.SELL_SHORT.value())
        {
            message.setChar(Side.FIELD, dialect.shortSaleSide());
            if (dialect.shortSaleTag() != 0)
            {
                message.setString(dialect.shortSaleTag(), dialect.shortSaleValue());
            }
            if (dialect.borrowTag() != 0)
            {
                message.setString(dialect.borrowTag(), dialect.borrowValue());
            }
        }
        else
        {
            message.setChar(Side.FIELD, side);
        }
        message.setString(OrderQty.FIELD, Long.toString(order.quantity()));
        final OrdType ordType = order.ordType();
        if (ordType == OrdType.NULL_VAL)
        {
            throw new IllegalArgumentException("missing OrdType");
        }
        message.setChar(quickfix.field.OrdType.FIELD, (char)ordType.value());
        if (ordType == OrdType.LIMIT)
        {
            message.setString(Price.FIELD, Prices.format(order.price()));
        }
        final io.basis.protocol.sbe.TimeInForce timeInForce = order.timeInForce();
        if (timeInForce == io.basis.protocol.sbe.TimeInForce.NULL_VAL)
        {
            throw new IllegalArgumentException("missing TimeInForce");
        }
        message.setChar(TimeInForce.FIELD, (char)timeInForce.value());
        message.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
        final ProgramFlag programFlag = order.programFlag();
        if (programFlag == ProgramFlag.NULL_VAL)
        {
            throw new IllegalArgumentException("missing ProgramFlag");
        }
        // OrderRestrictions is a MultipleCharValue; Basis only ever sends one restriction.
        final String flagValue = dialect.programFlagValue(programFlag, beginString);
        if (flagValue != null)
        {
            message.setString(dialect.programFlagTag(beginString), flagValue);
        }
        for (final Map.Entry<Integer, String> constant : dialect.constantTags().entrySet())
        {
            message.setString(constant.getKey(), constant.getValue());
        }
        final long triggerTimestampNs = order.triggerTimestampNs();
        if (triggerTimestampNs != 0 && dialect.triggerNanosTag() != 0)
        {
            message.setString(dialect.triggerNanosTag(), Long.toString(triggerTimestampNs));
        }
        return message;
    }

    /**
     * Build the OrderCancelRequest (F) for an SBE cancel.
     *
     * @param cancel the decoded SBE cancel.
     * @param symbol the instrument's exchange symbol.
     * @return the FIX message, header left to the session.
     * @throws IllegalArgumentException if the side holds a value outside the schema.
     */
    public static Message orderCancelRequest(final CancelOrderDecoder cancel, final String symbol)
    {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.ORDER_CANCEL_REQUEST);
        message.setString(ClOrdID.FIELD, Long.toString(cancel.cancelId()));
        message.setString(OrigClOrdID.FIELD, Long.toString(cancel.orderId()));
        message.setString(Symbol.FIELD, symbol);
        message.setChar(Side.FIELD, fixSide(cancel.side()));
        message.setString(OrderQty.FIELD, Long.toString(cancel.quantity()));
        message.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
        return message;
    }

    private static char fixSide(final io.basis.protocol.sbe.Side side)
    {
        if (side == io.basis.protocol.sbe.Side.NULL_VAL)
        {
            throw new IllegalArgumentException("missing Side");
        }
        // The SBE enum is encoded as the FIX character itself: '1' buy, '2' sell, '5' sell short.
        return (char)side.value();
    }

    /** Alarm a ClOrdID the journal would not record, and say why to the engine. */
    private RejectReason refuseUnrecorded(final int recorded, final String what)
    {
        if (recorded == OrderJournal.DUPLICATE)
        {
            alarms.raise(Alarm.DUPLICATE_CLORDID, what);
            return RejectReason.DUPLICATE_ORDER;
        }
        alarms.raise(Alarm.JOURNAL_FULL, what + " in " + journal.file());
        return RejectReason.OTHER;
    }

    private void rejectOrder(final long orderId, final int instrumentId, final RejectReason reason)
    {
        orderRejectEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId)
            .instrumentId(instrumentId)
            .reason(reason);
        sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + orderRejectEncoder.encodedLength(),
            SbeSink.Delivery.WAIT_FOR_ENGINE);
    }

    private void rejectCancel(final long orderId, final long cancelId, final RejectReason reason)
    {
        cancelRejectEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId)
            .cancelId(cancelId)
            .reason(reason);
        sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + cancelRejectEncoder.encodedLength(),
            SbeSink.Delivery.WAIT_FOR_ENGINE);
    }
}
