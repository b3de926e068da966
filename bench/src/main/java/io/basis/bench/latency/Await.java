package io.basis.bench.latency;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting for set-up conditions (sessions logged on, snapshots valued) with a deadline; never on a measured path.
 */
final class Await
{
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private Await()
    {
    }

    static void until(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }
}
