package io.basis.simulator.exchange;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns all exchange state. FIX callbacks and the market clock both hand their work to it,
 * so orders, cancels, requotes and market data never race and need no locks, and every message leaves in the
 * order its cause was processed (which keeps RptSeq and execution reports consistent).
 * <p>
 * After every task the loop runs the {@code afterEachTask} hook: that is where market data is published, once
 * per exchange event.
 */
public final class ExchangeLoop implements AutoCloseable
{
    private final ScheduledThreadPoolExecutor executor;
    private final Runnable afterEachTask;
    private ScheduledFuture<?> clock;

    /**
     * @param threadName    name of the exchange thread.
     * @param afterEachTask run on the exchange thread after every task.
     */
    public ExchangeLoop(final String threadName, final Runnable afterEachTask)
    {
        this.afterEachTask = afterEachTask;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable ->
        {
            final Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(false);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /**
     * Run a task on the exchange thread; silently dropped once the loop is closed (late FIX traffic on
     * shutdown).
     *
     * @param task the work.
     */
    public void execute(final Runnable task)
    {
        try
        {
            executor.execute(() -> runGuarded(task));
        }
        catch (final RejectedExecutionException ex)
        {
            // Closed: nothing left to do the work for.
        }
    }

    /**
     * Run a task on the exchange thread and wait for its result; for queries from other threads.
     *
     * @param task  the work.
     * @param <T>   result type.
     * @return the result.
     * @throws IllegalStateException if the loop is closed or the task failed with a checked exception; a
     *                               runtime exception of the task is rethrown as it is.
     */
    public <T> T call(final Callable<T> task)
    {
        final Future<T> future;
        try
        {
            future = executor.submit(task);
        }
        catch (final RejectedExecutionException ex)
        {
            throw new IllegalStateException("exchange loop closed", ex);
        }
        try
        {
            return future.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException cause)
            {
                throw cause;
            }
            throw new IllegalStateException("exchange task failed", ex.getCause());
        }
    }

    /**
     * Run a task once on the exchange thread after a delay; silently dropped once the loop is closed.
     *
     * @param task        the work.
     * @param delayMillis delay, 0 or more.
     */
    public void schedule(final Runnable task, final long delayMillis)
    {
        try
        {
            executor.schedule(() -> runGuarded(task), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        }
        catch (final RejectedExecutionException ex)
        {
            // Closed: nothing left to do the work for.
        }
    }

    /**
     * Start the market clock: run a task at a fixed rate on the exchange thread.
     *
     * @param task         the tick.
     * @param periodMillis period.
     */
    public synchronized void startClock(final Runnable task, final long periodMillis)
    {
        if (clock != null)
        {
            throw new IllegalStateException("clock already started");
        }
        // A throwing periodic task would be silently descheduled; runGuarded keeps the clock alive.
        clock = executor.scheduleAtFixedRate(() -> runGuarded(task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Stop the market clock; queued and later tasks still run.
     */
    public synchronized void stopClock()
    {
        if (clock != null)
        {
            clock.cancel(false);
        }
    }

    /**
     * Stop the clock, run the tasks already queued, and end the thread. Idempotent.
     */
    @Override
    public void close()
    {
        stopClock();
        executor.shutdown();
        try
        {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS))
            {
                executor.shutdownNow();
            }
        }
        catch (final InterruptedException ex)
        {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void runGuarded(final Runnable task)
    {
        try
        {
            task.run();
        }
        catch (final RuntimeException ex)
        {
            // One bad message must not take the exchange down; report and carry on.
            System.err.println("simulator: exchange task failed: " + ex);
            ex.printStackTrace(System.err);
        }
        finally
        {
            try
            {
                afterEachTask.run();
            }
            catch (final RuntimeException ex)
            {
                System.err.println("simulator: publishing failed: " + ex);
                ex.printStackTrace(System.err);
            }
        }
    }
}
