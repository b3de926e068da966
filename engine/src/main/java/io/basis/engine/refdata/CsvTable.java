package io.basis.engine.refdata;

import io.basis.protocol.Prices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A comma-separated reference file: '#' starts a comment line, the first other line names the columns. Values
 * are read by column name so that a desk may reorder or add columns; every bad value names file, line and column.
 */
final class CsvTable
{
    private final Path file;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lineNumbers = new ArrayList<>();

    private CsvTable(final Path file, final List<String> header)
    {
        this.file = file;
        this.header = header;
    }

    static CsvTable read(final Path file, final String... requiredColumns)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new ReferenceDataException(file, 0, null, "cannot read: " + ex.getMessage());
        }

        CsvTable table = null;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] cells = line.split(",", -1);
            for (int c = 0; c < cells.length; c++)
            {
                cells[c] = cells[c].strip();
            }
            if (table == null)
            {
                table = new CsvTable(file, Arrays.asList(cells));
                for (final String column : requiredColumns)
                {
                    if (!table.header.contains(column))
                    {
                        throw new ReferenceDataException(file, i + 1, column, "missing column in header");
                    }
                }
            }
            else
            {
                if (cells.length != table.header.size())
                {
                    throw new ReferenceDataException(
                        file, i + 1, null, "expected " + table.header.size() + " values, found " + cells.length);
                }
                table.rows.add(cells);
                table.lineNumbers.add(i + 1);
            }
        }
        if (table == null)
        {
            throw new ReferenceDataException(file, 0, null, "no header line");
        }
        return table;
    }

    Path file()
    {
        return file;
    }

    int size()
    {
        return rows.size();
    }

    int line(final int row)
    {
        return lineNumbers.get(row);
    }

    String text(final int row, final String column)
    {
        final int index = header.indexOf(column);
        if (index < 0)
        {
            throw new ReferenceDataException(file, line(row), column, "missing column");
        }
        return rows.get(row)[index];
    }

    String requiredText(final int row, final String column)
    {
        final String value = text(row, column);
        if (value.isEmpty())
        {
            throw error(row, column, "value required");
        }
        return value;
    }

    long price(final int row, final String column)
    {
        final String value = requiredText(row, column);
        try
        {
            return Prices.parse(value);
        }
        catch (final IllegalArgumentException | ArithmeticException ex)
        {
            throw error(row, column, "'" + value + "' is not a decimal with at most 4 places");
        }
    }

    long positiveLong(final int row, final String column)
    {
        final String value = requiredText(row, column);
        final long result;
        try
        {
            result = Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw error(row, column, "'" + value + "' is not a whole number");
        }
        if (result <= 0)
        {
            throw error(row, column, "must be positive, was " + value);
        }
        return result;
    }

    double fraction(final int row, final String column)
    {
        final String value = requiredText(row, column);
        final double result;
        try
        {
            result = Double.parseDouble(value);
        }
        catch (final NumberFormatException ex)
        {
            throw error(row, column, "'" + value + "' is not a number");
        }
        if (!(result > 0.0 && result <= 1.0))
        {
            throw error(row, column, "must be in (0, 1], was " + value);
        }
        return result;
    }

    double number(final int row, final String column, final double min, final double max)
    {
        final String value = requiredText(row, column);
        final double result;
        try
        {
            result = Double.parseDouble(value);
        }
        catch (final NumberFormatException ex)
        {
            throw error(row, column, "'" + value + "' is not a number");
        }
        if (!(result >= min && result <= max))
        {
            throw error(row, column, "must be in [" + min + ", " + max + "], was " + value);
        }
        return result;
    }

    boolean hasColumn(final String column)
    {
        return header.contains(column);
    }

    /**
     * @return the latest date in the column that is not after the given date (rows sharing it form one version).
     */
    LocalDate latestDateNotAfter(final String column, final LocalDate date)
    {
        LocalDate best = null;
        for (int row = 0; row < size(); row++)
        {
            final LocalDate from = date(row, column);
            if (!from.isAfter(date) && (best == null || from.isAfter(best)))
            {
                best = from;
            }
        }
        if (best == null)
        {
            throw new ReferenceDataException(file, 0, column, "no row effective on " + date);
        }
        return best;
    }

    int rowEffectiveOn(final LocalDate date)
    {
        int best = -1;
        LocalDate bestDate = null;
        for (int row = 0; row < size(); row++)
        {
            final LocalDate from = date(row, "effectiveFrom");
            if (bestDate != null && from.equals(bestDate))
            {
                throw error(row, "effectiveFrom", "two rows effective from " + from);
            }
            if (!from.isAfter(date) && (bestDate == null || from.isAfter(bestDate)))
            {
                best = row;
                bestDate = from;
            }
        }
        if (best < 0)
        {
            throw new ReferenceDataException(file, 0, "effectiveFrom", "no row effective on " + date);
        }
        return best;
    }

    LocalDate date(final int row, final String column)
    {
        final String value = requiredText(row, column);
        try
        {
            return LocalDate.parse(value);
        }
        catch (final DateTimeParseException ex)
        {
            throw error(row, column, "'" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    ReferenceDataException error(final int row, final String column, final String reason)
    {
        return new ReferenceDataException(file, line(row), column, reason);
    }
}
