package io.basis.engine.pricing;

import io.basis.engine.snapshot.sbe.ValuationStateDecoder;
import io.basis.engine.snapshot.sbe.ValuationStateEncoder;
import io.basis.engine.refdata.Costs;
import io.basis.engine.refdata.Rates;

/**
 * The band outside which an index arbitrage held to expiry makes money after every cost:
 * <pre>
 * F_upper = S_ask·(1 + r_b·τ) − D_FV + S·(2c_s + x_sell + x_buy + m_in + m_out) + 2F·c_f + s_f + TE
 * F_lower = S_bid·(1 + r_l·τ) − D_FV − S·(2c_s + x_sell + x_buy + m_in + m_out + b·τ) − 2F·c_f − s_f − TE
 * </pre>
 * with {@code S_ask}, {@code S_bid} the executable index levels for the size traded, {@code S} and {@code F} the
 * index and future at mid. Cash-and-carry pays when {@code F_bid,exec > F_upper}, reverse when
 * {@code F_ask,exec < F_lower}. The borrow fee applies only to a reverse trade that sells borrowed stock.
 * Every term is kept so that a desk can see what the band is made of. Garbage-free: results are fields.
 */
public final class NoArbitrageBounds
{
    private final Costs costs;
    private final Rates rates;
    private final double yearFraction;
    private final double dividends;

    private double upper;
    private double lower;
    private double financingCashAndCarry;
    private double financingReverse;
    private double basketCosts;
    private double borrowCost;
    private double futuresCosts;

    /**
     * @param costs        costs in force.
     * @param rates        rates in force.
     * @param yearFraction τ.
     * @param dividends    D_FV, points.
     */
    public NoArbitrageBounds(final Costs costs, final Rates rates, final double yearFraction, final double dividends)
    {
        this.costs = costs;
        this.rates = rates;
        this.yearFraction = yearFraction;
        this.dividends = dividends;
    }

    /**
     * Compute both bounds.
     *
     * @param indexMid      S, points.
     * @param indexAskExec  S_ask, executable buy level of the basket, points.
     * @param indexBidExec  S_bid, executable sell level of the basket, points.
     * @param futureMid     F, points.
     * @param borrowNeeded  true if a reverse trade would sell borrowed stock (pays the borrow fee).
     */
    public void compute(
        final double indexMid,
        final double indexAskExec,
        final double indexBidExec,
        final double futureMid,
        final boolean borrowNeeded)
    {
        financingCashAndCarry = indexAskExec * rates.borrowRate() * yearFraction;
        financingReverse = indexBidExec * rates.lendRate() * yearFraction;
        basketCosts = indexMid * costs.basketRoundTrip();
        borrowCost = borrowNeeded ? indexMid * costs.borrowFee() * yearFraction : 0.0;
        futuresCosts = 2 * futureMid * costs.futuresCommission();
        final double fixed = futuresCosts + costs.futuresSlippage() + costs.trackingError();
        upper = indexAskExec + financingCashAndCarry - dividends + basketCosts + fixed;
        lower = indexBidExec + financingReverse - dividends - basketCosts - borrowCost - fixed;
    }

    /**
     * @return F_upper, points.
     */
    public double upper()
    {
        return upper;
    }

    /**
     * @return F_lower, points.
     */
    public double lower()
    {
        return lower;
    }

    /**
     * @return {@code S_ask·r_b·τ}, points.
     */
    public double financingCashAndCarry()
    {
        return financingCashAndCarry;
    }

    /**
     * @return {@code S_bid·r_l·τ}, points.
     */
    public double financingReverse()
    {
        return financingReverse;
    }

    /**
     * @return {@code S·(2c_s + x_sell + x_buy + m_in + m_out)}, points.
     */
    public double basketCosts()
    {
        return basketCosts;
    }

    /**
     * @return {@code S·b·τ} when borrowing, else 0, points.
     */
    public double borrowCost()
    {
        return borrowCost;
    }

    /**
     * @return {@code 2F·c_f}, points.
     */
    public double futuresCosts()
    {
        return futuresCosts;
    }

    /**
     * @return D_FV, points.
     */
    public double dividends()
    {
        return dividends;
    }

    /**
     * @return costs in force.
     */
    public Costs costs()
    {
        return costs;
    }

    /**
     * Write the last computed bounds to a valuation snapshot.
     *
     * @param encoder the valuation's message, being written.
     */
    void snapshotTo(final ValuationStateEncoder encoder)
    {
        encoder.upper(upper)
            .lower(lower)
            .financingCashAndCarry(financingCashAndCarry)
            .financingReverse(financingReverse)
            .basketCosts(basketCosts)
            .borrowCost(borrowCost)
            .futuresCosts(futuresCosts);
    }

    /**
     * Load the last computed bounds from a valuation snapshot.
     *
     * @param decoder the valuation's message.
     */
    void restoreFrom(final ValuationStateDecoder decoder)
    {
        upper = decoder.upper();
        lower = decoder.lower();
        financingCashAndCarry = decoder.financingCashAndCarry();
        financingReverse = decoder.financingReverse();
        basketCosts = decoder.basketCosts();
        borrowCost = decoder.borrowCost();
        futuresCosts = decoder.futuresCosts();
    }
}
