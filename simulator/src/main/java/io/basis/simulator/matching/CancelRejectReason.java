package io.basis.simulator.matching;

/**
 * Why a cancel request was refused, with its FIX CxlRejReason(102) code.
 */
public enum CancelRejectReason
{
    /** The order exists but is already filled or canceled. */
    TOO_LATE_TO_CANCEL(0),
    /** No order with that OrigClOrdID in this session. */
    UNKNOWN_ORDER(1),
    /** The exchange will not change the order now (instrument halted). */
    EXCHANGE_OPTION(2),
    /** The request's ClOrdID was already used. */
    DUPLICATE_CLORDID(6),
    /** Anything else, the text says what (new quantity or price invalid). */
    OTHER(99);

    private final int fixCode;

    CancelRejectReason(final int fixCode)
    {
        this.fixCode = fixCode;
    }

    /**
     * @return the FIX CxlRejReason(102) code.
     */
    public int fixCode()
    {
        return fixCode;
    }
}
