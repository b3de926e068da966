package io.basis.bench.latency;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code basis bench latency}: runs the Basis paths up a rate ladder until they saturate, runs their baselines at
 * the same rates, and writes histograms, tables, a chart and a summary.
 * <p>
 * Scenarios run one after the other, never together: on a 2-core machine two of them at once would measure each
 * other. Each starts with an untimed warm-up so the JIT has compiled the paths before the first measured step.
 */
public final class LatencyCommand
{
    /** Rate of the untimed warm-up that precedes a scenario's first step, ticks a second. */
    static final int JIT_WARMUP_RATE = 100;

    private final LatencyOptions options;
    private final PrintStream out;
    private final List<Result> results = new ArrayList<>();

    /**
     * @param options what to run.
     * @param out     progress and summary.
     */
    public LatencyCommand(final LatencyOptions options, final PrintStream out)
    {
        this.options = options;
        this.out = out;
    }

    /**
     * Run everything the options ask for and write the results directory.
     *
     * @return every measurement with its verdict.
     * @throws Exception if a scenario cannot start or the results cannot be written.
     */
    public List<Result> run() throws Exception
    {
        final String loadBefore = MachineInfo.loadAverage();
        final MarketScript script = new MarketScript(options.refdata(), 1);
        final Idle idle = options.idle();
        out.printf("latency: %s, %d legs a program, idle %s, %d s warm-up + %d s a step, results in %s%n",
            options.refdata(), script.legsPerProgram(), idle.engineName(), options.warmupSeconds(),
            options.seconds(), options.out());
        if (options.path() != LatencyOptions.PathChoice.FULL)
        {
            final int[] rates = ladder(() -> new EngineOnlyScenario(script, idle, false));
            fixed(() -> new EngineOnlyScenario(script, idle, true), rates);
            fixed(() -> new AeronPingPongScenario(idle, options.launcher()), rates);
        }
        if (options.path() != LatencyOptions.PathChoice.ENGINE)
        {
            final int[] rates = ladder(() -> new FullPathScenario(script, idle, options.launcher()));
            for (final String role : options.spin())
            {
                // Right after the default, at the same rates: which one thread may spin on this machine.
                fixed(() -> new FullPathScenario(script, idle, options.launcher(), role), rates);
            }
            fixed(() -> new QfjRoundTripScenario(idle), rates);
            fixed(() -> new NaiveOmsScenario(script, idle), rates);
        }
        final ResultsWriter writer = new ResultsWriter(options, script, results, loadBefore, MachineInfo.loadAverage());
        writer.write();
        out.println();
        out.print(writer.summary());
        out.println("results: " + options.out().toAbsolutePath());
        return results;
    }

    /**
     * Step up the rates until the scenario saturates (the saturated step is kept: it shows where and how).
     */
    private int[] ladder(final Supplier<Scenario> factory) throws Exception
    {
        final int[] rates = options.rates();
        int steps = 0;
        try (Scenario scenario = factory.get())
        {
            start(scenario);
            final Map<String, Long> lowestRateP99 = new HashMap<>();
            for (final int rate : rates)
            {
                steps++;
                boolean saturated = false;
                for (final Measurement measurement : measure(scenario, rate))
                {
                    final Long lowest = lowestRateP99.get(measurement.series());
                    final String saturation = measurement.saturation(lowest == null ? 0 : lowest);
                    if (lowest == null && measurement.latency().getTotalCount() > 0)
                    {
                        lowestRateP99.put(measurement.series(), measurement.latency().getValueAtPercentile(99.0));
                    }
                    add(measurement, saturation);
                    saturated |= saturation != null;
                }
                if (saturated)
                {
                    out.printf("latency: %s saturated at %d ticks/s%n", scenario.name(), rate);
                    break;
                }
            }
        }
        final int[] run = new int[steps];
        System.arraycopy(rates, 0, run, 0, steps);
        return run;
    }

    /**
     * A baseline at the rates its Basis path ran at, so every Basis figure has a baseline at the same load.
     */
    private void fixed(final Supplier<Scenario> factory, final int[] rates) throws Exception
    {
        try (Scenario scenario = factory.get())
        {
            start(scenario);
            for (final int rate : rates)
            {
                for (final Measurement measurement : measure(scenario, rate))
                {
                    add(measurement, measurement.saturation(0));
                }
            }
        }
    }

    private void start(final Scenario scenario) throws Exception
    {
        out.printf("latency: starting %s%n", scenario.name());
        scenario.start();
        if (options.warmupSeconds() > 0)
        {
            final int rate = options.rate() > 0 ? Math.min(JIT_WARMUP_RATE, options.rate()) : JIT_WARMUP_RATE;
            scenario.run(rate, TimeUnit.SECONDS.toNanos(options.warmupSeconds()), 0);
        }
    }

    private List<Measurement> measure(final Scenario scenario, final int rate)
    {
        return scenario.run(rate, TimeUnit.SECONDS.toNanos(options.warmupSeconds()),
            TimeUnit.SECONDS.toNanos(options.seconds()));
    }

    private void add(final Measurement measurement, final String saturation)
    {
        results.add(new Result(measurement, saturation));
        out.printf("latency: %-34s %5d/s  n=%-6d p50 %9s  p99 %9s  max %9s µs%s%n", measurement.name(),
            measurement.rate(), measurement.latency().getTotalCount(),
            Format.micros(measurement.latency().getValueAtPercentile(50.0)),
            Format.micros(measurement.latency().getValueAtPercentile(99.0)),
            Format.micros(measurement.latency().getMaxValue()),
            saturation == null ? "" : "  SATURATED: " + saturation);
        final StageBreakdown stages = measurement.stages();
        if (stages != null && stages.complete() > 0)
        {
            out.printf("latency: %s stages (%d ticks, µs):%n%s", measurement.name(), stages.complete(),
                stages.table());
        }
        if (measurement.costs() != null)
        {
            out.printf("latency: %s%n%s", ResultsWriter.costsHeading(measurement), measurement.costs().table());
        }
    }
}
