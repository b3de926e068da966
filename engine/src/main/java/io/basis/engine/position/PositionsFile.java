package io.basis.engine.position;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;

/**
 * Positions held from one trading day to the next: a CSV file with a header line {@code symbol,quantity,averagePrice}
 * and one line per instrument held (quantity signed, negative short; average price in the instrument's price units).
 * A clean stop writes it ({@code basis-positions.csv} beside the archive); a fresh start loads it with
 * {@code --positions FILE}, and the engine journals each row as a {@code StartOfDayPosition} input, so that a replay
 * starts from the same positions. Lines starting with {@code #} and blank lines are ignored.
 */
public final class PositionsFile
{
    /** The file a clean stop writes, beside the archive. */
    public static final String DEFAULT_FILE_NAME = "basis-positions.csv";
    private static final String HEADER = "symbol,quantity,averagePrice";

    private PositionsFile()
    {
    }

    /**
     * One position held.
     *
     * @param instrumentId engine instrument id.
     * @param quantity     signed quantity, never 0.
     * @param averagePrice average price in price units, positive.
     */
    public record Row(int instrumentId, long quantity, double averagePrice)
    {
    }

    /**
     * Read a positions file.
     *
     * @param file          the file.
     * @param referenceData the instruments its symbols must name.
     * @return its rows, in file order.
     * @throws IllegalArgumentException naming the file and line of the first error.
     */
    public static List<Row> load(final Path file, final ReferenceData referenceData)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(file + ": cannot read the positions file (" + ex.getMessage() + ")");
        }
        final List<Row> rows = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).strip();
            final String where = file + " line " + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            if (!header)
            {
                if (!line.equals(HEADER))
                {
                    throw new IllegalArgumentException(where + "the header must be '" + HEADER + "', was '" + line +
                        "'");
                }
                header = true;
                continue;
            }
            final String[] fields = line.split(",", -1);
            if (fields.length != 3)
            {
                throw new IllegalArgumentException(where + "3 fields expected (" + HEADER + "), found " +
                    fields.length);
            }
            final Instrument instrument = referenceData.instrument(fields[0].strip());
            if (instrument == null)
            {
                throw new IllegalArgumentException(where + "unknown symbol '" + fields[0].strip() + "'");
            }
            if (!seen.add(instrument.symbol()))
            {
                throw new IllegalArgumentException(where + instrument.symbol() + " is listed twice");
            }
            final long quantity;
            final double price;
            try
            {
                quantity = Long.parseLong(fields[1].strip());
                price = Double.parseDouble(fields[2].strip());
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException(where + "quantity must be a whole number and averagePrice a " +
                    "number: '" + line + "'");
            }
            if (quantity == 0 || !(price > 0) || !Double.isFinite(price))
            {
                throw new IllegalArgumentException(where + "a position needs a quantity other than 0 and a " +
                    "positive averagePrice: '" + line + "'");
            }
            rows.add(new Row(instrument.id(), quantity, price));
        }
        if (!header)
        {
            throw new IllegalArgumentException(file + ": empty; the first line must be '" + HEADER + "'");
        }
        return rows;
    }

    /**
     * Write the positions held, replacing the file only once it is whole.
     *
     * @param file          the file.
     * @param positions     the positions.
     * @param referenceData the instruments, for their symbols.
     */
    public static void write(final Path file, final Positions positions, final ReferenceData referenceData)
    {
        final Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try
        {
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8))
            {
                writer.write("# Positions held at the engine's clean stop; load with --positions at the next " +
                    "fresh start\n");
                writer.write(HEADER + "\n");
                for (final Instrument instrument : referenceData.instruments())
                {
                    final long quantity = positions.quantity(instrument.id());
                    if (quantity != 0)
                    {
                        writer.write(instrument.symbol() + "," + quantity + "," +
                            positions.averagePrice(instrument.id()) + "\n");
                    }
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(file + ": cannot write the positions file", ex);
        }
    }
}
