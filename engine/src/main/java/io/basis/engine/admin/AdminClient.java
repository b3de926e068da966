package io.basis.engine.admin;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.basis.engine.control.CommandSignature;
import io.basis.engine.control.OperatorCredential;
import io.basis.engine.control.OperatorKeys;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.AdminCommandEncoder;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.KillScope;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;

/**
 * Sends operator commands to a running engine over its control stream, each signed with an operator's credential
 * (the engine executes only commands from the operators its key file lists, see
 * {@link io.basis.engine.control.CommandAuthenticator}). Correlation ids start from the wall clock in microseconds
 * and only increase, so that a new client of the same operator is never taken for a replay of an old one.
 */
public final class AdminClient implements AutoCloseable
{
    private final Publication publication;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandSignature.SIGNED_MESSAGE_LENGTH]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AdminCommandEncoder encoder = new AdminCommandEncoder();
    private final String operator;
    private final CommandSignature signature;
    private long correlationId;

    /**
     * @param aeron      a connected client.
     * @param credential the operator the commands are sent as.
     */
    public AdminClient(final Aeron aeron, final OperatorCredential credential)
    {
        operator = credential.operator();
        signature = new CommandSignature(credential.key());
        publication = aeron.addPublication(Streams.IPC_CHANNEL, Streams.CONTROL);
    }

    /**
     * A client for an engine that keeps its operator keys in the default place ({@link OperatorKeys#defaultFile},
     * beside the Aeron directory), signing as the file's only operator; the file is created if the engine has not
     * created it yet.
     *
     * @param aeron a client connected to the engine's media driver.
     * @return the client.
     * @throws io.basis.engine.control.OperatorKeysException if the file cannot be used or lists several operators.
     */
    public static AdminClient withDefaultKeys(final Aeron aeron)
    {
        final OperatorKeys keys = OperatorKeys.loadOrCreate(
            OperatorKeys.defaultFile(aeron.context().aeronDirectoryName()), OperatorKeys.defaultOperator());
        return new AdminClient(aeron, keys.credential(null));
    }

    /**
     * @return true if an engine subscribes to the control stream.
     */
    public boolean isConnected()
    {
        return publication.isConnected();
    }

    /**
     * Offer a command once, for everything.
     *
     * @param command the command.
     * @return position, or a negative {@link Publication} code for the caller to retry or report.
     */
    public long send(final AdminCommandType command)
    {
        return send(command, KillScope.ALL, 0, Direction.CASH_AND_CARRY, 0, 0);
    }

    /**
     * Kill (or resume) a scope: everything, the account, the strategy, or one instrument.
     *
     * @param command      KILL, RESUME or REDUCE_ONLY.
     * @param scope        the scope.
     * @param instrumentId the instrument for {@link KillScope#INSTRUMENT}.
     * @return position, or a negative {@link Publication} code.
     */
    public long send(final AdminCommandType command, final KillScope scope, final int instrumentId)
    {
        return send(command, scope, instrumentId, Direction.CASH_AND_CARRY, 0, 0);
    }

    /**
     * Submit a program: the engine checks it like any other and sends it whole or not at all.
     *
     * @param direction cash-and-carry or reverse.
     * @param contracts contracts.
     * @return position, or a negative {@link Publication} code.
     */
    public long submitProgram(final Direction direction, final long contracts)
    {
        return send(AdminCommandType.SUBMIT_PROGRAM, KillScope.ALL, 0, direction, contracts, 0);
    }

    /**
     * Cancel what a program still has working.
     *
     * @param programId the program.
     * @return position, or a negative {@link Publication} code.
     */
    public long cancelProgram(final long programId)
    {
        return send(AdminCommandType.CANCEL_PROGRAM, KillScope.ALL, 0, Direction.CASH_AND_CARRY, 0, programId);
    }

    private long send(
        final AdminCommandType command,
        final KillScope scope,
        final int target,
        final Direction direction,
        final long contracts,
        final long programId)
    {
        encoder.wrapAndApplyHeader(buffer, 0, header)
            .command(command)
            .correlationId(nextCorrelationId())
            .scope(scope)
            .target(target)
            .direction(direction)
            .contracts(contracts)
            .programId(programId)
            .operatorName(operator);
        signature.sign(buffer, 0);
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private long nextCorrelationId()
    {
        correlationId = Math.max(correlationId + 1, TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()));
        return correlationId;
    }

    @Override
    public void close()
    {
        publication.close();
    }
}
