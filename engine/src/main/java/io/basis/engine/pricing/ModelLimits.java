package io.basis.engine.pricing;

/**
 * Bands the pricing model's inputs must stay within.
 *
 * @param minRate             lowest plausible rate (any of r, r_b, r_l).
 * @param maxRate             highest plausible rate.
 * @param maxDividendYield    largest plausible single dividend as a fraction of its stock's price.
 * @param maxMispricingPoints largest plausible |F* − F|, index points.
 */
public record ModelLimits(double minRate, double maxRate, double maxDividendYield, double maxMispricingPoints)
{
    /**
     * @return limits that suit equity index futures in normal markets.
     */
    public static ModelLimits defaults()
    {
        return new ModelLimits(-0.01, 0.20, 0.10, 15.0);
    }
}
