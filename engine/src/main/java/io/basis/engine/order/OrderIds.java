package io.basis.engine.order;

/**
 * Order, cancel and program ids that never repeat across engine restarts: they start at the wall-clock time in
 * microseconds and count up by one, so a restarted engine starts above every id of a previous run unless that
 * run sent more than one id per microsecond it was up.
 */
public final class OrderIds
{
    private long first;
    private long next;
    private long unknownFrom = Long.MIN_VALUE;

    /**
     * @param epochMicros wall clock at start, microseconds since the epoch.
     */
    public OrderIds(final long epochMicros)
    {
        first = epochMicros;
        next = epochMicros;
    }

    /**
     * Whether an id comes from an earlier run and is unknown to this state: for a fresh state, any id below this
     * run's; for a restored one, an id the run before issued after the last its journal recorded (ids count up, so
     * the ids a journal lost with its tail are at or above the next id the restored state would have issued). An
     * earlier id below that is one the state knew, and a report of it is late, not new.
     *
     * @param id an order, cancel or program id.
     * @return true if it is unknown to this state and below every id of this run.
     */
    public boolean isUnknownFromEarlierRun(final long id)
    {
        return id < first && id >= unknownFrom;
    }

    /**
     * A new run continues this one's state (a restart): ids start again from the new run's base, never below the
     * ids already issued; ids the run before issued from here on are unknown to the state.
     *
     * @param epochMicros the new run's start, microseconds since the epoch.
     */
    public void rebase(final long epochMicros)
    {
        unknownFrom = next;
        first = epochMicros;
        next = Math.max(next, epochMicros);
    }

    /**
     * @return the first earlier id unknown to this state ({@link Long#MIN_VALUE} for a fresh state).
     */
    public long unknownFrom()
    {
        return unknownFrom;
    }

    /**
     * @return a fresh id.
     */
    public long next()
    {
        return next++;
    }

    /**
     * @return the first id of this run.
     */
    public long first()
    {
        return first;
    }

    /**
     * @return the next id to issue.
     */
    public long peekNext()
    {
        return next;
    }

    /**
     * Continue from a snapshot's ids.
     *
     * @param first       the run's first id.
     * @param next        the next id to issue.
     * @param unknownFrom the first earlier id unknown to the state.
     */
    public void restore(final long first, final long next, final long unknownFrom)
    {
        this.first = first;
        this.next = next;
        this.unknownFrom = unknownFrom;
    }
}
