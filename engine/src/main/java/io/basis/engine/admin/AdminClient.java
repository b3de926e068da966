package io.basis.engine.admin;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.AdminCommandEncoder;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.KillScope;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends operator commands to a running engine over its control stream.
 */
public final class AdminClient implements AutoCloseable
{
    private final Publication publication;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AdminCommandEncoder encoder = new AdminCommandEncoder();
    private long correlationId;

    /**
     * @param aeron a connected client.
     */
    public AdminClient(final Aeron aeron)
    {
        publication = aeron.addPublication(Streams.IPC_CHANNEL, Streams.CONTROL);
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
            .correlationId(++correlationId)
            .scope(scope)
            .target(target)
            .direction(direction)
            .contracts(contracts)
            .programId(programId);
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    @Override
    public void close()
    {
        publication.close();
    }
}
