package io.basis.demo;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Polls a condition with a deadline: system tests wait for events this way, never by sleeping a fixed time.
 */
final class Await
{
    private static final long TIMEOUT_SECONDS = 30;

    private Await()
    {
    }

    /**
     * @param what      what is awaited, for the failure message.
     * @param condition the condition.
     * @param detail    state to report if the deadline passes.
     */
    static void until(final String what, final BooleanSupplier condition, final Supplier<String> detail)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what + "; " + detail.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
