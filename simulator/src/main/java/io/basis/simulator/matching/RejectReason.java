package io.basis.simulator.matching;

/**
 * Why the exchange refused a new order, with its FIX OrdRejReason(103) code.
 */
public enum RejectReason
{
    /** The symbol is not listed. */
    UNKNOWN_SYMBOL(1),
    /** The ClOrdID was already used in this session. */
    DUPLICATE_ORDER(6),
    /** Quantity not positive, not a lot multiple or too large. */
    INCORRECT_QUANTITY(13),
    /** Anything else; the text says what (tick grid, daily limit, unsupported type). */
    OTHER(99);

    private final int fixCode;

    RejectReason(final int fixCode)
    {
        this.fixCode = fixCode;
    }

    /**
     * @return the FIX OrdRejReason(103) code.
     */
    public int fixCode()
    {
        return fixCode;
    }
}
