package io.basis.gateway.link;

import java.util.ArrayList;
import java.util.List;

import io.basis.protocol.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An {@link SbeSink} that keeps a copy of every message, for translator tests.
 */
public final class RecordingSink implements SbeSink
{
    /**
     * One published message.
     *
     * @param buffer   a copy of its bytes, header first.
     * @param delivery how it was sent.
     */
    public record Sent(UnsafeBuffer buffer, Delivery delivery)
    {
        /**
         * @return the SBE template id in its header.
         */
        public int templateId()
        {
            return new MessageHeaderDecoder().wrap(buffer, 0).templateId();
        }
    }

    /** Every message published, oldest first. */
    public final List<Sent> sent = new ArrayList<>();

    @Override
    public boolean send(final DirectBuffer buffer, final int offset, final int length, final Delivery delivery)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        sent.add(new Sent(new UnsafeBuffer(copy), delivery));
        return true;
    }

    /**
     * @return the one message published; fails the test if there was not exactly one.
     */
    public Sent only()
    {
        if (sent.size() != 1)
        {
            throw new AssertionError("expected one message, got " + sent.size());
        }
        return sent.get(0);
    }
}
