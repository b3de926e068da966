package io.basis.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.basis.protocol.sbe.Side;
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
 * Called from the QuickFIX/J thread and the gateway agent; the journal is thread safe and so are the sessions.
 */
final class OrderStatusRecovery
{
    private final OrderJournal journal;
    private final FixSession[] sessions;
    private final GatewayCounters counters;
    private final Alarms alarms;
    /** Per order-entry session, the journal position its next logon recovers from. */
    private final int[] recoverBefore;

    OrderStatusRecovery(
        final OrderJournal journal, final FixSession orderEntry, final GatewayCounters counters, final Alarms alarms)
    {
        this(journal, new FixSession[]{ orderEntry }, counters, alarms);
    }

    /**
     * @param journal  the open orders.
     * @param sessions the order-entry sessions, in {@link SessionRoles} order (the journal's session index).
     * @param counters status requests sent, or null.
     * @param alarms   for requests not sent.
     */
    OrderStatusRecovery(
        final OrderJournal journal, final FixSession[] sessions, final GatewayCounters counters, final Alarms alarms)
    {
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
    void onSessionDown(final int session)
    {
        recoverBefore[session] = journal.recordCount();
    }

    /**
     * Request the status of every open order, each on its session if that session is logged on.
     *
     * @return requests sent; fewer than the open orders if a session is or went down.
     */
    int requestOpenOrders()
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
     * those carried over from the last run); called on the QuickFIX/J thread when it logs on.
     *
     * @param session index of the order-entry session.
     * @return requests sent; fewer than its open orders if the session dropped meanwhile.
     */
    int requestOpenOrders(final int session)
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
     * @param orderId engine order id, the ClOrdID.
     * @param symbol  exchange symbol.
     * @param side    side.
     * @return the OrderStatusRequest (H), header left to the session.
     */
    static Message orderStatusRequest(final long orderId, final String symbol, final Side side)
    {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.ORDER_STATUS_REQUEST);
        message.setString(ClOrdID.FIELD, Long.toString(orderId));
        message.setString(Symbol.FIELD, symbol);
        message.setChar(quickfix.field.Side.FIELD, (char)side.value());
        return message;
    }
}
