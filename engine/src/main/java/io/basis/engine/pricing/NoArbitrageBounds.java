package io.basis.engine.pricing;

import io.basis.engine.snapshot.sbe.ValuationStateDecoder;
import io.basis.engine.snapshot.sbe.ValuationStateEncoder;
import io.basis.engine.refdata.Costs;
import io.basis.engine.refdata.Rates;

/**
 * The band outside which an index arbitrage held to expiry makes money after every cost:
 * <pre>
 * F_upper = S_ask·(1 + r_b·τ) − D_FV + S·(2c_s + x_sell(T) + x_buy + m_in + m_out) + 2F·c_f + s_f + TE
 * F_lower = S_bid·(1 + r_l·τ) − D_FV − S·(2c_s + x_sell + x_buy(T) + m_in + m_out + b·τ) − 2F·c_f − s_f − TE
 * </pre>
 * with {@code S_ask}, {@code S_bid} the executable index levels for the size traded, {@code S} and {@code F} the
 * index and future at mid. Cash-and-carry pays when {@code F_bid,exec > F_upper}, reverse when
 * {@code F_ask,exec < F_lower}. The borrow fee applies only to a reverse trade that sells borrowed stock.
 * <p>
 * A tax is due at the rate in force on the date of the trade it taxes: a cash-and-carry buys its basket today and
 * sells it on the future's last trading day {@code T}, so its sell tax {@code x_sell(T)} is that day's (a December
 * 2025 entry into a March 2026 contract sells at 2026's Korean rate); a reverse sells today at today's rate and
 * buys back at {@code T}'s buy tax. Commissions, impact, slippage, the borrow fee and the tracking-error buffer are
 * the desk's estimates in force today. {@code s_f} is per side: the future trades once, at entry, and cash-settles.
 * Every term is kept so that a desk can see what the band is made of. Garbage-free: results are fields.
 */
public final class NoArbitrageBounds
{
    private final Costs costs;
    private final Costs expiryCosts;
    private final Rates rates;
    private final double yearFraction;
    private final double dividends;

    private double upper;
    private double lower;
    private double financingCashAndCarry;
    private double financingReverse;
    private double basketCostsCashAndCarry;
    private double basketCostsReverse;
    private double borrowCost;
    private double futuresCosts;

    /**
     * @param costs        costs in force on the trading date.
     * @param expiryCosts  costs in force on the future's last trading day, when a basket held to expiry is unwound:
     *                     only its taxes are used.
     * @param rates        rates in force.
     * @param yearFraction τ.
     * @param dividends    D_FV, points.
     */
    public NoArbitrageBounds(
        final Costs costs, final Costs expiryCosts, final Rates rates, final double yearFraction, final double dividends)
    {
        this.costs = costs;
        this.expiryCosts = expiryCosts;
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
        basketCostsCashAndCarry = indexMid * costs.basketCashAndCarry(expiryCosts);
        basketCostsReverse = indexMid * costs.basketReverse(expiryCosts);
        borrowCost = borrowNeeded ? indexMid * costs.borrowFee() * yearFraction : 0.0;
        futuresCosts = 2 * futureMid * costs.futuresCommission();
        final double fixed = futuresCosts + costs.futuresSlippage() + costs.trackingError();
        upper = indexAskExec + financingCashAndCarry - dividends + basketCostsCashAndCarry + fixed;
        lower = indexBidExec + financingReverse - dividends - basketCostsReverse - borrowCost - fixed;
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
     * @return the cash-and-carry's basket costs {@code S·(2c_s + x_sell(T) + x_buy + m_in + m_out)}, points.
     */
    public double basketCostsCashAndCarry()
    {
        return basketCostsCashAndCarry;
    }

    /**
     * @return the reverse trade's basket costs {@code S·(2c_s + x_sell + x_buy(T) + m_in + m_out)}, points.
     */
    public double basketCostsReverse()
    {
        return basketCostsReverse;
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
     * @return costs in force on the trading date: what a trade made today pays.
     */
    public Costs costs()
    {
        return costs;
    }

    /**
     * @return costs in force on the future's last trading day, whose taxes a basket held to expiry pays when it is
     *         unwound.
     */
    public Costs expiryCosts()
    {
        return expiryCosts;
    }

    /**
     * @return rates in force.
     */
    public Rates rates()
    {
        return rates;
    }

    /**
     * @return τ.
     */
    public double yearFraction()
    {
        return yearFraction;
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
            .basketCostsCashAndCarry(basketCostsCashAndCarry)
            .basketCostsReverse(basketCostsReverse)
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
        basketCostsCashAndCarry = decoder.basketCostsCashAndCarry();
        basketCostsReverse = decoder.basketCostsReverse();
        borrowCost = decoder.borrowCost();
        futuresCosts = decoder.futuresCosts();
    }
}
