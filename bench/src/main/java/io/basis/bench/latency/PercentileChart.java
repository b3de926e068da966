package io.basis.bench.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A percentile-distribution chart like HdrHistogram's plotter: x is the percentile on a log scale of
 * {@code 1 / (1 − p)} (so 90%, 99%, 99.9%… are evenly spaced), y the latency in microseconds on a log scale (the
 * series span microseconds to milliseconds), one line per series, with a legend. Drawn with java.awt in headless
 * mode: no dependency, no display.
 */
final class PercentileChart
{
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 650;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    /** x axis up to 99.9999%: beyond it a run of seconds has no samples. */
    private static final double MAX_X_DECADES = 6;
    private static final Color[] COLORS =
    {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)
    };

    /**
     * A line of the chart.
     *
     * @param label     legend text.
     * @param histogram latencies in nanoseconds.
     */
    record Series(String label, Histogram histogram)
    {
    }

    private PercentileChart()
    {
    }

    static void write(final String title, final List<Series> series, final Path file) throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        double minMicros = Double.MAX_VALUE;
        double maxMicros = 0;
        for (final Series line : series)
        {
            if (line.histogram().getTotalCount() > 0)
            {
                minMicros = Math.min(minMicros, Math.max(line.histogram().getMinValue() / 1_000.0, 0.1));
                maxMicros = Math.max(maxMicros, line.histogram().getMaxValue() / 1_000.0);
            }
        }
        if (maxMicros == 0)
        {
            minMicros = 1;
            maxMicros = 10;
        }
        final double yLow = Math.floor(Math.log10(minMicros));
        final double yHigh = Math.max(Math.ceil(Math.log10(maxMicros)), yLow + 1);
        final int plotWidth = WIDTH - LEFT - RIGHT;
        final int plotHeight = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int decade = 0; decade <= MAX_X_DECADES; decade++)
        {
            final int x = LEFT + (int)(plotWidth * decade / MAX_X_DECADES);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, TOP + plotHeight);
            g.setColor(Color.BLACK);
            final String label = decade == 0 ? "0%" : percentileLabel(100.0 - 100.0 / Math.pow(10, decade));
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, TOP + plotHeight + 18);
        }
        for (int decade = (int)yLow; decade <= yHigh; decade++)
        {
            final int y = TOP + plotHeight - (int)(plotHeight * (decade - yLow) / (yHigh - yLow));
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.BLACK);
            final String label = micros(Math.pow(10, decade));
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.drawString("percentile", LEFT + plotWidth / 2 - 30, HEIGHT - 15);
        g.rotate(-Math.PI / 2);
        g.drawString("latency (µs, log scale)", -(TOP + plotHeight / 2 + 60), 20);
        g.rotate(Math.PI / 2);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);

        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < series.size(); i++)
        {
            final Histogram histogram = series.get(i).histogram();
            g.setColor(COLORS[i % COLORS.length]);
            if (histogram.getTotalCount() == 0)
            {
                continue;
            }
            int lastX = -1;
            int lastY = -1;
            for (final HistogramIterationValue value : histogram.percentiles(5))
            {
                final double fraction = Math.min(value.getPercentileLevelIteratedTo() / 100.0, 1 - 1e-6);
                final double decades = Math.min(Math.log10(1 / (1 - fraction)), MAX_X_DECADES);
                final int x = LEFT + (int)(plotWidth * decades / MAX_X_DECADES);
                final double micros = Math.max(histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1_000.0,
                    Math.pow(10, yLow));
                final int y = TOP + plotHeight - (int)(plotHeight * (Math.log10(micros) - yLow) / (yHigh - yLow));
                if (lastX >= 0)
                {
                    g.drawLine(lastX, lastY, x, y);
                }
                lastX = x;
                lastY = y;
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < series.size(); i++)
        {
            final int y = TOP + 18 + i * 18;
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(LEFT + 12, y - 9, 22, 4);
            g.setColor(Color.BLACK);
            g.drawString(series.get(i).label(), LEFT + 40, y - 3);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static String percentileLabel(final double percentile)
    {
        return String.format(Locale.ROOT, "%s%%", new java.math.BigDecimal(percentile)
            .round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString());
    }

    private static String micros(final double value)
    {
        return value >= 1 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
