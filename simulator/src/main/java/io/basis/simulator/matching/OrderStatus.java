package io.basis.simulator.matching;

/**
 * Life-cycle state of an accepted order.
 */
public enum OrderStatus
{
    /** Accepted, nothing filled. */
    NEW('0'),
    /** Some quantity filled, the rest live. */
    PARTIALLY_FILLED('1'),
    /** Completely filled. */
    FILLED('2'),
    /** Canceled, by request or because its remainder could not rest. */
    CANCELED('4');

    private final char fixCode;

    OrderStatus(final char fixCode)
    {
        this.fixCode = fixCode;
    }

    /**
     * @return the FIX OrdStatus(39) code.
     */
    public char fixCode()
    {
        return fixCode;
    }

    /**
     * @return true while the order can still trade.
     */
    public boolean isLive()
    {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
