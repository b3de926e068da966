package io.basis.simulator.fault;

import io.basis.simulator.matching.OrderAdmission;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.RejectReason;
import io.basis.simulator.refdata.Instrument;

import java.util.SplittableRandom;

/**
 * Rejects a seeded random fraction of otherwise valid client orders with OrdRejReason 0 (exchange option), as a
 * flaky exchange or risk gateway would. The draw is made only for client orders that reach it, so the sequence
 * of rejects is reproducible for a seed and the same order flow. Exchange thread only.
 */
public final class RandomRejects implements OrderAdmission
{
    private SplittableRandom random;
    private double fraction;
    private long rejected;

    /**
     * @param seed seed of the draws.
     */
    public RandomRejects(final long seed)
    {
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param newFraction fraction of orders to reject, in [0, 1].
     * @param seed        reseed the draws, so a test gets the same rejects whatever ran before.
     * @throws IllegalArgumentException if the fraction is outside [0, 1].
     */
    public void fraction(final double newFraction, final long seed)
    {
        if (!(newFraction >= 0.0 && newFraction <= 1.0))
        {
            throw new IllegalArgumentException("reject fraction must be in [0, 1]: " + newFraction);
        }
        this.fraction = newFraction;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @return the fraction in force.
     */
    public double fraction()
    {
        return fraction;
    }

    /**
     * @return orders rejected so far.
     */
    public long rejected()
    {
        return rejected;
    }

    @Override
    public Refusal refuse(final OrderRequest request, final Instrument instrument)
    {
        if (fraction == 0.0 || random.nextDouble() >= fraction)
        {
            return null;
        }
        rejected++;
        return new Refusal(RejectReason.EXCHANGE_OPTION, "fault injection: random reject");
    }
}
