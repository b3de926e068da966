package io.basis.simulator.marketdata;

/**
 * Receives published updates, e.g. to render them as FIX incremental refreshes.
 */
@FunctionalInterface
public interface MarketDataSink
{
    /**
     * @param update one instrument's changes.
     */
    void onIncremental(IncrementalUpdate update);
}
