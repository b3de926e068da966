package io.basis.backtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The backtest's PNG charts, 1000 x 560, drawn with java.awt in headless mode (no display, no dependency):
 * <ul>
 *     <li>{@code equity.png}: the out-of-sample equity curve, cumulative net P&amp;L per view over the days, one
 *     line per view, with the first day of each cycle marked;</li>
 *     <li>{@code basis-cycle-N.png}: the chosen cycle's basis with its entry and exit levels and no-arbitrage bounds,
 *     and every view's trades as markers in the view's colour: a triangle up for an entry, down for an exit, a
 *     square for an unwind. Markers of the same trade in several views nest (the study's largest), so none hides
 *     another.</li>
 * </ul>
 * Times are shown as UTC dates.
 */
public final class Charts
{
    /** The equity chart's file name. */
    public static final String EQUITY_FILE = "equity.png";
    /** The basis line of the basis chart. */
    static final Color BASIS = new Color(0x404040);
    /** The entry level of the basis chart. */
    static final Color ENTRY_LEVEL = new Color(0x9467BD);
    /** The exit level of the basis chart. */
    static final Color EXIT_LEVEL = new Color(0x8C564B);
    /** The no-arbitrage bounds of the basis chart. */
    static final Color BOUNDS = new Color(0xD62728);
    private static final Color[] VIEW_COLOURS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C)};
    private static final Color CYCLE_START = new Color(0xB0B0B0);
    private static final Stroke VIEW_LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke BASIS_LINE = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke LEVEL_LINE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[]{9f, 5f}, 0f);
    private static final Stroke BOUND_LINE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[]{3f, 3f}, 0f);
    private static final Stroke CYCLE_LINE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[]{4f, 4f}, 0f);
    /** Marker sizes by view, largest first, so that markers of one trade in several views nest. */
    private static final double[] MARKER_SIZES = {17, 12, 7};
    private static final double LEGEND_MARKER = 10;

    static
    {
        // Charts are drawn off screen; a display is neither needed nor wanted.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts()
    {
    }

    /**
     * @param view a view.
     * @return the colour of the view's line and markers.
     */
    public static Color colour(final View view)
    {
        return VIEW_COLOURS[view.ordinal()];
    }

    /**
     * Writes the out-of-sample equity chart: cumulative net P&amp;L per view over the days of the report's equity
     * curve, in the report's currency.
     *
     * @param report the backtest's results.
     * @param file   where to write the PNG.
     * @throws IOException if the file cannot be written.
     */
    public static void writeEquity(final BacktestReport report, final Path file) throws IOException
    {
        final List<EquityPoint> equity = report.equity();
        final int count = equity.size();
        final double[] days = new double[count];
        double low = 0.0;
        double high = 0.0;
        for (int i = 0; i < count; i++)
        {
            final EquityPoint point = equity.get(i);
            days[i] = Plot.x(point.day());
            for (final View view : View.values())
            {
                low = Math.min(low, point.netPnl(view));
                high = Math.max(high, point.netPnl(view));
            }
        }
        final List<Plot.LegendEntry> legend = new ArrayList<>();
        for (final View view : View.values())
        {
            legend.add(new Plot.LegendEntry(view.label(), colour(view), VIEW_LINE, null));
        }
        final double firstDay = count == 0 ? 0 : days[0];
        final double lastDay = count == 0 ? 1 : days[count - 1];
        final Plot plot = new Plot(
            "Out-of-sample equity: cumulative net P&L per view (" + report.outOfSample().size() + " cycles)",
            "trading day", "cumulative net P&L (" + report.currency() + ")", firstDay, lastDay, low, high, legend);
        if (count == 0)
        {
            plot.note("no out-of-sample days");
            plot.write(file);
            return;
        }
        int cycle = Integer.MIN_VALUE;
        for (int i = 0; i < count; i++)
        {
            if (equity.get(i).cycle() != cycle)
            {
                cycle = equity.get(i).cycle();
                plot.verticalMarker(days[i], "c" + cycle, CYCLE_START, CYCLE_LINE);
            }
        }
        final double[] values = new double[count];
        for (final View view : View.values())
        {
            for (int i = 0; i < count; i++)
            {
                values[i] = equity.get(i).netPnl(view);
            }
            plot.line(days, values, count, colour(view), VIEW_LINE);
        }
        plot.write(file);
    }

    /**
     * Writes the basis chart of the report's chosen cycle: the basis, the entry and exit levels and the
     * no-arbitrage bounds in index points over the cycle, with every view's trades.
     *
     * @param chart the chosen cycle's data.
     * @param file  where to write the PNG.
     * @throws IOException if the file cannot be written.
     */
    public static void writeBasis(final BasisChart chart, final Path file) throws IOException
    {
        final List<BasisPoint> points = chart.points();
        final int count = points.size();
        final double[] times = new double[count];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double firstTime = Double.POSITIVE_INFINITY;
        double lastTime = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++)
        {
            final BasisPoint point = points.get(i);
            times[i] = Plot.x(point.timeMillis());
            low = min(low, point.basis(), point.entryLevel(), point.exitLevel(), point.upperBound(),
                point.lowerBound());
            high = max(high, point.basis(), point.entryLevel(), point.exitLevel(), point.upperBound(),
                point.lowerBound());
            firstTime = Math.min(firstTime, times[i]);
            lastTime = Math.max(lastTime, times[i]);
        }
        for (final TradeMark trade : chart.trades())
        {
            low = Math.min(low, trade.basis());
            high = Math.max(high, trade.basis());
            firstTime = Math.min(firstTime, Plot.x(trade.timeMillis()));
            lastTime = Math.max(lastTime, Plot.x(trade.timeMillis()));
        }
        final boolean empty = count == 0 && chart.trades().isEmpty();
        final Plot plot = new Plot("Basis, levels and trades, cycle " + chart.cycle() + " (" + chart.contract() + ")",
            "date (UTC)", "basis (index points)", empty ? 0 : firstTime, empty ? 1 : lastTime, empty ? 0 : low,
            empty ? 1 : high, basisLegend());
        if (empty)
        {
            plot.note("no basis samples for this cycle");
            plot.write(file);
            return;
        }
        final double[] values = new double[count];
        series(plot, times, values, points, BasisPoint::upperBound, BOUNDS, BOUND_LINE);
        series(plot, times, values, points, BasisPoint::lowerBound, BOUNDS, BOUND_LINE);
        series(plot, times, values, points, BasisPoint::entryLevel, ENTRY_LEVEL, LEVEL_LINE);
        series(plot, times, values, points, BasisPoint::exitLevel, EXIT_LEVEL, LEVEL_LINE);
        series(plot, times, values, points, BasisPoint::basis, BASIS, BASIS_LINE);
        for (final View view : View.values())
        {
            for (final TradeMark trade : chart.trades())
            {
                if (trade.view() == view)
                {
                    plot.marker(Plot.x(trade.timeMillis()), trade.basis(),
                        shape(trade.kind(), MARKER_SIZES[view.ordinal()]), colour(view));
                }
            }
        }
        plot.write(file);
    }

    private static List<Plot.LegendEntry> basisLegend()
    {
        final List<Plot.LegendEntry> legend = new ArrayList<>();
        legend.add(new Plot.LegendEntry("basis (future - index)", BASIS, BASIS_LINE, null));
        legend.add(new Plot.LegendEntry("entry level", ENTRY_LEVEL, LEVEL_LINE, null));
        legend.add(new Plot.LegendEntry("exit level", EXIT_LEVEL, LEVEL_LINE, null));
        legend.add(new Plot.LegendEntry("no-arbitrage bounds", BOUNDS, BOUND_LINE, null));
        for (final View view : View.values())
        {
            legend.add(new Plot.LegendEntry(view.label(), colour(view), null, Plot.square(LEGEND_MARKER)));
        }
        final Color neutral = new Color(0xD0D0D0);
        legend.add(new Plot.LegendEntry("entry", neutral, null, shape(TradeMark.ENTRY, LEGEND_MARKER)));
        legend.add(new Plot.LegendEntry("exit", neutral, null, shape(TradeMark.EXIT, LEGEND_MARKER)));
        legend.add(new Plot.LegendEntry("unwind", neutral, null, shape(TradeMark.UNWIND, LEGEND_MARKER)));
        return legend;
    }

    private static Shape shape(final String kind, final double size)
    {
        return switch (kind)
        {
            case TradeMark.ENTRY -> Plot.triangleUp(size);
            case TradeMark.EXIT -> Plot.triangleDown(size);
            default -> Plot.square(size * 0.85);
        };
    }

    private static void series(final Plot plot, final double[] times, final double[] values,
        final List<BasisPoint> points, final java.util.function.ToDoubleFunction<BasisPoint> value, final Color colour,
        final Stroke stroke)
    {
        for (int i = 0; i < points.size(); i++)
        {
            values[i] = value.applyAsDouble(points.get(i));
        }
        plot.line(times, values, points.size(), colour, stroke);
    }

    private static double min(final double start, final double... values)
    {
        double min = start;
        for (final double value : values)
        {
            min = Math.min(min, value);
        }
        return min;
    }

    private static double max(final double start, final double... values)
    {
        double max = start;
        for (final double value : values)
        {
            max = Math.max(max, value);
        }
        return max;
    }
}
