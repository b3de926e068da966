package io.basis.backtest.report;

import java.util.Objects;

import static io.basis.backtest.report.Checks.finite;
import static io.basis.backtest.report.Checks.nonNegative;

/**
 * What one view of the market made of one cycle (or of a sum of cycles, see {@link #combine(ViewResult)}).
 * Amounts are in the report's currency.
 *
 * @param view                which view.
 * @param entries             programs that opened a position.
 * @param exits               programs that closed a position at the exit level.
 * @param unwinds             programs that closed a position at expiry.
 * @param contractsTraded     futures contracts traded, both sides counted.
 * @param grossPnl            realised P&amp;L before costs.
 * @param costs               what trading cost, by kind.
 * @param netPnl              realised P&amp;L after costs.
 * @param maxUnhedgedExposure the largest notional held without its hedge, while legging.
 * @param leggedMillis        total time spent legged (some legs filled, the others not), milliseconds.
 */
public record ViewResult(View view, int entries, int exits, int unwinds, long contractsTraded, double grossPnl,
    CostBreakdown costs, double netPnl, double maxUnhedgedExposure, double leggedMillis)
{
    /**
     * Checks that nothing is missing, that the counts are counts and that the amounts are finite (exposure and
     * legged time not negative).
     */
    public ViewResult
    {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(costs, "costs");
        if (entries < 0 || exits < 0 || unwinds < 0 || contractsTraded < 0)
        {
            throw new IllegalArgumentException("view " + view + ": entries, exits, unwinds and contracts traded " +
                "cannot be negative: " + entries + ", " + exits + ", " + unwinds + ", " + contractsTraded);
        }
        finite("ViewResult " + view, "grossPnl", grossPnl);
        finite("ViewResult " + view, "netPnl", netPnl);
        nonNegative("ViewResult " + view, "maxUnhedgedExposure", maxUnhedgedExposure);
        nonNegative("ViewResult " + view, "leggedMillis", leggedMillis);
    }

    /**
     * A result whose net P&amp;L is its gross less its costs' total.
     *
     * @return a result with {@code netPnl = grossPnl - costs.total()}.
     */
    public static ViewResult of(final View view, final int entries, final int exits, final int unwinds,
        final long contractsTraded, final double grossPnl, final CostBreakdown costs,
        final double maxUnhedgedExposure, final double leggedMillis)
    {
        return new ViewResult(view, entries, exits, unwinds, contractsTraded, grossPnl, costs,
            grossPnl - costs.total(), maxUnhedgedExposure, leggedMillis);
    }

    /**
     * @param view which view.
     * @return a result with nothing traded, the start of a sum.
     */
    public static ViewResult empty(final View view)
    {
        return new ViewResult(view, 0, 0, 0, 0, 0, CostBreakdown.ZERO, 0, 0, 0);
    }

    /**
     * The total of two results of the same view: counts, P&amp;L, costs and legged time add up; the exposure is
     * the larger of the two, as the two were not held at once.
     *
     * @param other a result of the same view.
     * @return the total.
     */
    public ViewResult combine(final ViewResult other)
    {
        if (other.view != view)
        {
            throw new IllegalArgumentException("cannot add a " + other.view + " result to a " + view + " result");
        }
        return new ViewResult(view, entries + other.entries, exits + other.exits, unwinds + other.unwinds,
            contractsTraded + other.contractsTraded, grossPnl + other.grossPnl, costs.plus(other.costs),
            netPnl + other.netPnl, Math.max(maxUnhedgedExposure, other.maxUnhedgedExposure),
            leggedMillis + other.leggedMillis);
    }
}
