package io.basis.engine.position;

import io.basis.protocol.sbe.Side;

/**
 * Net positions per instrument, booked from fills only. Single-threaded, garbage-free.
 */
public final class Positions
{
    private final long[] quantity;
    private final long[] buyNotional;
    private final long[] sellNotional;
    private long fills;

    /**
     * @param instrumentCount instruments, indexed by engine id.
     */
    public Positions(final int instrumentCount)
    {
        quantity = new long[instrumentCount];
        buyNotional = new long[instrumentCount];
        sellNotional = new long[instrumentCount];
    }

    /**
     * Book one fill.
     *
     * @param instrumentId engine instrument id.
     * @param side         side of the order that filled.
     * @param qty          filled quantity, positive.
     * @param price        scaled fill price.
     */
    public void book(final int instrumentId, final Side side, final long qty, final long price)
    {
        if (side == Side.BUY)
        {
            quantity[instrumentId] += qty;
            buyNotional[instrumentId] += qty * price;
        }
        else
        {
            quantity[instrumentId] -= qty;
            sellNotional[instrumentId] += qty * price;
        }
        fills++;
    }

    /**
     * @param instrumentId engine instrument id.
     * @return net position, shares or contracts (negative = short).
     */
    public long quantity(final int instrumentId)
    {
        return quantity[instrumentId];
    }

    /**
     * @param instrumentId engine instrument id.
     * @return scaled notional of all buys.
     */
    public long buyNotional(final int instrumentId)
    {
        return buyNotional[instrumentId];
    }

    /**
     * @param instrumentId engine instrument id.
     * @return scaled notional of all sells.
     */
    public long sellNotional(final int instrumentId)
    {
        return sellNotional[instrumentId];
    }

    /**
     * @return fills booked.
     */
    public long fills()
    {
        return fills;
    }

    /**
     * @return number of instruments.
     */
    public int instrumentCount()
    {
        return quantity.length;
    }
}
