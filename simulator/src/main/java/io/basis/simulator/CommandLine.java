package io.basis.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses the simulator's command line into a {@link SimulatorConfig}. Options take their value as the next
 * argument or after '=' ({@code --seed 7} or {@code --seed=7}).
 */
final class CommandLine
{
    /** Option table: name, value placeholder, description. Printed by {@link #printUsage}. */
    private static final String[][] OPTIONS =
    {
        {"--refdata", "DIR", "reference data directory (default refdata/kospi200)"},
        {"--trading-date", "YYYY-MM-DD", "simulated trading date, selects tick tables (default " +
            SimulatorConfig.DEFAULT_TRADING_DATE + ")"},
        {"--oe-port", "N", "order-entry port (default " + SimulatorConfig.DEFAULT_ORDER_ENTRY_PORT + ")"},
        {"--md-port", "N", "market-data port (default " + SimulatorConfig.DEFAULT_MARKET_DATA_PORT + ")"},
        {"--seed", "N", "random seed of the synthetic market (default 42)"},
        {"--tick-ms", "N", "market tick period in milliseconds (default 50)"},
        {"--days-to-expiry", "N", "days to the future's expiry in its fair value (default 18)"},
        {"--record", "FILE", "write the exchange record to FILE on shutdown (default: none)"},
        {"--oe-comp-id", "ID", "order-entry client CompID (default BASIS-OE)"},
        {"--md-comp-id", "ID", "market-data client CompID (default BASIS-MD)"},
        {"--exchange-comp-id", "ID", "the simulator's own CompID (default SIM)"},
        {"--quiet", null, "do not print FIX session events"},
        {"--help", null, "print this help and exit"},
    };

    /** Thrown for an argument the simulator cannot use; the message says which and why. */
    static final class UsageException extends Exception
    {
        private static final long serialVersionUID = 1L;

        UsageException(final String message)
        {
            super(message);
        }
    }

    private CommandLine()
    {
    }

    /**
     * @param args command-line arguments.
     * @return the configuration, or null if help was requested.
     * @throws UsageException for an unknown option, a missing or malformed value, or an invalid combination.
     */
    static SimulatorConfig parse(final String[] args) throws UsageException
    {
        final SimulatorConfig config = new SimulatorConfig();
        for (int i = 0; i < args.length; i++)
        {
            String option = args[i];
            String value = null;
            final int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0)
            {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            }
            if ("--help".equals(option) || "-h".equals(option))
            {
                return null;
            }
            if ("--quiet".equals(option))
            {
                config.logSessionEvents(false);
                continue;
            }
            if (!takesValue(option))
            {
                throw new UsageException("unknown option: " + args[i]);
            }
            if (value == null)
            {
                if (i + 1 >= args.length)
                {
                    throw new UsageException(option + " needs a value");
                }
                value = args[++i];
            }
            apply(config, option, value);
        }
        try
        {
            config.validate();
        }
        catch (final IllegalArgumentException | NullPointerException ex)
        {
            throw new UsageException(ex.getMessage());
        }
        return config;
    }

    static void printUsage(final PrintStream out)
    {
        out.println("usage: simulator [options]");
        out.println("A FIX 4.4 exchange simulator: order entry and market data on 127.0.0.1, a synthetic index");
        out.println("future and basket. Runs until SIGINT/SIGTERM.");
        out.println();
        for (final String[] option : OPTIONS)
        {
            final String name = option[1] == null ? option[0] : option[0] + " " + option[1];
            out.printf("  %-30s %s%n", name, option[2]);
        }
    }

    private static boolean takesValue(final String option)
    {
        for (final String[] known : OPTIONS)
        {
            if (known[0].equals(option))
            {
                return known[1] != null;
            }
        }
        return false;
    }

    private static void apply(final SimulatorConfig config, final String option, final String value)
        throws UsageException
    {
        switch (option)
        {
            case "--refdata" -> config.referenceDataDirectory(Path.of(value));
            case "--trading-date" -> config.tradingDate(date(option, value));
            case "--oe-port" -> config.orderEntryPort((int)number(option, value, 1, 65_535));
            case "--md-port" -> config.marketDataPort((int)number(option, value, 1, 65_535));
            case "--seed" -> config.market().seed(number(option, value, Long.MIN_VALUE, Long.MAX_VALUE));
            case "--tick-ms" -> config.market().tickMillis(number(option, value, 1, 60_000));
            case "--days-to-expiry" -> config.market().daysToExpiry((int)number(option, value, 0, 3_650));
            case "--record" -> config.recordFile(Path.of(value));
            case "--oe-comp-id" -> config.orderEntryCompId(value);
            case "--md-comp-id" -> config.marketDataCompId(value);
            case "--exchange-comp-id" -> config.exchangeCompId(value);
            default -> throw new UsageException("unknown option: " + option);
        }
    }

    private static long number(final String option, final String value, final long min, final long max)
        throws UsageException
    {
        final long parsed;
        try
        {
            parsed = Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException(option + " needs a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max)
        {
            throw new UsageException(option + " must be in " + min + ".." + max + ", got " + parsed);
        }
        return parsed;
    }

    private static LocalDate date(final String option, final String value) throws UsageException
    {
        try
        {
            return LocalDate.parse(value);
        }
        catch (final DateTimeParseException ex)
        {
            throw new UsageException(option + " needs a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
