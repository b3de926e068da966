package io.basis.backtest;

import io.basis.engine.refdata.ContractRule;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.refdata.TradingCalendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference data of a multi-cycle backtest: a copy of a reference data set whose single future becomes the
 * index's quarterly contracts over the whole run (named root + YYMM, dated by the index's contract rule and
 * holidays, traded as {@code FRONT}) and whose dividends recur every year, and the expiry cycles over it: each from
 * the business day after one contract's last trading day to the last trading day of the next.
 */
final class BacktestData
{
    /**
     * One expiry cycle.
     *
     * @param number   1-based.
     * @param contract the contract traded.
     * @param days     its trading days, the last one the contract's last trading day.
     */
    record Cycle(int number, String contract, List<LocalDate> days)
    {
        LocalDate lastTradingDay()
        {
            return days.get(days.size() - 1);
        }
    }

    private final Path dir;
    private final String currency;
    private final List<Cycle> cycles;
    private final Map<LocalDate, ReferenceData> loaded = new HashMap<>();

    private BacktestData(final Path dir, final String currency, final List<Cycle> cycles)
    {
        this.dir = dir;
        this.currency = currency;
        this.cycles = cycles;
    }

    /**
     * @param base   a reference data set with one future and a contract rule in {@code index.csv}.
     * @param dir    where the backtest's set is written.
     * @param start  the first trading date (the backtest starts with the front contract on it).
     * @param cycles expiry cycles to cover.
     * @return the data.
     */
    static BacktestData generate(final Path base, final Path dir, final LocalDate start, final int cycles)
    {
        return generate(base, dir, start, cycles, null);
    }

    /**
     * The cycles a recording covers: its days, grouped by front contract; a last cycle the recording stops before
     * the end of is left out.
     *
     * @param base the reference data set.
     * @param dir  where the backtest's set is written.
     * @param days the recording's trading days, in order.
     * @return the data.
     */
    static BacktestData covering(final Path base, final Path dir, final List<LocalDate> days)
    {
        return generate(base, dir, days.get(0), Integer.MAX_VALUE, new java.util.TreeSet<>(days));
    }

    private static BacktestData generate(
        final Path base, final Path dir, final LocalDate start, final int cycles,
        final java.util.NavigableSet<LocalDate> recorded)
    {
        final ReferenceData sample = ReferenceData.load(base, start);
        final TradingCalendar calendar = sample.calendar();
        final String rule = column(base.resolve("index.csv"), "contractRule");
        if (rule == null || rule.isEmpty())
        {
            throw new IllegalArgumentException(base.resolve("index.csv") + ": a backtest needs the index's " +
                "contractRule (KRX_QUARTERLY or CME_QUARTERLY) to list its contracts");
        }
        final ContractRule contractRule = ContractRule.valueOf(rule);
        final String root = sample.future().symbol();
        try
        {
            Files.createDirectories(dir);
            for (final String file : new String[] {"tick-tables.csv", "basket.csv", "rates.csv", "costs.csv",
                "holidays.csv"})
            {
                if (Files.exists(base.resolve(file)))
                {
                    Files.copy(base.resolve(file), dir.resolve(file),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            final List<Cycle> list = new ArrayList<>();
            final StringBuilder futures = new StringBuilder();
            LocalDate day = calendar.isBusinessDay(start) ? start : calendar.nextBusinessDay(start);
            YearMonth month = contractRule.frontMonth(day, calendar);
            for (int number = 1; number <= cycles; number++)
            {
                final LocalDate lastTradingDay = contractRule.lastTradingDay(month, calendar);
                final String symbol = root + String.format("%02d%02d", month.getYear() % 100, month.getMonthValue());
                final List<LocalDate> days = new ArrayList<>();
                for (; !day.isAfter(lastTradingDay); day = calendar.nextBusinessDay(day))
                {
                    if (recorded == null || recorded.contains(day))
                    {
                        days.add(day);
                    }
                }
                if (recorded != null && (days.isEmpty() || !days.get(days.size() - 1).equals(lastTradingDay)))
                {
                    // The recording ends before this contract's last trading day: no whole cycle left.
                    break;
                }
                list.add(new Cycle(number, symbol, days));
                futures.append(symbol).append(",FUTURE,").append(currency(base, root)).append(",1,")
                    .append(sample.future().tickTable().name()).append(',').append(sample.future().multiplier())
                    .append(',').append(io.basis.protocol.Prices.format(sample.future().prevClose())).append(',')
                    .append(lastTradingDay).append(',').append(contractRule.finalSettlement(month, calendar))
                    .append(',').append(contractRule.settlementStyle()).append('\n');
                month = month.plusMonths(3);
            }
            if (list.isEmpty())
            {
                throw new IllegalArgumentException("the recording holds no whole expiry cycle (from " + start +
                    " it never reaches a last trading day of " + contractRule + ")");
            }
            writeInstruments(base, dir, root, futures.toString());
            writeIndex(base, dir);
            writeDividends(base, dir, start.getYear(), list.get(list.size() - 1).lastTradingDay().getYear() + 1);
            return new BacktestData(dir, currency(base, root), list);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    List<Cycle> cycles()
    {
        return cycles;
    }

    Path dir()
    {
        return dir;
    }

    /**
     * @return the currency of the index future, which P&amp;L is counted in.
     */
    String currency()
    {
        return currency;
    }

    /**
     * @param date a trading date of the run.
     * @return the reference data loaded for it (cached: every run of a backtest walks the same days).
     */
    ReferenceData day(final LocalDate date)
    {
        return loaded.computeIfAbsent(date, d -> ReferenceData.load(dir, d));
    }

    private static void writeInstruments(final Path base, final Path dir, final String root, final String futures)
        throws IOException
    {
        final StringBuilder out = new StringBuilder();
        boolean header = false;
        for (final String line : Files.readAllLines(base.resolve("instruments.csv")))
        {
            if (line.startsWith("#") || line.isBlank())
            {
                out.append(line).append('\n');
                continue;
            }
            if (!header)
            {
                header = true;
                out.append(line).append('\n').append(futures);
                continue;
            }
            if (!line.startsWith(root + ","))
            {
                out.append(line).append('\n');
            }
        }
        Files.writeString(dir.resolve("instruments.csv"), out.toString());
    }

    private static void writeIndex(final Path base, final Path dir) throws IOException
    {
        final List<String> lines = Files.readAllLines(base.resolve("index.csv"));
        final StringBuilder out = new StringBuilder();
        int futureColumn = -1;
        for (final String line : lines)
        {
            if (line.startsWith("#") || line.isBlank())
            {
                out.append(line).append('\n');
                continue;
            }
            final String[] cells = line.split(",", -1);
            if (futureColumn < 0)
            {
                futureColumn = java.util.Arrays.asList(cells).indexOf("future");
            }
            else
            {
                cells[futureColumn] = ReferenceData.FRONT;
            }
            out.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(dir.resolve("index.csv"), out.toString());
    }

    /**
     * The sample's dividends recur every year of the run, on the same days.
     */
    private static void writeDividends(final Path base, final Path dir, final int fromYear, final int toYear)
        throws IOException
    {
        final StringBuilder out = new StringBuilder();
        final List<String[]> rows = new ArrayList<>();
        String[] header = null;
        for (final String line : Files.readAllLines(base.resolve("dividends.csv")))
        {
            if (line.startsWith("#") || line.isBlank())
            {
                out.append(line).append('\n');
            }
            else if (header == null)
            {
                header = line.split(",", -1);
                out.append(line).append('\n');
            }
            else
            {
                rows.add(line.split(",", -1));
            }
        }
        final List<String> columns = java.util.Arrays.asList(header);
        final int ex = columns.indexOf("exDate");
        final int pay = columns.indexOf("payDate");
        for (int year = fromYear; year <= toYear; year++)
        {
            for (final String[] row : rows)
            {
                final String[] copy = row.clone();
                final LocalDate exDate = LocalDate.parse(row[ex]);
                final int shift = year - exDate.getYear();
                copy[ex] = exDate.plusYears(shift).toString();
                copy[pay] = LocalDate.parse(row[pay]).plusYears(shift).toString();
                out.append(String.join(",", copy)).append('\n');
            }
        }
        Files.writeString(dir.resolve("dividends.csv"), out.toString());
    }

    private static String currency(final Path base, final String root) throws IOException
    {
        final String[] header = headerOf(base.resolve("instruments.csv"));
        final int column = java.util.Arrays.asList(header).indexOf("currency");
        for (final String line : Files.readAllLines(base.resolve("instruments.csv")))
        {
            if (line.startsWith(root + ","))
            {
                return line.split(",", -1)[column];
            }
        }
        return "";
    }

    private static String column(final Path file, final String name)
    {
        try
        {
            final String[] header = headerOf(file);
            final int column = java.util.Arrays.asList(header).indexOf(name);
            if (column < 0)
            {
                return null;
            }
            boolean seenHeader = false;
            for (final String line : Files.readAllLines(file))
            {
                if (line.startsWith("#") || line.isBlank())
                {
                    continue;
                }
                if (!seenHeader)
                {
                    seenHeader = true;
                    continue;
                }
                return line.split(",", -1)[column];
            }
            return null;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String[] headerOf(final Path file) throws IOException
    {
        for (final String line : Files.readAllLines(file))
        {
            if (!line.startsWith("#") && !line.isBlank())
            {
                return line.split(",", -1);
            }
        }
        return new String[0];
    }
}
