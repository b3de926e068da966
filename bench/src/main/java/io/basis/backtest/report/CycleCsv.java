package io.basis.backtest.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The per-cycle CSV ({@code cycles.csv}): a header line, then one row per (sample, cycle, view), out-of-sample
 * cycles first, each cycle's views in {@link View} order. Columns are described in {@code docs/backtest.md},
 * section "Output"; numbers as in the JSON report, fields quoted only when they must be (RFC 4180).
 */
public final class CycleCsv
{
    /** The header line's columns, in order. */
    public static final List<String> COLUMNS = List.of("sample", "cycle", "contract", "firstDay", "lastTradingDay",
        "view", "basisMeasure", "entryLevel", "exitLevel", "fittedOnCycles", "firstFitCycle", "lastFitCycle",
        "entries", "exits", "unwinds", "contractsTraded", "grossPnl", "stockCommission", "futuresCommission", "tax",
        "impact", "financing", "borrow", "totalCosts", "netPnl", "maxUnhedgedExposure", "leggedMillis", "events");

    private CycleCsv()
    {
    }

    /**
     * Writes the CSV, creating the file's directory if needed.
     *
     * @param report the backtest's results.
     * @param file   where to write the CSV.
     * @throws IOException if the file cannot be written.
     */
    public static void write(final BacktestReport report, final Path file) throws IOException
    {
        TextFile.write(file, toCsv(report));
    }

    /**
     * @param report the backtest's results.
     * @return the CSV text, lines ending with {@code \n}.
     */
    public static String toCsv(final BacktestReport report)
    {
        final StringBuilder csv = new StringBuilder(256 * (1 + report.outOfSample().size() + report.inSample().size()));
        csv.append(String.join(",", COLUMNS)).append('\n');
        for (final Sample sample : new Sample[]{Sample.OUT_OF_SAMPLE, Sample.IN_SAMPLE})
        {
            for (final CycleResult cycle : report.cycles(sample))
            {
                for (final ViewResult result : cycle.views())
                {
                    row(csv, cycle, result);
                }
            }
        }
        return csv.toString();
    }

    private static void row(final StringBuilder csv, final CycleResult cycle, final ViewResult result)
    {
        final StrategyParameters parameters = cycle.parameters();
        final CostBreakdown costs = result.costs();
        csv.append(cycle.sample().name()).append(',')
            .append(cycle.cycle()).append(',')
            .append(quoted(cycle.contract())).append(',')
            .append(cycle.firstDay()).append(',')
            .append(cycle.lastTradingDay()).append(',')
            .append(result.view().name()).append(',')
            .append(quoted(parameters.basisMeasure())).append(',')
            .append(Decimals.fixed(parameters.entryLevel(), Decimals.POINTS)).append(',')
            .append(Decimals.fixed(parameters.exitLevel(), Decimals.POINTS)).append(',')
            .append(parameters.fittedOnCycles()).append(',')
            .append(parameters.firstFitCycle()).append(',')
            .append(parameters.lastFitCycle()).append(',')
            .append(result.entries()).append(',')
            .append(result.exits()).append(',')
            .append(result.unwinds()).append(',')
            .append(result.contractsTraded()).append(',')
            .append(Decimals.fixed(result.grossPnl(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(costs.stockCommission(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(costs.futuresCommission(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(costs.tax(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(costs.impact(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(costs.financing(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(costs.borrow(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(costs.total(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(result.netPnl(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(result.maxUnhedgedExposure(), Decimals.CURRENCY)).append(',')
            .append(Decimals.fixed(result.leggedMillis(), Decimals.MILLIS)).append(',')
            .append(cycle.events()).append('\n');
    }

    /** A field as RFC 4180 wants it: quoted, inner quotes doubled, only if it holds a comma, quote or line break. */
    static String quoted(final String field)
    {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0)
        {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
