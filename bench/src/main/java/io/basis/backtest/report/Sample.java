package io.basis.backtest.report;

/**
 * Whether a cycle's result was traded with parameters fitted on that cycle itself (in-sample) or only on earlier
 * cycles (out-of-sample, the walk-forward result that counts).
 */
public enum Sample
{
    /** Traded with parameters fitted on data that includes this cycle. */
    IN_SAMPLE,
    /** Traded with parameters fitted on earlier cycles only. */
    OUT_OF_SAMPLE
}
