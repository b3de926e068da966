package io.basis.protocol;

/**
 * Fixed-point prices: every price on the wire and in the engine is a {@code long} of {@link #SCALE} units per
 * currency unit (or per index point). Four decimals represent every tick of the supported markets exactly
 * (KRX 1 KRW, KOSPI200 futures 0.05, E-mini 0.25, US stocks 0.01).
 */
public final class Prices
{
    /** Units per whole price. */
    public static final long SCALE = 10_000L;

    private Prices()
    {
    }

    /**
     * Parse a decimal price such as {@code "352.45"} exactly.
     *
     * @param text decimal text with at most four decimals.
     * @return the scaled price.
     * @throws IllegalArgumentException if the text is not such a decimal; meant for configuration and FIX text,
     *                                  where a bad price is a programming or data error.
     */
    public static long parse(final CharSequence text)
    {
        final int length = text.length();
        if (length == 0)
        {
            throw new IllegalArgumentException("empty price");
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-')
        {
            negative = true;
            i = 1;
        }
        long whole = 0;
        long fraction = 0;
        int decimals = -1;
        boolean digits = false;
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
                else if (++decimals <= 4)
                {
                    fraction = fraction * 10 + (c - '0');
                }
                else if (c != '0')
                {
                    throw new IllegalArgumentException("more than 4 decimals: " + text);
                }
            }
            else
            {
                throw new IllegalArgumentException("not a decimal price: " + text);
            }
        }
        if (!digits)
        {
            throw new IllegalArgumentException("not a decimal price: " + text);
        }
        for (int d = Math.max(decimals, 0); d < 4; d++)
        {
            fraction *= 10;
        }
        final long value = Math.addExact(Math.multiplyExact(whole, SCALE), fraction);
        return negative ? -value : value;
    }

    /**
     * Convert a double (as FIX libraries hand prices over) to scaled units, rounding to the nearest unit.
     *
     * @param price the price.
     * @return the scaled price.
     */
    public static long fromDouble(final double price)
    {
        return Math.round(price * SCALE);
    }

    /**
     * Convert scaled units to a double, for FIX libraries and display only.
     *
     * @param scaled the scaled price.
     * @return the price as a double.
     */
    public static double toDouble(final long scaled)
    {
        return (double)scaled / SCALE;
    }

    /**
     * Format scaled units as plain decimal text without trailing zeros, e.g. {@code 3524500 -> "352.45"}.
     *
     * @param scaled the scaled price.
     * @return decimal text.
     */
    public static String format(final long scaled)
    {
        final StringBuilder sb = new StringBuilder(24);
        appendTo(sb, scaled);
        return sb.toString();
    }

    /**
     * Append scaled units as plain decimal text without trailing zeros.
     *
     * @param sb     destination.
     * @param scaled the scaled price.
     * @return the destination.
     */
    public static StringBuilder appendTo(final StringBuilder sb, final long scaled)
    {
        long abs = scaled;
        if (scaled < 0)
        {
            sb.append('-');
            abs = -scaled;
        }
        sb.append(abs / SCALE);
        long fraction = abs % SCALE;
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
}
