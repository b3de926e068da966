package io.basis.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/**
 * Runs the JMH suite through the Runner API with the GC profiler, writes the results as JSON and CSV, and prints
 * a summary table.
 * <p>
 * JVM arguments of the forks are deliberately not set here: an option's {@code jvmArgsAppend} would replace the
 * {@code @Fork(jvmArgsAppend)} of the benchmarks, and with it the {@code --add-opens} that Agrona needs.
 */
public final class JmhCommand
{
    /** Every benchmark of the suite, and nothing else that might be on the class path. */
    static final String SUITE = "^io\\.basis\\.bench\\.jmh\\.";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private JmhCommand()
    {
    }

    /**
     * The options of a run, before the result file: what the smoke test reuses.
     *
     * @param request filter and mode.
     * @return options with the suite restricted to the filter, the GC profiler, and short iterations if quick.
     */
    public static ChainedOptionsBuilder options(final JmhRequest request)
    {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include(SUITE + (request.filter() == null ? "" : ".*(?:" + request.filter() + ")"))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true);
        if (request.quick())
        {
            // Enough for the error column to mean something, not for figures to be quoted.
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        }
        return options;
    }

    /**
     * Run the request, write {@code jmh-<time>.json} and {@code .csv} into the results directory and print the
     * summary.
     *
     * @param request    filter and mode.
     * @param resultsDir directory for the result files, created if missing.
     * @param out        where the summary goes (JMH prints its own progress to standard output).
     * @return the results.
     * @throws RunnerException if no benchmark matches or one fails.
     * @throws IOException     if the results directory cannot be created.
     */
    public static Collection<RunResult> run(final JmhRequest request, final Path resultsDir, final PrintStream out)
        throws RunnerException, IOException
    {
        Files.createDirectories(resultsDir);
        final String stem = "jmh-" + LocalDateTime.now().format(STAMP);
        final Path json = resultsDir.resolve(stem + ".json");
        final Path csv = resultsDir.resolve(stem + ".csv");
        final Collection<RunResult> results = new Runner(options(request)
            .resultFormat(ResultFormatType.JSON)
            .result(json.toString())
            .build())
            .run();
        ResultFormatFactory.getInstance(ResultFormatType.CSV, csv.toString()).writeOut(results);

        out.println();
        out.print(JmhSummary.format(results));
        out.println("results: " + json + ", " + csv);
        return results;
    }
}
