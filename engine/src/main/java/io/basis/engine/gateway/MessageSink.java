package io.basis.engine.gateway;

import org.agrona.DirectBuffer;

/**
 * Takes encoded engine-to-gateway messages: the {@link Outbox} when live, a journal and a comparator around it, or
 * a replay's comparator.
 */
@FunctionalInterface
public interface MessageSink
{
    /**
     * @param buffer holding the message, header first.
     * @param offset of the message.
     * @param length of the message.
     * @return non-negative if taken, negative if it will never be sent.
     */
    long offer(DirectBuffer buffer, int offset, int length);
}
