package io.basis.backtest.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One chart with a date x axis and a numeric y axis, drawn with java.awt into an image (headless: no display
 * needed): title, a legend in a band under it (so that it never hides data), gridlines at "nice" ticks, labelled
 * ticks and axis titles. x values are days since the epoch, fractional for times of day.
 */
final class Plot
{
    static final int WIDTH = 1000;
    static final int HEIGHT = 560;
    private static final int RIGHT = 28;
    private static final int BOTTOM = 64;
    private static final int TITLE_BASELINE = 28;
    private static final int LEGEND_ROW = 20;
    private static final long[] DAY_STEPS = {1, 2, 7, 14, 28, 56, 91, 182, 364, 728, 1820};
    private static final Color GRID = new Color(0xE4E4E4);
    private static final Color AXIS = new Color(0x505050);
    private static final Color TEXT = new Color(0x202020);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /**
     * An entry of the legend.
     *
     * @param label  its text.
     * @param colour its colour.
     * @param stroke the line's stroke, or null for a marker.
     * @param marker the marker's shape centred on (0, 0), or null for a line.
     */
    record LegendEntry(String label, Color colour, Stroke stroke, Shape marker)
    {
    }

    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = image.createGraphics();
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final double yStep;
    private final int left;
    private final int top;

    /**
     * Lays the chart out and draws its frame: everything but the data.
     *
     * @param title  the chart's title.
     * @param xTitle the x axis title.
     * @param yTitle the y axis title, with its unit.
     * @param xMin   first day shown (days since the epoch).
     * @param xMax   last day shown.
     * @param yMin   smallest value to show.
     * @param yMax   largest value to show.
     * @param legend the legend's entries.
     */
    Plot(final String title, final String xTitle, final String yTitle, final double xMin, final double xMax,
        final double yMin, final double yMax, final List<LegendEntry> legend)
    {
        // A little room at the sides, so that a marker on the first or last moment is not cut by the frame.
        final double xPad = xMax > xMin ? (xMax - xMin) * 0.015 : 0.5;
        this.xMin = xMin - xPad;
        this.xMax = xMax + xPad;
        final double ySpan = yMax > yMin ? yMax - yMin : Math.max(1.0, Math.abs(yMax) * 0.1);
        final double step = niceStep(ySpan / 6.0);
        this.yMin = Math.floor((yMax > yMin ? yMin : yMin - ySpan / 2) / step) * step;
        this.yMax = Math.ceil((yMax > yMin ? yMax : yMax + ySpan / 2) / step) * step;
        this.yStep = step;

        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(FONT);
        int widest = 0;
        for (double tick = this.yMin; tick <= this.yMax + step / 2; tick += step)
        {
            widest = Math.max(widest, g.getFontMetrics().stringWidth(yLabel(tick)));
        }
        this.left = 34 + widest;
        final int legendRows = legendRows(legend);
        this.top = TITLE_BASELINE + 14 + legendRows * LEGEND_ROW;

        g.setColor(TEXT);
        g.setFont(TITLE_FONT);
        g.drawString(title, (WIDTH - g.getFontMetrics().stringWidth(title)) / 2, TITLE_BASELINE);
        g.setFont(FONT);
        drawLegend(legend);
        drawGridAndTicks();
        final FontMetrics metrics = g.getFontMetrics();
        g.setColor(TEXT);
        g.drawString(xTitle, left + (plotWidth() - metrics.stringWidth(xTitle)) / 2, HEIGHT - 14);
        final AffineTransform straight = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yTitle, -(top + (plotHeight() + metrics.stringWidth(yTitle)) / 2), 16);
        g.setTransform(straight);
    }

    /**
     * @param day a date.
     * @return its x value: days since the epoch.
     */
    static double x(final LocalDate day)
    {
        return day.toEpochDay();
    }

    /**
     * @param epochMillis a time.
     * @return its x value: days since the epoch, with the time of day (UTC) as a fraction.
     */
    static double x(final long epochMillis)
    {
        return epochMillis / 86_400_000.0;
    }

    double pixelX(final double x)
    {
        return left + (x - xMin) / (xMax - xMin) * plotWidth();
    }

    double pixelY(final double y)
    {
        return top + (yMax - y) / (yMax - yMin) * plotHeight();
    }

    /**
     * A line through the points, clipped to the plot. When there are more points than pixels, each pixel column
     * is drawn as the range its points span (first, lowest, highest, last), which looks the same as every point
     * and costs the width of the chart.
     */
    void line(final double[] xs, final double[] ys, final int count, final Color colour, final Stroke stroke)
    {
        if (count == 0)
        {
            return;
        }
        final Path2D.Double path = new Path2D.Double();
        if (count <= 2 * plotWidth())
        {
            path.moveTo(pixelX(xs[0]), pixelY(ys[0]));
            for (int i = 1; i < count; i++)
            {
                path.lineTo(pixelX(xs[i]), pixelY(ys[i]));
            }
        }
        else
        {
            int i = 0;
            boolean started = false;
            while (i < count)
            {
                final long column = (long)Math.floor(pixelX(xs[i]));
                final double first = ys[i];
                double low = first;
                double high = first;
                double last = first;
                int j = i;
                for (; j < count && (long)Math.floor(pixelX(xs[j])) == column; j++)
                {
                    low = Math.min(low, ys[j]);
                    high = Math.max(high, ys[j]);
                    last = ys[j];
                }
                final double px = pixelX(xs[i]);
                if (started)
                {
                    path.lineTo(px, pixelY(first));
                }
                else
                {
                    path.moveTo(px, pixelY(first));
                    started = true;
                }
                path.lineTo(px, pixelY(low));
                path.lineTo(px, pixelY(high));
                path.lineTo(px, pixelY(last));
                i = j;
            }
        }
        final Shape clip = g.getClip();
        g.clipRect(left, top, plotWidth() + 1, plotHeight() + 1);
        g.setColor(colour);
        g.setStroke(stroke);
        if (count == 1)
        {
            g.fill(translated(square(5), pixelX(xs[0]), pixelY(ys[0])));
        }
        else
        {
            g.draw(path);
        }
        g.setClip(clip);
    }

    /** A vertical line across the plot at x, with an optional label at its top. */
    void verticalMarker(final double x, final String label, final Color colour, final Stroke stroke)
    {
        final double px = pixelX(x);
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(new Line2D.Double(px, top, px, top + plotHeight()));
        if (label != null)
        {
            g.setFont(FONT);
            g.drawString(label, (float)px + 3, top + 13);
        }
    }

    /** A marker centred on the point, filled with the colour and outlined in dark grey for contrast. */
    void marker(final double x, final double y, final Shape shape, final Color colour)
    {
        final Shape placed = translated(shape, pixelX(x), pixelY(y));
        g.setColor(colour);
        g.fill(placed);
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.draw(placed);
    }

    /** The plot's frame drawn last, over the data's edges. */
    void write(final Path file) throws IOException
    {
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, plotWidth(), plotHeight());
        g.dispose();
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile()))
        {
            throw new IOException("no PNG writer in this Java runtime, cannot write " + file);
        }
    }

    /** A writing of nothing: the frame and a note in the middle, for a chart without data. */
    void note(final String text)
    {
        g.setColor(TEXT);
        g.setFont(FONT);
        g.drawString(text, left + (plotWidth() - g.getFontMetrics().stringWidth(text)) / 2, top + plotHeight() / 2);
    }

    static Shape triangleUp(final double size)
    {
        final Path2D.Double shape = new Path2D.Double();
        shape.moveTo(0, -size / 2);
        shape.lineTo(size / 2, size / 2);
        shape.lineTo(-size / 2, size / 2);
        shape.closePath();
        return shape;
    }

    static Shape triangleDown(final double size)
    {
        final Path2D.Double shape = new Path2D.Double();
        shape.moveTo(0, size / 2);
        shape.lineTo(size / 2, -size / 2);
        shape.lineTo(-size / 2, -size / 2);
        shape.closePath();
        return shape;
    }

    static Shape square(final double size)
    {
        return new java.awt.geom.Rectangle2D.Double(-size / 2, -size / 2, size, size);
    }

    private static Shape translated(final Shape shape, final double x, final double y)
    {
        return AffineTransform.getTranslateInstance(x, y).createTransformedShape(shape);
    }

    private int plotWidth()
    {
        return WIDTH - left - RIGHT;
    }

    private int plotHeight()
    {
        return HEIGHT - top - BOTTOM;
    }

    private void drawGridAndTicks()
    {
        final FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double tick = yMin; tick <= yMax + yStep / 2; tick += yStep)
        {
            final int py = (int)Math.round(pixelY(tick));
            g.setColor(Math.abs(tick) < yStep / 2 ? AXIS.brighter().brighter() : GRID);
            g.drawLine(left, py, left + plotWidth(), py);
            g.setColor(TEXT);
            final String label = yLabel(tick);
            g.drawString(label, left - 6 - metrics.stringWidth(label), py + metrics.getAscent() / 2 - 1);
        }
        final long step = dayStep();
        final long firstTick = (long)Math.ceil(xMin / step) * step;
        int lastLabelEnd = Integer.MIN_VALUE;
        for (long day = firstTick; day <= xMax; day += step)
        {
            final int px = (int)Math.round(pixelX(day));
            g.setColor(GRID);
            g.drawLine(px, top, px, top + plotHeight());
            g.setColor(AXIS);
            g.drawLine(px, top + plotHeight(), px, top + plotHeight() + 4);
            final String label = LocalDate.ofEpochDay(day).toString();
            final int labelX = px - metrics.stringWidth(label) / 2;
            if (labelX > lastLabelEnd + 8 && labelX >= 2 && labelX + metrics.stringWidth(label) <= WIDTH - 2)
            {
                g.setColor(TEXT);
                g.drawString(label, labelX, top + plotHeight() + 18);
                lastLabelEnd = labelX + metrics.stringWidth(label);
            }
        }
    }

    /** Whole days between x ticks, from a list of calendar-like steps, for at most about eight ticks. */
    private long dayStep()
    {
        final double span = xMax - xMin;
        for (final long step : DAY_STEPS)
        {
            if (span / step <= 8)
            {
                return step;
            }
        }
        return (long)Math.ceil(span / 8 / 364) * 364;
    }

    private String yLabel(final double tick)
    {
        final int decimals = Math.max(0, (int)-Math.floor(Math.log10(yStep) + 1e-9));
        return Decimals.grouped(tick, decimals);
    }

    /** 1, 2 or 5 times a power of ten, at least the rough step. */
    static double niceStep(final double rough)
    {
        final double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        final double fraction = rough / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private int legendRows(final List<LegendEntry> legend)
    {
        g.setFont(FONT);
        int rows = legend.isEmpty() ? 0 : 1;
        int x = 0;
        for (final LegendEntry entry : legend)
        {
            final int width = entryWidth(entry);
            if (x > 0 && x + width > WIDTH - 2 * RIGHT)
            {
                rows++;
                x = 0;
            }
            x += width;
        }
        return rows;
    }

    private int entryWidth(final LegendEntry entry)
    {
        return 30 + g.getFontMetrics().stringWidth(entry.label()) + 18;
    }

    private void drawLegend(final List<LegendEntry> legend)
    {
        final FontMetrics metrics = g.getFontMetrics();
        int x = RIGHT;
        int baseline = TITLE_BASELINE + 22;
        for (final LegendEntry entry : legend)
        {
            final int width = entryWidth(entry);
            if (x > RIGHT && x + width > WIDTH - RIGHT)
            {
                x = RIGHT;
                baseline += LEGEND_ROW;
            }
            final double middle = baseline - metrics.getAscent() / 2.0 + 1;
            g.setColor(entry.colour());
            if (entry.stroke() != null)
            {
                g.setStroke(entry.stroke());
                g.draw(new Line2D.Double(x, middle, x + 24, middle));
            }
            else
            {
                final Shape placed = translated(entry.marker(), x + 12, middle);
                g.fill(placed);
                g.setColor(AXIS);
                g.setStroke(new BasicStroke(1f));
                g.draw(placed);
            }
            g.setColor(TEXT);
            g.drawString(entry.label(), x + 30, baseline);
            x += width;
        }
    }
}
