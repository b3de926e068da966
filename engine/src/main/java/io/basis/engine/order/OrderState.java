package io.basis.engine.order;

/**
 * Life cycle of a child order, driven only by the exchange's execution reports (and the gateway's rejects).
 */
public enum OrderState
{
    /** Sent, not yet acknowledged. */
    PENDING_NEW(false),
    /** Acknowledged and working. */
    NEW(false),
    /** Working with some quantity filled. */
    PARTIALLY_FILLED(false),
    /** Fully filled. */
    FILLED(true),
    /** Cancel sent, not yet acknowledged. */
    PENDING_CANCEL(false),
    /** Canceled, the rest will never fill. */
    CANCELED(true),
    /** Refused by the gateway, the exchange or the engine before sending. */
    REJECTED(true),
    /** Ended by the exchange (time in force). */
    EXPIRED(true),
    /**
     * The exchange cannot report what became of it (status requests unanswered or unsupported): out of the
     * engine's control, its unfilled rest counted as lost; an operator reconciles it with the venue.
     */
    UNRESOLVED(true);

    private final boolean terminal;

    OrderState(final boolean terminal)
    {
        this.terminal = terminal;
    }

    /**
     * @return true if no further execution report can change the order.
     */
    public boolean isTerminal()
    {
        return terminal;
    }
}
