package io.basis.gateway.ops;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * Counts {@link Alarm}s and logs the first occurrence of each kind. Thread safe: the QuickFIX/J thread and the
 * gateway agent both raise alarms. Once {@link #mirrorTo mirrored}, every count is also an Aeron counter
 * ({@code basis-gateway: alarm NAME}), readable with {@code AeronStat}.
 */
public final class Alarms
{
    private final AtomicLongArray counts = new AtomicLongArray(Alarm.values().length);
    private final Consumer<String> log;
    private volatile GatewayCounters counters;

    /**
     * Alarms logged to standard error.
     */
    public Alarms()
    {
        this(System.err::println);
    }

    /**
     * Alarms logged to a given sink.
     *
     * @param log receives one line per first occurrence of each alarm.
     */
    public Alarms(final Consumer<String> log)
    {
        this.log = log;
    }

    /**
     * Count an alarm and log it if it is the first of its kind.
     *
     * @param alarm  what happened.
     * @param detail context for the log line; only used on the first occurrence.
     */
    public void raise(final Alarm alarm, final String detail)
    {
        final long previous = counts.getAndIncrement(alarm.ordinal());
        final GatewayCounters mirror = counters;
        if (mirror != null)
        {
            mirror.alarm(alarm).incrementRelease();
        }
        if (previous == 0)
        {
            log.accept("ALARM " + alarm + ": " + alarm.description() + ": " + detail +
                " (further occurrences are counted, not logged)");
        }
    }

    /**
     * Mirror every count into the gateway's counters from now on, starting with the counts so far.
     *
     * @param gatewayCounters the counters, or null to stop mirroring.
     */
    public void mirrorTo(final GatewayCounters gatewayCounters)
    {
        if (gatewayCounters != null)
        {
            for (final Alarm alarm : Alarm.values())
            {
                final AtomicCounter counter = gatewayCounters.alarm(alarm);
                counter.getAndAddRelease(count(alarm));
            }
        }
        counters = gatewayCounters;
    }

    /**
     * How often an alarm was raised.
     *
     * @param alarm the alarm.
     * @return its count.
     */
    public long count(final Alarm alarm)
    {
        return counts.get(alarm.ordinal());
    }

    /**
     * Total alarms of all kinds.
     *
     * @return the sum of all counts.
     */
    public long total()
    {
        long total = 0;
        for (int i = 0; i < counts.length(); i++)
        {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * Non-zero counts, for the shutdown log.
     *
     * @return e.g. {@code "UNKNOWN_SYMBOL=3 BAD_CLORDID=1"}, or an empty string.
     */
    public String summary()
    {
        final StringBuilder sb = new StringBuilder();
        for (final Alarm alarm : Alarm.values())
        {
            final long count = count(alarm);
            if (count > 0)
            {
                if (sb.length() > 0)
                {
                    sb.append(' ');
                }
                sb.append(alarm).append('=').append(count);
            }
        }
        return sb.toString();
    }
}
