package io.basis.backtest.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point text for the outputs' numbers: always the same digits for the same value, whatever the default
 * locale, no exponent, and no "-0.00" for a value that rounds to zero.
 */
final class Decimals
{
    /** Amounts in the report's currency. */
    static final int CURRENCY = 2;
    /** Index points: levels, bases and bounds. */
    static final int POINTS = 4;
    /** Milliseconds of legging time. */
    static final int MILLIS = 3;

    private Decimals()
    {
    }

    /**
     * @param value    a finite number.
     * @param decimals digits after the point.
     * @return the value rounded half-up to that many digits, for example {@code 1234.50}.
     */
    static String fixed(final double value, final int decimals)
    {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * @param value    a finite number.
     * @param decimals digits after the point.
     * @return the value rounded as by {@link #fixed(double, int)}, thousands separated by commas, for tables.
     */
    static String grouped(final double value, final int decimals)
    {
        final String plain = fixed(value, decimals);
        final boolean negative = plain.startsWith("-");
        final int point = plain.indexOf('.');
        final String digits = plain.substring(negative ? 1 : 0, point < 0 ? plain.length() : point);
        final StringBuilder text = new StringBuilder(plain.length() + digits.length() / 3 + 1);
        if (negative)
        {
            text.append('-');
        }
        for (int i = 0; i < digits.length(); i++)
        {
            if (i > 0 && (digits.length() - i) % 3 == 0)
            {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        if (point >= 0)
        {
            text.append(plain, point, plain.length());
        }
        return text.toString();
    }
}
