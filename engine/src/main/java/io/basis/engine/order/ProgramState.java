package io.basis.engine.order;

/**
 * A program's state, derived from its legs.
 */
public enum ProgramState
{
    /** Legs working, basket and hedge filled in proportion. */
    WORKING,
    /** Basket and hedge filled out of proportion: an unhedged position exists. */
    LEGGED,
    /** Every leg terminal, basket and hedge filled in proportion. */
    COMPLETE,
    /** Every leg terminal, nothing filled. */
    FAILED
}
