package io.basis.simulator.matching;

import java.util.ArrayDeque;

/**
 * The orders resting at one price, in time priority, and their total remaining quantity.
 */
final class PriceLevel
{
    private final long price;
    private final ArrayDeque<Order> orders = new ArrayDeque<>();
    private long quantity;

    PriceLevel(final long price)
    {
        this.price = price;
    }

    long price()
    {
        return price;
    }

    long quantity()
    {
        return quantity;
    }

    boolean isEmpty()
    {
        return orders.isEmpty();
    }

    Order first()
    {
        return orders.peekFirst();
    }

    Iterable<Order> orders()
    {
        return orders;
    }

    void add(final Order order)
    {
        orders.addLast(order);
        quantity += order.leavesQuantity();
    }

    void traded(final long tradedQuantity)
    {
        quantity -= tradedQuantity;
    }

    /**
     * Remove an order whose remaining quantity has already been taken off the level (filled) or is about to be
     * (canceled: pass its leaves quantity).
     */
    void remove(final Order order, final long remainingQuantity)
    {
        if (orders.remove(order))
        {
            quantity -= remainingQuantity;
        }
    }
}
