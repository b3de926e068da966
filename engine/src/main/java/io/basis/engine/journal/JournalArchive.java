package io.basis.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveMarkFile;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.codecs.SourceLocation;
import io.aeron.archive.status.RecordingPos;
import io.aeron.logbuffer.FragmentHandler;
import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.SnapshotBeginDecoder;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.EngineStartedDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.status.CountersReader;

/**
 * The Aeron Archive that keeps engine journals: an archive in this process, on a directory, attached to the media
 * driver the engine uses, reached over IPC only (no network control channel). It records the journal stream (one
 * recording per engine run), purges recordings older than the retention, and replays recordings in order.
 */
public final class JournalArchive implements AutoCloseable
{
    /** Directory name of the default archive, beside the Aeron directory. */
    public static final String DEFAULT_DIR_NAME = io.basis.engine.EngineOptions.DEFAULT_ARCHIVE_DIR_NAME;
    /** Replays arrive on this stream of the IPC channel. */
    private static final int REPLAY_STREAM = 2004;
    /** Snapshots are written whole before the engine goes on; a small term keeps each one's log buffer small. */
    private static final String SNAPSHOT_CHANNEL = Streams.IPC_CHANNEL + "?term-length=4m";

    private final Archive archive;
    private final AeronArchive client;
    private final Aeron aeron;
    private final Path dir;

    private JournalArchive(final Aeron aeron, final Path dir, final Archive archive, final AeronArchive client)
    {
        this.aeron = aeron;
        this.dir = dir;
        this.archive = archive;
        this.client = client;
    }

    /**
     * Start an archive on a directory (created if absent), attached to a connected client's media driver.
     *
     * @param aeron a client of the media driver.
     * @param dir   the archive directory.
     * @return the archive.
     */
    public static JournalArchive launch(final Aeron aeron, final Path dir)
    {
        final Archive.Context context = new Archive.Context()
            .aeronDirectoryName(aeron.context().aeronDirectoryName())
            .archiveDir(dir.toFile())
            .deleteArchiveOnStart(false)
            .controlChannelEnabled(false)
            .recordingEventsEnabled(false)
            // Required by the archive even when nothing is replicated; never used here.
            .replicationChannel("aeron:udp?endpoint=localhost:0")
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel(Streams.IPC_CHANNEL))
            // One archive thread that backs off like the engine's: these machines have 2 cores.
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(JournalArchive::idleStrategy);
        Archive archive = null;
        AeronArchive client = null;
        try
        {
            removeMarkFileOfDeadArchive(dir);
            archive = Archive.launch(context);
            client = AeronArchive.connect(new AeronArchive.Context()
                .aeron(aeron)
                .controlRequestChannel(context.localControlChannel())
                .controlRequestStreamId(context.localControlStreamId())
                .controlResponseChannel(Streams.IPC_CHANNEL)
                .idleStrategy(idleStrategy()));
            return new JournalArchive(aeron, dir, archive, client);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(client, archive);
            throw ex;
        }
    }

    /**
     * An archive killed with its process (kill -9) leaves its mark file looking active for a while, and a new
     * archive refuses the directory: remove it when the process that held it is gone. An archive of a live process
     * keeps the directory, and the launch then says so.
     */
    private static void removeMarkFileOfDeadArchive(final Path dir)
    {
        final Path markFile = dir.resolve(ArchiveMarkFile.FILENAME);
        if (!Files.exists(markFile))
        {
            return;
        }
        final long pid;
        try (ArchiveMarkFile existing = new ArchiveMarkFile(
            dir.toFile(), ArchiveMarkFile.FILENAME, SystemEpochClock.INSTANCE, 1_000, message -> { }))
        {
            pid = existing.decoder().pid();
        }
        catch (final RuntimeException ex)
        {
            // Unreadable: the archive's own checks say what is wrong.
            return;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        {
            return;
        }
        try
        {
            Files.delete(markFile);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(markFile + ": mark file of a dead archive cannot be removed", ex);
        }
    }

    /**
     * Record one engine run's journal publication, and only it (another process publishing on the journal's stream
     * is never recorded as the engine's), and wait until it is being recorded, so that its first entry is in the
     * recording.
     *
     * @param journal   the run's journal publication.
     * @param timeoutMs longest wait.
     * @return the recording's id.
     * @throws IllegalStateException naming the archive if the recording did not start in time.
     */
    public long recordJournal(final Publication journal, final long timeoutMs)
    {
        client.startRecording(Streams.IPC_CHANNEL + "?session-id=" + journal.sessionId(), Streams.ENGINE_JOURNAL,
            SourceLocation.LOCAL);
        return RecordingPos.getRecordingId(aeron.countersReader(), recordingCounter(journal, timeoutMs, "journal"));
    }

    private int recordingCounter(final Publication publication, final long timeoutMs, final String what)
    {
        final CountersReader counters = aeron.countersReader();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int counterId;
        while ((counterId = RecordingPos.findCounterIdBySession(counters, publication.sessionId(),
            client.archiveId())) == CountersReader.NULL_COUNTER_ID)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException(dir + ": the archive did not start recording the " + what);
            }
            Thread.onSpinWait();
        }
        return counterId;
    }

    /**
     * Record a snapshot as a recording of its own, and return once the archive holds all of it. Blocks the caller
     * for the time it takes (a few milliseconds for a day's state); a snapshot cut short by a crash is recognised
     * as such when read.
     *
     * @param snapshot  the snapshot, whole.
     * @param timeoutMs longest wait for the archive.
     * @return the snapshot's recording id.
     * @throws IllegalStateException naming the archive if it did not take the snapshot in time.
     */
    public long recordSnapshot(final SnapshotWriter snapshot, final long timeoutMs)
    {
        try (ExclusivePublication publication = aeron.addExclusivePublication(SNAPSHOT_CHANNEL,
            Streams.ENGINE_SNAPSHOT))
        {
            final long subscriptionId = client.startRecording(
                Streams.IPC_CHANNEL + "?session-id=" + publication.sessionId(), Streams.ENGINE_SNAPSHOT,
                SourceLocation.LOCAL);
            try
            {
                final int counterId = recordingCounter(publication, timeoutMs, "snapshot");
                final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
                final IdleStrategy idle = idleStrategy();
                snapshot.forEachMessage((buffer, offset, length) ->
                {
                    while (publication.offer(buffer, offset, length) < 0)
                    {
                        if (System.nanoTime() > deadline)
                        {
                            throw new IllegalStateException(dir + ": the archive did not take the snapshot in time");
                        }
                        idle.idle();
                    }
                    return true;
                });
                final CountersReader counters = aeron.countersReader();
                while (counters.getCounterValue(counterId) < publication.position())
                {
                    if (System.nanoTime() > deadline)
                    {
                        throw new IllegalStateException(dir + ": the archive did not record the snapshot in time");
                    }
                    idle.idle();
                }
                return RecordingPos.getRecordingId(counters, counterId);
            }
            finally
            {
                client.stopRecording(subscriptionId);
            }
        }
    }

    /**
     * The newest whole snapshot of a chain of runs: one that covers a position in one of the chain's journals.
     * Snapshots cut short (the engine died writing them) are passed over for older ones.
     *
     * @param chain     the chain's journal recordings, oldest first.
     * @param snapshot  reads the snapshot's coverage.
     * @param reader    receives the chosen snapshot, verified, to be read from its start.
     * @param timeoutMs longest wait for a replay to make progress.
     * @return the chosen snapshot's coverage, or null if the chain has none.
     * @throws IllegalStateException naming the recording if a whole snapshot is corrupt.
     */
    public EngineSnapshot.Coverage newestSnapshot(
        final List<Recording> chain, final EngineSnapshot snapshot, final SnapshotReader reader, final long timeoutMs)
    {
        final List<Recording> snapshots = recordings(Streams.ENGINE_SNAPSHOT);
        for (int i = snapshots.size() - 1; i >= 0; i--)
        {
            final Recording recording = snapshots.get(i);
            reader.reset();
            replay(recording, (buffer, offset, length, header) -> reader.append(buffer, offset, length), timeoutMs,
                Long.MAX_VALUE, recording.startPosition());
            if (!reader.isWhole() || !reader.nextIs(SnapshotBeginDecoder.TEMPLATE_ID))
            {
                // Cut short by a crash while it was written, or of another snapshot schema version: older ones, or
                // the journal, restore the state instead.
                continue;
            }
            final EngineSnapshot.Coverage coverage;
            try
            {
                reader.verify();
                coverage = snapshot.coverage(reader);
            }
            catch (final SnapshotException ex)
            {
                throw new IllegalStateException("snapshot recording " + recording.recordingId() + " in " + dir +
                    " (positions " + recording.startPosition() + " to " + recording.stopPosition() + "): " +
                    ex.getMessage() + "; the engine will not go live on a state it cannot prove: remove that " +
                    "recording to restore from the journal, or start with --fresh to start empty", ex);
            }
            for (final Recording run : chain)
            {
                if (run.recordingId() == coverage.journalRecordingId() &&
                    chain.get(0).recordingId() == coverage.chainRecordingId() &&
                    coverage.journalPosition() <= run.stopPosition())
                {
                    reader.rewind();
                    return coverage;
                }
            }
        }
        return null;
    }

    /**
     * Delete snapshots older than the newest {@code keep} of a chain, and snapshots of other chains that stopped
     * longer ago than the retention.
     *
     * @param chainRecordingId the current chain's fresh run.
     * @param keep             newest snapshots of the chain kept.
     * @param retentionMs      how long a snapshot of another chain is kept.
     * @param nowMs            the wall clock, epoch milliseconds.
     * @param timeoutMs        longest wait for a replay to make progress.
     * @return snapshots purged.
     */
    public int purgeSnapshots(
        final long chainRecordingId, final int keep, final long retentionMs, final long nowMs, final long timeoutMs)
    {
        final EngineSnapshot snapshot = new EngineSnapshot();
        final SnapshotReader reader = new SnapshotReader();
        final List<Recording> snapshots = recordings(Streams.ENGINE_SNAPSHOT);
        int kept = 0;
        int purged = 0;
        for (int i = snapshots.size() - 1; i >= 0; i--)
        {
            final Recording recording = snapshots.get(i);
            reader.reset();
            replay(recording, (buffer, offset, length, header) -> reader.append(buffer, offset, length), timeoutMs,
                1, recording.startPosition());
            final boolean ofChain = reader.nextIs(SnapshotBeginDecoder.TEMPLATE_ID) &&
                snapshot.coverage(reader).chainRecordingId() == chainRecordingId;
            final boolean expired = recording.stopTimestampMs() != AeronArchive.NULL_TIMESTAMP &&
                recording.stopTimestampMs() < nowMs - retentionMs;
            if (ofChain ? kept++ >= keep : expired)
            {
                client.purgeRecording(recording.recordingId());
                purged++;
            }
        }
        return purged;
    }

    /**
     * Delete recordings that stopped longer ago than the retention, but never one of the chain of runs an engine
     * restores from (from its newest fresh run on).
     *
     * @param retentionMs     how long a stopped recording is kept.
     * @param nowMs           the wall clock, epoch milliseconds.
     * @param keepFromId      recordings from this id on are kept whatever their age; {@code Long.MAX_VALUE} for none.
     * @return recordings purged.
     */
    public int purgeOlderThan(final long retentionMs, final long nowMs, final long keepFromId)
    {
        int purged = 0;
        for (final Recording recording : recordings())
        {
            if (recording.recordingId() < keepFromId && recording.stopTimestampMs() != AeronArchive.NULL_TIMESTAMP &&
                recording.stopTimestampMs() < nowMs - retentionMs)
            {
                client.purgeRecording(recording.recordingId());
                purged++;
            }
        }
        return purged;
    }

    /**
     * @return the journal recordings, oldest first.
     */
    public List<Recording> recordings()
    {
        return recordings(Streams.ENGINE_JOURNAL);
    }

    private List<Recording> recordings(final int stream)
    {
        final List<Recording> recordings = new ArrayList<>();
        long from = 0;
        int found;
        do
        {
            final int before = recordings.size();
            found = client.listRecordingsForUri(from, 100, Streams.IPC_CHANNEL, stream,
                (controlSessionId, correlationId, recordingId, startTimestamp, stopTimestamp, startPosition,
                stopPosition, initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId, streamId,
                strippedChannel, originalChannel, sourceIdentity) -> recordings.add(new Recording(
                recordingId, startTimestamp, stopTimestamp, startPosition, stopPosition)));
            if (recordings.size() > before)
            {
                from = recordings.get(recordings.size() - 1).recordingId() + 1;
            }
        }
        while (found == 100);
        for (int i = 0; i < recordings.size(); i++)
        {
            final Recording recording = recordings.get(i);
            if (recording.stopPosition() == AeronArchive.NULL_POSITION)
            {
                // Still recording: replay what has been recorded so far.
                recordings.set(i, new Recording(recording.recordingId(), recording.startTimestampMs(),
                    recording.stopTimestampMs(), recording.startPosition(),
                    client.getMaxRecordedPosition(recording.recordingId())));
            }
        }
        return recordings;
    }

    /**
     * Replay one recording, whole, to a handler; returns once every entry has been handed over.
     *
     * @param recording the recording.
     * @param handler   receives each journal entry.
     * @param timeoutMs longest wait for the replay to make progress.
     * @return entries replayed.
     * @throws IllegalStateException naming the recording and position if the replay stalls or ends early.
     */
    public long replay(final Recording recording, final FragmentHandler handler, final long timeoutMs)
    {
        return replay(recording, handler, timeoutMs, Long.MAX_VALUE, recording.startPosition());
    }

    /**
     * Replay one recording from a position (a snapshot's) to its end.
     *
     * @param recording the recording.
     * @param position  where to start: the start of an entry.
     * @param handler   receives each journal entry.
     * @param timeoutMs longest wait for the replay to make progress.
     * @return entries replayed.
     * @throws IllegalStateException naming the recording and position if the replay stalls or ends early.
     */
    public long replayFrom(
        final Recording recording, final long position, final FragmentHandler handler, final long timeoutMs)
    {
        return replay(recording, handler, timeoutMs, Long.MAX_VALUE, position);
    }

    /**
     * The newest recording that starts an engine run afresh, rather than continuing the run before (a restart):
     * the state an engine restores is the one the runs from there on leave.
     *
     * @param recordings the recordings, oldest first.
     * @param timeoutMs  longest wait for a replay to make progress.
     * @return its index in {@code recordings}, or -1 if none does.
     */
    public int newestFreshRun(final List<Recording> recordings, final long timeoutMs)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final EngineStartedDecoder started = new EngineStartedDecoder();
        final boolean[] fresh = new boolean[1];
        for (int i = recordings.size() - 1; i >= 0; i--)
        {
            fresh[0] = false;
            replay(recordings.get(i), (buffer, offset, length, fragmentHeader) ->
            {
                header.wrap(buffer, offset);
                fresh[0] = header.templateId() == EngineStartedDecoder.TEMPLATE_ID &&
                    started.wrapAndApplyHeader(buffer, offset, header).continued() != BooleanType.TRUE;
            }, timeoutMs, 1, recordings.get(i).startPosition());
            if (fresh[0])
            {
                return i;
            }
        }
        return -1;
    }

    private long replay(
        final Recording recording,
        final FragmentHandler handler,
        final long timeoutMs,
        final long maxEntries,
        final long fromPosition)
    {
        final long length = recording.stopPosition() - fromPosition;
        if (length <= 0)
        {
            return 0;
        }
        final long[] entries = new long[1];
        final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, fragmentLength, header) ->
        {
            entries[0]++;
            handler.onFragment(buffer, offset, fragmentLength, header);
        });
        try (Subscription subscription = client.replay(recording.recordingId(), fromPosition, length,
            Streams.IPC_CHANNEL, REPLAY_STREAM))
        {
            final IdleStrategy idle = idleStrategy();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            Image image = null;
            while (true)
            {
                if (image == null && subscription.imageCount() > 0)
                {
                    image = subscription.imageAtIndex(0);
                }
                final int limit = (int)Math.min(1024, maxEntries - entries[0]);
                final int fragments = image == null ? 0 : image.poll(assembler, limit);
                if (entries[0] >= maxEntries || (image != null && image.position() >= recording.stopPosition()))
                {
                    return entries[0];
                }
                if (fragments > 0)
                {
                    deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
                }
                else if (System.nanoTime() > deadline || (image != null && image.isClosed()))
                {
                    throw new IllegalStateException("recording " + recording.recordingId() + " in " + dir +
                        ": replay stopped at position " + (image == null ? fromPosition :
                        image.position()) + " of " + recording.stopPosition());
                }
                idle.idle(fragments);
            }
        }
    }

    /**
     * @return the archive directory.
     */
    public Path dir()
    {
        return dir;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(client, archive);
    }

    private static IdleStrategy idleStrategy()
    {
        return new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
    }

    /**
     * One engine run's journal in the archive.
     *
     * @param recordingId      the archive's id.
     * @param startTimestampMs when it started, epoch milliseconds.
     * @param stopTimestampMs  when it stopped, or {@link AeronArchive#NULL_TIMESTAMP} while recording.
     * @param startPosition    first position.
     * @param stopPosition     position after the last entry recorded.
     */
    public record Recording(
        long recordingId, long startTimestampMs, long stopTimestampMs, long startPosition, long stopPosition)
    {
    }
}
