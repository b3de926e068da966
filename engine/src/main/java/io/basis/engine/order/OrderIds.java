package io.basis.engine.order;

/**
 * Order, cancel and program ids that never repeat across engine restarts: they start at the wall-clock time in
 * microseconds and count up by one, so a restarted engine starts above every id of a previous run unless that
 * run sent more than one id per microsecond it was up.
 */
public final class OrderIds
{
    private long next;

    /**
     * @param epochMicros wall clock at start, microseconds since the epoch.
     */
    public OrderIds(final long epochMicros)
    {
        next = epochMicros;
    }

    /**
     * @return a fresh id.
     */
    public long next()
    {
        return next++;
    }
}
