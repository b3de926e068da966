package io.basis.simulator.fault;

import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.fix.MessageSender;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sits between the order-entry reports and the sessions and holds back or delays the reports of selected
 * accounts or symbols (fault injection: a slow or stuck exchange). Held reports go out, in their original order,
 * when released; delayed ones after their delay. Reports leave in the order they were produced: once one is
 * waiting for its delay, later reports queue behind it even if not delayed themselves, so no report overtakes
 * another (an execution report never arrives before the acknowledgement of its order).
 * <p>
 * Exchange thread only: sending, releasing and the delay timer all run there.
 */
public final class ReportGate implements MessageSender
{
    private static final int ACCOUNT = 1;
    private static final int SYMBOL = 55;

    private final MessageSender sender;
    private final ExchangeLoop loop;
    private final Set<ReportSelector> holds = new LinkedHashSet<>();
    private final Map<ReportSelector, Long> delays = new LinkedHashMap<>();
    private final List<Pending> held = new ArrayList<>();
    private final ArrayDeque<Pending> delayed = new ArrayDeque<>();
    private long lastDueNanos;

    /**
     * @param sender where reports finally go.
     * @param loop   the exchange thread, for delay timers.
     */
    public ReportGate(final MessageSender sender, final ExchangeLoop loop)
    {
        this.sender = sender;
        this.loop = loop;
    }

    @Override
    public boolean send(final Message message, final SessionID sessionId)
    {
        final Pending pending = new Pending(message, sessionId, field(message, ACCOUNT), field(message, SYMBOL));
        if (isHeld(pending))
        {
            held.add(pending);
            return true;
        }
        return dispatch(pending);
    }

    /**
     * @param selector reports to hold back until released.
     */
    public void hold(final ReportSelector selector)
    {
        holds.add(selector);
    }

    /**
     * Stop holding a selector's reports and send those no other hold still keeps, in order.
     *
     * @param selector the selector, or null to release every hold.
     * @return number of reports sent (or queued behind a delay).
     */
    public int release(final ReportSelector selector)
    {
        if (selector == null)
        {
            holds.clear();
        }
        else
        {
            holds.remove(selector);
        }
        int released = 0;
        for (final Iterator<Pending> it = held.iterator(); it.hasNext(); )
        {
            final Pending pending = it.next();
            if (!isHeld(pending))
            {
                it.remove();
                dispatch(pending);
                released++;
            }
        }
        return released;
    }

    /**
     * @param selector reports to delay.
     * @param millis   delay; 0 removes it.
     */
    public void delay(final ReportSelector selector, final long millis)
    {
        if (millis <= 0)
        {
            delays.remove(selector);
        }
        else
        {
            delays.put(selector, millis);
        }
    }

    /**
     * Remove every delay; reports already waiting still go out at their time.
     */
    public void clearDelays()
    {
        delays.clear();
    }

    /**
     * @return a one-line summary: holds, delays, reports waiting.
     */
    public String describe()
    {
        return "holds " + holds + ", delays " + delays + ", held " + held.size() + ", delayed " + delayed.size();
    }

    /**
     * @return reports currently held back.
     */
    public int heldCount()
    {
        return held.size();
    }

    private boolean isHeld(final Pending pending)
    {
        for (final ReportSelector selector : holds)
        {
            if (selector.matches(pending.account, pending.symbol))
            {
                return true;
            }
        }
        return false;
    }

    private boolean dispatch(final Pending pending)
    {
        long delayMillis = 0;
        for (final Map.Entry<ReportSelector, Long> entry : delays.entrySet())
        {
            if (entry.getKey().matches(pending.account, pending.symbol))
            {
                delayMillis = Math.max(delayMillis, entry.getValue());
            }
        }
        if (delayMillis == 0 && delayed.isEmpty())
        {
            return sender.send(pending.message, pending.sessionId);
        }
        final long now = System.nanoTime();
        // Never due before the report ahead of it: the queue stays in production order.
        pending.dueNanos = Math.max(now + delayMillis * 1_000_000L, delayed.isEmpty() ? now : lastDueNanos);
        lastDueNanos = pending.dueNanos;
        delayed.add(pending);
        loop.schedule(this::drainDue, (pending.dueNanos - now + 999_999) / 1_000_000L);
        return true;
    }

    private void drainDue()
    {
        final long now = System.nanoTime();
        while (!delayed.isEmpty() && delayed.peekFirst().dueNanos - now <= 0)
        {
            final Pending pending = delayed.pollFirst();
            sender.send(pending.message, pending.sessionId);
        }
    }

    private static String field(final Message message, final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }

    private static final class Pending
    {
        private final Message message;
        private final SessionID sessionId;
        private final String account;
        private final String symbol;
        private long dueNanos;

        private Pending(final Message message, final SessionID sessionId, final String account, final String symbol)
        {
            this.message = message;
            this.sessionId = sessionId;
            this.account = account;
            this.symbol = symbol;
        }
    }
}
