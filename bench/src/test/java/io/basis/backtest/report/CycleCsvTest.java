package io.basis.backtest.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-cycle CSV: a header, one row per sample, cycle and view in that order, every column where the header
 * says, fields quoted only when they must be.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CycleCsvTest
{
    @Test
    void oneRowPerSampleCycleAndViewUnderTheHeader(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("cycles.csv");
        CycleCsv.write(Reports.threeCycles(), file);
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertEquals(String.join(",", CycleCsv.COLUMNS), lines.get(0));
        assertEquals(1 + 4 * View.values().length, lines.size());
        final List<String> keys = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size()))
        {
            final List<String> fields = fields(line);
            assertEquals(CycleCsv.COLUMNS.size(), fields.size(), line);
            keys.add(fields.get(0) + " " + fields.get(1) + " " + fields.get(5));
        }
        assertEquals(List.of(
            "OUT_OF_SAMPLE 2 STUDY", "OUT_OF_SAMPLE 2 TOP_OF_BOOK", "OUT_OF_SAMPLE 2 EXECUTABLE",
            "OUT_OF_SAMPLE 3 STUDY", "OUT_OF_SAMPLE 3 TOP_OF_BOOK", "OUT_OF_SAMPLE 3 EXECUTABLE",
            "IN_SAMPLE 1 STUDY", "IN_SAMPLE 1 TOP_OF_BOOK", "IN_SAMPLE 1 EXECUTABLE",
            "IN_SAMPLE 2 STUDY", "IN_SAMPLE 2 TOP_OF_BOOK", "IN_SAMPLE 2 EXECUTABLE"), keys);
    }

    @Test
    void everyColumnHoldsTheFigureItsHeaderNames()
    {
        final List<String> lines = CycleCsv.toCsv(Reports.threeCycles()).lines().toList();
        final List<String> row = fields(lines.get(6));

        assertEquals("OUT_OF_SAMPLE", column(row, "sample"));
        assertEquals("3", column(row, "cycle"));
        assertEquals("KS200 \"2026-09\", quarterly", column(row, "contract"));
        assertEquals("2026-07-02", column(row, "firstDay"));
        assertEquals("2026-09-09", column(row, "lastTradingDay"));
        assertEquals("EXECUTABLE", column(row, "view"));
        assertEquals("raw", column(row, "basisMeasure"));
        assertEquals("1.1500", column(row, "entryLevel"));
        assertEquals("-0.4500", column(row, "exitLevel"));
        assertEquals("2", column(row, "fittedOnCycles"));
        assertEquals("1", column(row, "firstFitCycle"));
        assertEquals("2", column(row, "lastFitCycle"));
        assertEquals("12", column(row, "entries"));
        assertEquals("4", column(row, "exits"));
        assertEquals("2", column(row, "unwinds"));
        assertEquals("48", column(row, "contractsTraded"));
        assertEquals("4000000.00", column(row, "grossPnl"));
        assertEquals("8000.00", column(row, "stockCommission"));
        assertEquals("4000.00", column(row, "futuresCommission"));
        assertEquals("16000.00", column(row, "tax"));
        assertEquals("2000.00", column(row, "impact"));
        assertEquals("1000.00", column(row, "financing"));
        assertEquals("200.00", column(row, "borrow"));
        assertEquals("31200.00", column(row, "totalCosts"));
        assertEquals("3968800.00", column(row, "netPnl"));
        assertEquals("80000.00", column(row, "maxUnhedgedExposure"));
        assertEquals("12.000", column(row, "leggedMillis"));
        assertEquals("4000000", column(row, "events"));
        assertTrue(lines.get(6).startsWith("OUT_OF_SAMPLE,3,\"KS200 \"\"2026-09\"\", quarterly\",2026-07-02,"),
            lines.get(6));
    }

    @Test
    void aReportWithoutCyclesIsTheHeaderAlone()
    {
        assertEquals(String.join(",", CycleCsv.COLUMNS) + "\n", CycleCsv.toCsv(Reports.empty()));
    }

    private static String column(final List<String> row, final String name)
    {
        return row.get(CycleCsv.COLUMNS.indexOf(name));
    }

    /** RFC 4180 fields of one line: quoted fields may hold commas and doubled quotes. */
    private static List<String> fields(final String line)
    {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (quoted)
            {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"')
                {
                    field.append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.add(field.toString());
                field.setLength(0);
            }
            else
            {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
