package io.basis.gateway.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.FixSession;
import io.basis.gateway.session.SessionRoles;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.Symbol;

/**
 * Asks the exchange for the state of every order the journal holds open: one OrderStatusRequest (H) per order,
 * answered by an ExecutionReport with ExecType I that the {@link ExecutionTranslator} forwards to the engine as
 * {@code ORDER_STATUS}. Run when the order-entry session logs on (after a gateway restart, or a reconnect during
 * which reports may have been missed) and when a new engine logs on (a restarted engine knows nothing).
 * <p>
 * The answers reconcile whatever was lost: an order the exchange never received (the gateway died between the
 * journal and the wire, or its resend was gap filled) is answered as rejected and unknown; one that filled or
 * was cancelled meanwhile is answered with its final cumulative quantity and average price.
 * <p>
 * With several order-entry sessions each order is asked about on the session the journal recorded it on (its
 * index among the order-entry sessions ordered by SessionID), so the right counterparty answers even before the
 * engine has redefined its instruments. The order of the sessions in the settings file does not matter, but
 * adding, removing or renaming order-entry sessions between a crash and the restart is not supported: orders could
 * be asked about on the wrong session. Orders recorded on an index the settings no longer have are not asked about
 * (alarm {@link Alarm#NO_ROUTE}).
 * <p>
 * An exchange that cannot report on an order is not asked forever: each order is asked about at most
 * {@link Dialect#orderStatusMaxRequests()} times without an answer over a gateway run (dialect key
 * {@code orderStatus.maxRequests}; an answer that the order is still working starts the count again),
 * never on a session whose dialect says the venue does not support H ({@code orderStatus.requests=N}), and an H the
 * exchange refuses (Reject 3 or BusinessMessageReject j) counts as "not supported". Such an order ends
 * <em>unresolved</em>: the journal marks it done, the engine gets {@code OrderReject(STATUS_UNRESOLVED)} (the order is
 * out of its control; reconcile it by hand) and an alarm says which ({@link Alarm#ORDER_STATUS_UNRESOLVED},
 * {@link Alarm#ORDER_STATUS_UNSUPPORTED}).
 * <p>
 * Owned by the gateway agent, like the journal it reads: logons, logouts and rejects reach it through the
 * {@link FixHandOff}, engine logons from the engine's stream.
 */
public final class OrderStatusRecovery
{
    private final OrderJournal journal;
    private final FixSession[] sessions;
    private final GatewayCounters counters;
    private final Alarms alarms;
    /** Per order-entry session, the journal position its next logon recovers from. */
    private final int[] recoverBefore;
    private final Dialect[] dialects;
    private final SbeSink sink;
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(64);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final OrderRejectEncoder orderRejectEncoder = new OrderRejectEncoder();

    /**
     * One order-entry session with the default dialect and no engine to tell of unresolved orders: for tests.
     *
     * @param journal    the open orders.
     * @param orderEntry the order-entry session.
     * @param counters   status requests sent, or null.
     * @param alarms     for requests not sent and orders unresolved.
     */
    public OrderStatusRecovery(
        final OrderJournal journal, final FixSession orderEntry, final GatewayCounters counters, final Alarms alarms)
    {
        this(journal, new FixSession[]{ orderEntry }, counters, alarms);
    }

    /**
     * With the default dialect on every session and no engine to tell of unresolved orders: for tests.
     *
     * @param journal  the open orders.
     * @param sessions the order-entry sessions, in {@link SessionRoles} order.
     * @param counters status requests sent, or null.
     * @param alarms   for requests not sent and orders unresolved.
     */
    public OrderStatusRecovery(
        final OrderJournal journal, final FixSession[] sessions, final GatewayCounters counters, final Alarms alarms)
    {
        this(journal, sessions, defaultDialects(sessions.length), (buffer, offset, length, delivery) -> true,
            counters, alarms);
    }

    /**
     * @param journal  the open orders.
     * @param sessions the order-entry sessions, in {@link SessionRoles} order (the journal's session index).
     * @param dialects each session's dialect (whether it answers H, and how often an order may be asked about).
     * @param sink     where unresolved orders are rejected to the engine.
     * @param counters status requests sent, or null.
     * @param alarms   for requests not sent and orders unresolved.
     */
    public OrderStatusRecovery(
        final OrderJournal journal,
        final FixSession[] sessions,
        final Dialect[] dialects,
        final SbeSink sink,
        final GatewayCounters counters,
        final Alarms alarms)
    {
        this.dialects = dialects.clone();
        this.sink = sink;
        this.journal = journal;
        this.sessions = sessions.clone();
        this.counters = counters;
        this.alarms = alarms;
        // Until a session first drops, its logon recovers what the journal carried over from the last run.
        recoverBefore = new int[sessions.length];
        Arrays.fill(recoverBefore, journal.recordCount());
    }

    /**
     * An order-entry session dropped: what was recorded until now may have missed its reports; what is recorded
     * after its next logon goes out on the live session and needs no asking (asking could even overtake it).
     *
     * @param session index of the order-entry session.
     */
    public void onSessionDown(final int session)
    {
        recoverBefore[session] = journal.recordCount();
    }

    /**
     * Request the status of every open order, each on its session if that session is logged on.
     *
     * @return requests sent; fewer than the open orders if a session is or went down.
     */
    public int requestOpenOrders()
    {
        if (journal.openOrderCount() == 0)
        {
            return 0;
        }
        int sent = 0;
        for (int session = 0; session < sessions.length; session++)
        {
            // On the gateway agent, which also records and sends orders: nothing recorded can be in flight here.
            sent += request(session, Integer.MAX_VALUE);
        }
        final int orphans = journal.openOrdersFromSession(sessions.length);
        if (orphans > 0)
        {
            alarms.raise(Alarm.NO_ROUTE, orphans + " open orders journaled on an order-entry session the " +
                "settings no longer have; their status is not requested");
        }
        return sent;
    }

    /**
     * Request the status of the open orders of one session recorded before it last dropped (after a gateway start,
     * those carried over from the last run); called when it logs on.
     *
     * @param session index of the order-entry session.
     * @return requests sent; fewer than its open orders if the session dropped meanwhile.
     */
    public int requestOpenOrders(final int session)
    {
        return request(session, recoverBefore[session]);
    }

    private int request(final int session, final int recordedBefore)
    {
        if (journal.openOrderCount() == 0 || !sessions[session].isLoggedOn())
        {
            return 0;
        }
        return send(sessions[session], requests(session, recordedBefore));
    }

    /** Built under the journal's lock, sent outside it: QuickFIX/J's own locks are never taken inside ours. */
    private List<Message> requests(final int session, final int recordedBefore)
    {
        final List<Message> requests = new ArrayList<>();
        journal.forEachOpen(session, recordedBefore, (orderId, instrumentId, symbol, side, quantity) ->
            requests.add(orderStatusRequest(orderId, symbol, side)));
        return requests;
    }

    private int send(final FixSession orderEntry, final List<Message> requests)
    {
        int sent = 0;
        for (final Message request : requests)
        {
            final long orderId = clOrdIdOf(request);
            if (!mayAsk(orderId))
            {
                continue;
            }
            if (!orderEntry.send(request))
            {
                alarms.raise(Alarm.ORDER_NOT_SENT, "order status request on " + orderEntry);
                break;
            }
            sent++;
            if (counters != null)
            {
                counters.orderStatusRequests.incrementRelease();
            }
        }
        return sent;
    }

    /**
     * Ask the exchange about one open order now, on the session it was sent on: a refused cancel or a reject left
     * its state in doubt. Subject to the same bound as the recovery at logon.
     *
     * @param orderId engine order id.
     * @return true if a request was sent; false if the order is not open, its session is down (asked at the next
     * logon), or its status cannot be had (then it ended unresolved).
     */
    boolean requestStatus(final long orderId)
    {
        final int session = journal.sessionOf(orderId);
        if (session < 0 || session >= sessions.length || !sessions[session].isLoggedOn())
        {
            return false;
        }
        final Message[] request = new Message[1];
        if (!journal.visitOpen(orderId, (id, instrumentId, symbol, side, quantity) ->
            request[0] = orderStatusRequest(id, symbol, side)))
        {
            return false;
        }
        return send(sessions[session], List.of(request[0])) == 1;
    }

    /**
     * The exchange refused a status request about an order (Reject 3 or BusinessMessageReject j of the H): it
     * cannot report on it, so asking again is pointless. The order ends unresolved.
     *
     * @param orderId engine order id, the H's ClOrdID.
     * @param detail  what refused it, for the alarm.
     */
    void onStatusRequestRefused(final long orderId, final String detail)
    {
        unresolved(orderId, Alarm.ORDER_STATUS_UNSUPPORTED, detail);
    }

    /** Count the request about to be sent, or end the order unresolved when its status cannot be had. */
    private boolean mayAsk(final long orderId)
    {
        final int session = journal.sessionOf(orderId);
        if (session < 0)
        {
            return false;
        }
        final Dialect dialect = session < dialects.length ? dialects[session] : Dialect.DEFAULT;
        if (!dialect.orderStatusRequests())
        {
            unresolved(orderId, Alarm.ORDER_STATUS_UNSUPPORTED, "orderStatus.requests=N on its session");
            return false;
        }
        final int count = journal.countStatusRequest(orderId);
        if (count > dialect.orderStatusMaxRequests())
        {
            unresolved(orderId, Alarm.ORDER_STATUS_UNRESOLVED,
                "asked " + dialect.orderStatusMaxRequests() + " times without an answer");
            return false;
        }
        return count > 0;
    }

    private void unresolved(final long orderId, final Alarm alarm, final String detail)
    {
        final int instrumentId = journal.instrumentIdOf(orderId);
        if (!journal.recordDone(orderId))
        {
            // Already done (a report arrived meanwhile, or it was given up before): nothing to tell the engine.
            return;
        }
        alarms.raise(alarm, "order " + orderId + ": " + detail);
        orderRejectEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId)
            .instrumentId(instrumentId == InstrumentDirectory.UNKNOWN ?
                OrderRejectEncoder.instrumentIdNullValue() : instrumentId)
            .reason(RejectReason.STATUS_UNRESOLVED);
        sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + orderRejectEncoder.encodedLength(),
            SbeSink.Delivery.WAIT_FOR_ENGINE);
    }

    private static long clOrdIdOf(final Message request)
    {
        try
        {
            return Long.parseLong(request.getString(ClOrdID.FIELD));
        }
        catch (final quickfix.FieldNotFound | NumberFormatException ex)
        {
            throw new IllegalStateException("status request built without a numeric ClOrdID", ex);
        }
    }

    private static Dialect[] defaultDialects(final int sessions)
    {
        final Dialect[] dialects = new Dialect[sessions];
        Arrays.fill(dialects, Dialect.DEFAULT);
        return dialects;
    }

    /**
     * @param orderId engine order id, the ClOrdID.
     * @param symbol  exchange symbol.
     * @param side    side.
     * @return the OrderStatusRequest (H), header left to the session.
     */
    public static Message orderStatusRequest(final long orderId, final String symbol, final Side side)
    {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.ORDER_STATUS_REQUEST);
        message.setString(ClOrdID.FIELD, Long.toString(orderId));
        message.setString(Symbol.FIELD, symbol);
        message.setChar(quickfix.field.Side.FIELD, (char)side.value());
        return message;
    }
}
