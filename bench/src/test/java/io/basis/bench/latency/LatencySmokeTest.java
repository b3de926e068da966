package io.basis.bench.latency;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine-only harness and its Aeron baseline run end to end at a low rate for about two seconds each and leave
 * well-formed histogram logs, a chart and a summary. It checks the harness; its figures are not measurements.
 */
@Timeout(60)
class LatencySmokeTest
{
    @TempDir
    Path dir;

    @Test
    void engineOnlyHarnessAndAeronBaselineProduceHistogramsAndAChart() throws Exception
    {
        final Path out = dir.resolve("results");
        final LatencyOptions options = LatencyOptions.parse(List.of(
            "--rate", "50", "--seconds", "2", "--warmup", "0", "--path", "engine",
            "--out", out.toString(), "--refdata", Path.of("..", "refdata", "kospi200").toString()));
        final ByteArrayOutputStream console = new ByteArrayOutputStream();

        final List<Result> results = new LatencyCommand(
            options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        assertEquals(List.of("basis-engine/first-leg", "basis-engine/last-leg", "basis-engine-recorded/first-leg",
            "basis-engine-recorded/last-leg", "baseline-aeron-ipc/round-trip"),
            results.stream().map(result -> result.measurement().name()).toList());
        for (final Result result : results)
        {
            final Path log = out.resolve(ResultsWriter.fileStem(result.measurement()) + ".hlog");
            assertTrue(histogramCount(log) > 0, log + " holds a histogram with samples");
            assertTrue(Files.size(out.resolve(ResultsWriter.fileStem(result.measurement()) + ".hgrm")) > 0);
        }
        final Path chart = out.resolve(ResultsWriter.chartName(50));
        assertNotNull(ImageIO.read(chart.toFile()), "a readable PNG");
        final String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("basis-engine/first-leg / baseline-aeron-ipc/round-trip"), summary);
        assertTrue(summary.contains("basis-engine-recorded/first-leg / basis-engine/first-leg"), summary);
    }

    private static long histogramCount(final Path log) throws Exception
    {
        final HistogramLogReader reader = new HistogramLogReader(log.toFile());
        long count = 0;
        for (EncodableHistogram histogram = reader.nextIntervalHistogram(); histogram != null;
            histogram = reader.nextIntervalHistogram())
        {
            count += ((org.HdrHistogram.Histogram)histogram).getTotalCount();
        }
        return count;
    }
}
