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
    private String clOrdId;
    private long quantity;
    private long price;
    private long bookPrice;
    private long cumQuantity;
    private long notional;
    private OrderStatus status = OrderStatus.NEW;
    private Place place = Place.NONE;

    /** Where a live order waits; the engine moves it between these. */
    enum Place
    {
        /** Not waiting anywhere: new, filled or canceled. */
        NONE,
        /** Resting in the book. */
        BOOK,
        /** Parked because fills of its instrument are held back (fault injection). */
        HELD,
        /** Queued for the closing auction (TimeInForce at the close). */
        AT_CLOSE
    }

    Order(final long orderId, final OrderRequest request, final Instrument instrument)
    {
        this.orderId = orderId;
        this.request = request;
        this.instrument = instrument;
        this.clOrdId = request.clOrdId();
        this.quantity = request.quantity();
        this.price = request.type() == OrderType.LIMIT ? request.price() : 0;
        this.bookPrice = price;
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
     * @return current client order id (the last accepted replace's), null for internal orders.
     */
    public String clOrdId()
    {
        return clOrdId;
    }

    /**
     * @return ListID(66) of the program the order belongs to, or null.
     */
    public String listId()
    {
        return request.listId();
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
     * @return ordered quantity (as last replaced).
     */
    public long quantity()
    {
        return quantity;
    }

    /**
     * @return scaled limit price (as last replaced), 0 for market orders.
     */
    public long price()
    {
        return price;
    }

    /**
     * The price level the order sits at: its limit, or for a market order resting in an auction the daily
     * limit on its side, so it has priority over every limit order.
     */
    long bookPrice()
    {
        return bookPrice;
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
        return status.isLive() ? quantity - cumQuantity : 0;
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

    void fill(final long fillQuantity, final long fillPrice)
    {
        cumQuantity += fillQuantity;
        notional += fillQuantity * fillPrice;
        status = cumQuantity == quantity ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    Place place()
    {
        return place;
    }

    void place(final Place where)
    {
        this.place = where;
    }

    void restAt(final long levelPrice)
    {
        bookPrice = levelPrice;
    }

    void replace(final String newClOrdId, final long newQuantity, final long newPrice)
    {
        clOrdId = newClOrdId;
        quantity = newQuantity;
        price = newPrice;
        bookPrice = newPrice;
    }

    void cancel()
    {
        status = OrderStatus.CANCELED;
    }

    @Override
    public String toString()
    {
        return "Order{" + orderId + " " + request.account() + " " + clOrdId + " " + instrument.symbol() +
            " " + request.side() + " " + cumQuantity + "/" + quantity + "@" + price + " " + status + "}";
    }
}
