package io.basis.simulator.market;

import java.util.random.RandomGenerator;

/**
 * Ornstein-Uhlenbeck process for the future's mispricing: it wanders away from fair value and is pulled back
 * with a given half-life, which is what opens and closes arbitrage windows.
 * <p>
 * Stepped with the exact discretisation x' = x*a + s*sqrt(1 - a^2)*z, a = exp(-theta*dt), s the stationary std,
 * so the statistics do not depend on the tick length.
 */
public final class MispricingProcess
{
    private final double decay;
    private final double shockStd;
    private final RandomGenerator random;
    private double value;

    /**
     * @param stationaryStd   long-run standard deviation, in index points.
     * @param halfLifeSeconds time for an excursion to halve on average.
     * @param stepSeconds     time step.
     * @param random          source of shocks; the initial value is drawn from the stationary distribution.
     */
    public MispricingProcess(
        final double stationaryStd, final double halfLifeSeconds, final double stepSeconds, final RandomGenerator random)
    {
        final double theta = Math.log(2.0) / halfLifeSeconds;
        this.decay = Math.exp(-theta * stepSeconds);
        this.shockStd = stationaryStd * Math.sqrt(1.0 - decay * decay);
        this.random = random;
        this.value = stationaryStd * random.nextGaussian();
    }

    /**
     * Advance one time step.
     *
     * @return the new value.
     */
    public double step()
    {
        value = value * decay + shockStd * random.nextGaussian();
        return value;
    }

    /**
     * @return the current value, in index points.
     */
    public double value()
    {
        return value;
    }
}
