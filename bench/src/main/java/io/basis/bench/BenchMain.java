package io.basis.bench;

import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.RunnerException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./basis bench jmh [filter] [--quick]}: the JMH suite of the pricing hot path, with allocation per
 * operation from the GC profiler. Results go to {@code bench/results/} under the working directory, which the
 * launcher sets to the repository root.
 */
public final class BenchMain
{
    private static final Path RESULTS = Path.of("bench", "results");
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis bench jmh [filter] [--quick]",
        "",
        "  jmh        run the JMH suite (io.basis.bench.jmh) with the GC profiler: ns/op with its error and",
        "             allocated bytes per operation for each benchmark; JSON and CSV in bench/results/",
        "  filter     regular expression on benchmark names, e.g. Constituent or 'Sbe.*newOrder'",
        "  --quick    one warmup and three measurement iterations of 0.5 s: checks the suite, does not measure it",
        "  --help     this text");

    private BenchMain()
    {
    }

    /**
     * @param args {@code jmh} and its arguments.
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
