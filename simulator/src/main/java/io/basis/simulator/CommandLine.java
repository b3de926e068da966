package io.basis.simulator;

import io.basis.simulator.fault.FaultCommands;
import io.basis.simulator.fix.SessionDefinition;
import io.basis.simulator.fix.SessionExtensions;
import io.basis.simulator.trading.DaySchedule;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
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
        {"--trade-date", "YYYY-MM-DD", "simulated trading date, as the engine's --trade-date: selects the tick" +
            " tables and the rate in force and starts the future's carry window (default " +
            SimulatorConfig.DEFAULT_TRADING_DATE + ")"},
        {"--trading-date", "YYYY-MM-DD", "the same as --trade-date"},
        {"--oe-port", "N", "order-entry port (default " + SimulatorConfig.DEFAULT_ORDER_ENTRY_PORT + ")"},
        {"--md-port", "N", "market-data port (default " + SimulatorConfig.DEFAULT_MARKET_DATA_PORT + ")"},
        {"--seed", "N", "random seed of the synthetic market (default 42)"},
        {"--tick-ms", "N", "market tick period in milliseconds (default 50)"},
        {"--record", "FILE", "write the exchange record to FILE on shutdown (default: none)"},
        {"--oe-comp-id", "ID", "order-entry client CompID (default BASIS-OE)"},
        {"--md-comp-id", "ID", "market-data client CompID (default BASIS-MD)"},
        {"--exchange-comp-id", "ID", "the simulator's own CompID (default SIM)"},
        {"--control-port", "N", "line-based control port on 127.0.0.1 (0 = any free port; default none);" +
            " commands as for --fault, plus status and help"},
        {"--fault", "COMMAND", "apply a fault at start, repeatable, e.g. --fault 'reject-fraction 0.1'" +
            " --fault 'hold-fills 005930' (commands in docs/simulator.md)"},
        {"--fault-seed", "N", "seed of random rejects (default 1)"},
        {"--vi-seconds", "N", "length of a volatility interruption (default 120)"},
        {"--session", "ROLE[+basis]:COMPID[:VERSION[:ACCOUNT[:USER:PASSWORD]]]", "accept one more session," +
            " repeatable: ROLE oe or md, +basis for the Basis market-data extensions (default: only what the" +
            " stock dictionary allows), VERSION 4.2, 4.4 (default) or 5.0SP2 (FIXT.1.1), ACCOUNT for orders" +
            " without Account(1) (default the CompID), USER:PASSWORD required in the Logon (553/554)"},
        {"--no-default-sessions", null, "accept only the --session sessions, not --oe-comp-id/--md-comp-id"},
        {"--standard-default-sessions", null, "the --oe-comp-id/--md-comp-id sessions without the Basis" +
            " market-data extensions (RptSeq at message level, 21001, 21003), as the stock FIX 4.4 dictionary" +
            " allows"},
        {"--tls-keystore", "FILE", "serve both ports over TLS with this key store (JKS or PKCS12)"},
        {"--tls-password", "PASSWORD", "password of the TLS key store"},
        {"--replay", "FILE", "play recorded book updates from FILE instead of the synthetic market" +
            " (CSV timeMillis,symbol,side,level,price,size; docs/simulator.md)"},
        {"--day-schedule", "PRE,CONT,CLOSE", "run the trading day on the clock: seconds of opening auction," +
            " continuous trading and closing auction, then close (default: continuous until told)"},
        {"--definitions-on-logon", null, "send every SecurityDefinition (d) after each market-data logon"},
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
            if ("--definitions-on-logon".equals(option))
            {
                config.securityDefinitionsOnLogon(true);
                continue;
            }
            if ("--no-default-sessions".equals(option))
            {
                config.defaultSessions(false);
                continue;
            }
            if ("--standard-default-sessions".equals(option))
            {
                config.defaultSessionExtensions(SessionExtensions.STANDARD);
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
        out.println("A FIX exchange simulator: order entry and market data on 127.0.0.1, a synthetic index");
        out.println("future and basket, auctions, program orders and faults on demand. Runs until SIGINT/SIGTERM.");
        out.println();
        for (final String[] option : OPTIONS)
        {
            final String name = option[1] == null ? option[0] : option[0] + " " + option[1];
            if (name.length() > 30)
            {
                out.printf("  %s%n  %-30s %s%n", name, "", option[2]);
            }
            else
            {
                out.printf("  %-30s %s%n", name, option[2]);
            }
        }
        out.println();
        out.println("Fault and control commands (--fault, --control-port):");
        for (final String command : FaultCommands.HELP)
        {
            out.println("  " + command);
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
            case "--trade-date", "--trading-date" -> config.tradingDate(date(option, value));
            case "--oe-port" -> config.orderEntryPort((int)number(option, value, 1, 65_535));
            case "--md-port" -> config.marketDataPort((int)number(option, value, 1, 65_535));
            case "--seed" -> config.market().seed(number(option, value, Long.MIN_VALUE, Long.MAX_VALUE));
            case "--tick-ms" -> config.market().tickMillis(number(option, value, 1, 60_000));
            case "--record" -> config.recordFile(Path.of(value));
            case "--oe-comp-id" -> config.orderEntryCompId(value);
            case "--md-comp-id" -> config.marketDataCompId(value);
            case "--exchange-comp-id" -> config.exchangeCompId(value);
            case "--control-port" -> config.controlPort((int)number(option, value, 0, 65_535));
            case "--fault" -> config.fault(value);
            case "--session" ->
            {
                try
                {
                    config.session(SessionDefinition.parse(value));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new UsageException(ex.getMessage());
                }
            }
            case "--replay" -> config.replayFile(Path.of(value));
            case "--day-schedule" ->
            {
                try
                {
                    config.daySchedule(DaySchedule.parse(value));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new UsageException(ex.getMessage());
                }
            }
            case "--tls-keystore" -> config.tls(Path.of(value), config.keyStorePassword());
            case "--tls-password" -> config.tls(config.keyStore(), value);
            case "--fault-seed" -> config.faultSeed(number(option, value, Long.MIN_VALUE, Long.MAX_VALUE));
            case "--vi-seconds" -> config.volatilityInterruption(
                Duration.ofSeconds(number(option, value, 0, 86_400)));
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
