package io.basis.backtest.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PNG charts, drawn without a display: readable by ImageIO at 1000 x 560, with pixels of every line's and
 * marker's colour, and the same bytes for the same report.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChartsTest
{
    /** Pixels counted as a colour when each channel is within this of it: antialiased edges blend with white. */
    private static final int TOLERANCE = 12;

    @BeforeAll
    static void headless()
    {
        // Loading Charts sets headless mode, as a backtest on a server needs.
        assertEquals("equity.png", Charts.EQUITY_FILE);
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void theEquityChartHasALineInEachViewsColour(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("equity.png");
        Charts.writeEquity(Reports.threeCycles(), file);

        final BufferedImage image = read(file);
        for (final View view : View.values())
        {
            assertTrue(pixels(image, Charts.colour(view)) > 200, view + " line");
        }
        assertTrue(pixels(image, Color.WHITE) > image.getWidth() * image.getHeight() / 2, "mostly white background");
    }

    @Test
    void theBasisChartHasTheBasisLevelsBoundsAndEveryViewsMarkers(@TempDir final Path dir) throws IOException
    {
        final BasisChart chart = Reports.basisChart();
        final Path file = dir.resolve(chart.fileName());
        Charts.writeBasis(chart, file);

        assertEquals("basis-cycle-3.png", file.getFileName().toString());
        final BufferedImage image = read(file);
        assertTrue(pixels(image, Charts.BASIS) > 300, "basis line");
        assertTrue(pixels(image, Charts.ENTRY_LEVEL) > 200, "entry level");
        assertTrue(pixels(image, Charts.EXIT_LEVEL) > 200, "exit level");
        assertTrue(pixels(image, Charts.BOUNDS) > 200, "bounds");
        for (final View view : View.values())
        {
            assertTrue(pixels(image, Charts.colour(view)) > 40, view + " markers");
        }
    }

    @Test
    void aBasisChartOfMorePointsThanPixelsIsDrawnPerPixelColumnAndStillShowsTheBasis(@TempDir final Path dir)
        throws IOException
    {
        final List<BasisPoint> points = new ArrayList<>();
        final long start = LocalDate.of(2026, 3, 13).toEpochDay() * 86_400_000L;
        for (int i = 0; i < 200_000; i++)
        {
            points.add(new BasisPoint(start + i * 30_000L, Math.sin(i / 5_000.0) + ((i & 1) == 0 ? 0.2 : -0.2),
                1.0, -1.0, 2.0, -2.0));
        }
        final Path file = dir.resolve("dense.png");
        Charts.writeBasis(new BasisChart(1, "KS200 2026-06", points, List.of()), file);

        final BufferedImage image = read(file);
        assertTrue(pixels(image, Charts.BASIS) > 2_000, "basis drawn as a band of its per-pixel ranges");
    }

    @Test
    void chartsWithoutDataAreStillWrittenWithTheirFrame(@TempDir final Path dir) throws IOException
    {
        Charts.writeEquity(Reports.empty(), dir.resolve("equity.png"));
        Charts.writeBasis(new BasisChart(5, "KS200 2027-03", List.of(), List.of()), dir.resolve("basis.png"));

        read(dir.resolve("equity.png"));
        read(dir.resolve("basis.png"));
    }

    @Test
    void theSameReportGivesTheSameImageBytes(@TempDir final Path dir) throws IOException
    {
        Charts.writeEquity(Reports.threeCycles(), dir.resolve("a.png"));
        Charts.writeEquity(Reports.threeCycles(), dir.resolve("b.png"));
        Charts.writeBasis(Reports.basisChart(), dir.resolve("c.png"));
        Charts.writeBasis(Reports.basisChart(), dir.resolve("d.png"));

        assertArrayEquals(Files.readAllBytes(dir.resolve("a.png")), Files.readAllBytes(dir.resolve("b.png")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("c.png")), Files.readAllBytes(dir.resolve("d.png")));
    }

    static BufferedImage read(final Path file) throws IOException
    {
        final BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1000, image.getWidth(), file + " width");
        assertEquals(560, image.getHeight(), file + " height");
        assertTrue(pixels(image, new Color(0x202020)) > 50, file + " has text");
        return image;
    }

    static int pixels(final BufferedImage image, final Color colour)
    {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++)
        {
            for (int x = 0; x < image.getWidth(); x++)
            {
                final int rgb = image.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xFF) - colour.getRed()) <= TOLERANCE &&
                    Math.abs((rgb >> 8 & 0xFF) - colour.getGreen()) <= TOLERANCE &&
                    Math.abs((rgb & 0xFF) - colour.getBlue()) <= TOLERANCE)
                {
                    count++;
                }
            }
        }
        return count;
    }
}
