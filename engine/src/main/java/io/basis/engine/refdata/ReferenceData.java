package io.basis.engine.refdata;

import io.basis.protocol.sbe.InstrumentKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The reference data set of one index: its future, its constituents and their tick tables, loaded from the CSV
 * files of a directory (format in {@code docs/reference-data.md}) and validated as a whole.
 */
public final class ReferenceData
{
    /**
     * The {@code future} of {@code index.csv} that means "the front contract": of the futures in
     * {@code instruments.csv}, the first whose last trading day is on or after the trading date.
     */
    public static final String FRONT = "FRONT";

    private final String indexName;
    private final Instrument future;
    private final LocalDate lastTradingDay;
    private final LocalDate finalSettlement;
    private final SettlementStyle settlementStyle;
    private final LocalDate tradingDate;
    private final TradingCalendar calendar;
    private final int stockSettlementDays;
    private final double divisor;
    private final Rates rates;
    private final Costs costs;
    /** Every row of costs.csv by its effectiveFrom: a tax falls on the date of the trade it taxes. */
    private final NavigableMap<LocalDate, Costs> costsByDate;
    private final List<Dividend> dividends;
    private final List<Instrument> instruments;
    private final List<Constituent> constituents;
    private final Map<String, Instrument> bySymbol = new HashMap<>();

    private ReferenceData(
        final String indexName,
        final Instrument future,
        final LocalDate lastTradingDay,
        final LocalDate finalSettlement,
        final SettlementStyle settlementStyle,
        final LocalDate tradingDate,
        final TradingCalendar calendar,
        final int stockSettlementDays,
        final double divisor,
        final Rates rates,
        final Costs costs,
        final NavigableMap<LocalDate, Costs> costsByDate,
        final List<Dividend> dividends,
        final List<Instrument> instruments,
        final List<Constituent> constituents)
    {
        this.indexName = indexName;
        this.future = future;
        this.lastTradingDay = lastTradingDay;
        this.finalSettlement = finalSettlement;
        this.settlementStyle = settlementStyle;
        this.tradingDate = tradingDate;
        this.calendar = calendar;
        this.stockSettlementDays = stockSettlementDays;
        this.divisor = divisor;
        this.rates = rates;
        this.costs = costs;
        this.costsByDate = costsByDate;
        this.dividends = Collections.unmodifiableList(dividends);
        this.instruments = Collections.unmodifiableList(instruments);
        this.constituents = Collections.unmodifiableList(constituents);
        for (final Instrument instrument : instruments)
        {
            bySymbol.put(instrument.symbol(), instrument);
        }
    }

    /**
     * Load and validate a reference data directory.
     *
     * @param dir         directory holding instruments.csv, tick-tables.csv, basket.csv, index.csv, rates.csv,
     *                    costs.csv and dividends.csv.
     * @param tradingDate the date whose tick tables apply.
     * @return the reference data.
     * @throws ReferenceDataException naming file, line, field and reason of the first bad value.
     */
    public static ReferenceData load(final Path dir, final LocalDate tradingDate)
    {
        if (!Files.isDirectory(dir))
        {
            throw new ReferenceDataException(dir, 0, null, "not a directory");
        }
        final Map<String, TickTable> tickTables = loadTickTables(dir.resolve("tick-tables.csv"), tradingDate);

        final CsvTable instrumentsCsv = CsvTable.read(
            dir.resolve("instruments.csv"), "symbol", "kind", "lot", "tickTable", "multiplier", "prevClose");
        final List<Instrument> instruments = new ArrayList<>();
        final Map<String, Integer> rowBySymbol = new HashMap<>();
        for (int row = 0; row < instrumentsCsv.size(); row++)
        {
            final String symbol = instrumentsCsv.requiredText(row, "symbol");
            if (symbol.length() > 16)
            {
                throw instrumentsCsv.error(row, "symbol", "longer than 16 characters");
            }
            if (rowBySymbol.put(symbol, row) != null)
            {
                throw instrumentsCsv.error(row, "symbol", "duplicate symbol " + symbol);
            }
            final InstrumentKind kind = kind(instrumentsCsv, row);
            final String tableName = instrumentsCsv.requiredText(row, "tickTable");
            final TickTable tickTable = tickTables.get(tableName);
            if (tickTable == null)
            {
                throw instrumentsCsv.error(
                    row, "tickTable", "no tick table '" + tableName + "' effective on " + tradingDate);
            }
            final long prevClose = instrumentsCsv.price(row, "prevClose");
            if (!tickTable.isOnTick(prevClose))
            {
                throw instrumentsCsv.error(row, "prevClose", "not on the tick grid of " + tableName);
            }
            instruments.add(new Instrument(
                instruments.size(),
                symbol,
                kind,
                instrumentsCsv.positiveLong(row, "lot"),
                tickTable,
                instrumentsCsv.positiveLong(row, "multiplier"),
                prevClose));
        }

        final CsvTable indexCsv = CsvTable.read(dir.resolve("index.csv"), "index", "future", "divisor");
        final int indexRow = indexCsv.hasColumn("effectiveFrom") ? indexCsv.rowEffectiveOn(tradingDate) : 0;
        if (!indexCsv.hasColumn("effectiveFrom") && indexCsv.size() != 1)
        {
            throw new ReferenceDataException(indexCsv.file(), 0, null,
                "expected exactly one index row, or an effectiveFrom column");
        }
        final TradingCalendar calendar = TradingCalendar.load(dir);
        final String rule = indexCsv.hasColumn("contractRule") ? indexCsv.text(indexRow, "contractRule") : "";
        final ContractRule contractRule = rule.isEmpty() ? null : contractRule(indexCsv, indexRow, rule);
        for (int row = 0; row < instrumentsCsv.size(); row++)
        {
            if (instruments.get(row).kind() == InstrumentKind.FUTURE)
            {
                checkContract(instrumentsCsv, row, contractRule, calendar);
            }
        }
        final String futureSymbol = indexCsv.requiredText(indexRow, "future");
        final Integer futureRow = FRONT.equals(futureSymbol) ?
            frontFuture(instrumentsCsv, instruments, tradingDate, indexCsv, indexRow) : rowBySymbol.get(futureSymbol);
        if (futureRow == null || instruments.get(futureRow).kind() != InstrumentKind.FUTURE)
        {
            throw indexCsv.error(indexRow, "future", "'" + futureSymbol + "' is not a FUTURE in instruments.csv");
        }
        final Instrument future = instruments.get(futureRow);
        final LocalDate lastTradingDay = instrumentsCsv.date(futureRow, "lastTradingDay");
        final LocalDate finalSettlement = instrumentsCsv.date(futureRow, "finalSettlement");
        final SettlementStyle settlementStyle = settlementStyle(instrumentsCsv, futureRow);
        final double divisor = indexCsv.positiveLong(indexRow, "divisor");
        final int stockSettlementDays = (int)indexCsv.number(indexRow, "stockSettlementDays", 0, 5);

        final CsvTable basketCsv = CsvTable.read(
            dir.resolve("basket.csv"), "symbol", "indexShares", "floatFactor", "capFactor");
        final List<Constituent> constituents = new ArrayList<>();
        final Map<String, Boolean> seen = new HashMap<>();
        // An index review is a new set of rows effective from its date: the latest set not after the trading date.
        final LocalDate composition = basketCsv.hasColumn("effectiveFrom") ?
            basketCsv.latestDateNotAfter("effectiveFrom", tradingDate) : null;
        for (int row = 0; row < basketCsv.size(); row++)
        {
            if (composition != null && !composition.equals(basketCsv.date(row, "effectiveFrom")))
            {
                continue;
            }
            final String symbol = basketCsv.requiredText(row, "symbol");
            final Integer instrumentRow = rowBySymbol.get(symbol);
            if (instrumentRow == null || instruments.get(instrumentRow).kind() != InstrumentKind.STOCK)
            {
                throw basketCsv.error(row, "symbol", "'" + symbol + "' is not a STOCK in instruments.csv");
            }
            if (seen.put(symbol, Boolean.TRUE) != null)
            {
                throw basketCsv.error(row, "symbol", "duplicate constituent " + symbol);
            }
            constituents.add(new Constituent(
                instruments.get(instrumentRow),
                basketCsv.positiveLong(row, "indexShares"),
                basketCsv.fraction(row, "floatFactor"),
                basketCsv.fraction(row, "capFactor")));
        }
        if (constituents.isEmpty())
        {
            throw new ReferenceDataException(basketCsv.file(), 0, null, "the basket has no constituents");
        }

        final NavigableMap<LocalDate, Costs> costsByDate = loadCosts(dir.resolve("costs.csv"), tradingDate);
        return new ReferenceData(
            indexCsv.requiredText(indexRow, "index"),
            future,
            lastTradingDay,
            finalSettlement,
            settlementStyle,
            tradingDate,
            calendar,
            stockSettlementDays,
            divisor,
            loadRates(dir.resolve("rates.csv"), tradingDate),
            costsByDate.floorEntry(tradingDate).getValue(),
            costsByDate,
            loadDividends(dir.resolve("dividends.csv"), rowBySymbol, instruments, seen),
            instruments,
            constituents);
    }

    private static ContractRule contractRule(final CsvTable csv, final int row, final String rule)
    {
        try
        {
            return ContractRule.valueOf(rule);
        }
        catch (final IllegalArgumentException ex)
        {
            throw csv.error(row, "contractRule", "'" + rule + "' is not one of KRX_QUARTERLY, CME_QUARTERLY");
        }
    }

    private static SettlementStyle settlementStyle(final CsvTable csv, final int row)
    {
        final String style = csv.requiredText(row, "settlementStyle");
        try
        {
            return SettlementStyle.valueOf(style);
        }
        catch (final IllegalArgumentException ex)
        {
            throw csv.error(row, "settlementStyle",
                "'" + style + "' is not one of CLOSING_AUCTION, OPENING_QUOTATION, AVERAGE");
        }
    }

    /**
     * A future's dates must be consistent, and with the index's contract rule when it has one: a wrong expiry is
     * a wrong days-to-expiry, which mis-prices every program (the Hanmag incident).
     */
    private static void checkContract(
        final CsvTable csv, final int row, final ContractRule rule, final TradingCalendar calendar)
    {
        final LocalDate lastTradingDay = csv.date(row, "lastTradingDay");
        final LocalDate finalSettlement = csv.date(row, "finalSettlement");
        final SettlementStyle style = settlementStyle(csv, row);
        if (finalSettlement.isBefore(lastTradingDay))
        {
            throw csv.error(row, "finalSettlement", "before the last trading day " + lastTradingDay);
        }
        if (rule == null)
        {
            return;
        }
        final YearMonth month = YearMonth.from(lastTradingDay);
        if (!ContractRule.isContractMonth(month) || !rule.lastTradingDay(month, calendar).equals(lastTradingDay))
        {
            throw csv.error(row, "lastTradingDay", "not a " + rule + " last trading day (" +
                (ContractRule.isContractMonth(month) ? "that month's is " + rule.lastTradingDay(month, calendar) :
                "not a contract month") + ")");
        }
        if (!rule.finalSettlement(month, calendar).equals(finalSettlement))
        {
            throw csv.error(row, "finalSettlement", rule + " settles the " + month + " contract on " +
                rule.finalSettlement(month, calendar));
        }
        if (rule.settlementStyle() != style)
        {
            throw csv.error(row, "settlementStyle", rule + " settles by " + rule.settlementStyle());
        }
    }

    private static Integer frontFuture(
        final CsvTable instrumentsCsv,
        final List<Instrument> instruments,
        final LocalDate tradingDate,
        final CsvTable indexCsv,
        final int indexRow)
    {
        Integer front = null;
        LocalDate frontDay = null;
        for (int row = 0; row < instruments.size(); row++)
        {
            if (instruments.get(row).kind() != InstrumentKind.FUTURE)
            {
                continue;
            }
            final LocalDate lastTradingDay = instrumentsCsv.date(row, "lastTradingDay");
            if (!lastTradingDay.isBefore(tradingDate) && (frontDay == null || lastTradingDay.isBefore(frontDay)))
            {
                front = row;
                frontDay = lastTradingDay;
            }
        }
        if (front == null)
        {
            throw indexCsv.error(indexRow, "future", "FRONT: no FUTURE in instruments.csv trades on or after " +
                tradingDate);
        }
        return front;
    }

    private static Rates loadRates(final Path file, final LocalDate tradingDate)
    {
        final CsvTable csv = CsvTable.read(file, "effectiveFrom", "rate", "borrowRate", "lendRate");
        final int row = csv.rowEffectiveOn(tradingDate);
        final Rates rates = new Rates(
            csv.number(row, "rate", -0.05, 1.0),
            csv.number(row, "borrowRate", -0.05, 1.0),
            csv.number(row, "lendRate", -0.05, 1.0));
        if (rates.borrowRate() < rates.lendRate())
        {
            throw csv.error(row, "borrowRate", "below the lending rate: the desk cannot borrow cheaper than it lends");
        }
        return rates;
    }

    private static NavigableMap<LocalDate, Costs> loadCosts(final Path file, final LocalDate tradingDate)
    {
        final CsvTable csv = CsvTable.read(file, "effectiveFrom", "stockCommission", "futuresCommission", "sellTax",
            "buyTax", "impactIn", "impactOut", "futuresSlippage", "borrowFee", "trackingError");
        // Every row, not only the trading date's: a basket held to expiry is taxed at its sale date's row. The
        // trading date must still have one.
        csv.rowEffectiveOn(tradingDate);
        final NavigableMap<LocalDate, Costs> rows = new TreeMap<>();
        for (int row = 0; row < csv.size(); row++)
        {
            final Costs costs = new Costs(
                csv.number(row, "stockCommission", 0, 0.05),
                csv.number(row, "futuresCommission", 0, 0.05),
                csv.number(row, "sellTax", 0, 0.05),
                csv.number(row, "buyTax", 0, 0.05),
                csv.number(row, "impactIn", 0, 0.05),
                csv.number(row, "impactOut", 0, 0.05),
                csv.number(row, "futuresSlippage", 0, 1.0e6),
                csv.number(row, "borrowFee", 0, 1.0),
                csv.number(row, "trackingError", 0, 1.0e6));
            if (rows.put(csv.date(row, "effectiveFrom"), costs) != null)
            {
                throw csv.error(row, "effectiveFrom", "two rows effective from " + csv.date(row, "effectiveFrom"));
            }
        }
        return rows;
    }

    private static List<Dividend> loadDividends(
        final Path file,
        final Map<String, Integer> rowBySymbol,
        final List<Instrument> instruments,
        final Map<String, Boolean> constituents)
    {
        final CsvTable csv = CsvTable.read(file, "symbol", "perShare", "exDate", "payDate");
        final List<Dividend> dividends = new ArrayList<>();
        for (int row = 0; row < csv.size(); row++)
        {
            final String symbol = csv.requiredText(row, "symbol");
            final Integer instrumentRow = rowBySymbol.get(symbol);
            if (instrumentRow == null || !constituents.containsKey(symbol))
            {
                throw csv.error(row, "symbol", "'" + symbol + "' is not a constituent in basket.csv");
            }
            final long perShare = csv.price(row, "perShare");
            if (perShare <= 0)
            {
                throw csv.error(row, "perShare", "must be positive");
            }
            final LocalDate exDate = csv.date(row, "exDate");
            final LocalDate payDate = csv.date(row, "payDate");
            if (payDate.isBefore(exDate))
            {
                throw csv.error(row, "payDate", "before the ex-date " + exDate);
            }
            dividends.add(new Dividend(instruments.get(instrumentRow), perShare, exDate, payDate));
        }
        return dividends;
    }

    private static InstrumentKind kind(final CsvTable csv, final int row)
    {
        final String kind = csv.requiredText(row, "kind");
        switch (kind)
        {
            case "STOCK":
                return InstrumentKind.STOCK;
            case "FUTURE":
                return InstrumentKind.FUTURE;
            default:
                throw csv.error(row, "kind", "'" + kind + "' is neither STOCK nor FUTURE");
        }
    }

    private static Map<String, TickTable> loadTickTables(final Path file, final LocalDate tradingDate)
    {
        final CsvTable csv = CsvTable.read(file, "table", "effectiveFrom", "fromPrice", "tick");
        // table -> effective date -> band lower bound -> tick; the latest date not after the trading date wins.
        final Map<String, TreeMap<LocalDate, TreeMap<Long, Long>>> versions = new HashMap<>();
        for (int row = 0; row < csv.size(); row++)
        {
            final long tick = csv.price(row, "tick");
            if (tick <= 0)
            {
                throw csv.error(row, "tick", "must be positive");
            }
            final long fromPrice = csv.price(row, "fromPrice");
            if (fromPrice < 0)
            {
                throw csv.error(row, "fromPrice", "must not be negative");
            }
            final TreeMap<Long, Long> bands = versions
                .computeIfAbsent(csv.requiredText(row, "table"), k -> new TreeMap<>())
                .computeIfAbsent(csv.date(row, "effectiveFrom"), k -> new TreeMap<>());
            if (bands.put(fromPrice, tick) != null)
            {
                throw csv.error(row, "fromPrice", "duplicate band");
            }
        }

        final Map<String, TickTable> tables = new HashMap<>();
        for (final Map.Entry<String, TreeMap<LocalDate, TreeMap<Long, Long>>> entry : versions.entrySet())
        {
            final Map.Entry<LocalDate, TreeMap<Long, Long>> effective = entry.getValue().floorEntry(tradingDate);
            if (effective == null)
            {
                continue;
            }
            final TreeMap<Long, Long> bands = effective.getValue();
            if (bands.firstKey() != 0L)
            {
                throw new ReferenceDataException(
                    file, 0, "fromPrice", "table " + entry.getKey() + " of " + effective.getKey() + " must start at 0");
            }
            final long[] from = new long[bands.size()];
            final long[] ticks = new long[bands.size()];
            int i = 0;
            for (final Map.Entry<Long, Long> band : bands.entrySet())
            {
                from[i] = band.getKey();
                ticks[i++] = band.getValue();
            }
            tables.put(entry.getKey(), new TickTable(entry.getKey(), from, ticks));
        }
        return tables;
    }

    /**
     * @return index name.
     */
    public String indexName()
    {
        return indexName;
    }

    /**
     * @return the index future.
     */
    public Instrument future()
    {
        return future;
    }

    /**
     * @return last trading day of the future.
     */
    public LocalDate lastTradingDay()
    {
        return lastTradingDay;
    }

    /**
     * @return final settlement date of the future.
     */
    public LocalDate finalSettlement()
    {
        return finalSettlement;
    }

    /**
     * @return how the future settles, which decides how the basket is unwound at expiry.
     */
    public SettlementStyle settlementStyle()
    {
        return settlementStyle;
    }

    /**
     * @return the trading date the data was loaded for (tick tables, rates, costs, composition, front contract).
     */
    public LocalDate tradingDate()
    {
        return tradingDate;
    }

    /**
     * @return the exchange's business days.
     */
    public TradingCalendar calendar()
    {
        return calendar;
    }

    /**
     * @return true on the future's last trading day (the day its position is unwound).
     */
    public boolean isExpiryDay()
    {
        return tradingDate.equals(lastTradingDay);
    }

    /**
     * The same data with other previous closes, as a new day starts from the last one's closing prices (a backtest
     * over many days; daily limits and price collars refer to them).
     *
     * @param previousClose scaled previous close by instrument id; a non-positive entry keeps the file's.
     * @return the data for the new day.
     */
    public ReferenceData withPreviousCloses(final long[] previousClose)
    {
        final List<Instrument> updated = new ArrayList<>(instruments.size());
        for (final Instrument instrument : instruments)
        {
            final long close = previousClose[instrument.id()];
            updated.add(close <= 0 ? instrument : new Instrument(instrument.id(), instrument.symbol(),
                instrument.kind(), instrument.lot(), instrument.tickTable(), instrument.multiplier(),
                instrument.floorToTick(close)));
        }
        final List<Constituent> basket = new ArrayList<>(constituents.size());
        for (final Constituent constituent : constituents)
        {
            basket.add(new Constituent(updated.get(constituent.instrument().id()), constituent.indexShares(),
                constituent.floatFactor(), constituent.capFactor()));
        }
        final List<Dividend> paid = new ArrayList<>(dividends.size());
        for (final Dividend dividend : dividends)
        {
            paid.add(new Dividend(updated.get(dividend.instrument().id()), dividend.perShare(), dividend.exDate(),
                dividend.payDate()));
        }
        return new ReferenceData(indexName, updated.get(future.id()), lastTradingDay, finalSettlement,
            settlementStyle, tradingDate, calendar, stockSettlementDays, divisor, rates, costs, costsByDate, paid, updated,
            basket);
    }

    /**
     * @return business days from trade to stock settlement (2 in Korea, 1 in the US).
     */
    public int stockSettlementDays()
    {
        return stockSettlementDays;
    }

    /**
     * @param tradeDate trade date.
     * @return settlement date of stocks bought on it: {@link #stockSettlementDays()} business days later.
     */
    public LocalDate stockSettlement(final LocalDate tradeDate)
    {
        return calendar.addBusinessDays(tradeDate, stockSettlementDays);
    }

    /**
     * @return rates in force on the trading date.
     */
    public Rates rates()
    {
        return rates;
    }

    /**
     * @return costs in force on the trading date: {@code costsOn(tradingDate)}.
     */
    public Costs costs()
    {
        return costs;
    }

    /**
     * The costs row in force on a date: the one with the latest {@code effectiveFrom} not after it. A tax is due at
     * the rate in force when the taxed trade is made, so a basket held to expiry is sold at the rate of its sale
     * date, which may be another year's.
     *
     * @param date a trading date on or after the first row's {@code effectiveFrom}; any date from the loaded trading
     *             date on qualifies.
     * @return the costs in force on that date.
     * @throws IllegalArgumentException if the date is before every row of costs.csv.
     */
    public Costs costsOn(final LocalDate date)
    {
        final Map.Entry<LocalDate, Costs> row = costsByDate.floorEntry(date);
        if (row == null)
        {
            throw new IllegalArgumentException("costs.csv has no row effective on " + date);
        }
        return row.getValue();
    }

    /**
     * @return every dividend in the file.
     */
    public List<Dividend> dividends()
    {
        return dividends;
    }

    /**
     * @return index divisor.
     */
    public double divisor()
    {
        return divisor;
    }

    /**
     * @return every instrument, indexed by id.
     */
    public List<Instrument> instruments()
    {
        return instruments;
    }

    /**
     * @return the index constituents.
     */
    public List<Constituent> constituents()
    {
        return constituents;
    }

    /**
     * @param symbol exchange symbol.
     * @return the instrument or null.
     */
    public Instrument instrument(final String symbol)
    {
        return bySymbol.get(symbol);
    }
}
