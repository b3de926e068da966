package io.basis.backtest.report;

import static io.basis.backtest.report.Checks.finite;

/**
 * What trading cost, by kind, in the report's currency; each a positive amount paid.
 *
 * @param stockCommission   commissions on the basket's stock orders.
 * @param futuresCommission commissions (and per-side slippage allowance) on the futures orders.
 * @param tax               transaction tax on stock sales, at the rate in force on the day of each sale.
 * @param impact            market impact beyond the walked book.
 * @param financing         cost of carrying the position: funding a long basket or the short's proceeds.
 * @param borrow            stock borrow fees for a short basket.
 */
public record CostBreakdown(double stockCommission, double futuresCommission, double tax, double impact,
    double financing, double borrow)
{
    /** No cost at all, the start of a sum. */
    public static final CostBreakdown ZERO = new CostBreakdown(0, 0, 0, 0, 0, 0);

    /**
     * Every cost must be a finite number: a NaN or infinity would have no place in the report's JSON or totals.
     */
    public CostBreakdown
    {
        finite("CostBreakdown", "stockCommission", stockCommission);
        finite("CostBreakdown", "futuresCommission", futuresCommission);
        finite("CostBreakdown", "tax", tax);
        finite("CostBreakdown", "impact", impact);
        finite("CostBreakdown", "financing", financing);
        finite("CostBreakdown", "borrow", borrow);
    }

    /**
     * @return the sum of every kind of cost.
     */
    public double total()
    {
        return stockCommission + futuresCommission + tax + impact + financing + borrow;
    }

    /**
     * @param other costs to add.
     * @return each kind summed with the other's.
     */
    public CostBreakdown plus(final CostBreakdown other)
    {
        return new CostBreakdown(stockCommission + other.stockCommission, futuresCommission + other.futuresCommission,
            tax + other.tax, impact + other.impact, financing + other.financing, borrow + other.borrow);
    }
}
