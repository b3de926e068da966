package io.basis.simulator.matching;

import io.basis.simulator.refdata.Instrument;

/**
 * An accepted order and its execution state. Mutated only by the {@link MatchingEngine}.
 */
public final class Order
{
    private final long orderId;
    private final OrderRequest request;
    private final Instrument instrument;
    private long cumQuantity;
    private long notional;
    private OrderStatus status = OrderStatus.NEW;

    Order(final long orderId, final OrderRequest request, final Instrument instrument)
    {
        this.orderId = orderId;
        this.request = request;
        this.instrument = instrument;
    }

    /**
     * @return exchange order id, FIX OrderID(37).
     */
    public long orderId()
    {
        return orderId;
    }

    /**
     * @return the request the order was accepted from.
     */
    public OrderRequest request()
    {
        return request;
    }

    /**
     * @return submitter token, null for internal orders.
     */
    public Object owner()
    {
        return request.owner();
    }

    /**
     * @return trading account.
     */
    public String account()
    {
        return request.account();
    }

    /**
     * @return client order id, null for internal orders.
     */
    public String clOrdId()
    {
        return request.clOrdId();
    }

    /**
     * @return the instrument.
     */
    public Instrument instrument()
    {
        return instrument;
    }

    /**
     * @return side.
     */
    public Side side()
    {
        return request.side();
    }

    /**
     * @return order type.
     */
    public OrderType type()
    {
        return request.type();
    }

    /**
     * @return time in force.
     */
    public TimeInForce timeInForce()
    {
        return request.timeInForce();
    }

    /**
     * @return ordered quantity.
     */
    public long quantity()
    {
        return request.quantity();
    }

    /**
     * @return scaled limit price, 0 for market orders.
     */
    public long price()
    {
        return request.type() == OrderType.LIMIT ? request.price() : 0;
    }

    /**
     * @return filled quantity.
     */
    public long cumQuantity()
    {
        return cumQuantity;
    }

    /**
     * @return quantity still able to trade, 0 once filled or canceled.
     */
    public long leavesQuantity()
    {
        return status.isLive() ? request.quantity() - cumQuantity : 0;
    }

    /**
     * @return scaled average fill price rounded half up, 0 before the first fill.
     */
    public long averagePrice()
    {
        return cumQuantity == 0 ? 0 : (notional + cumQuantity / 2) / cumQuantity;
    }

    /**
     * @return life-cycle state.
     */
    public OrderStatus status()
    {
        return status;
    }

    void fill(final long quantity, final long price)
    {
        cumQuantity += quantity;
        notional += quantity * price;
        status = cumQuantity == request.quantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    void cancel()
    {
        status = OrderStatus.CANCELED;
    }

    @Override
    public String toString()
    {
        return "Order{" + orderId + " " + request.account() + " " + request.clOrdId() + " " + instrument.symbol() +
            " " + request.side() + " " + cumQuantity + "/" + request.quantity() + "@" + price() + " " + status + "}";
    }
}
