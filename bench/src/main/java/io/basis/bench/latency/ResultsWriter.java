package io.basis.bench.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Writes a latency run's results directory: per measurement an HdrHistogram log ({@code .hlog}, readable by
 * HistogramLogProcessor) and a percentile distribution ({@code .hgrm}, in microseconds, readable by HdrHistogram's
 * plotter); per rate a PNG chart of every series; and {@code summary.md}.
 */
final class ResultsWriter
{
    private static final double[] PERCENTILES = {50.0, 90.0, 99.0, 99.9, 99.99};
    private static final String ENGINE = "basis-engine";
    private static final String RECORDED_ENGINE = "basis-engine-recorded";
    private static final String FULL = "basis-full";

    private final LatencyOptions options;
    private final MarketScript script;
    private final List<Result> results;
    private final String loadBefore;
    private final String loadAfter;

    ResultsWriter(final LatencyOptions options, final MarketScript script, final List<Result> results,
        final String loadBefore, final String loadAfter)
    {
        this.options = options;
        this.script = script;
        this.results = results;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
    }

    void write() throws IOException
    {
        final Path dir = options.out();
        Files.createDirectories(dir);
        for (final Result result : results)
        {
            final Measurement measurement = result.measurement();
            final String stem = fileStem(measurement);
            writeLog(measurement, dir.resolve(stem + ".hlog"));
            try (PrintStream hgrm = new PrintStream(dir.resolve(stem + ".hgrm").toFile(), StandardCharsets.UTF_8))
            {
                // Microseconds, as HdrHistogram's plotter expects milliseconds or microseconds, not nanoseconds.
                measurement.latency().outputPercentileDistribution(hgrm, 5, 1_000.0);
            }
        }
        for (final int rate : rates())
        {
            final List<PercentileChart.Series> series = new ArrayList<>();
            for (final Result result : results)
            {
                if (result.measurement().rate() == rate)
                {
                    series.add(new PercentileChart.Series(result.measurement().name(), result.measurement().latency()));
                }
            }
            PercentileChart.write("Tick-to-order vs baselines at " + rate + " ticks/s (intended send -> arrival)",
                series, dir.resolve(chartName(rate)));
        }
        Files.writeString(dir.resolve("summary.md"), summary(), StandardCharsets.UTF_8);
    }

    static String fileStem(final Measurement measurement)
    {
        return measurement.scenario() + "_" + measurement.series() + "_" + measurement.rate();
    }

    static String chartName(final int rate)
    {
        return "percentiles-" + rate + ".png";
    }

    private static void writeLog(final Measurement measurement, final Path file) throws IOException
    {
        try (PrintStream stream = new PrintStream(file.toFile(), StandardCharsets.UTF_8))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(stream);
            final long nowMs = System.currentTimeMillis();
            writer.outputComment(measurement.name() + " at " + measurement.rate() + " ticks/s, nanoseconds: " +
                measurement.what());
            writer.outputLogFormatVersion();
            writer.outputStartTime(nowMs);
            writer.outputLegend();
            final Histogram histogram = measurement.latency().copy();
            histogram.setTag(measurement.name());
            histogram.setStartTimeStamp(nowMs);
            histogram.setEndTimeStamp(nowMs);
            writer.outputIntervalHistogram(histogram);
        }
    }

    private TreeSet<Integer> rates()
    {
        final TreeSet<Integer> rates = new TreeSet<>();
        results.forEach(result -> rates.add(result.measurement().rate()));
        return rates;
    }

    String summary()
    {
        final StringBuilder md = new StringBuilder();
        md.append("# Tick-to-order latency\n\n");
        md.append("Command: `./basis bench latency").append(arguments()).append("`\n\n");
        md.append("* Machine: nproc = ").append(MachineInfo.cores()).append(", CPU `").append(MachineInfo.cpuModel())
            .append("`, load average ").append(loadBefore).append(" before, ").append(loadAfter).append(" after\n");
        md.append("* JVM: ").append(MachineInfo.jvm()).append("; flags `").append(MachineInfo.jvmFlags())
            .append("`; GC ").append(MachineInfo.gc()).append("\n");
        md.append("* Core pinning: ").append(options.pin() == null ? "none" :
            "child JVMs (gateway, engine, echo) on CPUs `" + options.pin() + "` (taskset)").append('\n');
        md.append("* Idle strategy: `").append(options.idle().engineName()).append("` for the harness, the engine")
            .append(", the gateway and the baselines' threads; media drivers SHARED with backoff");
        for (final String role : options.spin())
        {
            md.append("; in `basis-full-spin-").append(role).append("` the ").append(role)
                .append("'s thread busy-spins");
        }
        md.append('\n');
        md.append("* Market: `").append(options.refdata()).append("`, ").append(script.legsPerProgram())
            .append(" legs a program (the future first), 1 contract; ticks of the future alternately rich and ")
            .append("cheap, each triggering a program while none is open\n");
        md.append("* Each step: ").append(options.warmupSeconds()).append(" s warm-up (not recorded), ")
            .append(options.seconds()).append(" s measured; rates ")
            .append(options.rate() > 0 ? "fixed" : "stepped up until saturation").append("\n");
        md.append("* Latency: from the tick's intended send time on the fixed-rate schedule (open loop: no ")
            .append("coordinated omission) to the order's arrival; microseconds\n");
        md.append("* Stages: each hop of a first leg, from clock readings (System.nanoTime, CLOCK_MONOTONIC: one ")
            .append("clock for every process of the host) the exchange, the gateway, the engine and the naive OMS ")
            .append("take as the tick passes; the hops of a tick add up to its end-to-end latency\n\n");
        for (final int rate : rates())
        {
            md.append("## ").append(rate).append(" ticks/s\n\n");
            md.append("| series | ticks | orders measured | p50 | p90 | p99 | p99.9 | p99.99 | max | send lag p99 | ")
                .append("saturated |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (final Result result : results)
            {
                final Measurement m = result.measurement();
                if (m.rate() != rate)
                {
                    continue;
                }
                final Histogram h = m.latency();
                md.append("| ").append(m.name()).append(" | ").append(m.ticks()).append(" | ")
                    .append(h.getTotalCount());
                for (final double percentile : PERCENTILES)
                {
                    md.append(" | ").append(h.getTotalCount() == 0 ? "-" :
                        Format.micros(h.getValueAtPercentile(percentile)));
                }
                md.append(" | ").append(h.getTotalCount() == 0 ? "-" : Format.micros(h.getMaxValue()))
                    .append(" | ").append(Format.micros(m.sendLag().getValueAtPercentile(99.0)))
                    .append(" | ").append(result.saturation() == null ? "" : result.saturation()).append(" |\n");
            }
            appendRatios(md, rate);
            appendStages(md, rate);
            md.append("\n![percentiles at ").append(rate).append(" ticks/s](").append(chartName(rate)).append(")\n\n");
        }
        md.append("## What each series measures\n\n");
        final TreeSet<String> seen = new TreeSet<>();
        for (final Result result : results)
        {
            if (seen.add(result.measurement().name()))
            {
                md.append("* `").append(result.measurement().name()).append("`: ")
                    .append(result.measurement().what()).append("\n");
            }
        }
        return md.toString();
    }

    /**
     * Each Basis series over each baseline of its path at the same rate: a round-trip baseline against every
     * series of the path, a baseline with legs against the same leg.
     */
    private void appendRatios(final StringBuilder md, final int rate)
    {
        final StringBuilder rows = new StringBuilder();
        for (final Result basis : results)
        {
            final Measurement b = basis.measurement();
            if (!b.basis() || b.rate() != rate || b.latency().getTotalCount() == 0)
            {
                continue;
            }
            for (final Result baseline : results)
            {
                final Measurement r = baseline.measurement();
                if (r == b || r.rate() != rate || r.latency().getTotalCount() == 0 || !comparable(b, r))
                {
                    continue;
                }
                rows.append("| ").append(b.name()).append(" / ").append(r.name());
                for (final double percentile : new double[]{50.0, 99.0, 99.9})
                {
                    rows.append(" | ").append(Format.ratio(
                        b.latency().getValueAtPercentile(percentile), r.latency().getValueAtPercentile(percentile)));
                }
                rows.append(" | ").append(Format.ratio(b.latency().getMaxValue(), r.latency().getMaxValue()))
                    .append(" |\n");
            }
        }
        if (rows.length() > 0)
        {
            md.append("\nRatios (Basis / baseline; below 1 Basis is faster):\n\n")
                .append("| Basis / baseline | p50 | p99 | p99.9 | max |\n|---|---:|---:|---:|---:|\n").append(rows);
        }
    }

    /**
     * The per-stage breakdown of every series that has one: where the end-to-end time of its ticks went.
     */
    private void appendStages(final StringBuilder md, final int rate)
    {
        for (final Result result : results)
        {
            final Measurement m = result.measurement();
            final StageBreakdown stages = m.stages();
            if (m.rate() != rate || stages == null || stages.complete() == 0)
            {
                continue;
            }
            md.append("\nWhere the time goes, ").append(m.name()).append(" (").append(stages.complete())
                .append(" ticks that reached every stage");
            if (stages.partial() > 0)
            {
                md.append("; ").append(stages.partial()).append(" more missed a stage and are left out");
            }
            md.append("), µs:\n\n").append(stages.table());
            if (m.costs() != null)
            {
                md.append("\n").append(costsHeading(m)).append("\n\n").append(m.costs().table());
            }
        }
    }

    /**
     * @param m a measurement with its costs counted.
     * @return the line that introduces its costs table.
     */
    static String costsHeading(final Measurement m)
    {
        return "What Basis's processes consumed in the measured window, " + m.scenario() + " (" + String.format("%,d",
            m.costs().orders()) + " orders received by the exchange; per order, with its two execution " +
            "reports and its share of the ticks):";
    }

    private static boolean comparable(final Measurement basis, final Measurement baseline)
    {
        if (baseline.basis())
        {
            // Recording's cost: the recorded engine path over the same path unrecorded, leg for leg; a spinning
            // thread's effect: the full path with it over the default full path.
            return (basis.scenario().equals(RECORDED_ENGINE) && baseline.scenario().equals(ENGINE) ||
                basis.scenario().startsWith(FULL + "-spin-") && baseline.scenario().equals(FULL)) &&
                baseline.series().equals(basis.series());
        }
        final boolean enginePath = basis.scenario().startsWith(ENGINE);
        final boolean ipcBaseline = baseline.scenario().equals("baseline-aeron-ipc");
        if (enginePath != ipcBaseline)
        {
            return false;
        }
        return baseline.series().equals("round-trip") || baseline.series().equals(basis.series());
    }

    private String arguments()
    {
        final StringBuilder args = new StringBuilder();
        if (options.rate() > 0)
        {
            args.append(" --rate ").append(options.rate());
        }
        args.append(String.format(Locale.ROOT, " --seconds %d --warmup %d --path %s --idle %s",
            options.seconds(), options.warmupSeconds(), options.path().name().toLowerCase(Locale.ROOT),
            options.idle().engineName()));
        if (!options.spin().isEmpty())
        {
            args.append(" --spin ").append(String.join(",", options.spin()));
        }
        if (!options.refdata().equals(Path.of("refdata", "kospi200")))
        {
            args.append(" --refdata ").append(options.refdata());
        }
        return args.toString();
    }
}
