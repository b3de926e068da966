package io.basis.backtest.report;

import java.util.Objects;

/**
 * The model's argument checks, each failing with a message naming the record and the field.
 */
final class Checks
{
    private Checks()
    {
    }

    static double finite(final String record, final String field, final double value)
    {
        if (!Double.isFinite(value))
        {
            throw new IllegalArgumentException(record + "." + field + " must be a finite number, was " + value);
        }
        return value;
    }

    static double nonNegative(final String record, final String field, final double value)
    {
        if (!(value >= 0.0) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException(record + "." + field + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    static long nonNegative(final String record, final String field, final long value)
    {
        if (value < 0)
        {
            throw new IllegalArgumentException(record + "." + field + " must be >= 0, was " + value);
        }
        return value;
    }

    static <T> T present(final String record, final String field, final T value)
    {
        return Objects.requireNonNull(value, () -> record + "." + field + " must not be null");
    }
}
