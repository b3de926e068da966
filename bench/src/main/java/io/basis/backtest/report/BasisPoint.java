package io.basis.backtest.report;

import static io.basis.backtest.report.Checks.finite;

/**
 * One sample of the charted cycle's basis and the levels it is traded against, all in index points and all as a
 * basis (a price minus the index), so that they share one axis.
 *
 * @param timeMillis virtual time of the sample, epoch milliseconds.
 * @param basis      the market basis (mid future − index).
 * @param entryLevel the entry level in force.
 * @param exitLevel  the exit level in force.
 * @param upperBound the no-arbitrage upper bound as a basis (upper bound − index).
 * @param lowerBound the no-arbitrage lower bound as a basis (lower bound − index).
 */
public record BasisPoint(long timeMillis, double basis, double entryLevel, double exitLevel, double upperBound,
    double lowerBound)
{
    /**
     * Every level must be finite.
     */
    public BasisPoint
    {
        finite("BasisPoint", "basis", basis);
        finite("BasisPoint", "entryLevel", entryLevel);
        finite("BasisPoint", "exitLevel", exitLevel);
        finite("BasisPoint", "upperBound", upperBound);
        finite("BasisPoint", "lowerBound", lowerBound);
    }
}
