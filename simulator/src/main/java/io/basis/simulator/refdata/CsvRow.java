package io.basis.simulator.refdata;

import io.basis.simulator.price.FixedPoint;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One data row of a reference-data CSV file; every accessor reports a bad value as a
 * {@link ReferenceDataException} naming the file, line and field.
 */
final class CsvRow
{
    private final String file;
    private final int line;
    private final Map<String, Integer> columns;
    private final String[] values;

    CsvRow(final String file, final int line, final Map<String, Integer> columns, final String[] values)
    {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.values = values;
    }

    int line()
    {
        return line;
    }

    String text(final String field)
    {
        final String value = raw(field);
        if (value.isEmpty())
        {
            throw error(field, "must not be empty");
        }
        return value;
    }

    long positiveLong(final String field)
    {
        final String value = text(field);
        final long parsed;
        try
        {
            parsed = Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw error(field, "not a whole number: '" + value + "'");
        }
        if (parsed <= 0)
        {
            throw error(field, "must be positive: " + value);
        }
        return parsed;
    }

    long wholeNumber(final String field, final long min, final long max)
    {
        final String value = text(field);
        final long parsed;
        try
        {
            parsed = Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw error(field, "not a whole number: '" + value + "'");
        }
        if (parsed < min || parsed > max)
        {
            throw error(field, "must be in " + min + ".." + max + ": " + value);
        }
        return parsed;
    }

    double number(final String field, final double min, final double max)
    {
        final String value = text(field);
        final double parsed;
        try
        {
            parsed = Double.parseDouble(value);
        }
        catch (final NumberFormatException ex)
        {
            throw error(field, "not a number: '" + value + "'");
        }
        if (!(parsed >= min && parsed <= max))
        {
            throw error(field, "must be in [" + min + ", " + max + "]: " + value);
        }
        return parsed;
    }

    long price(final String field)
    {
        final String value = text(field);
        try
        {
            return FixedPoint.parse(value);
        }
        catch (final NumberFormatException ex)
        {
            throw error(field, "not a price: " + ex.getMessage());
        }
    }

    double factor(final String field)
    {
        final String value = text(field);
        final double parsed;
        try
        {
            parsed = Double.parseDouble(value);
        }
        catch (final NumberFormatException ex)
        {
            throw error(field, "not a number: '" + value + "'");
        }
        if (!(parsed > 0.0 && parsed <= 1.0))
        {
            throw error(field, "must be in (0, 1]: " + value);
        }
        return parsed;
    }

    LocalDate date(final String field)
    {
        final String value = text(field);
        try
        {
            return LocalDate.parse(value);
        }
        catch (final DateTimeParseException ex)
        {
            throw error(field, "not an ISO date (yyyy-mm-dd): '" + value + "'");
        }
    }

    LocalDate optionalDate(final String field)
    {
        return raw(field).isEmpty() ? null : date(field);
    }

    ReferenceDataException error(final String field, final String why)
    {
        return new ReferenceDataException(file, line, field, why);
    }

    private String raw(final String field)
    {
        final Integer column = columns.get(field);
        if (column == null)
        {
            throw new IllegalStateException("column not declared: " + field);
        }
        return column < values.length ? values[column].trim() : "";
    }
}
