package io.basis.bench;

import io.basis.bench.latency.LatencyCommand;
import io.basis.bench.latency.LatencyOptions;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.RunnerException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./basis bench jmh [filter] [--quick]}: the JMH suite of the pricing hot path, with allocation per
 * operation from the GC profiler; {@code ./basis bench latency [options]}: the open-loop tick-to-order harness with
 * its baselines ({@link LatencyCommand}). Results go to {@code bench/results/} under the working directory, which
 * the launcher sets to the repository root.
 */
public final class BenchMain
{
    private static final Path RESULTS = Path.of("bench", "results");
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis bench jmh [filter] [--quick]",
        "       basis bench latency [--rate R] [--seconds S] [--warmup S] [--path full|engine|all]",
        "                           [--idle backoff|brief|busy] [--out DIR] [--refdata DIR] [--pin CPUS]",
        "                           [--spin engine|gateway|engine,gateway]",
        "",
        "  jmh        run the JMH suite (io.basis.bench.jmh) with the GC profiler: ns/op with its error and",
        "             allocated bytes per operation for each benchmark; JSON and CSV in bench/results/",
        "  filter     regular expression on benchmark names, e.g. Constituent or 'Sbe.*newOrder'",
        "  --quick    one warmup and three measurement iterations of 0.5 s: checks the suite, does not measure it",
        "  latency    tick-to-order latency, open loop (from each tick's intended send time), with baselines:",
        "             raw Aeron IPC ping-pong, a bare QuickFIX/J round trip and a naive QuickFIX/J OMS",
        "    --rate R      fixed rate in ticks/s; default: step up 10, 20, 50 ... 2000 until saturation",
        "    --seconds S   measured seconds per step (default 5)",
        "    --warmup S    unrecorded warm-up seconds per step and per scenario start (default 2)",
        "    --path P      engine (engine alone over Aeron), full (FIX exchange, gateway, engine) or all (default)",
        "    --idle I      backoff (default, fits 2 cores) or busy (spins: one spare core per thread)",
        "    --out DIR     results directory (default bench/results/latency-<yyyyMMdd-HHmmss>)",
        "    --refdata DIR reference data set with sample-books.csv (default refdata/kospi200)",
        "    --pin CPUS    child JVMs (gateway, engine, echo) under taskset -c CPUS, e.g. 1 (default: no pinning)",
        "    --spin ROLES  after the full path, once more per role with that role's thread busy-spinning and every",
        "                  other thread on --idle, at the same rates (default: none)",
        "  --help     this text");

    private BenchMain()
    {
    }

    /**
     * @param args {@code jmh} or {@code latency} and its arguments.
     */
    public static void main(final String[] args)
    {
        final List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h") ||
            "help".equals(arguments.get(0)))
        {
            System.out.println(USAGE);
            return;
        }
        if ("latency".equals(arguments.get(0)))
        {
            latency(arguments.subList(1, arguments.size()));
            return;
        }
        if (!"jmh".equals(arguments.get(0)))
        {
            fail("unknown command '" + arguments.get(0) + "'", 2);
            return;
        }
        final JmhRequest request;
        try
        {
            request = JmhRequest.parse(arguments.subList(1, arguments.size()));
        }
        catch (final IllegalArgumentException ex)
        {
            fail(ex.getMessage(), 2);
            return;
        }
        try
        {
            JmhCommand.run(request, RESULTS, System.out);
        }
        catch (final NoBenchmarksException ex)
        {
            fail("no benchmark matches '" + request.filter() + "'", 1);
        }
        catch (final RunnerException | IOException ex)
        {
            // JMH's own exceptions often carry no message, only a cause.
            fail(String.valueOf(ex.getCause() != null ? ex.getCause() : ex), 1);
        }
    }

    private static void latency(final List<String> arguments)
    {
        final LatencyOptions options;
        try
        {
            options = LatencyOptions.parse(arguments);
        }
        catch (final IllegalArgumentException ex)
        {
            fail(ex.getMessage(), 2);
            return;
        }
        try
        {
            new LatencyCommand(options, System.out).run();
        }
        catch (final Exception ex)
        {
            ex.printStackTrace(System.err);
            fail(String.valueOf(ex), 1);
            return;
        }
        // QuickFIX/J and Aeron leave non-daemon threads behind on some shutdown paths: end the JVM explicitly.
        System.exit(0);
    }

    private static void fail(final String message, final int status)
    {
        System.err.println("bench: " + message);
        if (status == 2)
        {
            System.err.println(USAGE);
        }
        System.exit(status);
    }
}
