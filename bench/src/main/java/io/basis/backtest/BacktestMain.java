package io.basis.backtest;

import io.basis.backtest.report.BacktestReport;
import io.basis.backtest.report.OutputDirectory;
import io.basis.backtest.report.ProgressBar;
import io.basis.backtest.report.ReportJson;
import io.basis.engine.refdata.ReferenceDataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./basis backtest}: the walk-forward backtest of the study's strategy on the production engine, over a
 * synthetic multi-cycle market in virtual time. Exit code 0 when every cycle ended flat and reconciled, 1 when one
 * did not, 2 for bad options or reference data.
 */
public final class BacktestMain
{
    private BacktestMain()
    {
    }

    /**
     * @param args see {@link BacktestSettings#USAGE}.
     */
    public static void main(final String[] args)
    {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h"))
        {
            System.out.println(BacktestSettings.USAGE);
            return;
        }
        final BacktestSettings settings;
        final BacktestData data;
        final MarketSource market;
        try
        {
            settings = BacktestSettings.parse(args);
            final Path dataDir = settings.out != null ? settings.out.resolve("refdata") :
                Files.createTempDirectory("basis-backtest-refdata");
            if (settings.marketFile != null)
            {
                data = BacktestData.covering(settings.refdata, dataDir, RecordedMarket.days(settings.marketFile));
                market = RecordedMarket.load(settings.marketFile, data.day(data.cycles().get(0).days().get(0)),
                    settings.market.levels());
                if (data.cycles().size() <= settings.fitCycles)
                {
                    throw new IllegalArgumentException("the recording holds " + data.cycles().size() +
                        " whole expiry cycles: a walk-forward over them needs more than --fit-cycles " +
                        settings.fitCycles);
                }
                settings.cycles = data.cycles().size() - settings.fitCycles;
            }
            else
            {
                data = BacktestData.generate(settings.refdata, dataDir, settings.start,
                    settings.cycles + settings.fitCycles);
                market = new SyntheticMarket(data.day(data.cycles().get(0).days().get(0)), settings.market,
                    settings.engine.contracts, settings.seed);
            }
        }
        catch (final IllegalArgumentException | ReferenceDataException | IOException |
            java.io.UncheckedIOException ex)
        {
            System.err.println("basis backtest: " + ex.getMessage());
            System.err.println(BacktestSettings.USAGE);
            System.exit(2);
            return;
        }
        try
        {
            final Backtest backtest = new Backtest(settings, data, market);
            final BacktestReport report = backtest.run(ProgressBar.onConsole(settings.cycles));
            if (settings.report != null)
            {
                ReportJson.write(report, settings.report);
            }
            if (settings.out != null)
            {
                OutputDirectory.write(report, settings.out);
            }
            System.out.printf("backtest: %d cycles out of sample, %,d book events at %,.0f events/s in %.1f s%n",
                report.outOfSample().size(), report.events(), report.eventsPerSecond(), report.elapsedSeconds());
            System.out.println("backtest: programs and orders the engine's pre-trade risk refused, every run: " +
                backtest.riskRejects());
        }
        catch (final IllegalStateException ex)
        {
            System.err.println("basis backtest: " + ex.getMessage());
            System.exit(1);
        }
        catch (final IOException ex)
        {
            System.err.println("basis backtest: cannot write the output: " + ex.getMessage());
            System.exit(1);
        }
    }
}
