package io.basis.engine.refdata;

/**
 * Trading costs in force from one {@code effectiveFrom} date of {@code costs.csv}. Proportional costs are fractions
 * of notional per execution ({@code 0.0002} is 2 bp); slippage and the tracking-error buffer are index points.
 * A tax is due at the rate in force on the date of the trade it taxes (see
 * {@link ReferenceData#costsOn(java.time.LocalDate)}).
 *
 * @param stockCommission   stock commission and exchange fees per side, c_s.
 * @param futuresCommission futures commission per side, c_f.
 * @param sellTax           transaction tax on stock sales, x_sell (Korea), at the rate of the sale's date.
 * @param buyTax            transaction tax on stock purchases, x_buy (France, Italy, Spain, UK stamp duty), at the
 *                          rate of the purchase's date.
 * @param impactIn          stock market impact when entering a program, m_in: what the basket's price moves
 *                          <em>beyond</em> the executable price already walked from the visible book, as a fraction.
 * @param impactOut         stock market impact when leaving a program, m_out, also beyond the walked book price.
 * @param futuresSlippage   futures slippage per side, s_f, points: what one futures execution loses beyond the
 *                          executable price. A program held to expiry trades the future once (it cash-settles at
 *                          the final settlement price), so the bounds charge it once; an early exit pays it again.
 * @param borrowFee         stock-borrow fee, b, annual: paid by a reverse trade that sells borrowed stock.
 * @param trackingError     tracking-error buffer, TE, points.
 */
public record Costs(
    double stockCommission,
    double futuresCommission,
    double sellTax,
    double buyTax,
    double impactIn,
    double impactOut,
    double futuresSlippage,
    double borrowFee,
    double trackingError)
{
    /**
     * @return proportional cost of a basket round trip traded wholly at these costs (both legs on dates with the
     *         same row): {@code 2c_s + x_sell + x_buy + m_in + m_out}.
     */
    public double basketRoundTrip()
    {
        return 2 * stockCommission + sellTax + buyTax + impactIn + impactOut;
    }

    /**
     * Proportional cost of a cash-and-carry's basket held to expiry: bought now at these costs, sold at expiry at
     * the sell tax of that date. Summed in the order of {@link #basketRoundTrip()}, so equal to it to the bit when
     * both dates share a row.
     *
     * @param atSale costs in force on the day the basket is sold (the future's last trading day).
     * @return {@code 2c_s + x_sell(sale) + x_buy + m_in + m_out}.
     */
    public double basketCashAndCarry(final Costs atSale)
    {
        return 2 * stockCommission + atSale.sellTax + buyTax + impactIn + impactOut;
    }

    /**
     * Proportional cost of a reverse trade's basket held to expiry: sold now at these costs, bought back at expiry
     * at the buy tax of that date. Summed in the order of {@link #basketRoundTrip()}.
     *
     * @param atBuyBack costs in force on the day the basket is bought back (the future's last trading day).
     * @return {@code 2c_s + x_sell + x_buy(buy-back) + m_in + m_out}.
     */
    public double basketReverse(final Costs atBuyBack)
    {
        return 2 * stockCommission + sellTax + atBuyBack.buyTax + impactIn + impactOut;
    }
}
