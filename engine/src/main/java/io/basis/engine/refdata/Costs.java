package io.basis.engine.refdata;

/**
 * Trading costs in force on the trading date. Proportional costs are fractions of notional per execution
 * ({@code 0.0002} is 2 bp); slippage and the tracking-error buffer are index points.
 *
 * @param stockCommission   stock commission and exchange fees per side, c_s.
 * @param futuresCommission futures commission per side, c_f.
 * @param sellTax           transaction tax on stock sales, x_sell (Korea).
 * @param buyTax            transaction tax on stock purchases, x_buy (France, Italy, Spain, UK stamp duty).
 * @param impactIn          stock market impact beyond the executable price when entering, m_in.
 * @param impactOut         stock market impact when leaving, m_out.
 * @param futuresSlippage   futures slippage, s_f, points.
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
     * @return proportional cost of a round trip in the basket: {@code 2c_s + x_sell + x_buy + m_in + m_out}.
     */
    public double basketRoundTrip()
    {
        return 2 * stockCommission + sellTax + buyTax + impactIn + impactOut;
    }
}
