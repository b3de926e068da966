package io.basis.engine.pricing;

import io.basis.engine.refdata.Constituent;
import io.basis.engine.refdata.Dividend;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Dividends the future's buyer forgoes, in index points, valued at the future's final settlement:
 * {@code D_j = d_j·N_j·f_j·c_j / Divisor} for each dividend going ex in {@code (t, T]}, carried to T at the
 * money-market rate when paid on or before T ({@code D_j·(1 + r·(T − p_j)/365)}) and discounted to T when paid
 * after it ({@code D_j / (1 + r·(p_j − T)/365)}).
 */
public final class DividendSchedule
{
    private final double futureValuePoints;
    private final int count;
    private final double largestYield;

    /**
     * @param referenceData constituents and dividends.
     * @param tradeDate     t: dividends going ex on or before it are already out of the index.
     * @param settlement    T: the future's final settlement.
     * @param rate          money-market rate r.
     */
    public DividendSchedule(
        final ReferenceData referenceData, final LocalDate tradeDate, final LocalDate settlement, final double rate)
    {
        double total = 0;
        int counted = 0;
        double largest = 0;
        for (final Dividend dividend : referenceData.dividends())
        {
            if (!dividend.exDate().isAfter(tradeDate) || dividend.exDate().isAfter(settlement))
            {
                continue;
            }
            final Constituent constituent = constituent(referenceData, dividend);
            final double points = Prices.toDouble(dividend.perShare()) *
                constituent.sharesPerPoint(referenceData.divisor());
            final long days = ChronoUnit.DAYS.between(dividend.payDate(), settlement);
            total += days >= 0 ? points * (1 + rate * days / 365.0) : points / (1 + rate * -days / 365.0);
            counted++;
            largest = Math.max(largest, (double)dividend.perShare() / dividend.instrument().prevClose());
        }
        futureValuePoints = total;
        count = counted;
        largestYield = largest;
    }

    private static Constituent constituent(final ReferenceData referenceData, final Dividend dividend)
    {
        for (final Constituent constituent : referenceData.constituents())
        {
            if (constituent.instrument() == dividend.instrument())
            {
                return constituent;
            }
        }
        throw new IllegalStateException("dividend of a non-constituent: " + dividend.instrument().symbol());
    }

    /**
     * @return D_FV, index points at the future's settlement.
     */
    public double futureValuePoints()
    {
        return futureValuePoints;
    }

    /**
     * @return dividends going ex inside the window.
     */
    public int count()
    {
        return count;
    }

    /**
     * @return the largest dividend in the window as a fraction of its stock's previous close.
     */
    public double largestYield()
    {
        return largestYield;
    }
}
