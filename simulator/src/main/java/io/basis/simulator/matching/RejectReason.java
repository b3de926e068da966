package io.basis.simulator.matching;

/**
 * Why the exchange refused a new order, with its FIX OrdRejReason(103) code.
 */
public enum RejectReason
{
    /** The exchange chose to refuse it: injected random rejects. */
    EXCHANGE_OPTION(0),
    /** The symbol is not listed. */
    UNKNOWN_SYMBOL(1),
    /** The market or the instrument does not trade now: halted, circuit breaker, closed. */
    EXCHANGE_CLOSED(2),
    /** Too late for the order: an at-the-close order after the closing auction started, etc. */
    TOO_LATE_TO_ENTER(4),
    /** The ClOrdID was already used in this session. */
    DUPLICATE_ORDER(6),
    /** Quantity not positive, not a lot multiple or too large. */
    INCORRECT_QUANTITY(13),
    /** Anything else; the text says what (tick grid, daily limit, unsupported type, sidecar). */
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
