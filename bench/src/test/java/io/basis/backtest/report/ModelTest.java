package io.basis.backtest.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The result model: sums and totals, immutability, and one-line errors for results that cannot be.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ModelTest
{
    @Test
    void costsAddUpByKindAndInTotal()
    {
        final CostBreakdown a = new CostBreakdown(1, 2, 3, 4, 5, 6);
        final CostBreakdown b = new CostBreakdown(10, 20, 30, 40, 50, 60);

        assertEquals(new CostBreakdown(11, 22, 33, 44, 55, 66), a.plus(b));
        assertEquals(231.0, a.plus(b).total());
        assertEquals(a, a.plus(CostBreakdown.ZERO));
    }

    @Test
    void totalsOfASampleSumItsCyclesAndKeepTheLargestExposure()
    {
        final ViewResult total = Reports.threeCycles().total(Sample.OUT_OF_SAMPLE, View.EXECUTABLE);

        assertEquals(21, total.entries());
        assertEquals(7, total.exits());
        assertEquals(4, total.unwinds());
        assertEquals(84, total.contractsTraded());
        assertEquals(7_000_000.0, total.grossPnl());
        assertEquals(54_600.0, total.costs().total());
        assertEquals(6_945_400.0, total.netPnl());
        assertEquals(80_000.0, total.maxUnhedgedExposure());
        assertEquals(21.0, total.leggedMillis());
        assertEquals(ViewResult.empty(View.STUDY), Reports.empty().total(Sample.IN_SAMPLE, View.STUDY));
    }

    @Test
    void withoutTimingsKeepsEverythingButTheRunsTimings()
    {
        final BacktestReport report = Reports.threeCycles();
        final BacktestReport without = report.withoutTimings();

        assertEquals(0.0, without.eventsPerSecond());
        assertEquals(0.0, without.elapsedSeconds());
        assertEquals(new BacktestReport(report.settings(), report.currency(), report.outOfSample(),
            report.inSample(), report.equity(), report.basisChart(), report.events(), 0, 0), without);
    }

    @Test
    void theReportCannotBeChangedThroughWhatItWasBuiltFromOrWhatItGives()
    {
        final Map<String, String> settings = new LinkedHashMap<>();
        settings.put("seed", "7");
        final double[] pnl = {1, 2, 3};
        final EquityPoint point = new EquityPoint(LocalDate.of(2026, 3, 3), 2, pnl);
        final BacktestReport report = new BacktestReport(settings, "KRW", List.of(), List.of(), List.of(point), null,
            0, 0, 0);
        settings.put("seed", "8");
        pnl[0] = 99;
        point.cumulativeNetPnl()[1] = 99;

        assertEquals(Map.of("seed", "7"), report.settings());
        assertEquals(1.0, report.equity().get(0).netPnl(View.STUDY));
        assertEquals(2.0, report.equity().get(0).netPnl(View.TOP_OF_BOOK));
        assertEquals(new EquityPoint(LocalDate.of(2026, 3, 3), 2, new double[]{1, 2, 3}), point);
        assertThrows(UnsupportedOperationException.class, () -> report.settings().put("cycles", "3"));
    }

    @Test
    void impossibleResultsAreRefusedNamingTheRecordAndField()
    {
        assertEquals("CostBreakdown.tax must be a finite number, was NaN", assertThrows(IllegalArgumentException.class,
            () -> new CostBreakdown(0, 0, Double.NaN, 0, 0, 0)).getMessage());
        assertEquals("EquityPoint 2026-03-03: cumulativeNetPnl needs one value per view (3), has 2",
            assertThrows(IllegalArgumentException.class,
                () -> new EquityPoint(LocalDate.of(2026, 3, 3), 1, new double[2])).getMessage());
        assertEquals("ViewResult EXECUTABLE.leggedMillis must be finite and >= 0, was -1.0", assertThrows(
            IllegalArgumentException.class, () -> ViewResult.of(View.EXECUTABLE, 0, 0, 0, 0, 0, CostBreakdown.ZERO, 0,
                -1)).getMessage());
        assertEquals("TradeMark.kind must be ENTRY, EXIT or UNWIND, was BUY", assertThrows(
            IllegalArgumentException.class, () -> new TradeMark(0, View.STUDY, "BUY", 0.5)).getMessage());
        assertEquals("BacktestReport: cycle 2 is IN_SAMPLE but listed as OUT_OF_SAMPLE", assertThrows(
            IllegalArgumentException.class, () -> new BacktestReport(Map.of(), "KRW",
                List.of(Reports.cycle(2, "KS200 2026-06", Sample.IN_SAMPLE, Reports.parameters(1, -1, 1, 1), 1)),
                List.of(), List.of(), null, 0, 0, 0)).getMessage());
        assertEquals("BacktestReport: equity point 1 (2026-03-02) is before the one before it (2026-03-03)",
            assertThrows(IllegalArgumentException.class, () -> new BacktestReport(Map.of(), "KRW", List.of(),
                List.of(), List.of(new EquityPoint(LocalDate.of(2026, 3, 3), 1, new double[3]),
                    new EquityPoint(LocalDate.of(2026, 3, 2), 1, new double[3])), null, 0, 0, 0)).getMessage());
        assertEquals("BasisChart of cycle 4: point 1 goes back in time", assertThrows(IllegalArgumentException.class,
            () -> new BasisChart(4, "KS200 2026-12", List.of(new BasisPoint(10, 0, 1, -1, 2, -2),
                new BasisPoint(9, 0, 1, -1, 2, -2)), List.of())).getMessage());
    }
}
