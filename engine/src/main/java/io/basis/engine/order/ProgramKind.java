package io.basis.engine.order;

/**
 * Why a program was opened.
 */
public enum ProgramKind
{
    /** An arbitrage entry or unwind decided by the strategy. */
    ARBITRAGE,
    /** Submitted by an operator or embedding code. */
    MANUAL,
    /** The futures residual of a legged program. */
    HEDGE,
    /** At-the-close orders that liquidate the stock positions for expiry. */
    LIQUIDATION,
    /** Orders a previous run of the engine left at the exchange, adopted from their status reports and cancelled. */
    RECOVERED
}
