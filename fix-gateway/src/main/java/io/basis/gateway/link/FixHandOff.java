package io.basis.gateway.link;

import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import quickfix.Message;
import quickfix.SessionID;

/**
 * What the QuickFIX/J threads hand to the gateway agent: every message and session event from the exchange, in the
 * order QuickFIX/J delivered them. QuickFIX/J's threads (the initiator's session thread, its timer and its socket
 * threads) touch no gateway state; they fill a pooled {@link Item} with the already parsed {@link Message} and a
 * few primitives, offer it here and wake the agent, which {@link #drain drains} it on its duty cycle and owns
 * everything the message then touches.
 * <p>
 * The queue is an Agrona {@link ManyToOneConcurrentArrayQueue} (lock-free, FIFO across producers); the items come
 * from a pool of {@link #capacity} returned by the agent, so a steady flow allocates nothing of its own. A producer
 * that finds the queue full waits for room (the agent is behind; QuickFIX/J's own queue then takes the slack)
 * rather than lose a message; once the hand-off is {@link #close closed} producers drop what they offer.
 * <p>
 * The agent may park in its idle strategy: a producer unparks it after each offer, so a tick does not wait out the
 * agent's park (up to 100 µs plus the kernel's timer slack). Unparking a thread that is not parked only makes its
 * next park return at once.
 */
public final class FixHandOff
{
    /** What the agent does with a hand-off; every method runs on the agent's thread. */
    public interface Handler
    {
        /**
         * An application message arrived ({@code fromApp}).
         *
         * @param sessionId          its session.
         * @param message            the message, no longer touched by QuickFIX/J.
         * @param receiveTimestampNs {@link System#nanoTime()} at {@code fromApp}.
         */
        void onApplicationMessage(SessionID sessionId, Message message, long receiveTimestampNs);

        /**
         * A SequenceReset arrived on a market-data session: what it skipped is lost.
         *
         * @param sessionId          its session.
         * @param receiveTimestampNs {@link System#nanoTime()} at {@code fromAdmin}.
         */
        void onSequenceReset(SessionID sessionId, long receiveTimestampNs);

        /**
         * A session-level Reject (3) arrived on an order-entry session.
         *
         * @param sessionId its session.
         * @param reject    the Reject; QuickFIX/J only reads it after handing it over.
         */
        void onSessionReject(SessionID sessionId, Message reject);

        /**
         * A session logged on.
         *
         * @param sessionId the session.
         */
        void onLogon(SessionID sessionId);

        /**
         * A session logged out or lost its connection.
         *
         * @param sessionId the session.
         */
        void onLogout(SessionID sessionId);
    }

    /** A pooled hand-off: one message or event. */
    static final class Item
    {
        static final byte APPLICATION = 1;
        static final byte SEQUENCE_RESET = 2;
        static final byte SESSION_REJECT = 3;
        static final byte LOGON = 4;
        static final byte LOGOUT = 5;

        byte type;
        SessionID sessionId;
        Message message;
        long timestampNs;

        private void clear()
        {
            sessionId = null;
            message = null;
        }
    }

    private final int capacity;
    private final ManyToOneConcurrentArrayQueue<Item> queue;
    private final ManyToManyConcurrentArrayQueue<Item> pool;
    private volatile Thread consumer;
    private volatile boolean closed;

    /**
     * @param capacity how many hand-offs may wait for the agent (rounded up to a power of two by the queue).
     */
    public FixHandOff(final int capacity)
    {
        this.capacity = capacity;
        this.queue = new ManyToOneConcurrentArrayQueue<>(capacity);
        this.pool = new ManyToManyConcurrentArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++)
        {
            pool.offer(new Item());
        }
    }

    /**
     * @return how many hand-offs may wait.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * Name the thread that drains: the one producers wake. Called by the agent when it starts.
     *
     * @param thread the agent's thread.
     */
    public void consumer(final Thread thread)
    {
        consumer = thread;
    }

    /**
     * Hand over an application message ({@code fromApp}).
     *
     * @param sessionId          its session.
     * @param message            the message; the producer must not touch it afterwards.
     * @param receiveTimestampNs {@link System#nanoTime()} when it was received.
     */
    public void applicationMessage(final SessionID sessionId, final Message message, final long receiveTimestampNs)
    {
        offer(Item.APPLICATION, sessionId, message, receiveTimestampNs);
    }

    /**
     * Hand over a SequenceReset of a market-data session.
     *
     * @param sessionId          its session.
     * @param receiveTimestampNs {@link System#nanoTime()} when it was received.
     */
    public void sequenceReset(final SessionID sessionId, final long receiveTimestampNs)
    {
        offer(Item.SEQUENCE_RESET, sessionId, null, receiveTimestampNs);
    }

    /**
     * Hand over a session-level Reject of an order-entry session.
     *
     * @param sessionId its session.
     * @param reject    the Reject.
     */
    public void sessionReject(final SessionID sessionId, final Message reject)
    {
        offer(Item.SESSION_REJECT, sessionId, reject, 0);
    }

    /**
     * Hand over a logon.
     *
     * @param sessionId the session.
     */
    public void logon(final SessionID sessionId)
    {
        offer(Item.LOGON, sessionId, null, 0);
    }

    /**
     * Hand over a logout or disconnect.
     *
     * @param sessionId the session.
     */
    public void logout(final SessionID sessionId)
    {
        offer(Item.LOGOUT, sessionId, null, 0);
    }

    /**
     * Deliver waiting hand-offs to the handler, oldest first. Called by the agent only.
     *
     * @param handler what to do with each.
     * @param limit   at most this many, so the engine's stream is not starved by a burst.
     * @return how many were delivered.
     */
    public int drain(final Handler handler, final int limit)
    {
        int count = 0;
        Item item;
        while (count < limit && (item = queue.poll()) != null)
        {
            count++;
            try
            {
                switch (item.type)
                {
                    case Item.APPLICATION -> handler.onApplicationMessage(item.sessionId, item.message,
                        item.timestampNs);
                    case Item.SEQUENCE_RESET -> handler.onSequenceReset(item.sessionId, item.timestampNs);
                    case Item.SESSION_REJECT -> handler.onSessionReject(item.sessionId, item.message);
                    case Item.LOGON -> handler.onLogon(item.sessionId);
                    default -> handler.onLogout(item.sessionId);
                }
            }
            finally
            {
                item.clear();
                pool.offer(item);
            }
        }
        return count;
    }

    /**
     * @return hand-offs waiting for the agent.
     */
    public int size()
    {
        return queue.size();
    }

    /**
     * Refuse further hand-offs: the agent has stopped and will drain no more.
     */
    public void close()
    {
        closed = true;
    }

    private void offer(final byte type, final SessionID sessionId, final Message message, final long timestampNs)
    {
        if (closed)
        {
            return;
        }
        Item item = pool.poll();
        if (item == null)
        {
            // More in flight than the pool holds: the queue is about full, and the offer below waits for room.
            item = new Item();
        }
        item.type = type;
        item.sessionId = sessionId;
        item.message = message;
        item.timestampNs = timestampNs;
        final Thread agent = consumer;
        while (!queue.offer(item))
        {
            if (closed || Thread.currentThread() == agent)
            {
                // Nobody will drain (or the drainer is this thread): dropping beats waiting forever.
                return;
            }
            LockSupport.unpark(agent);
            Thread.yield();
        }
        if (agent != null && agent != Thread.currentThread())
        {
            LockSupport.unpark(agent);
        }
    }
}
