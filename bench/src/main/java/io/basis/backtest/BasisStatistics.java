package io.basis.backtest;

/**
 * The study's statistics of a cycle's basis, sampled at every market step: the sum and count of its contango
 * samples (above zero) and of its backwardation samples (below zero). The walk-forward fit adds the cycles of its
 * window and takes the two means as the entry and exit levels.
 */
final class BasisStatistics
{
    private double contangoSum;
    private long contangoCount;
    private double backwardationSum;
    private long backwardationCount;

    void add(final double basis)
    {
        if (basis > 0)
        {
            contangoSum += basis;
            contangoCount++;
        }
        else if (basis < 0)
        {
            backwardationSum += basis;
            backwardationCount++;
        }
    }

    void add(final BasisStatistics other)
    {
        contangoSum += other.contangoSum;
        contangoCount += other.contangoCount;
        backwardationSum += other.backwardationSum;
        backwardationCount += other.backwardationCount;
    }

    /**
     * @return the mean contango basis: the entry level (0 with no contango sample).
     */
    double contangoMean()
    {
        return contangoCount == 0 ? 0 : contangoSum / contangoCount;
    }

    /**
     * @return the mean backwardation basis: the exit level (0 with no backwardation sample).
     */
    double backwardationMean()
    {
        return backwardationCount == 0 ? 0 : backwardationSum / backwardationCount;
    }
}
