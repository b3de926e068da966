package io.basis.gateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import io.basis.gateway.ops.GatewayConfigException;
import io.basis.gateway.ops.GatewayProbe;
import io.basis.gateway.ops.IdleMode;

/**
 * Command line entry point: parses options, launches a {@link Gateway} and runs until SIGINT or SIGTERM, when a
 * shutdown hook closes it. Every problem is one line: exit code 2 on bad arguments or configuration, 1 when the
 * gateway cannot start or can no longer work (no logon within {@code --connect-attempts}, media driver gone).
 */
public final class GatewayMain
{
    /** Exit code for unusable arguments or configuration. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when the gateway could not start or can no longer work (exchange unreachable, driver gone). */
    public static final int EXIT_FAILURE = 1;

    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: GatewayMain --settings FILE [options]",
        "  --settings FILE           QuickFIX/J settings; one BasisRole=ORDER_ENTRY and one",
        "                            BasisRole=MARKET_DATA session (required)",
        "  --aeron-dir DIR           Aeron directory (default: Aeron's default, aeron.dir)",
        "  --embedded-driver         launch a media driver inside the gateway",
        "  --account ACC             Account (1) on every order (default " + GatewayConfig.DEFAULT_ACCOUNT +
        "), unless the",
        "                            order-entry BasisDialect sets account",
        "  --idle backoff|brief|busy idle strategy of the gateway agent: park up to 100 or 20 us, or spin",
        "                            (default backoff)",
        "  --publish-timeout-ms N    alarm when reports wait longer for an absent engine (default " +
        GatewayConfig.DEFAULT_PUBLISH_TIMEOUT.toMillis() + ")",
        "  --engine-backlog-bytes N  what is kept for an absent or slow engine (default " +
        GatewayConfig.DEFAULT_ENGINE_BACKLOG_BYTES + ")",
        "  --connect-attempts N      failed connections per session before its first logon before the",
        "                            gateway exits 1 (default " + GatewayConfig.DEFAULT_CONNECT_ATTEMPTS +
        ", 0: no limit); every failure is logged",
        "  --help                    print this and exit");

    private GatewayMain()
    {
    }

    /**
     * Run the gateway until SIGINT or SIGTERM, or until it cannot work (exit {@value #EXIT_FAILURE}).
     *
     * @param args see {@code --help}.
     * @throws InterruptedException if the main thread is interrupted while the gateway runs.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        System.exit(run(args, System.out, System.err, true));
    }

    /**
     * Parse, launch and run the gateway until it can no longer work; every problem is one line on {@code err}, never a
     * stack trace.
     *
     * @param args                see {@code --help}.
     * @param out                 the started line and the usage.
     * @param err                 problems.
     * @param closeOnJvmShutdown  close the gateway from a shutdown hook (SIGINT, SIGTERM); false in tests.
     * @return the exit code: 0 after {@code --help}, {@value #EXIT_USAGE} for bad arguments or configuration,
     * {@value #EXIT_FAILURE} when the gateway could not start or stopped working (exchange unreachable, media driver
     * gone). A gateway that works does not return.
     * @throws InterruptedException if the calling thread is interrupted while the gateway runs.
     */
    public static int run(
        final String[] args, final PrintStream out, final PrintStream err, final boolean closeOnJvmShutdown)
        throws InterruptedException
    {
        return run(args, out, err, closeOnJvmShutdown, GatewayProbe.NONE);
    }

    /**
     * {@link #run(String[], PrintStream, PrintStream, boolean)} with hooks at the hops of ticks and orders, for a
     * benchmark that breaks the gateway's latency down (the command line has no option for it).
     *
     * @param args               see {@code --help}.
     * @param out                the started line and the usage.
     * @param err                problems.
     * @param closeOnJvmShutdown close the gateway from a shutdown hook (SIGINT, SIGTERM); false in tests.
     * @param probe              the hooks, {@link GatewayProbe#NONE} for none.
     * @return the exit code, as {@link #run(String[], PrintStream, PrintStream, boolean)}'s.
     * @throws InterruptedException if the calling thread is interrupted while the gateway runs.
     */
    public static int run(
        final String[] args,
        final PrintStream out,
        final PrintStream err,
        final boolean closeOnJvmShutdown,
        final GatewayProbe probe)
        throws InterruptedException
    {
        final GatewayConfig config;
        try
        {
            config = parse(args, probe);
        }
        catch (final GatewayConfigException ex)
        {
            err.println("basis-gateway: " + ex.getMessage() + " (--help for usage)");
            return EXIT_USAGE;
        }
        if (config == null)
        {
            out.println(USAGE);
            return 0;
        }

        final Gateway gateway;
        try
        {
            gateway = Gateway.launch(config);
        }
        catch (final GatewayConfigException ex)
        {
            err.println("basis-gateway: " + ex.getMessage());
            return EXIT_USAGE;
        }
        catch (final RuntimeException | LinkageError ex)
        {
            // LinkageError: Agrona without --add-opens java.base/jdk.internal.misc=ALL-UNNAMED, for one.
            err.println("basis-gateway: cannot start: " + ex);
            return EXIT_FAILURE;
        }
        if (closeOnJvmShutdown)
        {
            Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "basis-gateway-shutdown"));
        }
        out.println("gateway: started: " + config + " sessions=" + gateway.roles());
        if (gateway.openOrdersAtStart() > 0)
        {
            out.println("gateway: recovered " + gateway.openOrdersAtStart() + " open orders from its order journal; " +
                "asking the exchange about each once order entry is up");
        }
        // The gateway's own threads do the work; main only waits for it to give up (or the JVM to be told to stop).
        final String failure = gateway.awaitFailure();
        err.println("basis-gateway: " + failure);
        gateway.close();
        return EXIT_FAILURE;
    }

    /**
     * Parse the command line.
     *
     * @param args the arguments.
     * @return the configuration, or null if {@code --help} was asked for.
     * @throws GatewayConfigException on an unknown option, a missing value or a missing {@code --settings}.
     */
    public static GatewayConfig parse(final String[] args)
    {
        return parse(args, GatewayProbe.NONE);
    }

    private static GatewayConfig parse(final String[] args, final GatewayProbe probe)
    {
        final GatewayConfig.Builder builder = GatewayConfig.builder().probe(probe);
        boolean haveSettings = false;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            switch (arg)
            {
                case "--help":
                case "-h":
                    return null;
                case "--settings":
                    builder.settingsFile(Path.of(value(args, ++i, arg)));
                    haveSettings = true;
                    break;
                case "--aeron-dir":
                    builder.aeronDirectoryName(value(args, ++i, arg));
                    break;
                case "--embedded-driver":
                    builder.embeddedDriver(true);
                    break;
                case "--account":
                    builder.account(value(args, ++i, arg));
                    break;
                case "--idle":
                    builder.idleMode(IdleMode.parse(value(args, ++i, arg)));
                    break;
                case "--publish-timeout-ms":
                    builder.publishTimeout(Duration.ofMillis(number(value(args, ++i, arg), arg)));
                    break;
                case "--engine-backlog-bytes":
                    builder.engineBacklogBytes(intNumber(value(args, ++i, arg), arg));
                    break;
                case "--connect-attempts":
                    builder.connectAttempts(intNumber(value(args, ++i, arg), arg));
                    break;
                default:
                    throw new GatewayConfigException("unknown option " + arg);
            }
        }
        if (!haveSettings)
        {
            throw new GatewayConfigException("--settings FILE is required");
        }
        return builder.build();
    }

    /**
     * Print the usage text.
     *
     * @param out where to.
     */
    public static void printUsage(final PrintStream out)
    {
        out.println(USAGE);
    }

    private static String value(final String[] args, final int index, final String option)
    {
        if (index >= args.length || args[index].startsWith("--"))
        {
            throw new GatewayConfigException(option + " needs a value");
        }
        return args[index];
    }

    private static int intNumber(final String text, final String option)
    {
        final long number = number(text, option);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)
        {
            throw new GatewayConfigException(option + " is out of range: " + text);
        }
        return (int)number;
    }

    private static long number(final String text, final String option)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new GatewayConfigException(option + " needs a whole number, not " + text);
        }
    }
}
