package io.basis.bench.latency;

import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What a child process of a latency run (the gateway, the engine) has consumed: the CPU time of all its threads (the
 * JIT's and the collector's included), the bytes all its threads and its agent thread alone have allocated on the
 * heap, and the garbage collections it ran and their time. The child publishes the totals every 10 ms into a small
 * file the harness created and maps; the harness reads them when its measurement window opens and closes and
 * divides by the orders the exchange received in between.
 * <p>
 * The counts come from HotSpot's per-thread allocation counters ({@code com.sun.management.ThreadMXBean}), the
 * same as JMH's GC profiler reads; the publishing thread leaves its own allocation out.
 */
public final class ProcessCounters implements AutoCloseable
{
    /** File name of the gateway's counters in the run's stage directory. */
    public static final String GATEWAY = "costs-gateway";
    /** File name of the engine's counters in the run's stage directory. */
    public static final String ENGINE = "costs-engine";

    private static final int TOTAL_OFFSET = 0;
    private static final int AGENT_OFFSET = 8;
    private static final int GC_COUNT_OFFSET = 16;
    private static final int GC_MILLIS_OFFSET = 24;
    private static final int CPU_OFFSET = 32;
    private static final int LENGTH = 64;
    private static final long PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final MappedByteBuffer mapped;
    private final AtomicBuffer buffer;

    private ProcessCounters(final MappedByteBuffer mapped)
    {
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
    }

    /**
     * Create (or empty) the file a child process will publish into (harness).
     *
     * @param file the file.
     * @return a reader of what the child publishes.
     */
    public static ProcessCounters create(final Path file)
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(0);
            raf.setLength(LENGTH);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return new ProcessCounters(IoUtil.mapExistingFile(file.toFile(), "process counters"));
    }

    /**
     * Publish this process's counters into a file the harness {@link #create created}, from a daemon thread, until
     * the process exits (child process).
     *
     * @param file            the file.
     * @param agentThreadName name of the agent thread counted on its own once it has started.
     * @return the publishing thread, which stops when interrupted.
     */
    public static Thread publish(final Path file, final String agentThreadName)
    {
        final AtomicBuffer buffer = new UnsafeBuffer(IoUtil.mapExistingFile(file.toFile(), "process counters"));
        final Thread publisher = new Thread(() -> run(buffer, agentThreadName), "process-counters");
        publisher.setDaemon(true);
        publisher.start();
        return publisher;
    }

    private static void run(final AtomicBuffer buffer, final String agentThreadName)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        long agentId = -1;
        while (!Thread.currentThread().isInterrupted())
        {
            if (agentId < 0)
            {
                agentId = threadId(agentThreadName);
            }
            final long own = threads.getCurrentThreadAllocatedBytes();
            buffer.putLongVolatile(TOTAL_OFFSET, threads.getTotalThreadAllocatedBytes() - own);
            if (agentId >= 0)
            {
                buffer.putLongVolatile(AGENT_OFFSET, threads.getThreadAllocatedBytes(agentId));
            }
            long count = 0;
            long millis = 0;
            for (int i = 0; i < collectors.size(); i++)
            {
                count += collectors.get(i).getCollectionCount();
                millis += collectors.get(i).getCollectionTime();
            }
            buffer.putLongVolatile(GC_COUNT_OFFSET, count);
            buffer.putLongVolatile(GC_MILLIS_OFFSET, millis);
            buffer.putLongVolatile(CPU_OFFSET, system.getProcessCpuTime());
            LockSupport.parkNanos(PERIOD_NS);
        }
    }

    /**
     * Found by enumerating the threads of this thread's group, not with {@link Thread#getAllStackTraces()}, whose
     * every call is a safepoint of the whole process being measured.
     */
    private static long threadId(final String name)
    {
        final Thread[] threads = new Thread[Thread.activeCount() + 16];
        final int count = Thread.enumerate(threads);
        for (int i = 0; i < count; i++)
        {
            if (threads[i].getName().equals(name))
            {
                return threads[i].getId();
            }
        }
        return -1;
    }

    /**
     * @return bytes the child's threads have allocated since it started, its publishing thread left out.
     */
    public long totalBytes()
    {
        return buffer.getLongVolatile(TOTAL_OFFSET);
    }

    /**
     * @return garbage collections the child has run since it started, of every collector.
     */
    public long collections()
    {
        return buffer.getLongVolatile(GC_COUNT_OFFSET);
    }

    /**
     * @return milliseconds the child's collectors have taken since it started (for G1's young collections: their
     * pauses).
     */
    public long collectionMillis()
    {
        return buffer.getLongVolatile(GC_MILLIS_OFFSET);
    }

    /**
     * @return CPU time the child has used since it started, every thread (the JIT's and the collector's too), ns.
     */
    public long cpuNanos()
    {
        return buffer.getLongVolatile(CPU_OFFSET);
    }

    /**
     * @return bytes the child's agent thread has allocated since it started (0 until it has).
     */
    public long agentBytes()
    {
        return buffer.getLongVolatile(AGENT_OFFSET);
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
