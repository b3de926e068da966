package io.basis.bench;

import java.util.List;

/**
 * What {@code basis bench jmh} was asked to run.
 *
 * @param filter regular expression matched (as by {@link java.util.regex.Matcher#find}) against benchmark names,
 *               or null for the whole suite.
 * @param quick  true for a short run that checks the suite works rather than measures it.
 */
public record JmhRequest(String filter, boolean quick)
{
    /**
     * @param args the arguments after {@code jmh}: an optional filter and {@code --quick}, in any order.
     * @return the request.
     * @throws IllegalArgumentException on an unknown option or a second filter.
     */
    public static JmhRequest parse(final List<String> args)
    {
        String filter = null;
        boolean quick = false;
        for (final String arg : args)
        {
            if ("--quick".equals(arg))
            {
                quick = true;
            }
            else if (arg.startsWith("-"))
            {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            else if (filter != null)
            {
                throw new IllegalArgumentException("one filter only, got '" + filter + "' and '" + arg + "'");
            }
            else
            {
                filter = arg;
            }
        }
        return new JmhRequest(filter, quick);
    }
}
