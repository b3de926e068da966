package io.basis.simulator.program;

/**
 * State of a program (order list) with its FIX ListOrderStatus(431) code.
 */
public enum ListOrderStatus
{
    /** Received, waiting for ListExecute. */
    RECEIVED_FOR_EXECUTION(2),
    /** Legs submitted, some still live. */
    EXECUTING(3),
    /** Canceled by ListCancelRequest, legs canceled. */
    CANCELING(4),
    /** Every leg is filled, canceled or rejected. */
    ALL_DONE(6),
    /** The list itself was refused. */
    REJECT(7);

    private final int fixCode;

    ListOrderStatus(final int fixCode)
    {
        this.fixCode = fixCode;
    }

    /**
     * @return FIX ListOrderStatus(431).
     */
    public int fixCode()
    {
        return fixCode;
    }
}
