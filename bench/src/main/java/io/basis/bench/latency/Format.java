package io.basis.bench.latency;

import java.util.Locale;

/**
 * Number formatting shared by the summary, the tables and the console.
 */
final class Format
{
    private Format()
    {
    }

    static String micros(final double nanos)
    {
        final double micros = nanos / 1_000.0;
        return String.format(Locale.ROOT, micros >= 100 ? "%,.0f" : micros >= 10 ? "%.1f" : "%.2f", micros);
    }

    static String ratio(final double numerator, final double denominator)
    {
        return denominator <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", numerator / denominator);
    }
}
