package io.basis.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/**
 * {@code ./basis demo [--seconds N] [--report FILE]}: the simulator, the gateway and the engine as three JVMs
 * trading over loopback FIX and Aeron IPC. Exits 0 only if every process ran and stopped cleanly, every program
 * ended with all its legs terminal and the engine's positions equal the exchange's record.
 */
public final class DemoMain
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis demo [options]",
        "  --seconds N      trading window in seconds (default 60, at least 10)",
        "  --report FILE    write the JSON report here",
        "  --refdata DIR    reference data set (default refdata/kospi200)",
        "  --trade-date D   trading date of the simulator and the engine, YYYY-MM-DD (default 2026-11-23):",
        "                   the rate and dividends of the future's fair value, which both take from --refdata",
        "  --seed N         seed of the synthetic market (default 42)",
        "  --run-dir DIR    logs and process files (default run/demo-<time>)",
        "  --quiet          no live status line",
        "  --crash R@S,...  crash drill: kill the engine or the gateway with SIGKILL at second S of trading and",
        "                   start it again with the same command (e.g. engine@20,gateway@35); the media driver",
        "                   then runs in the demo process, so that it outlives them. engine@POINT kills the",
        "                   engine at a point of a working basket the simulator's faults bring about, in turn:",
        "                   unreported (no report back yet), mid-fill, reprice, hedge (e.g. engine@mid-fill)",
        "  --help           this text");

    private DemoMain()
    {
    }

    /**
     * @param args command line.
     * @throws Exception if the demo could not run.
     */
    public static void main(final String[] args) throws Exception
    {
        final DemoConfig config = new DemoConfig();
        try
        {
            if (!parse(args, config))
            {
                System.out.println(USAGE);
                return;
            }
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("demo: " + ex.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        final Demo demo = new Demo(config, System.out);
        final boolean succeeded = run(demo, config);
        if (!demo.isInterrupted())
        {
            // On Ctrl-C the JVM is already shutting down: returning lets it finish; System.exit would block.
            System.exit(succeeded ? 0 : 1);
        }
    }

    static boolean run(final Demo demo, final DemoConfig config) throws Exception
    {
        final Thread mainThread = Thread.currentThread();
        final Thread onInterrupt = new Thread(() ->
        {
            // Ctrl-C or SIGTERM: let the main thread wind down, stop the processes and write the report.
            demo.interrupt();
            try
            {
                mainThread.join(60_000);
            }
            catch (final InterruptedException ignored)
            {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try
        {
            final DemoReport report = demo.run();
            System.out.println(report.summary());
            if (config.reportFile != null)
            {
                report.write(config.reportFile);
                System.out.println("demo: report written to " + config.reportFile);
            }
            for (final String failure : report.failures())
            {
                System.out.println("demo: FAILED: " + failure);
            }
            if (!report.reconciled())
            {
                System.out.println("demo: FAILED: engine positions differ from the exchange's record");
            }
            return report.succeeded();
        }
        catch (final IllegalStateException ex)
        {
            System.out.println("demo: FAILED: " + ex.getMessage());
            return false;
        }
        finally
        {
            demo.close();
            try
            {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            }
            catch (final IllegalStateException ignored)
            {
                // Already shutting down (Ctrl-C): the hook is running or has run.
            }
        }
    }

    static boolean parse(final String[] args, final DemoConfig config)
    {
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--help":
                case "-h":
                    return false;
                case "--seconds":
                    config.seconds = Integer.parseInt(value(args, ++i, "--seconds"));
                    if (config.seconds < 10)
                    {
                        throw new IllegalArgumentException("--seconds must be at least 10");
                    }
                    break;
                case "--report":
                    config.reportFile = Path.of(value(args, ++i, "--report"));
                    break;
                case "--refdata":
                    config.refdataDir = Path.of(value(args, ++i, "--refdata"));
                    break;
                case "--trade-date":
                    try
                    {
                        config.tradeDate = LocalDate.parse(value(args, ++i, "--trade-date"));
                    }
                    catch (final DateTimeParseException ex)
                    {
                        throw new IllegalArgumentException("--trade-date needs a date YYYY-MM-DD, not '" +
                            args[i] + "'");
                    }
                    break;
                case "--seed":
                    config.seed = Long.parseLong(value(args, ++i, "--seed"));
                    break;
                case "--run-dir":
                    config.runDir = Path.of(value(args, ++i, "--run-dir"));
                    break;
                case "--quiet":
                    config.live = false;
                    break;
                case "--crash":
                    for (final String crash : value(args, ++i, "--crash").split(","))
                    {
                        config.crashes.add(DemoConfig.Crash.parse(crash.trim()));
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        final int lastCrashSecond = config.seconds - config.quiesceSeconds() - 1;
        final long points = config.crashes.stream().filter(crash -> crash.point() != null).count();
        if (points > 0 && points < config.crashes.size())
        {
            throw new IllegalArgumentException("--crash takes seconds or points, not both");
        }
        for (final DemoConfig.Crash crash : config.crashes)
        {
            if (crash.point() == null && (crash.atSecond() < 3 || crash.atSecond() > lastCrashSecond))
            {
                throw new IllegalArgumentException("--crash " + crash.role() + "@" + crash.atSecond() +
                    ": the second must be within 3.." + lastCrashSecond + " of a " + config.seconds + "-second run");
            }
        }
        // Seconds in time order; points in the order given, each after the one before.
        config.crashes.sort(Comparator.comparingInt(DemoConfig.Crash::atSecond));
        if (config.jar == null)
        {
            config.jar = Path.of(System.getProperty("basis.jar", System.getProperty("java.class.path")));
        }
        if (config.runDir == null)
        {
            config.runDir = Path.of("run", "demo-" +
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return true;
    }

    private static String value(final String[] args, final int index, final String option)
    {
        if (index >= args.length)
        {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
