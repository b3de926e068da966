package io.basis.backtest.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.basis.backtest.report.Checks.nonNegative;
import static io.basis.backtest.report.Checks.present;

/**
 * Everything a backtest run found, from which every output is written ({@link ReportJson}, {@link CycleCsv},
 * {@link Charts}, {@link Summary}, {@link OutputDirectory}).
 *
 * @param settings       the run's command-line settings, in the order they are to be shown; copied, order kept.
 * @param currency       the currency of every amount, for example {@code "KRW"}.
 * @param outOfSample    the walk-forward results: each cycle traded with parameters fitted on earlier cycles.
 * @param inSample       the cycles traded with parameters fitted on themselves.
 * @param equity         the out-of-sample equity curve, one point per trading day, in day order.
 * @param basisChart     the chart data of the chosen cycle, or null for none.
 * @param events         market events the engine processed over the whole run.
 * @param eventsPerSecond events over the run's wall-clock time: run-dependent.
 * @param elapsedSeconds  the run's wall-clock time: run-dependent.
 */
public record BacktestReport(Map<String, String> settings, String currency, List<CycleResult> outOfSample,
    List<CycleResult> inSample, List<EquityPoint> equity, BasisChart basisChart,
    long events, double eventsPerSecond, double elapsedSeconds)
{
    /**
     * Lists and settings are copied (settings keep their order); every cycle must be of its list's sample and the
     * equity curve in day order.
     */
    public BacktestReport
    {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(present("BacktestReport", "settings", settings)));
        present("BacktestReport", "currency", currency);
        outOfSample = List.copyOf(present("BacktestReport", "outOfSample", outOfSample));
        inSample = List.copyOf(present("BacktestReport", "inSample", inSample));
        equity = List.copyOf(present("BacktestReport", "equity", equity));
        nonNegative("BacktestReport", "events", events);
        nonNegative("BacktestReport", "eventsPerSecond", eventsPerSecond);
        nonNegative("BacktestReport", "elapsedSeconds", elapsedSeconds);
        for (final Map.Entry<String, String> setting : settings.entrySet())
        {
            present("BacktestReport", "settings key", setting.getKey());
            present("BacktestReport", "settings value of " + setting.getKey(), setting.getValue());
        }
        checkSample(outOfSample, Sample.OUT_OF_SAMPLE);
        checkSample(inSample, Sample.IN_SAMPLE);
        for (int i = 1; i < equity.size(); i++)
        {
            if (equity.get(i).day().isBefore(equity.get(i - 1).day()))
            {
                throw new IllegalArgumentException("BacktestReport: equity point " + i + " (" + equity.get(i).day() +
                    ") is before the one before it (" + equity.get(i - 1).day() + ")");
            }
        }
    }

    private static void checkSample(final List<CycleResult> cycles, final Sample sample)
    {
        for (final CycleResult cycle : cycles)
        {
            if (cycle.sample() != sample)
            {
                throw new IllegalArgumentException("BacktestReport: cycle " + cycle.cycle() + " is " +
                    cycle.sample() + " but listed as " + sample);
            }
        }
    }

    /**
     * @param sample which cycles.
     * @return the cycles of that sample.
     */
    public List<CycleResult> cycles(final Sample sample)
    {
        return sample == Sample.OUT_OF_SAMPLE ? outOfSample : inSample;
    }

    /**
     * Totals of one view over the cycles of one sample: sums, and the largest unhedged exposure
     * ({@link ViewResult#combine(ViewResult)}).
     *
     * @param sample which cycles.
     * @param view   which view.
     * @return the totals; zero if there are no such cycles.
     */
    public ViewResult total(final Sample sample, final View view)
    {
        ViewResult total = ViewResult.empty(view);
        for (final CycleResult cycle : cycles(sample))
        {
            total = total.combine(cycle.view(view));
        }
        return total;
    }

    /**
     * @return this report with its two run-dependent numbers ({@code eventsPerSecond}, {@code elapsedSeconds})
     * set to zero, so that two runs of the same seed can be compared byte for byte.
     */
    public BacktestReport withoutTimings()
    {
        return new BacktestReport(settings, currency, outOfSample, inSample, equity, basisChart, events, 0.0, 0.0);
    }
}
