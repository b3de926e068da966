package io.basis.engine;

import io.aeron.CommonContext;
import io.aeron.exceptions.AeronException;
import io.basis.engine.control.OperatorKeysException;
import io.basis.engine.journal.JournalArchive;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.refdata.ReferenceDataException;
import io.basis.protocol.sbe.TimeInForce;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Command line of the engine process: {@code ./basis engine [options]}. Runs until SIGINT or SIGTERM.
 */
public final class EngineMain
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis engine [options]",
        "  --refdata DIR            reference data directory (default refdata/kospi200)",
        "  --trade-date YYYY-MM-DD  trading date (default 2026-11-23)",
        "  --aeron-dir DIR          Aeron directory of the media driver (default: Aeron's default)",
        "  --embedded-driver        launch a media driver inside the engine process",
        "  --contracts N            contracts per program (default 1)",
        "  --edge POINTS            edge beyond a no-arbitrage bound needed to trade (default 0)",
        "  --max-mispricing POINTS  |F* - F| beyond which the model is deemed wrong (default 15)",
        "  --max-programs N         largest net position in programs either way (default 2)",
        "  --program-timeout-ms MS  cancel legs still working after this (default 2000)",
        "  --tif day|ioc            time in force of child orders (default day)",
        "  --limit-ticks N          ticks beyond the needed level at which legs are limited (default 3)",
        "  --strategy paper|edge    the paper's mean-basis strategy or trade-any-edge (default paper)",
        "  --idle backoff|busy      idle strategy of the engine thread (default backoff)",
        "  --report FILE            write positions and counts here on exit",
        "  --archive-dir DIR        Aeron Archive directory recording the engine's journal (default: basis-archive",
        "                           beside the Aeron directory); --no-archive records nothing",
        "  --archive-retention-days N  journal recordings kept (default 7); older ones are purged at start",
        "  --snapshot-interval-seconds N  snapshot the whole state into the archive every N seconds of engine",
        "                           time (default 60; 0: only on a clean stop); a restart loads the newest and",
        "                           replays only the journal after it",
        "  --fresh                  start empty instead of replaying the archive's journals to restore the state",
        "  --positions FILE         positions held from the day before (symbol,quantity,averagePrice), loaded at",
        "                           a fresh start; a clean stop writes basis-positions.csv beside the archive",
        "  --operators FILE         operators allowed to command the engine, NAME=KEY lines (default:",
        "                           basis-operators.keys beside the Aeron directory, created for you if absent)",
        "  --command-log FILE       record of every operator command (default: basis-commands.log beside the keys)",
        "  --help                   this text");

    private EngineMain()
    {
    }

    /**
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        final EngineConfig config;
        try
        {
            config = parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("engine: " + ex.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (config == null)
        {
            System.out.println(USAGE);
            return;
        }

        final Engine engine;
        try
        {
            engine = Engine.launch(config);
        }
        catch (final ReferenceDataException ex)
        {
            System.err.println("engine: bad reference data: " + ex.getMessage());
            System.exit(2);
            return;
        }
        catch (final OperatorKeysException ex)
        {
            System.err.println("engine: operator keys: " + ex.getMessage());
            System.exit(2);
            return;
        }
        catch (final IllegalArgumentException ex)
        {
            // A settings file that cannot be used (the positions file): its message names the file and line.
            System.err.println("engine: " + ex.getMessage());
            System.exit(2);
            return;
        }
        catch (final AeronException | UncheckedIOException | IllegalStateException ex)
        {
            // No media driver at the Aeron directory (or it stopped), or the command log cannot be opened.
            System.err.println("engine: cannot start: " + ex.getMessage());
            System.exit(1);
            return;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            engine.close();
            stopped.countDown();
        }, "engine-shutdown"));
        if (engine.restoredRuns() > 0)
        {
            System.out.println("engine: restored from " + engine.restoredRuns() + " recorded run(s), " +
                engine.restoredEvents() + " inputs" + (engine.restoredFromSnapshot() ?
                " (a snapshot of " + (engine.restoredEvents() - engine.replayedEvents()) + ", then " +
                engine.replayedEvents() + " replayed from the journal)" : " replayed from the journal"));
        }
        if (config.positionsFile != null)
        {
            System.out.println(engine.restoredRuns() > 0 ?
                "engine: --positions ignored: the state restored from the archive holds its positions" :
                "engine: " + engine.startOfDayPositions() + " start-of-day position(s) loaded from " +
                config.positionsFile);
        }
        System.out.println("engine: " + engine.referenceData().indexName() + ", " +
            engine.referenceData().constituents().size() + " constituents + " +
            engine.referenceData().future().symbol() + ", " + config.contracts + " contract(s) per program");
        try
        {
            stopped.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The settings a command line asks for, defaults included (as recorded in a journal, a replay parses the same).
     *
     * @param args command-line options.
     * @return the settings, or null if help was asked for.
     * @throws IllegalArgumentException naming the option that is wrong.
     */
    public static EngineConfig parse(final String[] args)
    {
        final EngineConfig config = new EngineConfig();
        config.commandLine = decidingOptions(args);
        boolean archive = true;
        for (int i = 0; i < args.length; i++)
        {
            final String option = args[i];
            switch (option)
            {
                case "--help":
                case "-h":
                    return null;
                case "--embedded-driver":
                    config.embeddedDriver = true;
                    break;
                case "--refdata":
                    config.refdataDir = Path.of(value(args, ++i, option));
                    break;
                case "--trade-date":
                    config.tradeDate = date(value(args, ++i, option), option);
                    break;
                case "--aeron-dir":
                    config.aeronDir = value(args, ++i, option);
                    break;
                case "--contracts":
                    config.contracts = positive(value(args, ++i, option), option);
                    break;
                case "--edge":
                    config.edgeThreshold = number(value(args, ++i, option), option);
                    break;
                case "--max-mispricing":
                    final ModelLimits limits = config.modelLimits;
                    config.modelLimits = new ModelLimits(limits.minRate(), limits.maxRate(),
                        limits.maxDividendYield(), number(value(args, ++i, option), option));
                    break;
                case "--max-programs":
                    config.maxNetPrograms = (int)positive(value(args, ++i, option), option);
                    break;
                case "--program-timeout-ms":
                    config.programTimeoutMs = positive(value(args, ++i, option), option);
                    break;
                case "--limit-ticks":
                    config.limitTicks = (int)positive(value(args, ++i, option), option);
                    break;
                case "--strategy":
                    config.strategy = value(args, ++i, option);
                    Engine.strategy(config);
                    break;
                case "--tif":
                    config.timeInForce = timeInForce(value(args, ++i, option));
                    break;
                case "--idle":
                    config.idle = value(args, ++i, option);
                    Engine.idleStrategy(config.idle);
                    break;
                case "--archive-dir":
                    config.archiveDir = Path.of(value(args, ++i, option));
                    break;
                case "--fresh":
                    config.fresh = true;
                    break;
                case "--no-archive":
                    archive = false;
                    break;
                case "--positions":
                    config.positionsFile = Path.of(value(args, ++i, option));
                    break;
                case "--snapshot-interval-seconds":
                    config.snapshotIntervalNs = TimeUnit.SECONDS.toNanos(
                        (long)number(value(args, ++i, option), option));
                    break;
                case "--archive-retention-days":
                    config.archiveRetentionMs = TimeUnit.DAYS.toMillis(positive(value(args, ++i, option), option));
                    break;
                case "--operators":
                    config.operatorKeysFile = Path.of(value(args, ++i, option));
                    break;
                case "--command-log":
                    config.commandLogFile = Path.of(value(args, ++i, option));
                    break;
                case "--report":
                    config.reportFile = Path.of(value(args, ++i, option));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!archive)
        {
            config.archiveDir = null;
        }
        else if (config.archiveDir == null)
        {
            config.archiveDir = Path.of(config.aeronDir != null ? config.aeronDir :
                CommonContext.getAeronDirectoryName()).toAbsolutePath().resolveSibling(JournalArchive.DEFAULT_DIR_NAME);
        }
        return config;
    }

    /**
     * What a continuing run must repeat, as recorded in its journal: every option but those that only say how to
     * start (the positions a fresh start loads are journaled as inputs) or how often to snapshot.
     */
    private static String decidingOptions(final String[] args)
    {
        final java.util.List<String> deciding = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++)
        {
            if (args[i].equals("--snapshot-interval-seconds") || args[i].equals("--positions"))
            {
                i++;
            }
            else if (!args[i].equals("--fresh"))
            {
                deciding.add(args[i]);
            }
        }
        return String.join("\n", deciding);
    }

    private static String value(final String[] args, final int index, final String option)
    {
        if (index >= args.length)
        {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long positive(final String text, final String option)
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

    private static double number(final String text, final String option)
    {
        try
        {
            final double value = Double.parseDouble(text);
            if (value >= 0.0 && Double.isFinite(value))
            {
                return value;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a non-negative number, was '" + text + "'");
    }

    private static LocalDate date(final String text, final String option)
    {
        try
        {
            return LocalDate.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException(option + " needs a date YYYY-MM-DD, was '" + text + "'");
        }
    }

    private static TimeInForce timeInForce(final String text)
    {
        switch (text)
        {
            case "day":
                return TimeInForce.DAY;
            case "ioc":
                return TimeInForce.IOC;
            default:
                throw new IllegalArgumentException("--tif must be 'day' or 'ioc', was '" + text + "'");
        }
    }
}
