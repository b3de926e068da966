package io.basis.bench.latency;

import quickfix.DefaultMessageFactory;
import quickfix.Group;
import quickfix.Message;
import quickfix.MessageFactory;

/**
 * QuickFIX/J's default message factory, except that messages of one type come out as {@link ReadMessage}, stamped
 * when they were created: QuickFIX/J creates a message on its socket (MINA I/O) thread as it starts parsing the
 * bytes, then queues it for the session thread that calls the application. The stamp therefore splits a FIX hop
 * into the wire plus the I/O thread's wake-up, and the hand-off to the session thread.
 */
final class ReadStampingMessageFactory implements MessageFactory
{
    /**
     * A message that knows when QuickFIX/J's I/O thread started parsing it.
     */
    static final class ReadMessage extends Message
    {
        private final long readNs;

        ReadMessage(final long readNs)
        {
            this.readNs = readNs;
        }

        /**
         * @return {@link System#nanoTime()} when the I/O thread created it.
         */
        long readNs()
        {
            return readNs;
        }
    }

    private final MessageFactory delegate = new DefaultMessageFactory();
    private final String stampedType;

    /**
     * @param stampedType the MsgType to stamp, e.g. {@code D}.
     */
    ReadStampingMessageFactory(final String stampedType)
    {
        this.stampedType = stampedType;
    }

    @Override
    public Message create(final String beginString, final String msgType)
    {
        // Generic, not the typed FIX 4.4 class: the harness reads every field by tag.
        return stampedType.equals(msgType) ? new ReadMessage(System.nanoTime()) : delegate.create(beginString, msgType);
    }

    @Override
    public Group create(final String beginString, final String msgType, final int correspondingFieldId)
    {
        return delegate.create(beginString, msgType, correspondingFieldId);
    }
}
