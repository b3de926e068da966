package io.basis.engine.control;

import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.OperatorStateDecoder;
import io.basis.engine.snapshot.sbe.OperatorStateEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.basis.protocol.sbe.AdminCommandDecoder;
import org.agrona.DirectBuffer;

/**
 * Decides whether a command on the control stream comes from an authorised operator: the operator it names is listed
 * in the engine's {@link OperatorKeys}, its signature verifies under that operator's key, and its correlation id is
 * above the last one accepted from that operator, so a recorded command cannot be replayed. Single-threaded (the
 * engine's); garbage-free after construction.
 */
public final class CommandAuthenticator
{
    /** The outcome of {@link #verify}. */
    public enum Verdict
    {
        /** Signed by a listed operator, never seen before. */
        ACCEPTED,
        /** No operator of that name is listed (or the command carries none: an unsigned, older client). */
        UNKNOWN_OPERATOR,
        /** The signature does not verify: wrong key, or the command was altered. */
        BAD_SIGNATURE,
        /** The correlation id is not above the operator's last: a replay or an out-of-order resend. */
        REPLAYED
    }

    private final byte[][] names;
    private final String[] operators;
    private final CommandSignature[] signatures;
    private final long[] lastCorrelationIds;
    private final byte[] claimed = new byte[OperatorKeys.MAX_NAME_LENGTH];
    private int operator = -1;

    /**
     * @param keys the operators allowed to command the engine.
     */
    public CommandAuthenticator(final OperatorKeys keys)
    {
        this(keys, Long.MIN_VALUE);
    }

    /**
     * @param keys                the operators allowed to command the engine.
     * @param oldestCorrelationId correlation ids at or below it are refused as replays: the engine's start in epoch
     *                            microseconds less a clock skew, since operator tools number commands from their
     *                            wall clock, so a command recorded before the engine started cannot be replayed.
     */
    public CommandAuthenticator(final OperatorKeys keys, final long oldestCorrelationId)
    {
        final List<String> listed = keys.operators();
        names = new byte[listed.size()][];
        operators = listed.toArray(new String[0]);
        signatures = new CommandSignature[listed.size()];
        lastCorrelationIds = new long[listed.size()];
        for (int i = 0; i < operators.length; i++)
        {
            names[i] = new byte[OperatorKeys.MAX_NAME_LENGTH];
            final byte[] name = operators[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, names[i], 0, name.length);
            signatures[i] = new CommandSignature(keys.key(operators[i]));
            lastCorrelationIds[i] = oldestCorrelationId;
        }
    }

    /**
     * @param buffer  holding the command.
     * @param offset  of its message header.
     * @param length  of the message.
     * @param command the command, wrapped.
     * @return whether it may be executed.
     */
    public Verdict verify(final DirectBuffer buffer, final int offset, final int length,
        final AdminCommandDecoder command)
    {
        operator = -1;
        if (length < CommandSignature.SIGNED_MESSAGE_LENGTH)
        {
            return Verdict.UNKNOWN_OPERATOR;
        }
        command.getOperatorName(claimed, 0);
        for (int i = 0; i < names.length; i++)
        {
            if (Arrays.equals(claimed, names[i]))
            {
                operator = i;
                break;
            }
        }
        if (operator < 0)
        {
            return Verdict.UNKNOWN_OPERATOR;
        }
        if (!signatures[operator].verify(buffer, offset, length))
        {
            return Verdict.BAD_SIGNATURE;
        }
        if (command.correlationId() <= lastCorrelationIds[operator])
        {
            return Verdict.REPLAYED;
        }
        lastCorrelationIds[operator] = command.correlationId();
        return Verdict.ACCEPTED;
    }

    /**
     * A command an earlier run of the engine accepted (from its journal, on restore): the same one, or an older one,
     * is refused as a replay from now on.
     *
     * @param operator      the operator it named.
     * @param correlationId its correlation id.
     */
    public void accepted(final String operator, final long correlationId)
    {
        for (int i = 0; i < operators.length; i++)
        {
            if (operators[i].equals(operator) && correlationId > lastCorrelationIds[i])
            {
                lastCorrelationIds[i] = correlationId;
            }
        }
    }

    /**
     * @return the listed operator the last verified command named, or null if it named none listed.
     */
    public String operator()
    {
        return operator < 0 ? null : operators[operator];
    }

    /**
     * Write each operator's last accepted command id to a snapshot.
     *
     * @param writer  the snapshot.
     * @param encoder reused encoder.
     */
    public void snapshotTo(final SnapshotWriter writer, final OperatorStateEncoder encoder)
    {
        final OperatorStateEncoder.OperatorsEncoder rows = writer.begin(encoder).operatorsCount(operators.length);
        for (int i = 0; i < operators.length; i++)
        {
            rows.next().lastCorrelationId(lastCorrelationIds[i]).name(operators[i]);
        }
    }

    /**
     * Load the operators' last accepted command ids from a snapshot: those commands, and older ones, stay spent.
     * Operators no longer listed are skipped.
     *
     * @param reader  the snapshot.
     * @param decoder reused decoder.
     */
    public void restoreFrom(final SnapshotReader reader, final OperatorStateDecoder decoder)
    {
        for (final OperatorStateDecoder.OperatorsDecoder row : reader.next(decoder).operators())
        {
            final long correlationId = row.lastCorrelationId();
            accepted(row.name(), correlationId);
        }
    }
}
