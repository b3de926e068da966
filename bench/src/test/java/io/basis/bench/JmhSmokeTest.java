package io.basis.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite runs under the options {@code basis bench jmh} builds, finds its benchmarks through the generated
 * {@code META-INF/BenchmarkList}, scores them and summarises them. In-process and with iterations of a fraction of
 * a second: this checks the harness, it measures nothing.
 */
@Timeout(60)
class JmhSmokeTest
{
    @Test
    void incrementalAndFullRecomputationRunAndAreSummarised() throws RunnerException
    {
        final Collection<RunResult> results = new Runner(
            JmhCommand.options(new JmhRequest("ConstituentUpdate|FullRecomputation", true))
                // In-process: the surefire JVM already has the --add-opens, and a fork would cost seconds.
                .forks(0)
                .param("set", "emini")
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .verbosity(VerboseMode.SILENT)
                .build())
            .run();

        assertEquals(2, results.size(), "one result per benchmark");
        for (final RunResult result : results)
        {
            assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
            assertEquals("ns/op", result.getPrimaryResult().getScoreUnit());
            assertNotNull(result.getSecondaryResults().get("gc.alloc.rate.norm"), "the GC profiler must report");
        }
        final String summary = JmhSummary.format(results);
        assertTrue(summary.contains(JmhSummary.INCREMENTAL), summary);
        assertTrue(summary.contains("full recomputation / incremental (set=emini)"), summary);
    }

    @Test
    void argumentsTakeOneFilterAndQuickInAnyOrder()
    {
        assertEquals(new JmhRequest("Sbe", true), JmhRequest.parse(List.of("--quick", "Sbe")));
        assertEquals(new JmhRequest(null, false), JmhRequest.parse(List.of()));
        assertThrows(() -> JmhRequest.parse(List.of("a", "b")));
        assertThrows(() -> JmhRequest.parse(List.of("--fast")));
    }

    private static void assertThrows(final Runnable call)
    {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, call::run);
    }
}
