package io.basis.backtest;

import io.basis.backtest.report.CostBreakdown;
import io.basis.backtest.report.View;
import io.basis.backtest.report.ViewResult;
import io.basis.engine.refdata.Costs;
import io.basis.engine.refdata.Rates;

/**
 * The books of one view over one cycle: positions, what they made valued at mid prices (gross), and every cost
 * beside it, so that net = gross − costs equals the cash the view's trades really made. The impact is what the fills
 * paid beyond the mid (the spread, the walk down the book, the queue), signed: a passive fill better than the mid
 * earns it back.
 */
final class ViewLedger
{
    private final View view;
    private final double[] multiplier;
    private final boolean[] stock;
    private final long[] position;
    private double grossCash;
    private double stockCommission;
    private double futuresCommission;
    private double tax;
    private double impact;
    private double financing;
    private double borrow;
    private long contractsTraded;
    private double maxUnhedgedExposure;

    ViewLedger(final View view, final double[] multiplier, final boolean[] stock)
    {
        this.view = view;
        this.multiplier = multiplier;
        this.stock = stock;
        this.position = new long[multiplier.length];
    }

    /**
     * @param id       instrument.
     * @param buy      side.
     * @param quantity shares or contracts.
     * @param price    traded price.
     * @param mid      the mid when it traded.
     * @param costs    the costs in force on the day of the trade (the sell tax of the day of the sale).
     */
    void trade(final int id, final boolean buy, final long quantity, final double price, final double mid,
        final Costs costs)
    {
        final double sign = buy ? 1 : -1;
        final double m = multiplier[id];
        position[id] += buy ? quantity : -quantity;
        grossCash -= sign * quantity * mid * m;
        impact += sign * quantity * (price - mid) * m;
        final double notional = quantity * price * m;
        if (!stock[id])
        {
            contractsTraded += quantity;
        }
        if (costs == null)
        {
            return;
        }
        if (stock[id])
        {
            stockCommission += costs.stockCommission() * notional;
            tax += (buy ? costs.buyTax() : costs.sellTax()) * notional;
        }
        else
        {
            futuresCommission += costs.futuresCommission() * notional;
        }
    }

    /**
     * Nights held: a bought basket is financed at the borrowing rate, a sold one earns the lending rate on its
     * proceeds and pays the borrow fee on what was sold short.
     *
     * @param days  calendar days to the next trading day.
     * @param mids  mid by instrument id.
     * @param rates rates in force.
     * @param costs costs in force.
     */
    void overnight(final int days, final double[] mids, final Rates rates, final Costs costs)
    {
        if (costs == null)
        {
            return;
        }
        for (int id = 0; id < position.length; id++)
        {
            if (!stock[id] || position[id] == 0)
            {
                continue;
            }
            final double notional = position[id] * mids[id] * days / 365.0;
            if (notional > 0)
            {
                financing += notional * rates.borrowRate();
            }
            else
            {
                financing += notional * rates.lendRate();
                borrow -= notional * costs.borrowFee();
            }
        }
    }

    /**
     * A dividend going ex: a holder receives it, a short seller pays it.
     */
    void dividend(final int id, final double perShare)
    {
        grossCash += position[id] * perShare;
    }

    /**
     * The future's final settlement: the position closes at the settlement price, in cash.
     */
    void settle(final int id, final double price)
    {
        grossCash += position[id] * price * multiplier[id];
        position[id] = 0;
    }

    long position(final int id)
    {
        return position[id];
    }

    /**
     * Record the exposure the basket and the future leave unhedged between them, at mids.
     */
    void markExposure(final double[] mids)
    {
        double exposure = 0;
        for (int id = 0; id < position.length; id++)
        {
            exposure += position[id] * mids[id] * multiplier[id];
        }
        maxUnhedgedExposure = Math.max(maxUnhedgedExposure, Math.abs(exposure));
    }

    /**
     * @param mids mid by instrument id.
     * @return net of costs, with open positions valued at the mids.
     */
    double netMarked(final double[] mids)
    {
        double value = grossCash;
        for (int id = 0; id < position.length; id++)
        {
            value += position[id] * mids[id] * multiplier[id];
        }
        return value - costs().total();
    }

    View view()
    {
        return view;
    }

    CostBreakdown costs()
    {
        return new CostBreakdown(stockCommission, futuresCommission, tax, impact, financing, borrow);
    }

    ViewResult result(final int entries, final int exits, final int unwinds, final double leggedMillis)
    {
        final CostBreakdown costs = costs();
        return new ViewResult(view, entries, exits, unwinds, contractsTraded, grossCash, costs,
            grossCash - costs.total(), maxUnhedgedExposure, leggedMillis);
    }
}
