package io.basis.engine.order;

import io.basis.protocol.sbe.Side;

/**
 * One leg of a program order. Pre-allocated by its program and reused; mutated only by {@link OrderTracker}.
 */
public final class ChildOrder
{
    long orderId;
    ProgramOrder program;
    int instrumentId;
    Side side = Side.BUY;
    long quantity;
    long price;
    long valuePrice;
    long cumQty;
    /** Sum of filled quantity times fill price (scaled): prices fills learned only from an average price. */
    long filledValue;
    long lastCancelId;
    boolean hedge;
    boolean repricePending;
    /** Some report of the exchange has named this order. */
    boolean acknowledged;
    OrderState state = OrderState.REJECTED;
    ChildOrder prevWorking;
    ChildOrder nextWorking;

    void init(
        final long orderId,
        final ProgramOrder program,
        final int instrumentId,
        final Side side,
        final long quantity,
        final long price)
    {
        this.orderId = orderId;
        this.program = program;
        this.instrumentId = instrumentId;
        this.side = side;
        this.quantity = quantity;
        this.price = price;
        this.valuePrice = price;
        this.cumQty = 0;
        this.filledValue = 0;
        this.lastCancelId = 0;
        this.hedge = false;
        this.repricePending = false;
        this.acknowledged = false;
        this.state = OrderState.PENDING_NEW;
        this.prevWorking = null;
        this.nextWorking = null;
    }

    /**
     * @return the next working order of the same instrument, or null.
     */
    public ChildOrder nextWorking()
    {
        return nextWorking;
    }

    /**
     * @return true for the futures leg of a program.
     */
    public boolean isHedge()
    {
        return hedge;
    }

    /**
     * @return quantity still to fill.
     */
    public long leavesQty()
    {
        return state.isTerminal() ? 0 : quantity - cumQty;
    }

    /**
     * @return engine order id, also the FIX ClOrdID.
     */
    public long orderId()
    {
        return orderId;
    }

    /**
     * @return the program the order belongs to.
     */
    public ProgramOrder program()
    {
        return program;
    }

    /**
     * @return engine instrument id.
     */
    public int instrumentId()
    {
        return instrumentId;
    }

    /**
     * @return side.
     */
    public Side side()
    {
        return side;
    }

    /**
     * @return ordered quantity.
     */
    public long quantity()
    {
        return quantity;
    }

    /**
     * @return scaled limit price.
     */
    public long price()
    {
        return price;
    }

    /**
     * @return quantity filled, the sum of booked fills.
     */
    public long cumQty()
    {
        return cumQty;
    }

    /**
     * @return current state.
     */
    public OrderState state()
    {
        return state;
    }
}
