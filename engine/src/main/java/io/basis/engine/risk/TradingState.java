package io.basis.engine.risk;

/**
 * What the engine may do.
 */
public enum TradingState
{
    /** Open programs and trade. */
    ACTIVE,
    /** Only orders that reduce a position. */
    REDUCING,
    /** No new orders; working ones are cancelled. */
    HALTED
}
