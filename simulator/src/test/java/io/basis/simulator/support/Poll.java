package io.basis.simulator.support;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Waiting for asynchronous events with a deadline instead of sleeping.
 */
public final class Poll
{
    private Poll()
    {
    }

    /**
     * Take elements until one matches, discarding the others.
     *
     * @param queue     source.
     * @param predicate what to wait for.
     * @param timeoutMs deadline.
     * @param what      description for the failure message.
     * @param <T>       element type.
     * @return the first matching element.
     * @throws AssertionError on timeout.
     */
    public static <T> T until(
        final BlockingQueue<T> queue, final Predicate<T> predicate, final long timeoutMs, final String what)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true)
        {
            final long remaining = deadline - System.nanoTime();
            if (remaining <= 0)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            final T element = queue.poll(remaining, TimeUnit.NANOSECONDS);
            if (element != null && predicate.test(element))
            {
                return element;
            }
        }
    }

    /**
     * Spin (with short parks) until a condition holds.
     *
     * @param condition what to wait for.
     * @param timeoutMs deadline.
     * @param what      description for the failure message.
     * @throws AssertionError on timeout.
     */
    public static void until(final BooleanSupplier condition, final long timeoutMs, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
