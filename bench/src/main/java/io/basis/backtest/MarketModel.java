package io.basis.backtest;

/**
 * The synthetic market's parameters.
 *
 * @param indexVolatility      annual volatility of the index factor.
 * @param idiosyncraticVolatility annual volatility of each stock beyond the factor.
 * @param mispricingVolatility stationary standard deviation of the future's mispricing, index points.
 * @param mispricingHalfLifeMinutes half-life of a mispricing, minutes of trading.
 * @param convergenceDays      trading days before expiry over which the mispricing shrinks to nothing.
 * @param depthPerContract     shares at the best level of each stock, in units of one contract's shares.
 * @param futureDepth          contracts at the best level of the future.
 * @param levels               levels quoted each side.
 * @param stepSeconds          seconds of trading between two market steps.
 */
record MarketModel(
    double indexVolatility,
    double idiosyncraticVolatility,
    double mispricingVolatility,
    double mispricingHalfLifeMinutes,
    int convergenceDays,
    double depthPerContract,
    long futureDepth,
    int levels,
    int stepSeconds)
{
    /** KOSPI200-like defaults. */
    static MarketModel defaults()
    {
        return new MarketModel(0.18, 0.25, 0.9, 45, 5, 2.0, 30, 5, 30);
    }
}
