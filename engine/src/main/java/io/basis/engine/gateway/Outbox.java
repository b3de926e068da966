package io.basis.engine.gateway;

import io.aeron.Publication;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Orders and cancels on their way to the gateway. The engine's decisions never wait for, nor depend on, the
 * publication: a message the publication cannot take now (back-pressured, admin action) waits here, in order, and
 * leaves on a later duty cycle; one it will never take (no gateway, closed, or the queue full) is kept aside until
 * the agent reports it to the engine as an input (an order or cancel reject), after the decision that sent it has
 * completed. Single-threaded; allocates only if a queue must grow beyond its initial capacity.
 */
public final class Outbox implements MessageSink
{
    /**
     * Told of a message the publication will never take.
     */
    @FunctionalInterface
    public interface UndeliverableHandler
    {
        /**
         * @param buffer holding the encoded message (header first).
         * @param offset of the message.
         * @param length of the message.
         */
        void onUndeliverable(DirectBuffer buffer, int offset, int length);
    }

    /** What {@link #offer} returns for a message kept to be sent or reported later. */
    public static final long KEPT = 0;

    private static final int INITIAL_CAPACITY = 64 * 1024;
    private static final int REPORT_LIMIT = 1024;

    private final Publication publication;
    private final ExpandableRingBuffer pending;
    private final ExpandableRingBuffer undeliverable;
    private final ExpandableRingBuffer.MessageConsumer sendPending = this::sendPending;
    private final ExpandableRingBuffer.MessageConsumer takeOldest = this::takeOldest;
    private final ExpandableArrayBuffer taken = new ExpandableArrayBuffer(256);
    private int takenLength;
    private int handled;
    private long undeliverableCount;
    private long lostCount;

    /**
     * @param publication the engine-to-gateway publication.
     * @param maxQueueBytes most bytes waiting for the publication before messages are refused.
     */
    public Outbox(final Publication publication, final int maxQueueBytes)
    {
        this.publication = publication;
        final int initial = Math.min(INITIAL_CAPACITY, maxQueueBytes);
        pending = new ExpandableRingBuffer(initial, maxQueueBytes, true);
        undeliverable = new ExpandableRingBuffer(initial, maxQueueBytes, true);
    }

    /**
     * Send a message, or keep it: behind earlier messages still waiting, while the publication is back-pressured,
     * or, if it can never be sent, to be reported.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return the publication position, or {@link #KEPT}.
     */
    @Override
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        if (pending.isEmpty())
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return result;
            }
            if (!isRetryable(result))
            {
                keepUndeliverable(buffer, offset, length);
                return KEPT;
            }
        }
        if (!pending.append(buffer, offset, length))
        {
            // The gateway has not taken anything for maxQueueBytes: refuse rather than grow without bound.
            keepUndeliverable(buffer, offset, length);
        }
        return KEPT;
    }

    /**
     * Offer waiting messages in order until the publication pushes back.
     *
     * @return messages sent or set aside.
     */
    public int drain()
    {
        if (pending.isEmpty())
        {
            return 0;
        }
        handled = 0;
        pending.consume(sendPending, Integer.MAX_VALUE);
        return handled;
    }

    /**
     * Hand every message the publication will never take to the handler, oldest first.
     *
     * @param handler reports each to the engine.
     * @return messages reported.
     */
    public int reportUndeliverable(final UndeliverableHandler handler)
    {
        int reported = 0;
        // Bounded: a reject that decides another undeliverable order must not keep one duty cycle forever.
        while (!undeliverable.isEmpty() && reported < REPORT_LIMIT)
        {
            // Take the message out first: handling it may decide more orders, and a gateway that takes none puts
            // them back here; the queue must not be appended to while it is being read.
            undeliverable.consume(takeOldest, 1);
            handler.onUndeliverable(taken, 0, takenLength);
            reported++;
        }
        return reported;
    }

    /**
     * @return bytes of messages waiting for the publication.
     */
    public int pendingBytes()
    {
        return pending.size();
    }

    /**
     * @return messages the publication would never take, since start.
     */
    public long undeliverableCount()
    {
        return undeliverableCount;
    }

    /**
     * @return undeliverable messages that could not even be kept for reporting (both queues full): their orders
     * stay pending in the engine until a status request or the operator settles them.
     */
    public long lostCount()
    {
        return lostCount;
    }

    private boolean sendPending(final MutableDirectBuffer buffer, final int offset, final int length, final int head)
    {
        final long result = publication.offer(buffer, offset, length);
        if (isRetryable(result))
        {
            return false;
        }
        if (result < 0)
        {
            keepUndeliverable(buffer, offset, length);
        }
        handled++;
        return true;
    }

    private boolean takeOldest(final MutableDirectBuffer buffer, final int offset, final int length, final int head)
    {
        taken.putBytes(0, buffer, offset, length);
        takenLength = length;
        return true;
    }

    private void keepUndeliverable(final DirectBuffer buffer, final int offset, final int length)
    {
        undeliverableCount++;
        if (!undeliverable.append(buffer, offset, length))
        {
            lostCount++;
        }
    }

    private static boolean isRetryable(final long result)
    {
        return result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION;
    }
}
