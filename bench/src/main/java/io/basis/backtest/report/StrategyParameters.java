package io.basis.backtest.report;

import java.util.Objects;

/**
 * The strategy's levels as fitted for a cycle by the walk-forward, and where they were fitted.
 *
 * @param basisMeasure   which basis the levels are measured on (for example {@code raw} or {@code mispricing}).
 * @param entryLevel     the mean contango basis, index points: where a cash-and-carry is entered.
 * @param exitLevel      the mean backwardation basis, index points: where it is left.
 * @param fittedOnCycles how many cycles the levels were estimated over.
 * @param firstFitCycle  the first of those cycles.
 * @param lastFitCycle   the last of those cycles.
 */
public record StrategyParameters(String basisMeasure, double entryLevel, double exitLevel, int fittedOnCycles,
    int firstFitCycle, int lastFitCycle)
{
    /**
     * Checks that the measure is named and the fit window is a window.
     */
    public StrategyParameters
    {
        Objects.requireNonNull(basisMeasure, "basisMeasure");
        if (fittedOnCycles < 0 || fittedOnCycles > 0 && firstFitCycle > lastFitCycle)
        {
            throw new IllegalArgumentException("strategy parameters: fitted on " + fittedOnCycles +
                " cycles from " + firstFitCycle + " to " + lastFitCycle + " is not a window");
        }
    }
}
