package io.basis.engine.journal;

import io.basis.engine.TradingEngine;
import io.basis.engine.control.CommandAuthenticator;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.OperatorStateDecoder;
import io.basis.engine.snapshot.sbe.OperatorStateEncoder;
import io.basis.engine.snapshot.sbe.SnapshotBeginDecoder;
import io.basis.engine.snapshot.sbe.SnapshotBeginEncoder;

/**
 * A whole engine in one snapshot: what it covers ({@code SnapshotBegin}: the journal up to a position), the
 * operators' spent command ids, then the {@link TradingEngine}'s state, then the end. Loading it and replaying the
 * journal after its position gives the engine that never stopped. Single-threaded; reused.
 */
public final class EngineSnapshot
{
    private final SnapshotWriter writer = new SnapshotWriter();
    private final SnapshotBeginEncoder begin = new SnapshotBeginEncoder();
    private final OperatorStateEncoder operators = new OperatorStateEncoder();
    private final SnapshotBeginDecoder beginDecoder = new SnapshotBeginDecoder();
    private final OperatorStateDecoder operatorsDecoder = new OperatorStateDecoder();

    /**
     * Where a snapshot stands in the journal.
     *
     * @param engineId           the engine process that took it.
     * @param journalRecordingId the recording of the journal it covers.
     * @param journalPosition    every entry before this position is in the state, none after.
     * @param chainRecordingId   the fresh run's recording the state descends from.
     * @param inputs             inputs applied since the fresh run.
     * @param runs               engine runs since the fresh run, the one that took it included.
     * @param commandLine        the options of the run that took it.
     */
    public record Coverage(
        long engineId,
        long journalRecordingId,
        long journalPosition,
        long chainRecordingId,
        long inputs,
        long runs,
        String commandLine)
    {
    }

    /**
     * Encode an engine's state between two inputs.
     *
     * @param coverage      where it stands in the journal.
     * @param engine        the engine.
     * @param authenticator the operators' spent command ids, or null if the engine takes no commands.
     * @return the snapshot, whole, until the next call.
     */
    public SnapshotWriter take(
        final Coverage coverage, final TradingEngine engine, final CommandAuthenticator authenticator)
    {
        writer.reset();
        writer.begin(begin)
            .engineId(coverage.engineId())
            .journalRecordingId(coverage.journalRecordingId())
            .journalPosition(coverage.journalPosition())
            .chainRecordingId(coverage.chainRecordingId())
            .inputs(coverage.inputs())
            .runs(coverage.runs())
            .commandLine(coverage.commandLine());
        if (authenticator != null)
        {
            authenticator.snapshotTo(writer, operators);
        }
        else
        {
            writer.begin(operators).operatorsCount(0);
        }
        engine.snapshotTo(writer);
        return writer.finish();
    }

    /**
     * Read where a snapshot stands, after {@link SnapshotReader#verify()}.
     *
     * @param reader the snapshot, at its start.
     * @return its coverage.
     */
    public Coverage coverage(final SnapshotReader reader)
    {
        final SnapshotBeginDecoder decoder = reader.next(beginDecoder);
        return new Coverage(decoder.engineId(), decoder.journalRecordingId(), decoder.journalPosition(),
            decoder.chainRecordingId(), decoder.inputs(), decoder.runs(), decoder.commandLine());
    }

    /**
     * Load the rest of a snapshot, after {@link #coverage}, into an engine that has taken no input.
     *
     * @param reader        the snapshot.
     * @param engine        an engine built with the snapshot's options.
     * @param authenticator told of the operators' spent command ids, or null.
     */
    public void restore(final SnapshotReader reader, final TradingEngine engine,
        final CommandAuthenticator authenticator)
    {
        if (authenticator != null)
        {
            authenticator.restoreFrom(reader, operatorsDecoder);
        }
        else
        {
            reader.next(operatorsDecoder).operators();
        }
        engine.restoreFrom(reader);
    }
}
