package io.basis.backtest.report;

import java.time.LocalDate;
import java.util.Arrays;

import static io.basis.backtest.report.Checks.present;

/**
 * The out-of-sample equity curve at the close of one trading day: cumulative net P&amp;L per view since the first
 * out-of-sample day, in the report's currency.
 *
 * @param day              the trading day.
 * @param cycle            the cycle the day belongs to.
 * @param cumulativeNetPnl cumulative net P&amp;L indexed by {@link View#ordinal()}, one entry per view. Copied in
 *                         and out: the record stays immutable.
 */
public record EquityPoint(LocalDate day, int cycle, double[] cumulativeNetPnl)
{
    /**
     * One finite value per view.
     */
    public EquityPoint
    {
        present("EquityPoint", "day", day);
        cumulativeNetPnl = present("EquityPoint", "cumulativeNetPnl", cumulativeNetPnl).clone();
        if (cumulativeNetPnl.length != View.values().length)
        {
            throw new IllegalArgumentException("EquityPoint " + day + ": cumulativeNetPnl needs one value per view (" +
                View.values().length + "), has " + cumulativeNetPnl.length);
        }
        for (final double value : cumulativeNetPnl)
        {
            if (!Double.isFinite(value))
            {
                throw new IllegalArgumentException("EquityPoint " + day + ": cumulativeNetPnl must be finite, has " +
                    value);
            }
        }
    }

    /**
     * @return a copy of the cumulative net P&amp;L per view.
     */
    @Override
    public double[] cumulativeNetPnl()
    {
        return cumulativeNetPnl.clone();
    }

    /**
     * @param view a view.
     * @return that view's cumulative net P&amp;L at the close of the day.
     */
    public double netPnl(final View view)
    {
        return cumulativeNetPnl[view.ordinal()];
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof EquityPoint that && cycle == that.cycle && day.equals(that.day) &&
            Arrays.equals(cumulativeNetPnl, that.cumulativeNetPnl);
    }

    @Override
    public int hashCode()
    {
        return 31 * (31 * day.hashCode() + cycle) + Arrays.hashCode(cumulativeNetPnl);
    }

    @Override
    public String toString()
    {
        return "EquityPoint[day=" + day + ", cycle=" + cycle + ", cumulativeNetPnl=" +
            Arrays.toString(cumulativeNetPnl) + "]";
    }
}
