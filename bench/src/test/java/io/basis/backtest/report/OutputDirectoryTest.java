package io.basis.backtest.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The output directory: created if missing, every file in it, byte-identical for the same report.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutputDirectoryTest
{
    @Test
    void writesTheCsvTheChartsAndTheSummaryIntoANewDirectory(@TempDir final Path dir) throws IOException
    {
        final Path out = dir.resolve("btdir/nested");
        final List<Path> written = OutputDirectory.write(Reports.threeCycles(), out);

        assertEquals(List.of(out.resolve("cycles.csv"), out.resolve("equity.png"), out.resolve("basis-cycle-3.png"),
            out.resolve("summary.md")), written);
        try (var files = Files.list(out))
        {
            assertEquals(4, files.count());
        }
        ChartsTest.read(out.resolve("equity.png"));
        ChartsTest.read(out.resolve("basis-cycle-3.png"));
    }

    @Test
    void aReportWithoutABasisChartHasNoBasisChartFile(@TempDir final Path dir) throws IOException
    {
        final List<Path> written = OutputDirectory.write(Reports.empty(), dir);

        assertEquals(List.of(dir.resolve("cycles.csv"), dir.resolve("equity.png"), dir.resolve("summary.md")),
            written);
    }

    @Test
    void twoWritesOfTheSameReportAreByteIdentical(@TempDir final Path dir) throws IOException
    {
        final List<Path> first = OutputDirectory.write(Reports.threeCycles(), dir.resolve("first"));
        final List<Path> second = OutputDirectory.write(Reports.threeCycles(), dir.resolve("second"));

        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++)
        {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)),
                first.get(i).getFileName().toString());
        }
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefusedByName(@TempDir final Path dir) throws IOException
    {
        final Path file = Files.writeString(dir.resolve("btdir"), "not a directory");

        final IOException refused = assertThrows(IOException.class,
            () -> OutputDirectory.write(Reports.threeCycles(), file));
        assertEquals("backtest output " + file + " is a file, not a directory", refused.getMessage());
    }
}
