package io.basis.backtest;

import io.basis.engine.pricing.FairValue;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.InstrumentKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A recording of book levels as a backtest's market: the replay format ({@code timeMillis,symbol,side,level,price,
 * size}, one level per line, level 1 the best, size 0 empties the level) with {@code timeMillis} since the epoch in
 * the exchange's local time (labelled UTC, as the backtest's clock is). Each date in the file is a trading day; a
 * day's books start empty and rows up to its 09:00 open form the opening books. The future's rows (its symbol in
 * {@code instruments.csv}, or any of the contracts the backtest lists) are the front contract's book.
 */
final class RecordedMarket extends QuotedBooks
{
    private static final long MS = 1_000_000L;

    private final long[] timeNs;
    private final int[] instrument;
    private final boolean[] bid;
    private final int[] level;
    private final long[] price;
    private final long[] size;
    private final int rows;
    private final int futureRowId;
    private int next;
    private long dayEndNs;
    private int futureId;

    private RecordedMarket(
        final long[] timeNs, final int[] instrument, final boolean[] bid, final int[] level, final long[] price,
        final long[] size, final int rows, final int instruments, final int levels, final int futureRowId)
    {
        super(instruments, levels);
        this.timeNs = timeNs;
        this.instrument = instrument;
        this.bid = bid;
        this.level = level;
        this.price = price;
        this.size = size;
        this.rows = rows;
        this.futureRowId = futureRowId;
    }

    /**
     * @param file          the recording.
     * @param referenceData the backtest's reference data on any day: symbols and instrument ids.
     * @param levels        levels kept per side.
     * @return the market.
     * @throws IllegalArgumentException naming the file, the line and what is wrong with it.
     */
    static RecordedMarket load(final Path file, final ReferenceData referenceData, final int levels)
    {
        final int count = referenceData.instruments().size();
        // Every future's rows go to one book, which each day is the front contract's.
        final int futureRowId = count;
        final Map<String, Integer> ids = new HashMap<>();
        for (final Instrument listed : referenceData.instruments())
        {
            ids.put(listed.symbol(), listed.kind() == InstrumentKind.FUTURE ? futureRowId : listed.id());
        }
        final String root = referenceData.future().symbol().replaceAll("\\d{4}$", "");
        ids.putIfAbsent(root, futureRowId);
        final java.util.regex.Pattern contract = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(root) + "\\d{4}");
        final Rows rows = new Rows();
        try (java.io.BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            int[] column = null;
            int lineNumber = 0;
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine())
            {
                lineNumber++;
                final String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#"))
                {
                    continue;
                }
                final String[] cells = line.split(",", -1);
                final String where = file + ":" + lineNumber + ": ";
                if (column == null)
                {
                    column = columns(cells, where);
                    continue;
                }
                try
                {
                    final String symbol = cells[column[1]].trim();
                    final Integer id = contract.matcher(symbol).matches() ? Integer.valueOf(futureRowId) :
                        ids.get(symbol);
                    if (id == null)
                    {
                        throw new IllegalArgumentException("symbol '" + symbol + "' is not in instruments.csv");
                    }
                    final String side = cells[column[2]].trim();
                    if (!side.equals("BID") && !side.equals("ASK"))
                    {
                        throw new IllegalArgumentException("side must be BID or ASK, was '" + side + "'");
                    }
                    final int depth = Integer.parseInt(cells[column[3]].trim());
                    if (depth < 1 || depth > levels)
                    {
                        throw new IllegalArgumentException("level must be 1 to " + levels + ", was " + depth);
                    }
                    final long quantity = Long.parseLong(cells[column[5]].trim());
                    if (quantity < 0)
                    {
                        throw new IllegalArgumentException("size must not be negative, was " + quantity);
                    }
                    rows.add(Long.parseLong(cells[column[0]].trim()) * MS, id, side.equals("BID"), depth - 1,
                        Prices.parse(cells[column[4]].trim()), quantity);
                }
                catch (final IllegalArgumentException | ArrayIndexOutOfBoundsException ex)
                {
                    throw new IllegalArgumentException(where + ex.getMessage(), ex);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the recording " + file, ex);
        }
        if (rows.count == 0)
        {
            throw new IllegalArgumentException(file + ": no book levels");
        }
        return new RecordedMarket(rows.timeNs, rows.instrument, rows.bid, rows.level, rows.price, rows.size,
            rows.count, count, levels, futureRowId);
    }

    /** The rows read so far, in growing primitive arrays: a recording can be large. */
    private static final class Rows
    {
        long[] timeNs = new long[1024];
        int[] instrument = new int[1024];
        boolean[] bid = new boolean[1024];
        int[] level = new int[1024];
        long[] price = new long[1024];
        long[] size = new long[1024];
        int count;

        void add(final long time, final int id, final boolean isBid, final int depth, final long px, final long qty)
        {
            if (count > 0 && time < timeNs[count - 1])
            {
                throw new IllegalArgumentException("time goes back: rows must be in time order");
            }
            if (count == timeNs.length)
            {
                final int grown = count * 2;
                timeNs = Arrays.copyOf(timeNs, grown);
                instrument = Arrays.copyOf(instrument, grown);
                bid = Arrays.copyOf(bid, grown);
                level = Arrays.copyOf(level, grown);
                price = Arrays.copyOf(price, grown);
                size = Arrays.copyOf(size, grown);
            }
            timeNs[count] = time;
            instrument[count] = id;
            bid[count] = isBid;
            level[count] = depth;
            price[count] = px;
            size[count] = qty;
            count++;
        }
    }

    private static int[] columns(final String[] header, final String where)
    {
        final List<String> names = Arrays.asList(header);
        final String[] wanted = {"timeMillis", "symbol", "side", "level", "price", "size"};
        final int[] column = new int[wanted.length];
        for (int i = 0; i < wanted.length; i++)
        {
            column[i] = names.indexOf(wanted[i]);
            if (column[i] < 0)
            {
                throw new IllegalArgumentException(where + "the header must name " + String.join(",", wanted));
            }
        }
        return column;
    }

    /**
     * @param file a recording.
     * @return the dates it trades, in order (a first look, before the instruments are known).
     * @throws IllegalArgumentException naming the file and line of a time that is not a number.
     */
    static List<LocalDate> days(final Path file)
    {
        final TreeSet<LocalDate> days = new TreeSet<>();
        try (java.io.BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            int timeColumn = -1;
            int i = -1;
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine())
            {
                i++;
                final String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#"))
                {
                    continue;
                }
                final String[] cells = line.split(",", -1);
                if (timeColumn < 0)
                {
                    timeColumn = columns(cells, file + ":" + (i + 1) + ": ")[0];
                    continue;
                }
                try
                {
                    days.add(Instant.ofEpochMilli(Long.parseLong(cells[timeColumn].trim()))
                        .atZone(ZoneOffset.UTC).toLocalDate());
                }
                catch (final NumberFormatException | ArrayIndexOutOfBoundsException ex)
                {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": timeMillis must be milliseconds " +
                        "since the epoch", ex);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the recording " + file, ex);
        }
        if (days.isEmpty())
        {
            throw new IllegalArgumentException(file + ": no book levels");
        }
        return new ArrayList<>(days);
    }

    @Override
    public Object mark()
    {
        return next;
    }

    @Override
    public void rewind(final Object mark)
    {
        next = (Integer)mark;
    }

    @Override
    public void openDay(
        final ReferenceData day, final FairValue fairValue, final int daysToExpiry, final long openNs,
        final BookListener listener)
    {
        futureId = day.future().id();
        basketOf(day);
        final long dayStartNs = day.tradingDate().atStartOfDay().toEpochSecond(ZoneOffset.UTC) * Session.SECOND_NS;
        dayEndNs = dayStartNs + 24 * 3600 * Session.SECOND_NS;
        while (next < rows && timeNs[next] < dayStartNs)
        {
            next++;
        }
        for (final long[][] side : new long[][][] {bidPrice, bidSize, askPrice, askSize})
        {
            for (final long[] book : side)
            {
                Arrays.fill(book, 0);
            }
        }
        while (next < rows && timeNs[next] <= openNs)
        {
            apply(next++);
        }
        for (int id = 0; id < bidPrice.length; id++)
        {
            if (bidPrice[id][0] > 0)
            {
                listener.onBook(id);
            }
        }
    }

    @Override
    public long nextEventNs()
    {
        return next < rows && timeNs[next] < dayEndNs ? timeNs[next] : Long.MAX_VALUE;
    }

    @Override
    public void advance(final BookListener listener)
    {
        // A feed delivers one book's update at a time: each instrument's run of rows is told as it is applied.
        final long time = timeNs[next];
        while (next < rows && timeNs[next] == time)
        {
            final int book = instrument[next];
            while (next < rows && timeNs[next] == time && instrument[next] == book)
            {
                apply(next++);
            }
            listener.onBook(book == futureRowId ? futureId : book);
        }
    }

    private void apply(final int row)
    {
        final int id = instrument[row] == futureRowId ? futureId : instrument[row];
        final long[] prices = bid[row] ? bidPrice[id] : askPrice[id];
        final long[] sizes = bid[row] ? bidSize[id] : askSize[id];
        prices[level[row]] = size[row] == 0 ? 0 : price[row];
        sizes[level[row]] = size[row];
    }

    @Override
    public double settle()
    {
        return index();
    }
}
