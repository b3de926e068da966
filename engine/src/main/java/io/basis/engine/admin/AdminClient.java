package io.basis.engine.admin;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.AdminCommandEncoder;
import io.basis.protocol.sbe.AdminCommandType;
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
     * Offer a command once.
     *
     * @param command the command.
     * @return position, or a negative {@link Publication} code for the caller to retry or report.
     */
    public long send(final AdminCommandType command)
    {
        encoder.wrapAndApplyHeader(buffer, 0, header).command(command).correlationId(++correlationId);
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    @Override
    public void close()
    {
        publication.close();
    }
}
