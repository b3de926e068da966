package io.basis.simulator.market;

import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Carry;
import io.basis.simulator.refdata.Constituent;
import io.basis.simulator.refdata.Dividend;
import io.basis.simulator.refdata.ReferenceData;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The future's cost-of-carry fair value as the Basis engine computes it from the same reference data, so that the
 * synthetic market's mispricing is a mispricing to the engine too:
 * {@code F* = S·(1 + r·τ) − D_FV}, with {@code τ} the ACT/365 year fraction from stock settlement of the trading
 * date to the future's final settlement T, r the money-market rate in force, and
 * {@code D_FV = Σ D_j·(1 + r·(T − p_j)/365)} (paid on or before T) or {@code Σ D_j / (1 + r·(p_j − T)/365)}
 * (paid after T) over the dividends going ex in {@code (t, T]}, {@code D_j = d_j·N_j·f_j·c_j / divisor} in index
 * points. A bench test pins this to the engine's {@code Valuation.forTradeDate} for every sample set.
 * <p>
 * Past the carry window (stocks bought today would settle after T) the year fraction is taken as zero, where the
 * engine calls the valuation expired: the future then trades at the index less dividends still to go ex.
 */
public final class FairValue
{
    private final double rate;
    private final double yearFraction;
    private final double dividendsFutureValue;

    /**
     * @param rate                 money-market rate r.
     * @param yearFraction         τ, not negative.
     * @param dividendsFutureValue D_FV, index points at T.
     */
    public FairValue(final double rate, final double yearFraction, final double dividendsFutureValue)
    {
        this.rate = rate;
        this.yearFraction = yearFraction;
        this.dividendsFutureValue = dividendsFutureValue;
    }

    /**
     * @param referenceData basket, divisor and carry, loaded for the trading date.
     * @return the fair value model of the trading date.
     */
    public static FairValue of(final ReferenceData referenceData)
    {
        final Carry carry = referenceData.carry();
        final LocalDate tradeDate = referenceData.tradingDate();
        final LocalDate settlement = carry.finalSettlement();
        final long days = ChronoUnit.DAYS.between(carry.stockSettlement(tradeDate), settlement);
        final double divisor = referenceData.index().divisor();
        double dividends = 0;
        for (final Dividend dividend : carry.dividends())
        {
            if (!dividend.exDate().isAfter(tradeDate) || dividend.exDate().isAfter(settlement))
            {
                continue; // Already out of the index, or goes ex after the future has settled.
            }
            final double points = FixedPoint.toDouble(dividend.perShare()) *
                sharesPerPoint(referenceData, dividend, divisor);
            final long daysToSettlement = ChronoUnit.DAYS.between(dividend.payDate(), settlement);
            dividends += daysToSettlement >= 0 ?
                points * (1 + carry.rate() * daysToSettlement / 365.0) :
                points / (1 + carry.rate() * -daysToSettlement / 365.0);
        }
        return new FairValue(carry.rate(), Math.max(0, days) / 365.0, dividends);
    }

    private static double sharesPerPoint(
        final ReferenceData referenceData, final Dividend dividend, final double divisor)
    {
        for (final Constituent constituent : referenceData.basket())
        {
            if (constituent.instrument() == dividend.instrument())
            {
                // Same order of operations as the engine's N·f·c / divisor, so both give the same double.
                return constituent.indexShares() * constituent.floatFactor() * constituent.capFactor() / divisor;
            }
        }
        throw new IllegalStateException("dividend of a non-constituent: " + dividend.instrument().symbol());
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
     * @return r.
     */
    public double rate()
    {
        return rate;
    }

    /**
     * @return τ, ACT/365.
     */
    public double yearFraction()
    {
        return yearFraction;
    }

    /**
     * @return D_FV, index points at the future's final settlement.
     */
    public double dividendsFutureValue()
    {
        return dividendsFutureValue;
    }
}
