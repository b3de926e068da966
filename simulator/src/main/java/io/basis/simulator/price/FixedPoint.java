package io.basis.simulator.price;

/**
 * Fixed-point prices: a price is a {@code long} of {@link #SCALE} units per currency unit (or index point).
 * <p>
 * Same scale as the rest of Basis (four implied decimals) so prices cross the FIX boundary unchanged, but
 * implemented here because the simulator is an independent exchange and must not share code with the system
 * under test.
 */
public final class FixedPoint
{
    /** Units per whole price. */
    public static final long SCALE = 10_000L;

    /** Number of implied decimals. */
    public static final int DECIMALS = 4;

    private FixedPoint()
    {
    }

    /**
     * Parse decimal text such as {@code "352.45"} exactly.
     *
     * @param text decimal text, optional leading '-', at most four significant decimals.
     * @return the scaled value.
     * @throws NumberFormatException if the text is not such a decimal or does not fit a long.
     */
    public static long parse(final CharSequence text)
    {
        final int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && text.charAt(0) == '-')
        {
            negative = true;
            i = 1;
        }
        long whole = 0;
        long fraction = 0;
        int decimals = -1;
        boolean digits = false;
        try
        {
            for (; i < length; i++)
            {
                final char c = text.charAt(i);
                if (c == '.' && decimals < 0)
                {
                    decimals = 0;
                }
                else if (c >= '0' && c <= '9')
                {
                    digits = true;
                    if (decimals < 0)
                    {
                        whole = Math.addExact(Math.multiplyExact(whole, 10L), c - '0');
                    }
                    else if (++decimals <= DECIMALS)
                    {
                        fraction = fraction * 10 + (c - '0');
                    }
                    else if (c != '0')
                    {
                        throw new NumberFormatException("more than " + DECIMALS + " decimals: '" + text + "'");
                    }
                }
                else
                {
                    throw new NumberFormatException("not a decimal: '" + text + "'");
                }
            }
            if (!digits)
            {
                throw new NumberFormatException("not a decimal: '" + text + "'");
            }
            for (int d = Math.max(decimals, 0); d < DECIMALS; d++)
            {
                fraction *= 10;
            }
            final long value = Math.addExact(Math.multiplyExact(whole, SCALE), fraction);
            return negative ? -value : value;
        }
        catch (final ArithmeticException ex)
        {
            throw new NumberFormatException("out of range: '" + text + "'");
        }
    }

    /**
     * Format a scaled value as plain decimal text without trailing zeros, e.g. {@code 3524500 -> "352.45"}.
     *
     * @param scaled the scaled value.
     * @return decimal text.
     */
    public static String format(final long scaled)
    {
        return appendTo(new StringBuilder(24), scaled).toString();
    }

    /**
     * Append a scaled value as plain decimal text without trailing zeros.
     *
     * @param sb     destination.
     * @param scaled the scaled value.
     * @return the destination.
     */
    public static StringBuilder appendTo(final StringBuilder sb, final long scaled)
    {
        if (scaled < 0)
        {
            sb.append('-');
        }
        // Work on the negative magnitude so Long.MIN_VALUE does not overflow.
        final long negative = scaled < 0 ? scaled : -scaled;
        sb.append(-(negative / SCALE));
        long fraction = -(negative % SCALE);
        if (fraction != 0)
        {
            sb.append('.');
            long divisor = SCALE / 10;
            while (fraction != 0)
            {
                sb.append((char)('0' + fraction / divisor));
                fraction %= divisor;
                divisor /= 10;
            }
        }
        return sb;
    }

    /**
     * Convert a scaled value to a double, for models and display only.
     *
     * @param scaled the scaled value.
     * @return the value as a double.
     */
    public static double toDouble(final long scaled)
    {
        return (double)scaled / SCALE;
    }

    /**
     * Convert a double to scaled units, rounding down (towards negative infinity).
     *
     * @param value the value.
     * @return the scaled value.
     */
    public static long floorOf(final double value)
    {
        return (long)Math.floor(value * SCALE);
    }
}
