package io.basis.engine.journal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

import io.aeron.exceptions.AeronException;
import io.basis.engine.Arguments;
import io.basis.engine.EngineConfig;
import io.basis.engine.refdata.ReferenceDataException;

/**
 * {@code ./basis audit --archive DIR (--order CLORDID | --program ID)}: the lifecycle of one order, or of every
 * order of one program, from an engine's recorded journal, replayed: the input it was decided on and the valuation
 * then, its pre-trade risk, every cancel, report, reject and fill, and the position each fill was booked into.
 * Exits 0 if the journal mentions it, 1 if not, 2 if the arguments or the archive cannot be used.
 */
public final class AuditMain
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis audit --archive DIR (--order CLORDID | --program ID) [--from T] [--to T]",
        "  --archive DIR     an Aeron Archive an engine recorded its journal in (the demo's: run/demo-*/basis-archive)",
        "  --order CLORDID   one order (its ClOrdID is the engine's order id)",
        "  --program ID      every order of one program",
        "  --from T, --to T  only engine runs that started in [T, T) (ISO-8601 instant or epoch milliseconds)");

    private AuditMain()
    {
    }

    /**
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    static int run(final String[] args)
    {
        final ArchiveOptions options = new ArchiveOptions();
        long orderId = 0;
        long programId = 0;
        try
        {
            for (int i = 0; i < args.length; i++)
            {
                final int last = options.parse(args, i);
                if (last >= 0)
                {
                    i = last;
                    continue;
                }
                switch (args[i])
                {
                    case "--help":
                    case "-h":
                        System.out.println(USAGE);
                        return 0;
                    case "--order":
                        orderId = id(Arguments.value(args, ++i), "--order");
                        break;
                    case "--program":
                        programId = id(Arguments.value(args, ++i), "--program");
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            options.requireArchive();
            if ((orderId == 0) == (programId == 0))
            {
                throw new IllegalArgumentException("give one of --order CLORDID or --program ID");
            }
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("audit: " + ex.getMessage() + " (--help for usage)");
            return 2;
        }
        final Path archiveDir = options.archiveDir;
        try
        {
            if (audit(archiveDir, orderId, programId, options.fromMs, options.toMs, ReplayMain::recordedConfig,
                System.out) == 0)
            {
                System.err.println("audit: the journal in " + archiveDir + " does not mention " +
                    (orderId != 0 ? "order " + orderId : "program " + programId));
                return 1;
            }
            return 0;
        }
        catch (final AeronException | IllegalStateException | ReferenceDataException ex)
        {
            System.err.println("audit: " + archiveDir + ": " + ex.getMessage());
            return 2;
        }
    }

    /**
     * Print the lifecycle of an order, or of a program's orders, from the journals of an archive.
     *
     * @param archiveDir the archive.
     * @param orderId    the order, or 0.
     * @param programId  the program, or 0.
     * @param fromMs     earliest run start to include, epoch milliseconds.
     * @param toMs       runs starting at or after this are left out.
     * @param configOf   the engine settings for a run's recorded command line.
     * @param out        where to print.
     * @return lines printed about it; 0 if the journal does not mention it.
     */
    public static long audit(
        final Path archiveDir,
        final long orderId,
        final long programId,
        final long fromMs,
        final long toMs,
        final Function<String, EngineConfig> configOf,
        final PrintStream out)
    {
        final JournalReplay replay = new JournalReplay(configOf);
        final OrderAudit audit = new OrderAudit(replay, orderId, programId, out);
        ReplayMain.replay(archiveDir, fromMs, toMs, replay.observer(audit));
        if (!replay.identical())
        {
            out.println("note: the journal does not replay identically: " + replay.firstDifference());
        }
        return audit.lines();
    }

    private static long id(final String text, final String option)
    {
        try
        {
            final long id = Long.parseLong(text);
            if (id > 0)
            {
                return id;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " needs a positive id, not '" + text + "'");
    }
}
