package io.basis.engine.pricing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Cost-of-carry fair value of the index future, {@code F* = S·(1 + r·τ) − D_FV}, with {@code τ} the ACT/365
 * year fraction from stock settlement to the future's final settlement.
 */
public final class FairValue
{
    private final double rate;
    private final double yearFraction;
    private final double dividendsFutureValue;

    /**
     * @param rate                 money-market rate r (0.035 for 3.5%).
     * @param stockSettlement      settlement date of stocks bought today (T+2 in Korea).
     * @param futureSettlement     final settlement date of the future.
     * @param dividendsFutureValue dividends going ex before settlement, carried to it, in index points.
     */
    public FairValue(
        final double rate,
        final LocalDate stockSettlement,
        final LocalDate futureSettlement,
        final double dividendsFutureValue)
    {
        final long days = ChronoUnit.DAYS.between(stockSettlement, futureSettlement);
        if (days <= 0)
        {
            throw new IllegalArgumentException(
                "days to expiry must be positive: stocks settle " + stockSettlement + ", future " + futureSettlement);
        }
        this.rate = rate;
        this.yearFraction = days / 365.0;
        this.dividendsFutureValue = dividendsFutureValue;
    }

    /**
     * @return τ, the ACT/365 year fraction.
     */
    public double yearFraction()
    {
        return yearFraction;
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
     * @param index cash index S, points.
     * @return theoretical basis {@code B* = F* − S}, points.
     */
    public double theoreticalBasis(final double index)
    {
        return fairValue(index) - index;
    }
}
