package io.basis.gateway.link;

import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;

/**
 * What the QuickFIX/J threads hand to the gateway agent: every message the socket threads read and parsed, and the
 * session events QuickFIX/J raises on its own threads (a logout on a timeout or a dropped connection), in the order
 * they were handed over. QuickFIX/J's threads touch no gateway state; they fill a pooled {@link Item} with the
 * already parsed {@link Message} and a few primitives, offer it here and wake the agent, which {@link #drain drains}
 * it on its duty cycle and owns everything the message then touches. Called on the agent's own thread (the
 * callbacks of the session processing it runs), a hand-off goes to the handler at once.
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
         * A message the socket thread read and parsed, for QuickFIX/J's session processing.
         *
         * @param session its session.
         * @param message the message, no longer touched by the socket thread.
         */
        void onMessage(Session session, Message message);

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
        static final byte MESSAGE = 0;
        static final byte APPLICATION = 1;
        static final byte SEQUENCE_RESET = 2;
        static final byte SESSION_REJECT = 3;
        static final byte LOGON = 4;
        static final byte LOGOUT = 5;

        byte type;
        Session session;
        SessionID sessionId;
        Message message;
        long timestampNs;

        private void clear()
        {
            session = null;
            sessionId = null;
            message = null;
        }
    }

    private final int capacity;
    private final Handler handler;
    private final ManyToOneConcurrentArrayQueue<Item> queue;
    private final ManyToManyConcurrentArrayQueue<Item> pool;
    private volatile Thread consumer;
    private volatile boolean closed;

    /**
     * @param capacity how many hand-offs may wait for the agent (rounded up to a power of two by the queue).
     * @param handler  what the agent does with each.
     */
    public FixHandOff(final int capacity, final Handler handler)
    {
        this.capacity = capacity;
        this.handler = handler;
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
     * Hand over a message a socket thread read, for the agent to process as QuickFIX/J's session thread would.
     *
     * @param session its session.
     * @param message the parsed message; the producer must not touch it afterwards.
     */
    public void message(final Session session, final Message message)
    {
        if (Thread.currentThread() == consumer)
        {
            handler.onMessage(session, message);
            return;
        }
        final Item item = item(Item.MESSAGE, null, message, 0);
        item.session = session;
        enqueue(item);
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
     * @param limit at most this many, so the engine's stream is not starved by a burst.
     * @return how many were delivered.
     */
    public int drain(final int limit)
    {
        int count = 0;
        Item item;
        while (count < limit && (item = queue.poll()) != null)
        {
            count++;
            final byte type = item.type;
            final Session session = item.session;
            final SessionID sessionId = item.sessionId;
            final Message message = item.message;
            final long timestampNs = item.timestampNs;
            // Back in the pool before the handler runs: a hand-off it makes itself goes to the handler directly.
            item.clear();
            pool.offer(item);
            dispatch(type, session, sessionId, message, timestampNs);
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
        if (Thread.currentThread() == consumer)
        {
            // The agent's own callbacks, from the session processing it runs: everything before them is handled.
            dispatch(type, null, sessionId, message, timestampNs);
            return;
        }
        enqueue(item(type, sessionId, message, timestampNs));
    }

    private void dispatch(
        final byte type,
        final Session session,
        final SessionID sessionId,
        final Message message,
        final long timestampNs)
    {
        switch (type)
        {
            case Item.MESSAGE -> handler.onMessage(session, message);
            case Item.APPLICATION -> handler.onApplicationMessage(sessionId, message, timestampNs);
            case Item.SEQUENCE_RESET -> handler.onSequenceReset(sessionId, timestampNs);
            case Item.SESSION_REJECT -> handler.onSessionReject(sessionId, message);
            case Item.LOGON -> handler.onLogon(sessionId);
            default -> handler.onLogout(sessionId);
        }
    }

    private Item item(final byte type, final SessionID sessionId, final Message message, final long timestampNs)
    {
        Item item = pool.poll();
        if (item == null)
        {
            // More in flight than the pool holds: the queue is about full, and the offer waits for room.
            item = new Item();
        }
        item.type = type;
        item.sessionId = sessionId;
        item.message = message;
        item.timestampNs = timestampNs;
        return item;
    }

    private void enqueue(final Item item)
    {
        if (closed)
        {
            return;
        }
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
