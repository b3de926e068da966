package io.basis.engine.quote;

import io.basis.engine.pricing.NoArbitrageBounds;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.refdata.Costs;

/**
 * What one side of the no-arbitrage band is made of, each term in index points, measured from the index at mid less
 * the dividends: {@code F_upper = S − D_FV + total} for cash-and-carry, {@code F_lower = S − D_FV − total} for a
 * reverse trade. A positive term moves the bound away from the trade; the reverse's financing is the interest its
 * sale proceeds earn, so it is negative.
 *
 * @param bookWalk          walking the visible books for the size: {@code S_ask − S} buying, {@code S − S_bid} selling.
 * @param stockCommission   both stock legs' commission, {@code 2S·c_s}.
 * @param tax               both stock legs' taxes, each at the rate of its own date: {@code S·(x_buy + x_sell(T))}
 *                          for cash-and-carry, {@code S·(x_sell + x_buy(T))} for reverse, T the last trading day.
 * @param impact            impact beyond the walked book, entering and leaving: {@code S·(m_in + m_out)}.
 * @param futuresCommission {@code 2F·c_f}.
 * @param futuresSlippage   {@code s_f}, one futures execution.
 * @param financing         {@code S_ask·r_b·τ} paid on a bought basket, or {@code −S_bid·r_l·τ} earned on a sold one.
 * @param borrowFee         {@code S·b·τ} for a reverse that sells borrowed stock, else 0.
 * @param trackingError     the tracking-error buffer TE.
 */
public record BandCosts(
    double bookWalk,
    double stockCommission,
    double tax,
    double impact,
    double futuresCommission,
    double futuresSlippage,
    double financing,
    double borrowFee,
    double trackingError)
{
    /**
     * @param valuation a valid valuation.
     * @return the upper bound's terms.
     */
    public static BandCosts cashAndCarry(final Valuation valuation)
    {
        final NoArbitrageBounds bounds = valuation.bounds();
        final Costs today = bounds.costs();
        final double index = valuation.indexMid();
        return new BandCosts(
            valuation.indexAskExec() - index,
            index * 2 * today.stockCommission(),
            index * (today.buyTax() + bounds.expiryCosts().sellTax()),
            index * (today.impactIn() + today.impactOut()),
            bounds.futuresCosts(),
            today.futuresSlippage(),
            bounds.financingCashAndCarry(),
            0.0,
            today.trackingError());
    }

    /**
     * @param valuation a valid valuation.
     * @return the lower bound's terms.
     */
    public static BandCosts reverse(final Valuation valuation)
    {
        final NoArbitrageBounds bounds = valuation.bounds();
        final Costs today = bounds.costs();
        final double index = valuation.indexMid();
        return new BandCosts(
            index - valuation.indexBidExec(),
            index * 2 * today.stockCommission(),
            index * (today.sellTax() + bounds.expiryCosts().buyTax()),
            index * (today.impactIn() + today.impactOut()),
            bounds.futuresCosts(),
            today.futuresSlippage(),
            -bounds.financingReverse(),
            bounds.borrowCost(),
            today.trackingError());
    }

    /**
     * @return the sum of the terms: the bound's distance from {@code S − D_FV}, points.
     */
    public double total()
    {
        return bookWalk + stockCommission + tax + impact + futuresCommission + futuresSlippage + financing +
            borrowFee + trackingError;
    }
}
