package io.basis.simulator.refdata;

import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.price.TickTable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads and validates a reference-data directory: {@code tick-tables.csv}, {@code instruments.csv},
 * {@code index.csv}, {@code basket.csv}, {@code rates.csv} and {@code dividends.csv}.
 * <p>
 * Tick tables and rates are effective-dated: for each table name the rows with the greatest {@code effectiveFrom}
 * not after the trading date are the table in force, and likewise the rate. The carry inputs are read as the
 * engine reads them, because the synthetic market centres the future on the engine's fair value. Every problem is reported as a
 * {@link ReferenceDataException} naming file, line, field and reason; nothing is silently repaired.
 */
public final class ReferenceDataLoader
{
    /** Tick tables file name. */
    public static final String TICK_TABLES_FILE = "tick-tables.csv";
    /** Instruments file name. */
    public static final String INSTRUMENTS_FILE = "instruments.csv";
    /** Index file name. */
    public static final String INDEX_FILE = "index.csv";
    /** Basket file name. */
    public static final String BASKET_FILE = "basket.csv";
    /** Rates file name. */
    public static final String RATES_FILE = "rates.csv";
    /** Dividends file name. */
    public static final String DIVIDENDS_FILE = "dividends.csv";

    private ReferenceDataLoader()
    {
    }

    /**
     * @param directory   directory holding the six CSV files.
     * @param tradingDate the simulated trading date, selects the tick tables and the rate in force.
     * @return validated reference data.
     * @throws ReferenceDataException if a file is missing or any value is invalid.
     */
    public static ReferenceData load(final Path directory, final LocalDate tradingDate)
    {
        final Map<String, TickTable> tickTables = loadTickTables(directory, tradingDate);
        final Map<String, CsvRow> instrumentRows = new HashMap<>();
        final List<Instrument> instruments = loadInstruments(directory, tickTables, instrumentRows);
        final Map<String, Instrument> bySymbol = new HashMap<>();
        for (final Instrument instrument : instruments)
        {
            bySymbol.put(instrument.symbol(), instrument);
        }
        final CsvRow indexRow = indexRow(directory);
        final IndexDefinition index = loadIndex(indexRow, bySymbol);
        final List<Constituent> basket = loadBasket(directory, bySymbol);
        final Carry carry = new Carry(
            loadRate(directory, tradingDate),
            (int)indexRow.wholeNumber("stockSettlementDays", 0, 5),
            finalSettlement(instrumentRows.get(index.future().symbol())),
            loadDividends(directory, basket),
            loadHolidays(directory));
        return new ReferenceData(tradingDate, instruments, index, basket, carry);
    }

    private static LocalDate finalSettlement(final CsvRow futureRow)
    {
        final LocalDate finalSettlement = futureRow.date("finalSettlement");
        final LocalDate lastTradingDay = futureRow.optionalDate("lastTradingDay");
        if (lastTradingDay != null && finalSettlement.isBefore(lastTradingDay))
        {
            throw futureRow.error("finalSettlement", "before the last trading day " + lastTradingDay);
        }
        return finalSettlement;
    }

    private static double loadRate(final Path directory, final LocalDate tradingDate)
    {
        final CsvFile file = CsvFile.read(directory, RATES_FILE, "effectiveFrom", "rate");
        final TreeMap<LocalDate, CsvRow> versions = new TreeMap<>();
        for (final CsvRow row : file.rows())
        {
            final CsvRow previous = versions.put(row.date("effectiveFrom"), row);
            if (previous != null)
            {
                throw row.error("effectiveFrom", "two rows effective from " + row.date("effectiveFrom") +
                    " (also line " + previous.line() + ")");
            }
        }
        final Map.Entry<LocalDate, CsvRow> inForce = versions.floorEntry(tradingDate);
        if (inForce == null)
        {
            throw new ReferenceDataException(RATES_FILE, 0, "effectiveFrom",
                "no row effective on or before the trading date " + tradingDate);
        }
        return inForce.getValue().number("rate", -0.05, 1.0);
    }

    /**
     * The exchange's holidays ({@code holidays.csv}, optional): stock settlement counts business days, as the
     * engine does.
     */
    private static java.util.Set<LocalDate> loadHolidays(final Path directory)
    {
        final java.util.Set<LocalDate> holidays = new java.util.HashSet<>();
        if (java.nio.file.Files.exists(directory.resolve("holidays.csv")))
        {
            for (final CsvRow row : CsvFile.read(directory, "holidays.csv", "date").rows())
            {
                holidays.add(row.date("date"));
            }
        }
        return holidays;
    }

    private static List<Dividend> loadDividends(final Path directory, final List<Constituent> basket)
    {
        final CsvFile file = CsvFile.read(directory, DIVIDENDS_FILE, "symbol", "perShare", "exDate", "payDate");
        final Map<String, Instrument> constituents = new HashMap<>();
        for (final Constituent constituent : basket)
        {
            constituents.put(constituent.instrument().symbol(), constituent.instrument());
        }
        final List<Dividend> dividends = new ArrayList<>();
        for (final CsvRow row : file.rows())
        {
            final String symbol = row.text("symbol");
            final Instrument instrument = constituents.get(symbol);
            if (instrument == null)
            {
                throw row.error("symbol", symbol + " is not a constituent (not in " + BASKET_FILE + ")");
            }
            final long perShare = row.price("perShare");
            if (perShare <= 0)
            {
                throw row.error("perShare", "must be positive: " + FixedPoint.format(perShare));
            }
            final LocalDate exDate = row.date("exDate");
            final LocalDate payDate = row.date("payDate");
            if (payDate.isBefore(exDate))
            {
                throw row.error("payDate", "before the ex-date " + exDate);
            }
            dividends.add(new Dividend(instrument, perShare, exDate, payDate));
        }
        return dividends;
    }

    private static Map<String, TickTable> loadTickTables(final Path directory, final LocalDate tradingDate)
    {
        final CsvFile file = CsvFile.read(directory, TICK_TABLES_FILE, "table", "effectiveFrom", "fromPrice", "tick");

        // table -> effectiveFrom -> fromPrice -> row; sorted maps so the version and the bands come out ordered.
        final Map<String, TreeMap<LocalDate, TreeMap<Long, CsvRow>>> versions = new HashMap<>();
        for (final CsvRow row : file.rows())
        {
            final String table = row.text("table");
            final LocalDate effectiveFrom = row.date("effectiveFrom");
            final long fromPrice = row.price("fromPrice");
            if (fromPrice < 0)
            {
                throw row.error("fromPrice", "must not be negative");
            }
            if (row.price("tick") <= 0)
            {
                throw row.error("tick", "must be positive");
            }
            final CsvRow previous = versions
                .computeIfAbsent(table, t -> new TreeMap<>())
                .computeIfAbsent(effectiveFrom, d -> new TreeMap<>())
                .put(fromPrice, row);
            if (previous != null)
            {
                throw row.error("fromPrice", "duplicate band " + FixedPoint.format(fromPrice) + " of table " +
                    table + " effective " + effectiveFrom + " (also line " + previous.line() + ")");
            }
        }

        final Map<String, TickTable> tables = new HashMap<>();
        for (final Map.Entry<String, TreeMap<LocalDate, TreeMap<Long, CsvRow>>> entry : versions.entrySet())
        {
            final Map.Entry<LocalDate, TreeMap<Long, CsvRow>> inForce = entry.getValue().floorEntry(tradingDate);
            if (inForce == null)
            {
                continue; // Only an error if an instrument uses it; reported there.
            }
            final TreeMap<Long, CsvRow> bands = inForce.getValue();
            final long[] fromPrices = new long[bands.size()];
            final long[] ticks = new long[bands.size()];
            int k = 0;
            for (final CsvRow row : bands.values())
            {
                fromPrices[k] = row.price("fromPrice");
                ticks[k] = row.price("tick");
                k++;
            }
            try
            {
                tables.put(entry.getKey(), new TickTable(entry.getKey(), inForce.getKey(), fromPrices, ticks));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ReferenceDataException(TICK_TABLES_FILE, bands.firstEntry().getValue().line(), null,
                    ex.getMessage() + " (version effective " + inForce.getKey() + ")");
            }
        }
        return tables;
    }

    private static List<Instrument> loadInstruments(
        final Path directory, final Map<String, TickTable> tickTables, final Map<String, CsvRow> rows)
    {
        final CsvFile file = CsvFile.read(directory, INSTRUMENTS_FILE, "symbol", "kind", "currency", "lot",
            "tickTable", "multiplier", "prevClose", "lastTradingDay", "finalSettlement");
        final List<Instrument> instruments = new ArrayList<>();
        final Set<String> symbols = new HashSet<>();
        for (final CsvRow row : file.rows())
        {
            final String symbol = row.text("symbol");
            if (!symbols.add(symbol))
            {
                throw row.error("symbol", "duplicate symbol " + symbol);
            }
            rows.put(symbol, row);
            final InstrumentKind kind;
            try
            {
                kind = InstrumentKind.valueOf(row.text("kind"));
            }
            catch (final IllegalArgumentException ex)
            {
                throw row.error("kind", "must be STOCK or FUTURE: '" + row.text("kind") + "'");
            }
            final String tableName = row.text("tickTable");
            final TickTable tickTable = tickTables.get(tableName);
            if (tickTable == null)
            {
                throw row.error("tickTable", "no tick table '" + tableName + "' in " + TICK_TABLES_FILE +
                    " effective on or before the trading date");
            }
            final long prevClose = row.price("prevClose");
            if (!tickTable.isOnGrid(prevClose))
            {
                throw row.error("prevClose", FixedPoint.format(prevClose) + " is not a positive price on the " +
                    tableName + " tick grid");
            }
            final long multiplier = row.positiveLong("multiplier");
            if (kind == InstrumentKind.STOCK && multiplier != 1)
            {
                throw row.error("multiplier", "must be 1 for a stock");
            }
            instruments.add(new Instrument(
                symbol,
                kind,
                row.text("currency"),
                row.positiveLong("lot"),
                tickTable,
                multiplier,
                prevClose,
                row.optionalDate("lastTradingDay")));
        }
        if (instruments.isEmpty())
        {
            throw new ReferenceDataException(INSTRUMENTS_FILE, 0, null, "no instruments");
        }
        return instruments;
    }

    private static CsvRow indexRow(final Path directory)
    {
        final CsvFile file = CsvFile.read(directory, INDEX_FILE, "index", "future", "divisor", "stockSettlementDays");
        if (file.rows().size() != 1)
        {
            throw new ReferenceDataException(INDEX_FILE, 0, null,
                "exactly one index row expected, found " + file.rows().size());
        }
        return file.rows().get(0);
    }

    private static IndexDefinition loadIndex(final CsvRow row, final Map<String, Instrument> bySymbol)
    {
        final String futureSymbol = row.text("future");
        final Instrument future = bySymbol.get(futureSymbol);
        if (future == null)
        {
            throw row.error("future", "unknown instrument " + futureSymbol + " (not in " + INSTRUMENTS_FILE + ")");
        }
        if (future.kind() != InstrumentKind.FUTURE)
        {
            throw row.error("future", futureSymbol + " is a " + future.kind() + ", not a FUTURE");
        }
        return new IndexDefinition(row.text("index"), future, row.positiveLong("divisor"));
    }

    private static List<Constituent> loadBasket(final Path directory, final Map<String, Instrument> bySymbol)
    {
        final CsvFile file = CsvFile.read(directory, BASKET_FILE, "symbol", "indexShares", "floatFactor", "capFactor");
        final List<Constituent> basket = new ArrayList<>();
        final Set<String> symbols = new HashSet<>();
        for (final CsvRow row : file.rows())
        {
            final String symbol = row.text("symbol");
            final Instrument instrument = bySymbol.get(symbol);
            if (instrument == null)
            {
                throw row.error("symbol", "unknown instrument " + symbol + " (not in " + INSTRUMENTS_FILE + ")");
            }
            if (instrument.kind() != InstrumentKind.STOCK)
            {
                throw row.error("symbol", symbol + " is a " + instrument.kind() + ", not a STOCK");
            }
            if (!symbols.add(symbol))
            {
                throw row.error("symbol", "duplicate constituent " + symbol);
            }
            basket.add(new Constituent(
                instrument, row.positiveLong("indexShares"), row.factor("floatFactor"), row.factor("capFactor")));
        }
        if (basket.isEmpty())
        {
            throw new ReferenceDataException(BASKET_FILE, 0, null, "empty basket");
        }
        return basket;
    }
}
