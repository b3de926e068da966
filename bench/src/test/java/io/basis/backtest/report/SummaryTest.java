package io.basis.backtest.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The markdown summary: settings, totals per view for both samples, walk-forward parameters, speed and links.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SummaryTest
{
    private final String summary = Summary.toMarkdown(Reports.threeCycles());

    @Test
    void showsTheSettingsInTheirOrder()
    {
        assertContains("| cycles | 3 |\n| seed | 7 |\n| refdata | refdata/kospi200 |\n");
    }

    @Test
    void tabulatesTheTotalsOfEachViewOutOfSampleAndInSample()
    {
        assertContains("## Out-of-sample totals (2 cycles)");
        assertContains("| study (mid, no costs) | 7 | 7 | 0 | 28 | 7,000,000.00 | 0.00 | 7,000,000.00 |");
        assertContains("| top of book + costs | 14 | 7 | 2 | 56 | 7,000,000.00 | 27,300.00 | 6,972,700.00 |");
        assertContains("| executable | 21 | 7 | 4 | 84 | 7,000,000.00 | 54,600.00 | 6,945,400.00 |");
        assertContains("## In-sample totals (2 cycles)");
        assertContains("| executable | 9 | 3 | 4 | 36 | 3,000,000.00 | 23,400.00 | 2,976,600.00 |");
        assertTrue(summary.indexOf("## Out-of-sample totals") < summary.indexOf("## In-sample totals"));
    }

    @Test
    void listsTheWalkForwardParametersOfEveryOutOfSampleCycle()
    {
        assertContains("| 2 | KS200 2026-06 | raw | 1.2000 | -0.4000 | 1..1 (1) |");
        assertContains("| 3 | KS200 \"2026-09\", quarterly | raw | 1.1500 | -0.4500 | 1..2 (2) |");
    }

    @Test
    void givesTheSpeedAndLinksTheChartsAndTheCsv()
    {
        assertContains("123,456,789 market events in 52.6 s: 2,345,679 events/s.");
        assertContains("[cycles.csv](cycles.csv)");
        assertContains("![out-of-sample equity](equity.png)");
        assertContains("![basis of cycle 3](basis-cycle-3.png)");
        assertTrue(Summary.toMarkdown(Reports.threeCycles().withoutTimings()).contains("timings left out"));
    }

    private void assertContains(final String text)
    {
        assertTrue(summary.contains(text), () -> "summary lacks: " + text + "\n---\n" + summary);
    }
}
