package io.basis.engine.pricing;

/**
 * Cost-of-carry fair value of the index future, {@code F* = S·(1 + r·τ) − D_FV}, with {@code τ} the ACT/365
 * year fraction from stock settlement to the future's final settlement and {@code D_FV} the dividends going ex
 * before settlement, valued at settlement ({@link DividendSchedule}).
 */
public final class FairValue
{
    private final double rate;
    private final double yearFraction;
    private final double dividendsFutureValue;
    private final double largestDividendYield;

    /**
     * @param rate                 money-market rate r (0.035 for 3.5%).
     * @param yearFraction         τ.
     * @param dividendsFutureValue D_FV, index points.
     * @param largestDividendYield the largest dividend in the window against its stock's price, for sanity checks.
     */
    public FairValue(
        final double rate,
        final double yearFraction,
        final double dividendsFutureValue,
        final double largestDividendYield)
    {
        this.rate = rate;
        this.yearFraction = yearFraction;
        this.dividendsFutureValue = dividendsFutureValue;
        this.largestDividendYield = largestDividendYield;
    }

    /**
     * @return τ, the ACT/365 year fraction.
     */
    public double yearFraction()
    {
        return yearFraction;
    }

    /**
     * @return D_FV, index points.
     */
    public double dividendsFutureValue()
    {
        return dividendsFutureValue;
    }

    /**
     * @return the largest dividend in the window as a fraction of its stock's previous close.
     */
    public double largestDividendYield()
    {
        return largestDividendYield;
    }

    /**
     * @return r, the money-market rate.
     */
    public double rate()
    {
        return rate;
    }

    /**
     * @param index cash index S, points.
     * @return F*, points.
     */
    public double fairValue(final double index)
    {
        return index * (1.0 + rate * yearFraction) - dividendsFutureValue;
    }

    /**
     * Contracts that hedge n contracts' worth of basket once daily variation margin is earned or paid on the
     * hedge: {@code n / (1 + r·τ)}.
     *
     * @param contracts n.
     * @return the tailed hedge, fractional.
     */
    public double tailedHedge(final long contracts)
    {
        return contracts / (1.0 + rate * yearFraction);
    }
}
