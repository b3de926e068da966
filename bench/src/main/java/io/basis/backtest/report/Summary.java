package io.basis.backtest.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The backtest's short markdown summary ({@code summary.md}): the settings, totals per view out-of-sample and
 * in-sample, the walk-forward parameters, the run's speed and links to the charts and the CSV beside it.
 */
public final class Summary
{
    /** The summary's file name. */
    public static final String FILE = "summary.md";

    private Summary()
    {
    }

    /**
     * Writes the summary, creating the file's directory if needed. Its links are relative: the charts and
     * {@code cycles.csv} are expected beside it, as {@link OutputDirectory} writes them.
     *
     * @param report the backtest's results.
     * @param file   where to write the markdown.
     * @throws IOException if the file cannot be written.
     */
    public static void write(final BacktestReport report, final Path file) throws IOException
    {
        TextFile.write(file, toMarkdown(report));
    }

    /**
     * @param report the backtest's results.
     * @return the summary as markdown.
     */
    public static String toMarkdown(final BacktestReport report)
    {
        final StringBuilder md = new StringBuilder(4096);
        md.append("# Backtest\n\n");
        md.append(report.outOfSample().size()).append(" out-of-sample cycles (walk-forward: each traded with ")
            .append("parameters fitted on earlier cycles only), ").append(report.inSample().size())
            .append(" in-sample; amounts in ").append(report.currency()).append(".\n\n");
        md.append("## Settings\n\n");
        if (report.settings().isEmpty())
        {
            md.append("Defaults only.\n\n");
        }
        else
        {
            md.append("| setting | value |\n|---|---|\n");
            for (final Map.Entry<String, String> setting : report.settings().entrySet())
            {
                md.append("| ").append(cell(setting.getKey())).append(" | ").append(cell(setting.getValue()))
                    .append(" |\n");
            }
            md.append('\n');
        }
        totals(md, report, Sample.OUT_OF_SAMPLE, "## Out-of-sample totals");
        totals(md, report, Sample.IN_SAMPLE, "## In-sample totals");
        md.append("## Walk-forward parameters\n\n");
        if (report.outOfSample().isEmpty())
        {
            md.append("No out-of-sample cycle.\n\n");
        }
        else
        {
            md.append("| cycle | contract | basis measure | entry level (pts) | exit level (pts) | fitted on cycles |\n")
                .append("|---:|---|---|---:|---:|---|\n");
            for (final CycleResult cycle : report.outOfSample())
            {
                final StrategyParameters parameters = cycle.parameters();
                md.append("| ").append(cycle.cycle()).append(" | ").append(cell(cycle.contract())).append(" | ")
                    .append(cell(parameters.basisMeasure())).append(" | ")
                    .append(Decimals.fixed(parameters.entryLevel(), Decimals.POINTS)).append(" | ")
                    .append(Decimals.fixed(parameters.exitLevel(), Decimals.POINTS)).append(" | ")
                    .append(parameters.firstFitCycle()).append("..").append(parameters.lastFitCycle())
                    .append(" (").append(parameters.fittedOnCycles()).append(") |\n");
            }
            md.append('\n');
        }
        md.append("## Speed\n\n");
        md.append(Decimals.grouped(report.events(), 0)).append(" market events");
        if (report.elapsedSeconds() > 0)
        {
            md.append(" in ").append(Decimals.fixed(report.elapsedSeconds(), 1)).append(" s: ")
                .append(Decimals.grouped(report.eventsPerSecond(), 0)).append(" events/s.\n\n");
        }
        else
        {
            md.append("; timings left out.\n\n");
        }
        md.append("## Files\n\n");
        md.append("- [cycles.csv](").append(OutputDirectory.CYCLES_FILE).append("): one row per sample, cycle and view\n");
        md.append("- ![out-of-sample equity](").append(Charts.EQUITY_FILE).append(")\n");
        if (report.basisChart() != null)
        {
            md.append("- ![basis of cycle ").append(report.basisChart().cycle()).append("](")
                .append(report.basisChart().fileName()).append(")\n");
        }
        return md.toString();
    }

    private static void totals(final StringBuilder md, final BacktestReport report, final Sample sample,
        final String heading)
    {
        md.append(heading).append(" (").append(report.cycles(sample).size()).append(" cycles)\n\n");
        md.append("| view | entries | exits | unwinds | contracts | gross P&L | costs | net P&L |\n")
            .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final View view : View.values())
        {
            final ViewResult total = report.total(sample, view);
            md.append("| ").append(view.label()).append(" | ").append(total.entries()).append(" | ")
                .append(total.exits()).append(" | ").append(total.unwinds()).append(" | ")
                .append(total.contractsTraded()).append(" | ")
                .append(Decimals.grouped(total.grossPnl(), Decimals.CURRENCY)).append(" | ")
                .append(Decimals.grouped(total.costs().total(), Decimals.CURRENCY)).append(" | ")
                .append(Decimals.grouped(total.netPnl(), Decimals.CURRENCY)).append(" |\n");
        }
        md.append('\n');
    }

    /** A table cell's text: pipes escaped, line breaks and tabs flattened, so that the table keeps its shape. */
    private static String cell(final String text)
    {
        return text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
