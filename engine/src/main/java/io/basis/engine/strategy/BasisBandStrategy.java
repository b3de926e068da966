package io.basis.engine.strategy;

import io.basis.engine.order.ProgramDirection;
import io.basis.engine.pricing.BasketValuation;
import io.basis.engine.pricing.FairValue;

/**
 * Trades when the executable basis leaves a band around the theoretical basis {@code B* = F* − S}: cash-and-carry
 * when {@code F_bid,exec − S_ask,exec > B* + halfWidth}, reverse when {@code F_ask,exec − S_bid,exec <
 * B* − halfWidth}, each only while the net position in programs stays within its limit. The half-width stands in
 * for the costs of the trade until the no-arbitrage bounds replace it.
 */
public final class BasisBandStrategy
{
    private final double halfWidth;
    private final int maxNetPrograms;
    private double upper;
    private double lower;

    /**
     * @param halfWidth      half-width of the band, index points.
     * @param maxNetPrograms largest net position, in programs, in either direction.
     */
    public BasisBandStrategy(final double halfWidth, final int maxNetPrograms)
    {
        if (!(halfWidth >= 0.0) || maxNetPrograms < 0)
        {
            throw new IllegalArgumentException("band half-width and program limit must not be negative");
        }
        this.halfWidth = halfWidth;
        this.maxNetPrograms = maxNetPrograms;
    }

    /**
     * Decide on the current valuation.
     *
     * @param valuation   a valid valuation.
     * @param fairValue   the carry model.
     * @param netPrograms programs held: cash-and-carry minus reverse.
     * @return the trade to make, or null for none.
     */
    public ProgramDirection decide(final BasketValuation valuation, final FairValue fairValue, final long netPrograms)
    {
        final double center = fairValue.theoreticalBasis(valuation.indexMid());
        upper = center + halfWidth;
        lower = center - halfWidth;
        if (valuation.basisCashAndCarry() > upper && netPrograms < maxNetPrograms)
        {
            return ProgramDirection.CASH_AND_CARRY;
        }
        if (valuation.basisReverse() < lower && netPrograms > -maxNetPrograms)
        {
            return ProgramDirection.REVERSE;
        }
        return null;
    }

    /**
     * @return upper edge of the band at the last decision, points.
     */
    public double upper()
    {
        return upper;
    }

    /**
     * @return lower edge of the band at the last decision, points.
     */
    public double lower()
    {
        return lower;
    }
}
