package io.basis.backtest.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small backtest reports built by hand for the writers' tests: three cycles, every view, figures chosen so that
 * each total is easy to check by eye.
 */
final class Reports
{
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 2);

    private Reports()
    {
    }

    /**
     * In-sample cycles 1 and 2, out-of-sample cycles 2 and 3 (each fitted on the cycles before it), a contract name
     * that needs escaping in JSON and quoting in CSV, an equity curve over the out-of-sample days and a basis chart
     * of cycle 3 with trades of every kind in every view.
     */
    static BacktestReport threeCycles()
    {
        final Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cycles", "3");
        settings.put("seed", "7");
        settings.put("refdata", "refdata/kospi200");
        settings.put("note", "a \"quoted\" path\\with\ttab");

        final List<CycleResult> inSample = List.of(
            cycle(1, "KS200 2026-03", Sample.IN_SAMPLE, parameters(1.20, -0.40, 1, 1), 1),
            cycle(2, "KS200 2026-06", Sample.IN_SAMPLE, parameters(1.10, -0.50, 2, 2), 2));
        final List<CycleResult> outOfSample = List.of(
            cycle(2, "KS200 2026-06", Sample.OUT_OF_SAMPLE, parameters(1.20, -0.40, 1, 1), 3),
            cycle(3, "KS200 \"2026-09\", quarterly", Sample.OUT_OF_SAMPLE, parameters(1.15, -0.45, 1, 2), 4));
        return new BacktestReport(settings, "KRW", outOfSample, inSample, equity(), basisChart(), 123_456_789L,
            2_345_678.9, 52.631);
    }

    /** The least a report can be: no settings, no cycles, no equity, no chart. */
    static BacktestReport empty()
    {
        return new BacktestReport(new LinkedHashMap<>(), "KRW", List.of(), List.of(), List.of(), null, 0, 0, 0);
    }

    static StrategyParameters parameters(final double entry, final double exit, final int firstFit, final int lastFit)
    {
        return new StrategyParameters("raw", entry, exit, lastFit - firstFit + 1, firstFit, lastFit);
    }

    /**
     * A cycle whose view v (0, 1, 2) has {@code scale * (v + 1)} entries, gross P&amp;L {@code 1,000,000 * scale},
     * costs growing with the view (none for the study) and exposure {@code 10,000 * scale * v}.
     */
    static CycleResult cycle(final int cycle, final String contract, final Sample sample,
        final StrategyParameters parameters, final int scale)
    {
        final List<ViewResult> views = new ArrayList<>();
        for (final View view : View.values())
        {
            final int v = view.ordinal();
            final CostBreakdown costs = view == View.STUDY ? CostBreakdown.ZERO :
                new CostBreakdown(1_000.0 * scale * v, 500.0 * scale * v, 2_000.0 * scale * v, 250.0 * scale * v,
                    125.0 * scale * v, 25.0 * scale * v);
            views.add(ViewResult.of(view, scale * (v + 1), scale, v, 4L * scale * (v + 1), 1_000_000.0 * scale,
                costs, 10_000.0 * scale * v, 1.5 * scale * v));
        }
        final LocalDate first = FIRST_DAY.plusMonths(3L * (cycle - 1));
        return new CycleResult(cycle, contract, first, first.plusDays(69), sample, parameters, views,
            1_000_000L * scale);
    }

    /** Ten days of cycle 2 and ten of cycle 3: the study's line rises, top of book less, executable falls. */
    static List<EquityPoint> equity()
    {
        final List<EquityPoint> points = new ArrayList<>();
        for (int day = 0; day < 20; day++)
        {
            points.add(new EquityPoint(FIRST_DAY.plusMonths(3).plusDays(day), day < 10 ? 2 : 3,
                new double[]{200_000.0 * day, 60_000.0 * day, -40_000.0 * day}));
        }
        return points;
    }

    /** Cycle 3's basis swinging between -1.5 and 1.5 points over five days, entries high and exits low. */
    static BasisChart basisChart()
    {
        final long start = FIRST_DAY.plusMonths(6).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        final List<BasisPoint> points = new ArrayList<>();
        for (int i = 0; i <= 500; i++)
        {
            final double basis = 1.5 * Math.sin(i / 40.0);
            points.add(new BasisPoint(start + i * 864_000L, basis, 1.15, -0.45, 2.2 + 0.001 * i, -2.4 + 0.001 * i));
        }
        final List<TradeMark> trades = new ArrayList<>();
        for (final View view : View.values())
        {
            trades.add(new TradeMark(start + 30 * 864_000L, view, TradeMark.ENTRY, 1.2));
            trades.add(new TradeMark(start + 160 * 864_000L, view, TradeMark.EXIT, -0.5));
            trades.add(new TradeMark(start + 500 * 864_000L, view, TradeMark.UNWIND, 0.1));
        }
        return new BasisChart(3, "KS200 2026-09", points, trades);
    }
}
