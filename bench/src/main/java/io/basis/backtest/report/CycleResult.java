package io.basis.backtest.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One expiry cycle of the backtest: the front contract from its first day to its last trading day, traded with
 * the given parameters, as each view saw it.
 *
 * @param cycle          the cycle's number, from 1.
 * @param contract       the futures contract traded (its symbol).
 * @param firstDay       the first day the contract was the front contract.
 * @param lastTradingDay the contract's last trading day, when the position is unwound.
 * @param sample         whether the parameters were fitted on this cycle or only on earlier ones.
 * @param parameters     the strategy's levels for this cycle.
 * @param views          one result per {@link View}, in {@link View} order.
 * @param events         market events (book updates) processed in this cycle.
 */
public record CycleResult(int cycle, String contract, LocalDate firstDay, LocalDate lastTradingDay, Sample sample,
    StrategyParameters parameters, List<ViewResult> views, long events)
{
    /**
     * Checks that nothing is missing and that there is exactly one result per view, in order.
     */
    public CycleResult
    {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastTradingDay, "lastTradingDay");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(parameters, "parameters");
        views = List.copyOf(views);
        final View[] expected = View.values();
        if (views.size() != expected.length)
        {
            throw new IllegalArgumentException("cycle " + cycle + ": " + views.size() + " view results, expected " +
                expected.length + " (one per view)");
        }
        for (int i = 0; i < expected.length; i++)
        {
            if (views.get(i).view() != expected[i])
            {
                throw new IllegalArgumentException("cycle " + cycle + ": view result " + (i + 1) + " is " +
                    views.get(i).view() + ", expected " + expected[i] + " (results in View order)");
            }
        }
        if (lastTradingDay.isBefore(firstDay))
        {
            throw new IllegalArgumentException("cycle " + cycle + ": last trading day " + lastTradingDay +
                " is before its first day " + firstDay);
        }
    }

    /**
     * @param view which view.
     * @return that view's result for this cycle.
     */
    public ViewResult view(final View view)
    {
        return views.get(view.ordinal());
    }
}
