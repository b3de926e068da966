package io.basis.backtest.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress line: rewritten in place on a terminal at most ten times a second, a plain line per tenth of the
 * run otherwise; cycles, events per second and time left. Time is given by the test, one clock reading per call.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProgressBarTest
{
    private static final long MILLI = 1_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    @Test
    void offATerminalAPlainLineIsPrintedForEachTenthOfTheRun()
    {
        final ProgressBar progress = new ProgressBar(out, false, 30, () -> now);
        for (int day = 1; day <= 30 * 60; day++)
        {
            now += 50 * MILLI;
            progress.update(day / 60.0, day * 10_000L);
        }
        progress.finish(18_000_000L);

        final List<String> lines = text().lines().toList();
        assertEquals(10, lines.size(), text());
        assertEquals("backtest [" + bar(2) + "] 3/30 cycles  10%, 200.0k events/s, ETA 1m21s", lines.get(0));
        assertEquals("backtest [" + bar(24) + "] 30/30 cycles 100%, 200.0k events/s, done in 1m30s", lines.get(9));
        assertFalse(text().contains("\r"));
    }

    @Test
    void onATerminalOneLineIsRewrittenAtMostTenTimesASecond()
    {
        final ProgressBar progress = new ProgressBar(out, true, 4, () -> now);
        for (int step = 1; step <= 1_000; step++)
        {
            now += MILLI;
            progress.update(step / 500.0, step * 2_000L);
        }

        final String text = text();
        final long rewrites = text.chars().filter(c -> c == '\r').count();
        assertEquals(10, rewrites, "one second of updates every millisecond");
        assertFalse(text.contains("\n"));
        // The last line printed is the update at 901 ms: 1.802 cycles done.
        assertTrue(text.endsWith("\rbacktest [" + bar(11) + "] 1/4 cycles  45%, 2.00M events/s, ETA 1s"), text);

        progress.finish(2_000_000L);
        assertTrue(text().endsWith("4/4 cycles 100%, 2.00M events/s, done in 1s\n"), text());
        progress.update(4, 3_000_000L);
        assertTrue(text().endsWith("\n"), "nothing after the final line");
    }

    @Test
    void aShorterLinePadsOverTheRestOfTheLongerOneBeforeIt()
    {
        final ProgressBar progress = new ProgressBar(out, true, 2, () -> now);
        now = 3_600_000 * MILLI;
        progress.update(0.2, 36_000_000_000L);
        now += 1_000 * MILLI;
        progress.update(1.9, 36_010_000L);

        final String[] lines = text().split("\r");
        assertEquals(3, lines.length);
        assertEquals("backtest [" + bar(2) + "] 0/2 cycles  10%, 10.00M events/s, ETA 9h00m", lines[1]);
        assertEquals("backtest [" + bar(23) + "] 1/2 cycles  95%, 10.0k events/s, ETA 3m10s ", lines[2]);
    }

    @Test
    void timesAndRatesAreShortAndReadable()
    {
        assertEquals("950", ProgressBar.rate(950));
        assertEquals("12.3k", ProgressBar.rate(12_345));
        assertEquals("1.23M", ProgressBar.rate(1_234_567));
        assertEquals("59s", ProgressBar.duration(59.4));
        assertEquals("1m05s", ProgressBar.duration(65));
        assertEquals("2h05m", ProgressBar.duration(7_500));
    }

    /** The bar with so many of its 24 cells filled. */
    private static String bar(final int filled)
    {
        return "#".repeat(filled) + ".".repeat(24 - filled);
    }

    private String text()
    {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
