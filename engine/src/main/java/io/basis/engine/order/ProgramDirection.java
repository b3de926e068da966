package io.basis.engine.order;

/**
 * The two arbitrage trades.
 */
public enum ProgramDirection
{
    /** The future is rich: buy the basket, sell the future. */
    CASH_AND_CARRY,
    /** The future is cheap: sell the basket, buy the future. */
    REVERSE
}
