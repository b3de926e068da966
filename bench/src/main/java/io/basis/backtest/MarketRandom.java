package io.basis.backtest;

/**
 * A seeded SplitMix64 generator whose whole state is one long, so that a cycle's market can be generated again
 * from the state it started with (an in-sample run, then an out-of-sample one, over the very same ticks).
 */
final class MarketRandom
{
    private long state;

    MarketRandom(final long seed)
    {
        state = seed;
    }

    long state()
    {
        return state;
    }

    void state(final long state)
    {
        this.state = state;
    }

    long nextLong()
    {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @return uniform in [0, 1).
     */
    double nextDouble()
    {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * @return standard normal (Box-Muller; one draw per call keeps the state a single long).
     */
    double nextGaussian()
    {
        final double u = 1.0 - nextDouble();
        final double v = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
