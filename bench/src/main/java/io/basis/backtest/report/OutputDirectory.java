package io.basis.backtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The backtest's output directory ({@code --out DIR}): {@code cycles.csv}, {@code equity.png},
 * {@code basis-cycle-N.png} (when the report has a basis chart) and {@code summary.md}. The JSON report is written
 * separately, where {@code --report} says ({@link ReportJson}).
 */
public final class OutputDirectory
{
    /** The per-cycle CSV's file name. */
    public static final String CYCLES_FILE = "cycles.csv";

    private OutputDirectory()
    {
    }

    /**
     * Writes every file of the directory, creating it if needed; files of an earlier run with the same names are
     * replaced.
     *
     * @param report the backtest's results.
     * @param dir    the directory.
     * @return the files written, in the order written.
     * @throws IOException if the directory cannot be created or a file cannot be written; the message names the
     *                     directory.
     */
    public static List<Path> write(final BacktestReport report, final Path dir) throws IOException
    {
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new IOException("backtest output " + dir + " is a file, not a directory");
        }
        Files.createDirectories(dir);
        final List<Path> written = new ArrayList<>(4);
        final Path csv = dir.resolve(CYCLES_FILE);
        CycleCsv.write(report, csv);
        written.add(csv);
        final Path equity = dir.resolve(Charts.EQUITY_FILE);
        Charts.writeEquity(report, equity);
        written.add(equity);
        if (report.basisChart() != null)
        {
            final Path basis = dir.resolve(report.basisChart().fileName());
            Charts.writeBasis(report.basisChart(), basis);
            written.add(basis);
        }
        final Path summary = dir.resolve(Summary.FILE);
        Summary.write(report, summary);
        written.add(summary);
        return written;
    }
}
