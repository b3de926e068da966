package io.basis.gateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry point: parses options, launches a {@link Gateway} and runs until SIGINT or SIGTERM, when a
 * shutdown hook closes it. Exit code 2 on bad arguments or configuration.
 */
public final class GatewayMain
{
    /** Exit code for unusable arguments or configuration. */
    public static final int EXIT_USAGE = 2;

    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: GatewayMain --settings FILE [options]",
        "  --settings FILE           QuickFIX/J settings; one BasisRole=ORDER_ENTRY and one",
        "                            BasisRole=MARKET_DATA session (required)",
        "  --aeron-dir DIR           Aeron directory (default: Aeron's default, aeron.dir)",
        "  --embedded-driver         launch a media driver inside the gateway",
        "  --account ACC             Account (1) on every order (default " + GatewayConfig.DEFAULT_ACCOUNT +
        "), unless the",
        "                            order-entry BasisDialect sets account",
        "  --idle backoff|busy       idle strategy of the gateway agent (default backoff)",
        "  --publish-timeout-ms N    alarm when reports wait longer for an absent engine (default " +
        GatewayConfig.DEFAULT_PUBLISH_TIMEOUT.toMillis() + ")",
        "  --engine-backlog-bytes N  what is kept for an absent or slow engine (default " +
        GatewayConfig.DEFAULT_ENGINE_BACKLOG_BYTES + ")",
        "  --help                    print this and exit");

    private GatewayMain()
    {
    }

    /**
     * Run the gateway.
     *
     * @param args see {@code --help}.
     * @throws InterruptedException if the main thread is interrupted while the gateway runs.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final GatewayConfig config;
        try
        {
            config = parse(args);
        }
        catch (final GatewayConfigException ex)
        {
            System.err.println("basis-gateway: " + ex.getMessage());
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (config == null)
        {
            System.out.println(USAGE);
            return;
        }

        final Gateway gateway;
        try
        {
            gateway = Gateway.launch(config);
        }
        catch (final GatewayConfigException ex)
        {
            System.err.println("basis-gateway: " + ex.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "basis-gateway-shutdown"));
        System.out.println("gateway: started: " + config + " sessions=" + gateway.roles());
        // The gateway's own threads do the work; main only waits for the JVM to be told to stop.
        new CountDownLatch(1).await();
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
        final GatewayConfig.Builder builder = GatewayConfig.builder();
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
                    builder.engineBacklogBytes(Math.toIntExact(number(value(args, ++i, arg), arg)));
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
