package io.basis.simulator.program;

import io.basis.simulator.matching.ExecutionListener;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.RejectReason;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Program trading: NewOrderList (E) with ListExecute (L), ListCancelRequest (K) and ListStatusRequest (M), and
 * per-leg NewOrderSingles stamped with a ListID, which are tracked as a list too (the fan-out brokers require).
 * <p>
 * Legs are submitted to the engine as ordinary orders carrying the ListID, so every leg gets its own execution
 * reports. Lists are found from engine events, which is how stamped NewOrderSingles join their list. Exchange
 * thread only.
 */
public final class ProgramOrders implements ExecutionListener
{
    private final ListStatusSink sink;
    private final Map<Key, ProgramList> lists = new LinkedHashMap<>();
    private MatchingEngine engine;

    /**
     * @param sink receives list status.
     */
    public ProgramOrders(final ListStatusSink sink)
    {
        this.sink = sink;
    }

    /**
     * @param matchingEngine where legs go; set once after the engine exists, since this tracker is one of its
     *                       listeners.
     */
    public void engine(final MatchingEngine matchingEngine)
    {
        this.engine = matchingEngine;
    }

    /**
     * NewOrderList: acknowledge, then submit every leg unless told to wait for ListExecute.
     *
     * @param owner            submitting session.
     * @param listId           ListID(66).
     * @param legs             the orders, in list order, each with ClOrdID.
     * @param totNoOrders      TotNoOrders(68) as sent.
     * @param waitForExecute   ListExecInstType(433) 2: wait for ListExecute.
     */
    public void onNewOrderList(
        final Object owner, final String listId, final List<OrderRequest> legs, final int totNoOrders,
        final boolean waitForExecute)
    {
        final Key key = new Key(owner, listId);
        if (lists.containsKey(key))
        {
            sink.onListReject(owner, listId, "duplicate ListID " + listId);
            return;
        }
        if (legs.isEmpty() || totNoOrders != legs.size())
        {
            sink.onListReject(owner, listId, "TotNoOrders " + totNoOrders + " but " + legs.size() +
                " orders (multi-message lists are not supported)");
            return;
        }
        final ProgramList list = new ProgramList(owner, listId, true);
        for (final OrderRequest leg : legs)
        {
            list.legs().add(new ProgramList.Leg(leg.inList(owner, listId)));
        }
        list.waitingForExecute(waitForExecute);
        lists.put(key, list);
        sink.onListStatus(list, ListStatusSink.ACK, waitForExecute ? "waiting for ListExecute" : "executing");
        if (!waitForExecute)
        {
            submitLegs(list);
        }
    }

    /**
     * ListExecute: submit the legs of a list that was waiting.
     *
     * @param owner  session.
     * @param listId ListID.
     */
    public void onListExecute(final Object owner, final String listId)
    {
        final ProgramList list = lists.get(new Key(owner, listId));
        if (list == null || !list.waitingForExecute())
        {
            sink.onListReject(owner, listId, list == null ? "unknown ListID " + listId :
                "list " + listId + " is not waiting for ListExecute");
            return;
        }
        list.waitingForExecute(false);
        sink.onListStatus(list, ListStatusSink.EXEC_STARTED, "execution started");
        submitLegs(list);
    }

    /**
     * ListCancelRequest: cancel every live leg (a waiting list is simply never executed), then report.
     *
     * @param owner  session.
     * @param listId ListID.
     */
    public void onListCancel(final Object owner, final String listId)
    {
        final ProgramList list = lists.get(new Key(owner, listId));
        if (list == null)
        {
            sink.onListReject(owner, listId, "unknown ListID " + listId);
            return;
        }
        list.canceled();
        list.waitingForExecute(false);
        for (final ProgramList.Leg leg : list.legs())
        {
            if (leg.order() != null && leg.order().status().isLive())
            {
                engine.cancel(leg.order(), "list canceled");
            }
        }
        sink.onListStatus(list, ListStatusSink.RESPONSE, "list canceled");
    }

    /**
     * ListStatusRequest.
     *
     * @param owner  session.
     * @param listId ListID.
     */
    public void onListStatusRequest(final Object owner, final String listId)
    {
        final ProgramList list = lists.get(new Key(owner, listId));
        if (list == null)
        {
            sink.onListReject(owner, listId, "unknown ListID " + listId);
            return;
        }
        sink.onListStatus(list, ListStatusSink.RESPONSE, "status");
    }

    /**
     * @return every list so far, in arrival order.
     */
    public List<ProgramList> lists()
    {
        return Collections.unmodifiableList(new ArrayList<>(lists.values()));
    }

    @Override
    public void onAccepted(final Order order, final long execId)
    {
        if (order.listId() != null && order.owner() != null)
        {
            leg(order.owner(), order.listId(), order.request()).accepted(order);
        }
    }

    @Override
    public void onRejected(
        final OrderRequest request, final long orderId, final long execId, final RejectReason reason, final String text)
    {
        if (request.listId() != null && request.owner() != null)
        {
            leg(request.owner(), request.listId(), request).rejected(reason.fixCode(), text);
        }
    }

    private ProgramList.Leg leg(final Object owner, final String listId, final OrderRequest request)
    {
        final ProgramList list = lists.computeIfAbsent(new Key(owner, listId),
            k -> new ProgramList(owner, listId, false));
        ProgramList.Leg leg = request.clOrdId() == null ? null : list.leg(request.clOrdId());
        if (leg == null)
        {
            leg = new ProgramList.Leg(request);
            list.legs().add(leg);
        }
        return leg;
    }

    private void submitLegs(final ProgramList list)
    {
        for (final ProgramList.Leg leg : List.copyOf(list.legs()))
        {
            engine.submit(leg.request());
        }
    }

    private record Key(Object owner, String listId)
    {
        private Key
        {
            Objects.requireNonNull(listId, "listId");
        }
    }
}
