package io.basis.backtest;

import io.basis.backtest.report.BacktestReport;
import io.basis.backtest.report.BasisChart;
import io.basis.backtest.report.CycleResult;
import io.basis.backtest.report.EquityPoint;
import io.basis.backtest.report.ProgressBar;
import io.basis.backtest.report.Sample;
import io.basis.backtest.report.StrategyParameters;
import io.basis.backtest.report.View;
import io.basis.backtest.report.ViewResult;
import io.basis.engine.EngineConfig;
import io.basis.engine.pricing.FairValue;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.strategy.BasisMeasure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A walk-forward backtest of the study's strategy on the production engine: a synthetic market over
 * {@code fitCycles + cycles} expiry cycles is generated once (its starting state per cycle kept, and its basis
 * statistics per cycle); then, for every cycle k after the first {@code fitCycles}, the entry and exit levels are
 * fitted on the {@code fitCycles} cycles before it (the means of their contango and backwardation samples), traded
 * out of sample on cycle k, and in sample on cycle k − 1, the last cycle they were fitted on.
 */
final class Backtest
{
    private final BacktestSettings settings;
    private final BacktestData data;
    private final MarketSource market;
    private final List<CycleStart> starts = new ArrayList<>();

    /**
     * What the market pass keeps of a cycle: where the market starts it, its first day's previous closes (null for
     * the reference data's) and its basis statistics.
     */
    private record CycleStart(Object mark, long[] closes, BasisStatistics statistics)
    {
    }
    private long events;
    private final long[] riskRejects = new long[io.basis.engine.risk.RiskReason.values().length];

    Backtest(final BacktestSettings settings, final BacktestData data, final MarketSource market)
    {
        this.settings = settings;
        this.data = data;
        this.market = market;
    }

    BacktestReport run(final ProgressBar progress)
    {
        final long started = System.nanoTime();
        generate();
        final List<CycleResult> outOfSample = new ArrayList<>();
        final List<CycleResult> inSample = new ArrayList<>();
        final List<EquityPoint> equity = new ArrayList<>();
        final double[] cumulative = new double[View.values().length];
        BasisChart chart = null;
        final List<BacktestData.Cycle> cycles = data.cycles();
        final int fit = settings.fitCycles;
        for (int k = fit; k < cycles.size(); k++)
        {
            final BasisStatistics window = new BasisStatistics();
            for (int c = k - fit; c < k; c++)
            {
                window.add(starts.get(c).statistics());
            }
            final StrategyParameters parameters = new StrategyParameters(
                settings.engine.basisMeasure.name().toLowerCase(java.util.Locale.ROOT),
                window.contangoMean(), window.backwardationMean(), fit, k - fit + 1, k);
            final BacktestData.Cycle cycle = cycles.get(k);
            final boolean charted = cycle.number() == (settings.chartCycle > 0 ? settings.chartCycle : fit + 1);
            final CycleRun.Outcome out = trade(cycle, parameters, charted);
            outOfSample.add(result(cycle, Sample.OUT_OF_SAMPLE, parameters, out));
            for (int d = 0; d < cycle.days().size(); d++)
            {
                final double[] day = out.equity().get(d);
                final double[] total = new double[day.length];
                for (int v = 0; v < day.length; v++)
                {
                    total[v] = cumulative[v] + day[v];
                }
                equity.add(new EquityPoint(cycle.days().get(d), cycle.number(), total));
            }
            for (final ViewResult view : out.views())
            {
                cumulative[view.view().ordinal()] += view.netPnl();
            }
            if (charted)
            {
                chart = new BasisChart(cycle.number(), cycle.contract(), out.points(), out.trades());
            }
            final BacktestData.Cycle previous = cycles.get(k - 1);
            inSample.add(result(previous, Sample.IN_SAMPLE, parameters, trade(previous, parameters, false)));
            progress.update(k - fit + 1, events);
        }
        final double elapsed = (System.nanoTime() - started) / 1e9;
        progress.finish(events);
        return new BacktestReport(settings.asMap(), data.currency(), outOfSample, inSample, equity, chart, events,
            events / elapsed, elapsed);
    }

    /**
     * The market alone, once: where each cycle starts, and its basis statistics for the fits (one sample per
     * market event).
     */
    private void generate()
    {
        final BookRecorder recorder = settings.record != null ? new BookRecorder(market, settings.record) : null;
        final MarketSource.BookListener none = recorder != null ? recorder : id -> { };
        long[] closes = null;
        for (final BacktestData.Cycle cycle : data.cycles())
        {
            final Object mark = market.mark();
            final BasisStatistics cycleStatistics = new BasisStatistics();
            final List<LocalDate> days = cycle.days();
            for (int d = 0; d < days.size(); d++)
            {
                final LocalDate date = days.get(d);
                final ReferenceData day = data.day(date);
                final FairValue fairValue = Valuation.forTradeDate(day, date, settings.engine.contracts,
                    settings.engine.modelLimits).fairValueModel();
                if (recorder != null)
                {
                    recorder.at(day, Session.openNs(date));
                }
                market.openDay(day, fairValue, days.size() - 1 - d, Session.openNs(date), none);
                final int futureId = day.future().id();
                final long close = Session.closeNs(date);
                while (market.nextEventNs() < close)
                {
                    if (recorder != null)
                    {
                        recorder.at(day, market.nextEventNs());
                    }
                    market.advance(none);
                    final double index = market.index();
                    final double offset = settings.engine.basisMeasure == BasisMeasure.RAW ? index :
                        fairValue.fairValue(index);
                    cycleStatistics.add(market.midOf(futureId) - offset);
                }
            }
            starts.add(new CycleStart(mark, closes, cycleStatistics));
            closes = closes(cycle);
        }
        if (recorder != null)
        {
            recorder.close();
        }
    }

    /**
     * The closes a cycle's last day leaves, the next cycle's first previous closes: every book's mid, and the
     * expiring contract's for the next one, whose book was never quoted (daily limits and collars refer to them).
     */
    private long[] closes(final BacktestData.Cycle cycle)
    {
        final ReferenceData last = data.day(cycle.lastTradingDay());
        final long[] closes = new long[last.instruments().size()];
        for (int id = 0; id < closes.length; id++)
        {
            closes[id] = io.basis.protocol.Prices.fromDouble(market.midOf(id));
        }
        if (cycle.number() < data.cycles().size())
        {
            final BacktestData.Cycle next = data.cycles().get(cycle.number());
            closes[data.day(next.days().get(0)).future().id()] = closes[last.future().id()];
        }
        return closes;
    }

    /**
     * @return the engine's pre-trade refusals over every run, as {@code REASON=count, ...}, or {@code none}.
     */
    String riskRejects()
    {
        final StringBuilder text = new StringBuilder();
        for (final io.basis.engine.risk.RiskReason reason : io.basis.engine.risk.RiskReason.values())
        {
            if (riskRejects[reason.ordinal()] > 0)
            {
                text.append(text.length() == 0 ? "" : ", ").append(reason).append('=')
                    .append(riskRejects[reason.ordinal()]);
            }
        }
        return text.length() == 0 ? "none" : text.toString();
    }

    private CycleRun.Outcome trade(
        final BacktestData.Cycle cycle, final StrategyParameters parameters, final boolean chart)
    {
        final EngineConfig config = settings.engineConfig();
        config.entryLevel = parameters.entryLevel();
        config.exitLevel = parameters.exitLevel();
        final CycleRun run = new CycleRun(data, market, config, settings.latencyNs, settings.fillAtMid, chart);
        final CycleRun.Outcome outcome = run.run(
            cycle, starts.get(cycle.number() - 1).mark(), starts.get(cycle.number() - 1).closes());
        events += outcome.events();
        for (int reason = 0; reason < riskRejects.length; reason++)
        {
            riskRejects[reason] += outcome.riskRejects()[reason];
        }
        if (outcome.failure() != null)
        {
            throw new IllegalStateException(outcome.failure());
        }
        return outcome;
    }

    private CycleResult result(
        final BacktestData.Cycle cycle, final Sample sample, final StrategyParameters parameters,
        final CycleRun.Outcome outcome)
    {
        return new CycleResult(cycle.number(), cycle.contract(), cycle.days().get(0),
            cycle.lastTradingDay(), sample, parameters, outcome.views(), outcome.events());
    }
}
