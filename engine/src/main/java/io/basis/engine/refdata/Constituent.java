package io.basis.engine.refdata;

/**
 * A stock's membership of the index.
 *
 * @param instrument  the stock.
 * @param indexShares index shares N.
 * @param floatFactor free-float factor f.
 * @param capFactor   cap factor c.
 */
public record Constituent(Instrument instrument, long indexShares, double floatFactor, double capFactor)
{
    /**
     * Shares of this stock per index point per currency unit of multiplier: {@code N·f·c / Divisor}.
     *
     * @param divisor index divisor.
     * @return index units per point.
     */
    public double sharesPerPoint(final double divisor)
    {
        return indexShares * floatFactor * capFactor / divisor;
    }
}
