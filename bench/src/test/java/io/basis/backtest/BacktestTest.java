package io.basis.backtest;

import io.basis.backtest.report.BacktestReport;
import io.basis.backtest.report.CycleResult;
import io.basis.backtest.report.ProgressBar;
import io.basis.backtest.report.ReportJson;
import io.basis.backtest.report.View;
import io.basis.backtest.report.ViewResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backtest's sanity, on a short run of the production engine over the synthetic market (coarse steps, one fit
 * cycle, one traded cycle): every cycle ends flat and reconciled with the matching engine's fills (or the run
 * fails), costs put the executable view below the study's, the same seed gives the same report, and with no costs
 * and instant fills at the mid the executable view makes exactly what the study's does.
 */
@Timeout(300)
class BacktestTest
{
    @TempDir
    Path dir;

    @Test
    void withCostsTheExecutableViewNetsLessThanTheStudysAndEveryCycleEndsFlat()
    {
        final BacktestReport report = run(Path.of("..", "refdata", "kospi200"), "book");

        for (final CycleResult cycle : report.outOfSample())
        {
            final ViewResult study = cycle.views().get(View.STUDY.ordinal());
            final ViewResult executable = cycle.views().get(View.EXECUTABLE.ordinal());
            assertTrue(executable.entries() > 0, "the strategy traded cycle " + cycle.cycle());
            assertEquals(0.0, study.costs().total(), "the study counts no costs");
            assertTrue(executable.netPnl() < study.netPnl(), executable.netPnl() + " below " + study.netPnl());
            assertTrue(executable.costs().tax() > 0 && executable.costs().stockCommission() > 0);
        }
    }

    @Test
    void theSameSeedGivesTheSameReport() throws IOException
    {
        final Path refdata = Path.of("..", "refdata", "kospi200");

        final String first = ReportJson.toJson(run(refdata, "book").withoutTimings());
        final String second = ReportJson.toJson(run(refdata, "book").withoutTimings());

        assertEquals(first, second);
    }

    @Test
    void withNoCostsAndInstantFillsAtTheMidTheExecutableViewMakesWhatTheStudysMakes() throws IOException
    {
        final Path free = dir.resolve("free");
        Files.createDirectories(free);
        try (Stream<Path> files = Files.list(Path.of("..", "refdata", "kospi200")))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                Files.copy(file, free.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(free.resolve("costs.csv"), "effectiveFrom,stockCommission,futuresCommission,sellTax," +
            "buyTax,impactIn,impactOut,futuresSlippage,borrowFee,trackingError\n2020-01-01,0,0,0,0,0,0,0,0,0\n");
        Files.writeString(free.resolve("rates.csv"), "effectiveFrom,rate,borrowRate,lendRate\n" +
            "2020-01-01,0.035,0,0\n");

        final BacktestReport report = run(free, "mid");

        for (final CycleResult cycle : report.outOfSample())
        {
            final ViewResult study = cycle.views().get(View.STUDY.ordinal());
            final ViewResult executable = cycle.views().get(View.EXECUTABLE.ordinal());
            assertTrue(executable.entries() > 0, "the strategy traded cycle " + cycle.cycle());
            assertEquals(study.netPnl(), executable.netPnl(), 1e-6 * Math.abs(study.netPnl()) + 1e-6);
        }
    }

    @Test
    void anEminiStyleContractIsUnwoundInTheOpeningAuctionOfItsLastTradingDay()
    {
        final BacktestReport report = run(Path.of("..", "refdata", "emini"), "book", "--start", "2026-12-21");

        final CycleResult cycle = report.outOfSample().get(0);
        assertEquals("ES2706", cycle.contract());
        assertEquals(java.time.LocalDate.of(2027, 6, 18), cycle.lastTradingDay(), "the third Friday of June");
        assertTrue(cycle.views().get(View.EXECUTABLE.ordinal()).entries() > 0, "the strategy traded");
    }

    @Test
    void aRecordingOfTheSyntheticMarketBacktestsToTheSameReport() throws IOException
    {
        final Path refdata = Path.of("..", "refdata", "kospi200");
        final Path recording = dir.resolve("books.csv");

        final BacktestReport synthetic = run(refdata, "book", "--record", recording.toString(),
            "--step-seconds", "1800");
        final BacktestSettings settings = BacktestSettings.parse(new String[] {
            "--fit-cycles", "1", "--step-seconds", "1800", "--refdata", refdata.toString(),
            "--market", recording.toString()});
        final BacktestData data = BacktestData.covering(
            settings.refdata, dir.resolve("recorded"), RecordedMarket.days(recording));
        final RecordedMarket market = RecordedMarket.load(
            recording, data.day(data.cycles().get(0).days().get(0)), settings.market.levels());
        final BacktestReport recorded = new Backtest(settings, data, market).run(quiet(1));

        assertEquals(2, data.cycles().size(), "the fit cycle and the traded one");
        assertEquals(synthetic.outOfSample(), recorded.outOfSample(), "event for event, decision for decision");
        assertEquals(synthetic.inSample(), recorded.inSample());
        assertEquals(synthetic.events(), recorded.events());
    }

    @Test
    void aRecordingWithARowOutOfTimeOrderIsRefusedNamingTheLine() throws IOException
    {
        final Path recording = dir.resolve("bad.csv");
        Files.writeString(recording, "timeMillis,symbol,side,level,price,size\n" +
            "1800000000000,005930,BID,1,100000,10\n1799999999999,005930,ASK,1,100100,10\n");
        final BacktestData data = BacktestData.generate(Path.of("..", "refdata", "kospi200"), dir.resolve("d"),
            java.time.LocalDate.of(2026, 12, 11), 1);

        final IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> RecordedMarket.load(recording, data.day(data.cycles().get(0).days().get(0)), 5));

        assertTrue(error.getMessage().endsWith("bad.csv:3: time goes back: rows must be in time order"),
            error.getMessage());
    }

    private static ProgressBar quiet(final int cycles)
    {
        return new ProgressBar(new PrintStream(OutputStream.nullOutputStream()), false, cycles, System::nanoTime);
    }

    private BacktestReport run(final Path refdata, final String fills, final String... more)
    {
        final String[] args = Stream.concat(Stream.of(
            "--cycles", "1", "--fit-cycles", "1", "--seed", "7", "--step-seconds", "300", "--fills", fills,
            "--refdata", refdata.toString()), Stream.of(more)).toArray(String[]::new);
        final BacktestSettings settings = BacktestSettings.parse(args);
        final BacktestData data = BacktestData.generate(settings.refdata, dir.resolve("data-" + fills + more.length),
            settings.start, settings.cycles + settings.fitCycles);
        return new Backtest(settings, data, new SyntheticMarket(data.day(data.cycles().get(0).days().get(0)),
            settings.market, settings.engine.contracts, settings.seed)).run(quiet(settings.cycles));
    }
}
