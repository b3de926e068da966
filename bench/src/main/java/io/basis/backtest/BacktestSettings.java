package io.basis.backtest;

import io.basis.engine.Arguments;
import io.basis.engine.EngineConfig;
import io.basis.engine.strategy.BasisMeasure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of {@code ./basis backtest}, from its command line.
 */
final class BacktestSettings
{
    static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis backtest [options]",
        "  --cycles N               out-of-sample expiry cycles (default 30)",
        "  --fit-cycles N           cycles each walk-forward fit uses, traded before the first (default 4)",
        "  --seed N                 the synthetic market's seed (default 7)",
        "  --refdata DIR            reference data set with a contractRule (default refdata/kospi200)",
        "  --start YYYY-MM-DD       first trading date (default 2026-12-11, after the December 2026 expiry)",
        "  --contracts N            contracts per program (default 1)",
        "  --basis-measure raw|mispricing  what the levels are fitted on and compared with (default raw, the study's)",
        "  --edge POINTS            edge beyond a no-arbitrage bound needed to enter (default 0)",
        "  --max-programs N         largest net position in programs either way (default 2)",
        "  --step-seconds N         seconds of trading between market steps (default 30)",
        "  --mispricing POINTS      the synthetic future's mispricing, stationary standard deviation (default 0.9)",
        "  --mispricing-half-life-min N  how fast a mispricing fades, minutes of trading (default 45)",
        "  --depth PROGRAMS         shares at each stock's best level, in programs' worth (default 2)",
        "  --order-latency-us N     engine to exchange latency, virtual microseconds (default 500)",
        "  --fills book|mid         fills from the matching engine (default), or all at once at the mid",
        "  --market FILE            a recording of book levels (timeMillis,symbol,side,level,price,size) instead of",
        "                           the synthetic market: every whole expiry cycle it holds is traded",
        "  --record FILE            write the synthetic market's book events as such a recording",
        "  --chart-cycle N          the cycle whose basis is charted (default: the first out-of-sample one)",
        "  --report FILE            the JSON report",
        "  --out DIR                the cycle CSV, the charts, a summary and the generated reference data",
        "  --help                   this text");

    int cycles = 30;
    int fitCycles = 4;
    long seed = 7;
    Path refdata = Path.of("refdata", "kospi200");
    LocalDate start = LocalDate.of(2026, 12, 11);
    long latencyNs = 500_000;
    boolean fillAtMid;
    int chartCycle;
    Path report;
    Path out;
    Path marketFile;
    Path record;
    MarketModel market = MarketModel.defaults();
    final EngineConfig engine = new EngineConfig();
    private int stepSeconds = 30;
    private double mispricing = MarketModel.defaults().mispricingVolatility();
    private double halfLifeMinutes = MarketModel.defaults().mispricingHalfLifeMinutes();
    private double depth = MarketModel.defaults().depthPerContract();

    static BacktestSettings parse(final String[] args)
    {
        final BacktestSettings settings = new BacktestSettings();
        settings.engine.strategy = "paper";
        for (int i = 0; i < args.length; i++)
        {
            final String option = args[i];
            final String value = option.equals("--help") ? "" : Arguments.value(args, ++i);
            switch (option)
            {
                case "--cycles":
                    settings.cycles = (int)Arguments.positive(value, option);
                    break;
                case "--fit-cycles":
                    settings.fitCycles = (int)Arguments.positive(value, option);
                    break;
                case "--seed":
                    settings.seed = Arguments.positive(value, option);
                    break;
                case "--refdata":
                    settings.refdata = Path.of(value);
                    break;
                case "--start":
                    settings.start = LocalDate.parse(value);
                    break;
                case "--contracts":
                    settings.engine.contracts = Arguments.positive(value, option);
                    break;
                case "--basis-measure":
                    settings.engine.basisMeasure = BasisMeasure.parse(value);
                    break;
                case "--edge":
                    settings.engine.edgeThreshold = nonNegative(value, option);
                    break;
                case "--max-programs":
                    settings.engine.maxNetPrograms = (int)Arguments.positive(value, option);
                    break;
                case "--step-seconds":
                    settings.stepSeconds = (int)Arguments.positive(value, option);
                    break;
                case "--mispricing":
                    settings.mispricing = nonNegative(value, option);
                    break;
                case "--mispricing-half-life-min":
                    settings.halfLifeMinutes = Arguments.positive(value, option);
                    break;
                case "--depth":
                    settings.depth = nonNegative(value, option);
                    if (settings.depth == 0)
                    {
                        throw new IllegalArgumentException("--depth must be positive");
                    }
                    break;
                case "--order-latency-us":
                    settings.latencyNs = Arguments.positive(value, option) * 1_000L;
                    break;
                case "--fills":
                    if (!value.equals("book") && !value.equals("mid"))
                    {
                        throw new IllegalArgumentException("--fills must be 'book' or 'mid', was '" + value + "'");
                    }
                    settings.fillAtMid = value.equals("mid");
                    break;
                case "--chart-cycle":
                    settings.chartCycle = (int)Arguments.positive(value, option);
                    break;
                case "--market":
                    settings.marketFile = Path.of(value);
                    break;
                case "--record":
                    settings.record = Path.of(value);
                    break;
                case "--report":
                    settings.report = Path.of(value);
                    break;
                case "--out":
                    settings.out = Path.of(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        final MarketModel m = settings.market;
        settings.market = new MarketModel(m.indexVolatility(), m.idiosyncraticVolatility(), settings.mispricing,
            settings.halfLifeMinutes, m.convergenceDays(), settings.depth, m.futureDepth(), m.levels(),
            settings.stepSeconds);
        return settings;
    }

    private static double nonNegative(final String value, final String option)
    {
        try
        {
            final double number = Double.parseDouble(value);
            if (number >= 0 && Double.isFinite(number))
            {
                return number;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a non-negative number, was '" + value + "'");
    }

    /**
     * @return an engine configuration for one cycle's run (each run gets its own: the levels differ).
     */
    EngineConfig engineConfig()
    {
        final EngineConfig config = new EngineConfig();
        config.strategy = "paper";
        config.contracts = engine.contracts;
        config.basisMeasure = engine.basisMeasure;
        config.edgeThreshold = engine.edgeThreshold;
        config.maxNetPrograms = engine.maxNetPrograms;
        config.modelLimits = engine.modelLimits;
        // Quotes that have not moved are still the market's: the synthetic feed sends changes only, so a book is as
        // old as the day. The backtest measures the strategy, not the desk's daily loss limits.
        config.riskLimits.maxBookAgeNs = Long.MAX_VALUE / 4;
        config.riskLimits.maxLoss = Double.MAX_VALUE;
        config.riskLimits.maxDrawdown = Double.MAX_VALUE;
        return config;
    }

    /**
     * @return every setting of the run, as the report lists them.
     */
    Map<String, String> asMap()
    {
        final Map<String, String> map = new LinkedHashMap<>();
        map.put("cycles", Integer.toString(cycles));
        map.put("fit-cycles", Integer.toString(fitCycles));
        map.put("seed", Long.toString(seed));
        map.put("refdata", refdata.toString());
        map.put("start", start.toString());
        map.put("contracts", Long.toString(engine.contracts));
        map.put("basis-measure", engine.basisMeasure.name().toLowerCase(java.util.Locale.ROOT));
        map.put("edge", Double.toString(engine.edgeThreshold));
        map.put("max-programs", Integer.toString(engine.maxNetPrograms));
        map.put("step-seconds", Integer.toString(stepSeconds));
        map.put("mispricing", Double.toString(market.mispricingVolatility()));
        map.put("mispricing-half-life-min", Double.toString(market.mispricingHalfLifeMinutes()));
        map.put("depth", Double.toString(market.depthPerContract()));
        map.put("order-latency-us", Long.toString(latencyNs / 1_000));
        map.put("fills", fillAtMid ? "mid" : "book");
        map.put("market", marketFile != null ? marketFile.toString() : "synthetic");
        return map;
    }
}
