package io.basis.simulator.fix;

/**
 * What a FIX session is for; the acceptor listens on one port per role.
 */
public enum SessionRole
{
    /** NewOrderSingle and OrderCancelRequest in, ExecutionReport and OrderCancelReject out. */
    ORDER_ENTRY,

    /** MarketDataRequest in, snapshots, incremental refreshes and request rejects out. */
    MARKET_DATA
}
