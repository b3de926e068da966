package io.basis.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The concise table printed after a run: score with its error, allocation per operation, operations a second on
 * one thread, and the full-recomputation over incremental ratio for each sample set measured both ways.
 */
public final class JmhSummary
{
    /** Benchmark of one constituent update, incremental. */
    static final String INCREMENTAL = "ConstituentUpdateBenchmark.incremental";
    /** The same updates with every basket total recomputed. */
    static final String FULL = "FullRecomputationBenchmark.recomputeAll";
    private static final String PACKAGE = "io.basis.bench.jmh.";
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    private static final String ROW = "%-42s %-12s %12s %10s %-6s %8s %8s%n";

    private JmhSummary()
    {
    }

    /**
     * @param results results of a run.
     * @return the table and the ratios, one line each.
     */
    public static String format(final Collection<RunResult> results)
    {
        final List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(JmhSummary::name).thenComparing(r -> params(r.getParams())));
        final StringBuilder text = new StringBuilder();
        text.append(String.format(
            Locale.ROOT, ROW, "Benchmark", "Params", "Score", "Error", "Units", "B/op", "Mops/s"));
        for (final RunResult result : sorted)
        {
            final Result<?> primary = result.getPrimaryResult();
            text.append(String.format(Locale.ROOT, ROW,
                name(result),
                params(result.getParams()),
                String.format(Locale.ROOT, "%.1f", primary.getScore()),
                error(primary),
                primary.getScoreUnit(),
                allocation(result),
                opsPerSecond(primary)));
        }
        for (final RunResult full : sorted)
        {
            if (FULL.equals(name(full)))
            {
                sorted.stream()
                    .filter(r -> INCREMENTAL.equals(name(r)) && params(r.getParams()).equals(params(full.getParams())))
                    .findFirst()
                    .ifPresent(incremental -> text.append(String.format(Locale.ROOT,
                        "full recomputation / incremental (%s): %.1fx%n", params(full.getParams()),
                        full.getPrimaryResult().getScore() / incremental.getPrimaryResult().getScore())));
            }
        }
        return text.toString();
    }

    /** JMH reports no error for a single iteration. */
    private static String error(final Result<?> primary)
    {
        final double error = primary.getScoreError();
        return Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "± %.1f", error);
    }

    private static String name(final RunResult result)
    {
        final String benchmark = result.getParams().getBenchmark();
        return benchmark.startsWith(PACKAGE) ? benchmark.substring(PACKAGE.length()) : benchmark;
    }

    private static String params(final BenchmarkParams params)
    {
        return params.getParamsKeys().stream()
            .map(key -> key + "=" + params.getParam(key))
            .collect(Collectors.joining(","));
    }

    private static String allocation(final RunResult result)
    {
        final Result<?> bytes = result.getSecondaryResults().get(ALLOCATION);
        return bytes == null ? "-" : String.format(Locale.ROOT, "%.1f", bytes.getScore());
    }

    /** Millions of operations a second on one thread, {@code 1e9 / ns per op}: only for an average time in ns. */
    private static String opsPerSecond(final Result<?> primary)
    {
        if (!Objects.equals("ns/op", primary.getScoreUnit()) || !(primary.getScore() > 0))
        {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f", 1e3 / primary.getScore());
    }
}
