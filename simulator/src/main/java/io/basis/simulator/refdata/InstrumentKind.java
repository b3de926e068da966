package io.basis.simulator.refdata;

/**
 * What an instrument is; decides its daily price limit and how the synthetic market prices it.
 */
public enum InstrumentKind
{
    /** A cash equity, a constituent of the index basket. */
    STOCK,

    /** The index future, the hedge leg. */
    FUTURE
}
