package io.basis.simulator.market;

import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.ReferenceData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a replay file: CSV, '#' comments, a header naming the columns {@code symbol,side,level,price,size} and
 * optionally {@code timeMillis} (absent: every row at time 0, so {@code refdata/.../sample-books.csv} replays as a
 * static book). Rows must be in non-decreasing time; side is BID or ASK; levels start at 1; prices must be on the
 * instrument's tick grid; size 0 empties a level.
 */
public final class ReplayFile
{
    private ReplayFile()
    {
    }

    /**
     * @param file          the replay file.
     * @param referenceData the listed instruments.
     * @param maxLevel      deepest level accepted.
     * @return the updates in file order.
     * @throws IllegalArgumentException naming file, line and problem for a bad row.
     * @throws UncheckedIOException     if the file cannot be read.
     */
    public static List<ReplayUpdate> load(final Path file, final ReferenceData referenceData, final int maxLevel)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read replay file " + file, ex);
        }
        Map<String, Integer> columns = null;
        final List<ReplayUpdate> updates = new ArrayList<>();
        long lastTime = 0;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] values = line.split(",", -1);
            final String where = file + ":" + (i + 1) + ": ";
            if (columns == null)
            {
                columns = new HashMap<>();
                for (int c = 0; c < values.length; c++)
                {
                    columns.put(values[c].trim(), c);
                }
                for (final String required : new String[]{"symbol", "side", "level", "price", "size"})
                {
                    if (!columns.containsKey(required))
                    {
                        throw new IllegalArgumentException(where + "header lacks column " + required);
                    }
                }
                continue;
            }
            try
            {
                final long time = columns.containsKey("timeMillis") ?
                    Long.parseLong(value(values, columns, "timeMillis")) : 0;
                if (time < lastTime)
                {
                    throw new IllegalArgumentException("timeMillis goes back: " + time + " after " + lastTime);
                }
                lastTime = time;
                final String symbol = value(values, columns, "symbol");
                final Instrument instrument = referenceData.instrument(symbol);
                if (instrument == null)
                {
                    throw new IllegalArgumentException("unknown symbol " + symbol);
                }
                final String side = value(values, columns, "side").toUpperCase(Locale.ROOT);
                if (!side.equals("BID") && !side.equals("ASK"))
                {
                    throw new IllegalArgumentException("side must be BID or ASK: " + side);
                }
                final int level = Integer.parseInt(value(values, columns, "level"));
                if (level < 1 || level > maxLevel)
                {
                    throw new IllegalArgumentException("level must be in 1.." + maxLevel + ": " + level);
                }
                final long size = Long.parseLong(value(values, columns, "size"));
                final long price = size == 0 ? 0 : FixedPoint.parse(value(values, columns, "price"));
                if (size < 0 || size % instrument.lot() != 0)
                {
                    throw new IllegalArgumentException("size must be 0 or a positive multiple of the lot " +
                        instrument.lot() + ": " + size);
                }
                if (size > 0 && (price <= 0 || !instrument.tickTable().isOnGrid(price)))
                {
                    throw new IllegalArgumentException("price not on the tick grid: " + FixedPoint.format(price));
                }
                updates.add(new ReplayUpdate(time, symbol, side.equals("BID"), level, price, size));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException(where + "not a number: " + ex.getMessage(), ex);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(where + ex.getMessage(), ex);
            }
        }
        if (columns == null)
        {
            throw new IllegalArgumentException(file + ": no header row");
        }
        return updates;
    }

    private static String value(final String[] values, final Map<String, Integer> columns, final String column)
    {
        final int index = columns.get(column);
        if (index >= values.length || values[index].isBlank())
        {
            throw new IllegalArgumentException("missing " + column);
        }
        return values[index].trim();
    }
}
