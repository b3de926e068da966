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

    /**
     * @param epochMicros wall clock at start, microseconds since the epoch.
     */
    public OrderIds(final long epochMicros)
    {
        first = epochMicros;
        next = epochMicros;
    }

    /**
     * @param id an order, cancel or program id.
     * @return true if it is below every id of this run: a previous run issued it.
     */
    public boolean isFromEarlierRun(final long id)
    {
        return id < first;
    }

    /**
     * A new run continues this one's state (a restart): ids start again from the new run's base, never below the
     * ids already issued.
     *
     * @param epochMicros the new run's start, microseconds since the epoch.
     */
    public void rebase(final long epochMicros)
    {
        first = epochMicros;
        next = Math.max(next, epochMicros);
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
     * @param first the run's first id.
     * @param next  the next id to issue.
     */
    public void restore(final long first, final long next)
    {
        this.first = first;
        this.next = next;
    }
}
