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
 * listed have empty books. Every bad line is reported with file, line and field, and so is a book that cannot be
 * trusted: a level given twice, a gap in the levels, a ladder out of order (bids must fall and asks rise strictly
 * with the level), a crossed book (best bid at or above best ask), or a file with no levels at all. A valuation of
 * such a book would be a number about a market that does not exist.
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
        // Line of each level read, by instrument, side (bids first) and level; 0 for none.
        final int[][] lineOfLevel = new int[books.length][2 * depth];
        boolean header = true;
        int rows = 0;
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
            if (price <= 0)
            {
                throw new ReferenceDataException(file, lineNo, "price", "must be positive, was " + Prices.format(price));
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
            final boolean bid = side.equals("BID");
            final int slot = (bid ? 0 : depth) + level - 1;
            final int earlier = lineOfLevel[instrument.id()][slot];
            if (earlier != 0)
            {
                throw new ReferenceDataException(file, lineNo, "level",
                    instrument.symbol() + " " + side + " level " + level + " given twice, first on line " + earlier);
            }
            lineOfLevel[instrument.id()][slot] = lineNo;
            books[instrument.id()].setLevel(bid, level - 1, price, size);
            rows++;
        }
        if (rows == 0)
        {
            throw new ReferenceDataException(file, 0, null, header ?
                "empty: no header and no book levels" : "no book levels after the header: every book would be empty");
        }
        checkLadders(file, referenceData, books, lineOfLevel, depth);
        return books;
    }

    /**
     * Refuse a book whose levels do not make a market: of all the faults, the one on the earliest line, so that a
     * desk fixing the file from the top meets them in order.
     */
    private static void checkLadders(
        final Path file,
        final ReferenceData referenceData,
        final OrderBook[] books,
        final int[][] lineOfLevel,
        final int depth)
    {
        ReferenceDataException first = null;
        int firstLine = Integer.MAX_VALUE;
        for (int id = 0; id < books.length; id++)
        {
            final String symbol = referenceData.instruments().get(id).symbol();
            for (int s = 0; s < 2; s++)
            {
                final boolean bid = s == 0;
                final String side = bid ? "BID" : "ASK";
                for (int level = 1; level < depth; level++)
                {
                    final int line = lineOfLevel[id][s * depth + level];
                    if (line == 0 || line >= firstLine)
                    {
                        continue;
                    }
                    final int lineAbove = lineOfLevel[id][s * depth + level - 1];
                    if (lineAbove == 0)
                    {
                        first = new ReferenceDataException(file, line, "level",
                            symbol + " " + side + " level " + (level + 1) + " without level " + level);
                        firstLine = line;
                        continue;
                    }
                    final long price = books[id].price(bid, level);
                    final long above = books[id].price(bid, level - 1);
                    if (bid ? price >= above : price <= above)
                    {
                        first = new ReferenceDataException(file, line, "price", symbol + " " + side + " level " +
                            (level + 1) + " at " + Prices.format(price) + " is not " + (bid ? "below" : "above") +
                            " level " + level + " at " + Prices.format(above) + " (line " + lineAbove + ")");
                        firstLine = line;
                    }
                }
            }
            final int bidLine = lineOfLevel[id][0];
            final int askLine = lineOfLevel[id][depth];
            if (books[id].isCrossed())
            {
                final int line = Math.max(bidLine, askLine);
                if (line < firstLine)
                {
                    first = new ReferenceDataException(file, line, "price", symbol + " is crossed: best bid " +
                        Prices.format(books[id].bestBid()) + " (line " + bidLine + ") is not below best ask " +
                        Prices.format(books[id].bestAsk()) + " (line " + askLine + ")");
                    firstLine = line;
                }
            }
        }
        if (first != null)
        {
            throw first;
        }
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
