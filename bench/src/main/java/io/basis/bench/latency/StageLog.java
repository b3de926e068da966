package io.basis.bench.latency;

import org.agrona.BufferUtil;
import org.agrona.IoUtil;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * When each tick (or the first order it triggered) passed one hop of a latency run: an append-only ring of
 * {@code (key, nanos)} entries, the key identifying the tick (its intended send time, or another timestamp it
 * carries) and the time read with {@link System#nanoTime()}, which is CLOCK_MONOTONIC on Linux and so comparable
 * across the threads and the processes of one host.
 * <p>
 * One writer thread per log; it appends without locks or allocation, so a probe can sit on a hot path. Readers take
 * a snapshot once the run is over. A log can live in memory (the harness's own threads) or in a file mapped by the
 * harness and by the child process that writes it (the gateway, the engine). When the ring is full the oldest
 * entries are overwritten: a reader sees the newest {@link #capacity()} entries.
 */
public final class StageLog implements AutoCloseable
{
    /** Entries a log holds by default (8 MiB): a quarter of an hour of ticks at 500 a second. */
    public static final int DEFAULT_CAPACITY = 1 << 19;

    private static final int CAPACITY_OFFSET = 0;
    private static final int COUNT_OFFSET = 8;
    /** A cache line, so the writer's count does not share one with the first entries. */
    private static final int HEADER_LENGTH = 64;
    private static final int ENTRY_LENGTH = 16;

    private final AtomicBuffer buffer;
    private final MappedByteBuffer mapped;
    private final int mask;
    private long written;

    private StageLog(final AtomicBuffer buffer, final MappedByteBuffer mapped)
    {
        this.buffer = buffer;
        this.mapped = mapped;
        final long capacity = buffer.getLong(CAPACITY_OFFSET);
        if (capacity <= 0 || Long.bitCount(capacity) != 1 ||
            HEADER_LENGTH + capacity * ENTRY_LENGTH > buffer.capacity())
        {
            throw new IllegalStateException("not a stage log: capacity " + capacity);
        }
        mask = (int)capacity - 1;
        written = buffer.getLongVolatile(COUNT_OFFSET);
    }

    /**
     * @param capacity entries, a power of two.
     * @return a log in this process's memory.
     */
    public static StageLog inMemory(final int capacity)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(length(capacity), 64));
        buffer.putLong(CAPACITY_OFFSET, capacity);
        return new StageLog(buffer, null);
    }

    /**
     * Create (or empty) the file of a log another process will write.
     *
     * @param file     the file.
     * @param capacity entries, a power of two.
     * @return the log, mapped.
     */
    public static StageLog create(final Path file, final int capacity)
    {
        final int length = length(capacity);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(0);
            raf.setLength(length);
            final MappedByteBuffer mapped = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, length);
            final UnsafeBuffer buffer = new UnsafeBuffer(mapped);
            buffer.putLong(CAPACITY_OFFSET, capacity);
            buffer.putLongVolatile(COUNT_OFFSET, 0);
            return new StageLog(buffer, mapped);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Map the file of a log {@link #create created} by another process, to write it.
     *
     * @param file the file.
     * @return the log, mapped.
     */
    public static StageLog open(final Path file)
    {
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), "stage log");
        return new StageLog(new UnsafeBuffer(mapped), mapped);
    }

    private static int length(final int capacity)
    {
        if (capacity <= 0 || Integer.bitCount(capacity) != 1 ||
            capacity > (Integer.MAX_VALUE - HEADER_LENGTH) / ENTRY_LENGTH)
        {
            throw new IllegalArgumentException("capacity must be a power of two, not " + capacity);
        }
        return HEADER_LENGTH + capacity * ENTRY_LENGTH;
    }

    /**
     * @return entries the ring holds.
     */
    public int capacity()
    {
        return mask + 1;
    }

    /**
     * Append one entry (the log's one writer thread only).
     *
     * @param key   the tick it belongs to.
     * @param nanos when it passed the hop.
     */
    public void append(final long key, final long nanos)
    {
        final int offset = HEADER_LENGTH + (int)(written & mask) * ENTRY_LENGTH;
        buffer.putLong(offset, key);
        buffer.putLong(offset + 8, nanos);
        // Ordered: a reader that sees the count sees the entry.
        buffer.putLongOrdered(COUNT_OFFSET, ++written);
    }

    /**
     * Append an entry stamped now.
     *
     * @param key the tick it belongs to.
     */
    public void stamp(final long key)
    {
        append(key, System.nanoTime());
    }

    /**
     * @return entries appended since the log was created, including any the ring has overwritten.
     */
    public long count()
    {
        return buffer.getLongVolatile(COUNT_OFFSET);
    }

    /**
     * The entries still held, keyed by key; where a key appears more than once, its first time is kept (the hop
     * as the tick first passed it).
     *
     * @return key to time.
     */
    public Long2LongHashMap snapshot()
    {
        final long count = count();
        final Long2LongHashMap times = new Long2LongHashMap(Long.MIN_VALUE);
        for (long i = Math.max(0, count - capacity()); i < count; i++)
        {
            final int offset = HEADER_LENGTH + (int)(i & mask) * ENTRY_LENGTH;
            final long key = buffer.getLong(offset);
            if (!times.containsKey(key))
            {
                times.put(key, buffer.getLong(offset + 8));
            }
        }
        return times;
    }

    @Override
    public void close()
    {
        if (mapped != null)
        {
            IoUtil.unmap(mapped);
        }
    }
}
