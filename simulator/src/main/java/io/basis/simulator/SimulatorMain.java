package io.basis.simulator;

import io.basis.simulator.refdata.ReferenceDataException;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Command-line entry point: starts a {@link Simulator} and runs until SIGINT/SIGTERM, when a shutdown hook closes
 * it and writes the record file. Exit code 2 for bad arguments or bad reference data, 1 if it cannot start (a port
 * in use, say); either way one line on stderr says why, never a stack trace.
 */
public final class SimulatorMain
{
    /** Exit code for bad arguments or reference data. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when the simulator cannot start (e.g. port in use). */
    public static final int EXIT_FAILURE = 1;

    private SimulatorMain()
    {
    }

    /**
     * @param args see {@code --help}.
     */
    public static void main(final String[] args)
    {
        final int exitCode = run(args, System.out, System.err);
        if (exitCode != 0)
        {
            System.exit(exitCode);
        }
    }

    /**
     * Parse, start, and block until the simulator is closed by the shutdown hook.
     *
     * @param args command-line arguments.
     * @param out  where the start line and help go.
     * @param err  where errors go.
     * @return the exit code.
     */
    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        final SimulatorConfig config;
        try
        {
            config = CommandLine.parse(args);
        }
        catch (final CommandLine.UsageException ex)
        {
            err.println("simulator: " + ex.getMessage() + " (run with --help for the options)");
            return EXIT_USAGE;
        }
        if (config == null)
        {
            CommandLine.printUsage(out);
            return 0;
        }

        final Simulator simulator;
        try
        {
            simulator = Simulator.start(config);
        }
        catch (final ReferenceDataException ex)
        {
            err.println("simulator: bad reference data in " + config.referenceDataDirectory() + ": " + ex.getMessage());
            return EXIT_USAGE;
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("simulator: " + ex.getMessage());
            return EXIT_USAGE;
        }
        catch (final IllegalStateException | UncheckedIOException ex)
        {
            err.println("simulator: " + ex.getMessage());
            return EXIT_FAILURE;
        }
        catch (final RuntimeException ex)
        {
            // Anything else is a bug, but the operator still gets one line and an exit code, not a stack trace.
            err.println("simulator: cannot start: " + ex);
            return EXIT_FAILURE;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            try
            {
                simulator.close();
                if (config.recordFile() != null)
                {
                    err.println("simulator: record written to " + config.recordFile());
                }
            }
            catch (final RuntimeException ex)
            {
                err.println("simulator: " + ex.getMessage());
            }
        }, "simulator-shutdown"));

        out.println("simulator: order entry " + config.host() + ":" + simulator.orderEntryPort() +
            ", market data " + config.host() + ":" + simulator.marketDataPort() + ", " +
            simulator.referenceData().instruments().size() + " instruments" +
            (simulator.controlPort() >= 0 ? ", control 127.0.0.1:" + simulator.controlPort() : ""));
        out.flush();
        try
        {
            simulator.awaitClose();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            simulator.close();
        }
        return 0;
    }
}
