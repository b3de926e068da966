package io.basis.engine.strategy;

import io.basis.engine.order.ProgramDirection;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.ValuationView;

/**
 * Trades whenever the executable future clears a no-arbitrage bound by more than a threshold: cash-and-carry when
 * {@code F_bid,exec − F_upper > threshold}, reverse when {@code F_lower − F_ask,exec > threshold}, each only while
 * the net position in programs stays within its limit and only on a valid model.
 */
public final class EdgeStrategy implements Strategy
{
    private final double threshold;
    private final int maxNetPrograms;

    /**
     * @param threshold      edge beyond the bound required to trade, index points (0 trades on any positive edge).
     * @param maxNetPrograms largest net position, in programs, in either direction.
     */
    public EdgeStrategy(final double threshold, final int maxNetPrograms)
    {
        if (!(threshold >= 0.0) || maxNetPrograms < 0)
        {
            throw new IllegalArgumentException("edge threshold and program limit must not be negative");
        }
        this.threshold = threshold;
        this.maxNetPrograms = maxNetPrograms;
    }

    @Override
    public ProgramDirection decide(final ValuationView valuation, final long netPrograms, final long nowNs)
    {
        if (valuation.modelState() != ModelState.VALID)
        {
            return null;
        }
        if (valuation.edgeCashAndCarry() > threshold && netPrograms < maxNetPrograms)
        {
            return ProgramDirection.CASH_AND_CARRY;
        }
        if (valuation.edgeReverse() > threshold && netPrograms > -maxNetPrograms)
        {
            return ProgramDirection.REVERSE;
        }
        return null;
    }
}
