package io.basis.simulator.fault;

import io.basis.simulator.fix.MessageSender;
import quickfix.Message;
import quickfix.SessionID;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A slow market-data consumer, simulated at the exchange: when on, each market-data session gets at most one
 * message per period; the rest queue (per session, in order) and the client falls behind the market. A queue
 * longer than {@link #MAX_QUEUED} drops the newest messages, as an exchange sheds a consumer that cannot keep
 * up, which the client sees as RptSeq gaps. ExchangeSendNanos keeps the time the exchange published the
 * message, so a client can measure how stale its data is.
 * <p>
 * Thread-safe: the exchange thread sends, a pacer thread drains.
 */
public final class MarketDataThrottle implements MessageSender, AutoCloseable
{
    /** Per-session queue limit while throttled. */
    public static final int MAX_QUEUED = 100_000;

    private final MessageSender sender;
    private final ScheduledExecutorService pacer;
    private final Map<SessionID, ArrayDeque<Message>> queues = new LinkedHashMap<>();
    private ScheduledFuture<?> pacing;
    private long periodMillis;
    private long dropped;

    /**
     * @param sender where market data finally goes.
     */
    public MarketDataThrottle(final MessageSender sender)
    {
        this.sender = sender;
        this.pacer = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "simulator-md-throttle");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized boolean send(final Message message, final SessionID sessionId)
    {
        final ArrayDeque<Message> queue = queues.get(sessionId);
        if (periodMillis == 0 && (queue == null || queue.isEmpty()))
        {
            return sender.send(message, sessionId);
        }
        final ArrayDeque<Message> target = queue != null ? queue : queues.computeIfAbsent(sessionId,
            s -> new ArrayDeque<>());
        if (target.size() >= MAX_QUEUED)
        {
            dropped++;
            return false;
        }
        target.add(message);
        return true;
    }

    /**
     * @param millis at most one message per session per this many ms; 0 turns the throttle off (the backlog
     *               is then sent at once, in order).
     * @throws IllegalArgumentException if negative.
     */
    public synchronized void period(final long millis)
    {
        if (millis < 0)
        {
            throw new IllegalArgumentException("slow-md period must be 0 or more ms: " + millis);
        }
        periodMillis = millis;
        if (pacing != null)
        {
            pacing.cancel(false);
            pacing = null;
        }
        if (millis > 0)
        {
            pacing = pacer.scheduleAtFixedRate(this::releaseOne, millis, millis, TimeUnit.MILLISECONDS);
        }
        else
        {
            pacer.execute(this::releaseAll);
        }
    }

    /**
     * @return the period in force, 0 when off.
     */
    public synchronized long period()
    {
        return periodMillis;
    }

    /**
     * @return messages queued across sessions.
     */
    public synchronized long queued()
    {
        long total = 0;
        for (final ArrayDeque<Message> queue : queues.values())
        {
            total += queue.size();
        }
        return total;
    }

    /**
     * @return messages dropped because a queue was full.
     */
    public synchronized long dropped()
    {
        return dropped;
    }

    @Override
    public void close()
    {
        pacer.shutdownNow();
    }

    private synchronized void releaseOne()
    {
        for (final Map.Entry<SessionID, ArrayDeque<Message>> entry : queues.entrySet())
        {
            final Message message = entry.getValue().pollFirst();
            if (message != null)
            {
                sender.send(message, entry.getKey());
            }
        }
    }

    private synchronized void releaseAll()
    {
        for (final Map.Entry<SessionID, ArrayDeque<Message>> entry : queues.entrySet())
        {
            Message message;
            while ((message = entry.getValue().pollFirst()) != null)
            {
                sender.send(message, entry.getKey());
            }
        }
    }
}
