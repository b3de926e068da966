package io.basis.engine.pricing;

/**
 * Embedding code's view of every revaluation, called on the engine thread right after a book update has been
 * valued and before the strategy decides. The view is only valid during the call; an implementation must not
 * block or allocate if it wants the engine to stay garbage-free.
 */
@FunctionalInterface
public interface ValuationListener
{
    /**
     * @param instrumentId the instrument whose book changed.
     * @param valuation    the current valuation.
     */
    void onValuation(int instrumentId, ValuationView valuation);
}
