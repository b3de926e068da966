package io.basis.engine.quote;

import io.basis.engine.book.OrderBook;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.refdata.ReferenceDataException;
import io.basis.protocol.Prices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A static snapshot of L2 books, one level per line: {@code symbol,side,level,price,size} with side {@code BID} or
 * {@code ASK} and level 1 for the best. '#' starts a comment; the first other line is the header. Instruments not
 * listed have empty books. Every bad line is reported with file, line and field.
 */
public final class BooksFile
{
    private BooksFile()
    {
    }

    /**
     * Read a snapshot into fresh books.
     *
     * @param file          the snapshot.
     * @param referenceData instruments the symbols must belong to.
     * @param depth         levels per side.
     * @return books indexed by engine instrument id.
     * @throws ReferenceDataException on the first bad line.
     */
    public static OrderBook[] read(final Path file, final ReferenceData referenceData, final int depth)
    {
        final OrderBook[] books = new OrderBook[referenceData.instruments().size()];
        for (int i = 0; i < books.length; i++)
        {
            books[i] = new OrderBook(depth);
        }
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new ReferenceDataException(file, 0, null, "cannot read: " + ex.getMessage());
        }
        boolean header = true;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] cells = line.split(",", -1);
            if (header)
            {
                if (!line.replace(" ", "").equals("symbol,side,level,price,size"))
                {
                    throw new ReferenceDataException(file, i + 1, null, "header must be symbol,side,level,price,size");
                }
                header = false;
                continue;
            }
            final int lineNo = i + 1;
            if (cells.length != 5)
            {
                throw new ReferenceDataException(file, lineNo, null, "expected 5 values, found " + cells.length);
            }
            final Instrument instrument = referenceData.instrument(cells[0].strip());
            if (instrument == null)
            {
                throw new ReferenceDataException(file, lineNo, "symbol", "unknown symbol '" + cells[0].strip() + "'");
            }
            final String side = cells[1].strip();
            if (!side.equals("BID") && !side.equals("ASK"))
            {
                throw new ReferenceDataException(file, lineNo, "side", "must be BID or ASK, was '" + side + "'");
            }
            final int level = wholeNumber(file, lineNo, "level", cells[2]);
            if (level < 1 || level > depth)
            {
                throw new ReferenceDataException(file, lineNo, "level", "must be in 1.." + depth + ", was " + level);
            }
            final long price;
            try
            {
                price = Prices.parse(cells[3].strip());
            }
            catch (final IllegalArgumentException | ArithmeticException ex)
            {
                throw new ReferenceDataException(file, lineNo, "price", "'" + cells[3].strip() + "' is not a price");
            }
            if (!instrument.tickTable().isOnTick(price))
            {
                throw new ReferenceDataException(
                    file, lineNo, "price", Prices.format(price) + " is not on the tick grid of " + instrument.symbol());
            }
            final int size = wholeNumber(file, lineNo, "size", cells[4]);
            if (size <= 0)
            {
                throw new ReferenceDataException(file, lineNo, "size", "must be positive");
            }
            books[instrument.id()].setLevel(side.equals("BID"), level - 1, price, size);
        }
        return books;
    }

    private static int wholeNumber(final Path file, final int line, final String field, final String text)
    {
        try
        {
            return Integer.parseInt(text.strip());
        }
        catch (final NumberFormatException ex)
        {
            throw new ReferenceDataException(file, line, field, "'" + text.strip() + "' is not a whole number");
        }
    }
}
