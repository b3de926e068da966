package io.basis.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.AeronException;
import io.basis.engine.EngineConfig;
import io.basis.engine.EngineOptions;
import io.basis.engine.refdata.ReferenceDataException;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * {@code ./basis replay --archive DIR [--from T] [--to T]}: replay the engine journals recorded in an archive
 * through fresh engines, as fast as they go, with no gateway and no exchange, and check that every order and
 * cancel they decide equals the recorded one byte for byte. Prints one JSON object; exits 0 if identical, 1 if
 * not, 2 if the arguments or the archive cannot be used.
 */
public final class ReplayMain
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis replay --archive DIR [--from T] [--to T]",
        "  --archive DIR   an Aeron Archive directory an engine recorded its journal in (the demo's is",
        "                  run/demo-*/basis-archive); the engine that recorded it must have stopped",
        "  --from T        only engine runs that started at or after T (ISO-8601 instant, or epoch milliseconds)",
        "  --to T          only engine runs that started before T",
        "Each run is replayed with the options it was started with (recorded in its journal), from the",
        "working directory ./basis runs in.");
    private static final long REPLAY_TIMEOUT_MS = 10_000;

    private ReplayMain()
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
        try
        {
            for (int i = 0; i < args.length; i++)
            {
                if (args[i].equals("--help") || args[i].equals("-h"))
                {
                    System.out.println(USAGE);
                    return 0;
                }
                final int last = options.parse(args, i);
                if (last < 0)
                {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i = last;
            }
            options.requireArchive();
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("replay: " + ex.getMessage() + " (--help for usage)");
            return 2;
        }
        final Path archiveDir = options.archiveDir;
        try
        {
            final Result result = replay(archiveDir, options.fromMs, options.toMs, ReplayMain::recordedConfig);
            System.out.println(result.toJson());
            return result.replay.identical() ? 0 : 1;
        }
        catch (final AeronException | IllegalStateException | IllegalArgumentException | ReferenceDataException |
            UncheckedIOException ex)
        {
            System.err.println("replay: " + archiveDir + ": " + ex.getMessage());
            return 2;
        }
    }

    /**
     * Replay the journals of an archive.
     *
     * @param archiveDir the archive.
     * @param fromMs     earliest run start to include, epoch milliseconds.
     * @param toMs       runs starting at or after this are left out.
     * @param configOf   the engine settings for a run's recorded command line.
     * @return what the replay found.
     */
    public static Result replay(
        final Path archiveDir, final long fromMs, final long toMs, final Function<String, EngineConfig> configOf)
    {
        return replay(archiveDir, fromMs, toMs, new JournalReplay(configOf));
    }

    /**
     * Replay the journals of an archive through a given replay (one with an observer, say).
     *
     * @param archiveDir the archive.
     * @param fromMs     earliest run start to include, epoch milliseconds.
     * @param toMs       runs starting at or after this are left out.
     * @param replay     receives every entry.
     * @return what the replay found.
     */
    public static Result replay(final Path archiveDir, final long fromMs, final long toMs, final JournalReplay replay)
    {
        final Path aeronDir = tempDir();
        final MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir.toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        Aeron aeron = null;
        JournalArchive archive = null;
        try
        {
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            archive = JournalArchive.launch(aeron, archiveDir);
            final List<JournalArchive.Recording> recordings = archive.recordings();
            int replayed = 0;
            final long startNs = System.nanoTime();
            for (final JournalArchive.Recording recording : recordings)
            {
                if (recording.startTimestampMs() >= fromMs && recording.startTimestampMs() < toMs)
                {
                    archive.replay(recording, (buffer, offset, length, header) ->
                        replay.onEntry(buffer, offset, length), REPLAY_TIMEOUT_MS);
                    replayed++;
                }
            }
            replay.finish();
            return new Result(archiveDir, replayed, replay, System.nanoTime() - startNs);
        }
        finally
        {
            CloseHelper.closeAll(archive, aeron, driver);
            IoUtil.delete(aeronDir.toFile(), true);
        }
    }

    /**
     * The settings a recorded command line asks for.
     *
     * @param commandLine the options, one per line, as an {@code EngineStarted} entry holds them.
     * @return the settings.
     */
    static EngineConfig recordedConfig(final String commandLine)
    {
        return EngineOptions.parse(commandLine.isEmpty() ? new String[0] : commandLine.split("\n"));
    }

    private static Path tempDir()
    {
        try
        {
            return Files.createTempDirectory("basis-replay-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * What a replay of an archive found.
     *
     * @param archiveDir the archive.
     * @param recordings recordings replayed.
     * @param replay     the replay, finished.
     * @param elapsedNs  how long it took.
     */
    public record Result(Path archiveDir, int recordings, JournalReplay replay, long elapsedNs)
    {
        /**
         * @return inputs replayed per second of the replay.
         */
        public double eventsPerSecond()
        {
            return elapsedNs == 0 ? 0 : replay.events() * 1e9 / elapsedNs;
        }

        /**
         * @return the result as the one JSON object {@code ./basis replay} prints.
         */
        public String toJson()
        {
            final String difference = replay.firstDifference();
            return String.format(Locale.ROOT,
                "{\"archive\": \"%s\", \"recordings\": %d, \"runs\": %d, \"events\": %d, \"outputs\": %d, " +
                "\"identical\": %b, \"firstDifference\": %s, \"eventsPerSecond\": %.0f}",
                escape(archiveDir.toString()), recordings, replay.runs(), replay.events(), replay.outputs(),
                replay.identical(), difference == null ? "null" : "\"" + escape(difference) + "\"",
                eventsPerSecond());
        }

        private static String escape(final String text)
        {
            return text.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
