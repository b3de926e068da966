package io.basis.engine.strategy;

import io.basis.engine.order.ProgramDirection;
import io.basis.engine.pricing.ValuationView;

/**
 * Decides, at every revaluation, whether to open a program. Called on the engine thread; must not allocate.
 */
public interface Strategy
{
    /**
     * @param valuation    the current valuation.
     * @param heldPrograms programs held, from fills: positive after cash-and-carry, negative after reverse.
     * @param nowNs        host clock.
     * @return the trade to make, or null for none.
     */
    ProgramDirection decide(ValuationView valuation, long heldPrograms, long nowNs);
}
