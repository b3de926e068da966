package io.basis.simulator.refdata;

/**
 * One stock of the index basket, a row of {@code basket.csv}.
 *
 * @param instrument  the stock.
 * @param indexShares index shares N.
 * @param floatFactor free-float factor f.
 * @param capFactor   cap factor c.
 */
public record Constituent(Instrument instrument, long indexShares, double floatFactor, double capFactor)
{
    /**
     * @return N*f*c, the stock's weight in the index sum before the divisor.
     */
    public double effectiveShares()
    {
        return indexShares * floatFactor * capFactor;
    }
}
