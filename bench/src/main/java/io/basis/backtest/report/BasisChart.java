package io.basis.backtest.report;

import java.util.List;

import static io.basis.backtest.report.Checks.present;

/**
 * The data of the basis chart of one chosen cycle: the basis with its levels and bounds over time, and the trades
 * of every view.
 *
 * @param cycle    the cycle charted.
 * @param contract the future of that cycle.
 * @param points   samples in time order.
 * @param trades   trades of every view, in time order.
 */
public record BasisChart(int cycle, String contract, List<BasisPoint> points, List<TradeMark> trades)
{
    /**
     * Samples and trades are copied; samples must be in time order.
     */
    public BasisChart
    {
        present("BasisChart", "contract", contract);
        points = List.copyOf(present("BasisChart", "points", points));
        trades = List.copyOf(present("BasisChart", "trades", trades));
        for (int i = 1; i < points.size(); i++)
        {
            if (points.get(i).timeMillis() < points.get(i - 1).timeMillis())
            {
                throw new IllegalArgumentException("BasisChart of cycle " + cycle + ": point " + i +
                    " goes back in time");
            }
        }
    }

    /**
     * @return the file name of the chart: {@code basis-cycle-N.png}.
     */
    public String fileName()
    {
        return "basis-cycle-" + cycle + ".png";
    }
}
