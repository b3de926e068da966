package io.basis.engine.strategy;

import io.basis.engine.pricing.ValuationView;

/**
 * What the mean-basis strategy measures, samples and compares with its levels.
 */
public enum BasisMeasure
{
    /**
     * The market basis {@code B = F − S}, as the founding study did. It carries the cost of carry, which decays to
     * zero at expiry: levels fitted early in a cycle mean something else late in it.
     */
    RAW,

    /**
     * The mispricing {@code π = F − F*}: the basis net of the carry and dividends the fair value already explains,
     * so that one pair of levels means the same thing all through a cycle.
     */
    MISPRICING;

    /**
     * @param valuation the current valuation.
     * @return what this measure subtracts from a basis {@code F − S}: 0 for the raw basis, the theoretical basis
     *         {@code F* − S} (at mid) for the mispricing.
     */
    public double offset(final ValuationView valuation)
    {
        return this == RAW ? 0.0 : valuation.fairValue() - valuation.indexMid();
    }

    /**
     * @param text {@code raw} or {@code mispricing}.
     * @return the measure.
     * @throws IllegalArgumentException naming the accepted values.
     */
    public static BasisMeasure parse(final String text)
    {
        switch (text)
        {
            case "raw":
                return RAW;
            case "mispricing":
                return MISPRICING;
            default:
                throw new IllegalArgumentException("basis measure must be 'raw' or 'mispricing', was '" + text + "'");
        }
    }
}
