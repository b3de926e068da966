package io.basis.engine;

/**
 * Reading the command lines of the engine's tools (engine, operator commands, quote, replay, audit): a bad
 * argument is an {@link IllegalArgumentException} that names the option, which each tool prints as one line.
 */
public final class Arguments
{
    private Arguments()
    {
    }

    /**
     * @param args  the command line.
     * @param index where the value of the option before it should be.
     * @return the value.
     * @throws IllegalArgumentException naming the option if the command line ends first.
     */
    public static String value(final String[] args, final int index)
    {
        if (index >= args.length)
        {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    /**
     * @param text   an option's value.
     * @param option the option, for the error.
     * @return the value as a positive whole number.
     * @throws IllegalArgumentException naming the option if it is not one.
     */
    public static long positive(final String text, final String option)
    {
        try
        {
            final long value = Long.parseLong(text);
            if (value > 0)
            {
                return value;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, was '" + text + "'");
    }
}
