package io.basis.engine;

/**
 * The engine's time, taken only from its inputs: each input carries a timestamp (the gateway's receive time, a
 * timer event's time) and the clock moves to it, never backwards. What the engine decides depends on this clock,
 * never on the host's, so the same inputs replay to the same decisions. Nanoseconds of the host's monotonic clock,
 * as stamped by the process that recorded the input. Single-threaded.
 */
public final class EngineClock
{
    private long nowNs;

    /**
     * @return the time of the latest input.
     */
    public long nowNs()
    {
        return nowNs;
    }

    /**
     * Move to an input's time; an input stamped earlier than one already seen (another process's clock read a
     * moment before) leaves the clock where it is.
     *
     * @param timestampNs the input's timestamp.
     * @return the time now.
     */
    public long advanceTo(final long timestampNs)
    {
        if (timestampNs > nowNs)
        {
            nowNs = timestampNs;
        }
        return nowNs;
    }

    /**
     * A new engine run continues this state (a restart): its time starts at its own start, even if the host's
     * monotonic clock began again (a reboot) and reads less than the time of the run before.
     *
     * @param timestampNs the new run's start.
     */
    public void restartAt(final long timestampNs)
    {
        nowNs = timestampNs;
    }
}
