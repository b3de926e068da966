package io.basis.gateway.link;

import org.agrona.DirectBuffer;

/**
 * Where translated SBE messages go: the Aeron publication to the engine in production, a recording list in tests.
 * Implementations copy the bytes before returning, so the caller may reuse its buffer at once.
 */
@FunctionalInterface
public interface SbeSink
{
    /** How hard to try when the engine is not connected. */
    enum Delivery
    {
        /** Market data: dropped while no engine is connected, which re-snapshots when it connects. */
        DROP_IF_NO_ENGINE,
        /** Execution reports, rejects, session status: kept for the engine in a bounded backlog. */
        WAIT_FOR_ENGINE
    }

    /**
     * Publish one encoded message (header included).
     *
     * @param buffer   holding the message.
     * @param offset   of the message header.
     * @param length   of header plus body.
     * @param delivery what to do if the engine is not connected.
     * @return true if the message was published or is kept for the engine.
     */
    boolean send(DirectBuffer buffer, int offset, int length, Delivery delivery);
}
