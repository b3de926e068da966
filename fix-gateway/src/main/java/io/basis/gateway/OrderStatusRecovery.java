package io.basis.gateway;

import java.util.ArrayList;
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
 * Called from the QuickFIX/J thread and the gateway agent; the journal is thread safe and so is the session.
 */
final class OrderStatusRecovery
{
    private final OrderJournal journal;
    private final FixSession orderEntry;
    private final GatewayCounters counters;
    private final Alarms alarms;

    OrderStatusRecovery(
        final OrderJournal journal, final FixSession orderEntry, final GatewayCounters counters, final Alarms alarms)
    {
        this.journal = journal;
        this.orderEntry = orderEntry;
        this.counters = counters;
        this.alarms = alarms;
    }

    /**
     * Request the status of every open order.
     *
     * @return requests sent; fewer than the open orders if the session dropped meanwhile.
     */
    int requestOpenOrders()
    {
        if (journal.openOrderCount() == 0 || !orderEntry.isLoggedOn())
        {
            return 0;
        }
        // Built under the journal's lock, sent outside it: QuickFIX/J's own locks are never taken inside ours.
        final List<Message> requests = new ArrayList<>(journal.openOrderCount());
        journal.forEachOpen((orderId, instrumentId, symbol, side, quantity) ->
            requests.add(orderStatusRequest(orderId, symbol, side)));
        return send(requests);
    }

    private int send(final List<Message> requests)
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
