package io.basis.backtest.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The backtest's JSON report ({@code --report FILE}); its keys are described in {@code docs/backtest.md},
 * section "Output". Amounts have 2 decimals, index points 4, milliseconds 3; views are keyed by their
 * {@link View} name. The same report gives the same bytes.
 */
public final class ReportJson
{
    private ReportJson()
    {
    }

    /**
     * Writes the report, creating the file's directory if needed.
     *
     * @param report the backtest's results.
     * @param file   where to write the JSON.
     * @throws IOException if the file cannot be written.
     */
    public static void write(final BacktestReport report, final Path file) throws IOException
    {
        TextFile.write(file, toJson(report));
    }

    /**
     * @param report the backtest's results.
     * @return the report as JSON text, ending with a newline.
     */
    public static String toJson(final BacktestReport report)
    {
        final JsonWriter json = new JsonWriter().beginObject();
        json.name("settings").beginObject();
        for (final Map.Entry<String, String> setting : report.settings().entrySet())
        {
            json.field(setting.getKey(), setting.getValue());
        }
        json.endObject();
        json.field("currency", report.currency());
        json.name("cycles");
        cycles(json, report.outOfSample());
        json.name("inSample");
        cycles(json, report.inSample());
        json.name("totals").beginObject();
        for (final Sample sample : new Sample[]{Sample.OUT_OF_SAMPLE, Sample.IN_SAMPLE})
        {
            json.name(sample == Sample.OUT_OF_SAMPLE ? "outOfSample" : "inSample").beginObject();
            json.field("cycles", report.cycles(sample).size());
            json.name("views").beginObject();
            for (final View view : View.values())
            {
                json.name(view.name());
                viewResult(json, report.total(sample, view));
            }
            json.endObject().endObject();
        }
        json.endObject();
        json.name("walkForward").beginArray();
        for (final CycleResult cycle : report.outOfSample())
        {
            json.beginObject().field("cycle", cycle.cycle()).field("contract", cycle.contract());
            parameterFields(json, cycle.parameters());
            json.endObject();
        }
        json.endArray();
        json.field("events", report.events());
        json.field("eventsPerSecond", report.eventsPerSecond(), 1);
        json.field("elapsedSeconds", report.elapsedSeconds(), 3);
        return json.endObject().toJson();
    }

    private static void cycles(final JsonWriter json, final List<CycleResult> cycles)
    {
        json.beginArray();
        for (final CycleResult cycle : cycles)
        {
            json.beginObject()
                .field("cycle", cycle.cycle())
                .field("contract", cycle.contract())
                .field("firstDay", cycle.firstDay().toString())
                .field("lastTradingDay", cycle.lastTradingDay().toString())
                .field("events", cycle.events());
            json.name("parameters").beginObject();
            parameterFields(json, cycle.parameters());
            json.endObject();
            json.name("views").beginObject();
            for (final ViewResult result : cycle.views())
            {
                json.name(result.view().name());
                viewResult(json, result);
            }
            json.endObject().endObject();
        }
        json.endArray();
    }

    private static void parameterFields(final JsonWriter json, final StrategyParameters parameters)
    {
        json.field("basisMeasure", parameters.basisMeasure())
            .field("entryLevel", parameters.entryLevel(), Decimals.POINTS)
            .field("exitLevel", parameters.exitLevel(), Decimals.POINTS)
            .field("fittedOnCycles", parameters.fittedOnCycles())
            .field("firstFitCycle", parameters.firstFitCycle())
            .field("lastFitCycle", parameters.lastFitCycle());
    }

    private static void viewResult(final JsonWriter json, final ViewResult result)
    {
        final CostBreakdown costs = result.costs();
        json.beginObject()
            .field("entries", result.entries())
            .field("exits", result.exits())
            .field("unwinds", result.unwinds())
            .field("contractsTraded", result.contractsTraded())
            .field("grossPnl", result.grossPnl(), Decimals.CURRENCY);
        json.name("costs").beginObject()
            .field("stockCommission", costs.stockCommission(), Decimals.CURRENCY)
            .field("futuresCommission", costs.futuresCommission(), Decimals.CURRENCY)
            .field("tax", costs.tax(), Decimals.CURRENCY)
            .field("impact", costs.impact(), Decimals.CURRENCY)
            .field("financing", costs.financing(), Decimals.CURRENCY)
            .field("borrow", costs.borrow(), Decimals.CURRENCY)
            .field("total", costs.total(), Decimals.CURRENCY)
            .endObject();
        json.field("netPnl", result.netPnl(), Decimals.CURRENCY)
            .field("maxUnhedgedExposure", result.maxUnhedgedExposure(), Decimals.CURRENCY)
            .field("leggedMillis", result.leggedMillis(), Decimals.MILLIS)
            .endObject();
    }
}
