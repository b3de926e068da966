package io.basis.simulator.program;

import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * One program as the exchange knows it: sent as a NewOrderList (E) or as NewOrderSingles stamped with its
 * ListID ("legs"), its legs in order, and the exchange order of each leg once submitted. Exchange thread only.
 */
public final class ProgramList
{
    private final Object owner;
    private final String listId;
    private final boolean newOrderList;
    private final List<Leg> legs = new ArrayList<>();
    private boolean waitingForExecute;
    private boolean canceled;

    ProgramList(final Object owner, final String listId, final boolean newOrderList)
    {
        this.owner = owner;
        this.listId = listId;
        this.newOrderList = newOrderList;
    }

    /**
     * @return submitter token (the FIX session).
     */
    public Object owner()
    {
        return owner;
    }

    /**
     * @return ListID(66).
     */
    public String listId()
    {
        return listId;
    }

    /**
     * @return true if sent as one NewOrderList, false if as stamped NewOrderSingles.
     */
    public boolean newOrderList()
    {
        return newOrderList;
    }

    /**
     * @return the legs, in list order.
     */
    public List<Leg> legs()
    {
        return legs;
    }

    /**
     * @return the list's state now.
     */
    public ListOrderStatus status()
    {
        if (waitingForExecute)
        {
            return ListOrderStatus.RECEIVED_FOR_EXECUTION;
        }
        for (final Leg leg : legs)
        {
            // A leg not yet submitted is still to execute, unless the list was canceled before ListExecute.
            final boolean pending = leg.order == null && leg.rejectText == null && !canceled;
            if (pending || leg.order != null && leg.order.status().isLive())
            {
                return canceled ? ListOrderStatus.CANCELING : ListOrderStatus.EXECUTING;
            }
        }
        return ListOrderStatus.ALL_DONE;
    }

    boolean waitingForExecute()
    {
        return waitingForExecute;
    }

    void waitingForExecute(final boolean waiting)
    {
        this.waitingForExecute = waiting;
    }

    void canceled()
    {
        this.canceled = true;
    }

    Leg leg(final String clOrdId)
    {
        for (final Leg leg : legs)
        {
            if (leg.request.clOrdId().equals(clOrdId))
            {
                return leg;
            }
        }
        return null;
    }

    /**
     * One order of a program.
     */
    public static final class Leg
    {
        private final OrderRequest request;
        private Order order;
        private String rejectText;
        private int rejectCode;

        Leg(final OrderRequest request)
        {
            this.request = request;
        }

        /**
         * @return the leg as requested.
         */
        public OrderRequest request()
        {
            return request;
        }

        /**
         * @return the exchange order, or null if not (yet) accepted.
         */
        public Order order()
        {
            return order;
        }

        /**
         * @return why the leg was rejected, or null.
         */
        public String rejectText()
        {
            return rejectText;
        }

        /**
         * @return OrdRejReason of a rejected leg.
         */
        public int rejectCode()
        {
            return rejectCode;
        }

        void accepted(final Order accepted)
        {
            this.order = accepted;
        }

        void rejected(final int code, final String text)
        {
            this.rejectCode = code;
            this.rejectText = text;
        }
    }
}
