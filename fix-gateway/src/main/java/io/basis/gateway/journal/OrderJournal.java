package io.basis.gateway.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.protocol.sbe.Side;
import org.agrona.BufferUtil;
import org.agrona.IoUtil;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The gateway's write-ahead record of every ClOrdID it has used, persisted in a file so that it survives a kill -9
 * of the gateway (each record is in the operating system's page cache once its write returns):
 * <ul>
 *     <li>a new order is recorded before its NewOrderSingle is handed to QuickFIX/J, so an order the exchange may
 *     have is always known after a restart;</li>
 *     <li>a cancel records its ClOrdID and the engine order id it cancels (the ClOrdID to order id map);</li>
 *     <li>an order is recorded done when the exchange reports it terminal.</li>
 * </ul>
 * After a restart the open orders (recorded, not done) are those whose state the gateway asks the exchange for
 * (OrderStatusRequest), and no ClOrdID recorded before, in this file or any earlier one, is accepted again.
 * <p>
 * Opening compacts the file: only open orders survive, with the highest ClOrdID ever used, so the file does not
 * grow across restarts. Records are fixed-size, each handed to the file in one positional write (never through the
 * mapping: a store into a mapped page can stall every thread, see the write method) and read back through a mapping
 * of the file; a record never written has type 0 and reads as the end of the journal.
 * <p>
 * Owned by the gateway agent: it records orders and cancels, records terminal states from the reports QuickFIX/J
 * hands over ({@link FixHandOff}) and reads the open orders to request their status, so nothing here locks. The
 * gateway opens it before the agent starts and closes it after the agent stopped.
 */
public final class OrderJournal implements AutoCloseable
{
    /** Outcome of {@link #recordNew}: recorded. */
    public static final int RECORDED = 0;
    /** Outcome of {@link #recordNew}: the ClOrdID was used before and is refused. */
    public static final int DUPLICATE = 1;
    /** Outcome of {@link #recordNew}: the journal file is full; restart the gateway to compact it. */
    public static final int FULL = 2;

    /** File name inside the journal directory. */
    public static final String FILE_NAME = "orders.journal";

    /*
     * Record layout, little-endian, 48 bytes:
     *   0  clOrdId        int64
     *   8  orderId        int64
     *  16  quantity       int64
     *  24  instrumentId   int32
     *  28  side           uint8 (the SBE Side value)
     *  29  symbol         16 bytes US-ASCII, NUL-padded (the SBE Symbol length)
     *  45  session        uint16: index of the order-entry session among the ORDER_ENTRY sessions ordered by
     *                     SessionID text (SessionRoles.orderEntrySessions)
     *  47  type           uint8, written last
     * Before multi-session support the symbol field was 18 bytes; symbols never exceeded 16, so its last two
     * bytes were always zero and an old journal reads as all orders on session 0.
     */
    static final int RECORD_LENGTH = 48;
    private static final int CL_ORD_ID_OFFSET = 0;
    private static final int ORDER_ID_OFFSET = 8;
    private static final int QUANTITY_OFFSET = 16;
    private static final int INSTRUMENT_ID_OFFSET = 24;
    private static final int SIDE_OFFSET = 28;
    private static final int SYMBOL_OFFSET = 29;
    static final int SYMBOL_LENGTH = 16;
    private static final int SESSION_OFFSET = 45;
    /** Highest session index a record can hold. */
    static final int MAX_SESSION = 0xFFFF;
    private static final int TYPE_OFFSET = 47;

    private static final byte END = 0;
    private static final byte NEW = 1;
    private static final byte CANCEL = 2;
    private static final byte DONE = 3;
    private static final byte HIGH_WATER = 4;

    private final Path file;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final FileChannel channel;
    /** One record being written, composed here and handed to the file in one positional write. */
    private final ByteBuffer record = ByteBuffer.allocateDirect(RECORD_LENGTH);
    private final UnsafeBuffer recordBuffer = new UnsafeBuffer(record);
    private final int capacity;
    private final byte[] symbolBytes = new byte[SYMBOL_LENGTH];
    /** Open order id to the offset of its NEW record. */
    private final Long2LongHashMap openOrders = new Long2LongHashMap(-1);
    /** ClOrdID of a cancel to the order it cancels; since open, plus those of the open orders carried over. */
    private final Long2LongHashMap cancels = new Long2LongHashMap(0);
    private final LongHashSet usedSinceOpen = new LongHashSet();
    /** Recorded list legs waiting for the rest of their list: not at the exchange yet, so not asked about. */
    private final LongHashSet held = new LongHashSet();
    /** Open order id to the status requests sent about it this run (see {@link #countStatusRequest}). */
    private final Long2LongHashMap statusRequests = new Long2LongHashMap(1024, 0.65f, 0);

    private long highWater;
    private int records;
    private boolean closed;

    private OrderJournal(final Path file, final int capacity) throws IOException
    {
        this.file = file;
        this.capacity = capacity;
        this.mapped = IoUtil.mapExistingFile(file.toFile(), "order journal");
        this.buffer = new UnsafeBuffer(mapped);
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * Open (or create) the journal in a directory, recover its open orders and compact it.
     *
     * @param directory       where {@value #FILE_NAME} lives; created if missing.
     * @param capacityRecords records the file holds: one per order, one per cancel and one per terminal order,
     *                        plus the open orders carried over.
     * @return the journal.
     * @throws UncheckedIOException if the file cannot be read or written.
     */
    public static OrderJournal open(final Path directory, final int capacityRecords)
    {
        try
        {
            Files.createDirectories(directory);
            final Path file = directory.resolve(FILE_NAME);
            final Path compacted = directory.resolve(FILE_NAME + ".compacting");
            Files.deleteIfExists(compacted);
            createFile(compacted, capacityRecords);
            final OrderJournal journal = new OrderJournal(compacted, capacityRecords);
            if (Files.exists(file))
            {
                journal.carryOver(file);
            }
            journal.mapped.force();
            Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return journal;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("order journal in " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Record a new order, sent on the first order-entry session, before it is sent.
     *
     * @param orderId      the engine order id, which is the ClOrdID.
     * @param instrumentId engine instrument id.
     * @param symbol       exchange symbol.
     * @param side         side.
     * @param quantity     order quantity.
     * @return {@link #RECORDED}, {@link #DUPLICATE} or {@link #FULL}.
     */
    public int recordNew(
        final long orderId, final int instrumentId, final String symbol, final Side side, final long quantity)
    {
        return recordNew(orderId, instrumentId, symbol, side, quantity, 0);
    }

    /**
     * Record a new order before it is sent.
     *
     * @param orderId      the engine order id, which is the ClOrdID.
     * @param instrumentId engine instrument id.
     * @param symbol       exchange symbol.
     * @param side         side.
     * @param quantity     order quantity.
     * @param session      index of the order-entry session it is sent on (SessionRoles order), kept so the
     *                     gateway asks that session for its status after a restart.
     * @return {@link #RECORDED}, {@link #DUPLICATE} or {@link #FULL}.
     */
    public int recordNew(
        final long orderId,
        final int instrumentId,
        final String symbol,
        final Side side,
        final long quantity,
        final int session)
    {
        if (session < 0 || session > MAX_SESSION)
        {
            throw new IllegalArgumentException("session index " + session);
        }
        if (isUsed(orderId))
        {
            return DUPLICATE;
        }
        if (records == capacity || closed)
        {
            return FULL;
        }
        usedSinceOpen.add(orderId);
        openOrders.put(orderId, append(NEW, orderId, orderId, quantity, instrumentId, side, symbol, session));
        return RECORDED;
    }

    /**
     * Record a cancel before it is sent.
     *
     * @param cancelId the cancel's ClOrdID.
     * @param orderId  the order it cancels.
     * @return {@link #RECORDED}, {@link #DUPLICATE} or {@link #FULL}.
     */
    public int recordCancel(final long cancelId, final long orderId)
    {
        if (isUsed(cancelId))
        {
            return DUPLICATE;
        }
        if (records == capacity || closed)
        {
            return FULL;
        }
        usedSinceOpen.add(cancelId);
        append(CANCEL, cancelId, orderId, 0, 0, null, null, 0);
        if (openOrders.containsKey(orderId))
        {
            cancels.put(cancelId, orderId);
        }
        return RECORDED;
    }

    /**
     * Record that an order reached a terminal state (filled, cancelled, rejected, expired). Idempotent.
     *
     * @param orderId the engine order id.
     * @return true if the order was open until now, false if it was already done (or never recorded).
     */
    public boolean recordDone(final long orderId)
    {
        held.remove(orderId);
        statusRequests.remove(orderId);
        if (openOrders.remove(orderId) == openOrders.missingValue())
        {
            return false;
        }
        // Skipped when full: a lost DONE only costs one status request after a restart.
        if (records < capacity && !closed)
        {
            append(DONE, orderId, orderId, 0, 0, null, null, 0);
        }
        return true;
    }

    /**
     * The exchange answered a status request about an order (it is working): its count of unanswered requests
     * starts again.
     *
     * @param orderId the engine order id.
     */
    public void onStatusAnswered(final long orderId)
    {
        statusRequests.remove(orderId);
    }

    /**
     * @param clOrdId a ClOrdID of this gateway.
     * @return the engine order id it belongs to (itself for a new order, the cancelled order for a cancel), or
     * {@code clOrdId} if the journal has no cancel of that id.
     */
    public long orderIdOf(final long clOrdId)
    {
        final long orderId = cancels.get(clOrdId);
        return orderId != 0 ? orderId : clOrdId;
    }

    /**
     * The order a report names, if this gateway ever sent it: reports for ClOrdIDs it never used (a counterparty's
     * mistake, a corrupted message) must not reach the engine as if they were about one of its orders.
     *
     * @param clOrdId a ClOrdID (or OrigClOrdID) from the exchange.
     * @return the engine order id (the cancelled order for a cancel's ClOrdID), or {@link Long#MIN_VALUE} if the
     * order was neither sent since the journal was opened nor carried over open from the last run.
     */
    public long knownOrderIdOf(final long clOrdId)
    {
        final long cancelled = cancels.get(clOrdId);
        final long orderId = cancelled != 0 ? cancelled : clOrdId;
        return usedSinceOpen.contains(orderId) || openOrders.containsKey(orderId) ? orderId : Long.MIN_VALUE;
    }

    /**
     * @param orderId an engine order id.
     * @return its instrument id if the order is open, else {@code InstrumentDirectory.UNKNOWN}.
     */
    public int instrumentIdOf(final long orderId)
    {
        final long offset = openOrders.get(orderId);
        return offset < 0 || closed ?
            InstrumentDirectory.UNKNOWN : buffer.getInt((int)offset + INSTRUMENT_ID_OFFSET);
    }

    /**
     * @param orderId an engine order id.
     * @return true if it was recorded and has not been reported terminal.
     */
    public boolean isOpen(final long orderId)
    {
        return openOrders.containsKey(orderId);
    }

    /**
     * Count one more status request about an open order: the bound on how often the gateway asks an exchange that
     * does not answer. Kept in memory only, so the count starts again after a restart; an answer resets it
     * ({@link #onStatusAnswered}).
     *
     * @param orderId an engine order id.
     * @return the requests counted so far including this one, or 0 if the order is not open.
     */
    public int countStatusRequest(final long orderId)
    {
        if (!openOrders.containsKey(orderId))
        {
            return 0;
        }
        final long count = statusRequests.get(orderId) + 1;
        statusRequests.put(orderId, count);
        return (int)count;
    }

    /**
     * Visit one open order.
     *
     * @param orderId an engine order id.
     * @param visitor told of it, under the journal's lock: do not call back into the journal.
     * @return true if the order is open and was visited.
     */
    public boolean visitOpen(final long orderId, final OpenOrderVisitor visitor)
    {
        final long offset = openOrders.get(orderId);
        if (offset < 0 || closed)
        {
            return false;
        }
        visit((int)offset, visitor);
        return true;
    }

    /**
     * @return orders recorded and not yet reported terminal.
     */
    public int openOrderCount()
    {
        return openOrders.size();
    }

    /**
     * @param orderId an engine order id.
     * @return the index of the order-entry session it was sent on if it is open, else -1.
     */
    public int sessionOf(final long orderId)
    {
        final long offset = openOrders.get(orderId);
        return offset < 0 ? -1 : buffer.getShort((int)offset + SESSION_OFFSET) & 0xFFFF;
    }

    /**
     * @param session a session index.
     * @return how many open orders were sent on that session or a later one.
     */
    public int openOrdersFromSession(final int session)
    {
        int count = 0;
        final Long2LongHashMap.KeyIterator it = openOrders.keySet().iterator();
        while (it.hasNext())
        {
            final int offset = (int)openOrders.get(it.nextValue());
            count += (buffer.getShort(offset + SESSION_OFFSET) & 0xFFFF) >= session ? 1 : 0;
        }
        return count;
    }

    /**
     * Visit the open orders of one order-entry session.
     *
     * @param session index of the session (SessionRoles order).
     * @param visitor told of each, under the journal's lock: do not call back into the journal.
     * @return how many were visited.
     */
    public int forEachOpen(final int session, final OpenOrderVisitor visitor)
    {
        return forEachOpen(session, Integer.MAX_VALUE, visitor);
    }

    /**
     * Visit the open orders of one order-entry session recorded before a point, leaving out held list legs.
     *
     * @param session        index of the session (SessionRoles order).
     * @param recordedBefore a {@link #recordCount()}: orders recorded at or after it are left out (they were sent
     *                       after the point the caller recovers from).
     * @param visitor        told of each, under the journal's lock: do not call back into the journal.
     * @return how many were visited.
     */
    public int forEachOpen(final int session, final int recordedBefore, final OpenOrderVisitor visitor)
    {
        if (closed)
        {
            return 0;
        }
        int visited = 0;
        final Long2LongHashMap.KeyIterator it = openOrders.keySet().iterator();
        while (it.hasNext())
        {
            final long orderId = it.nextValue();
            final int offset = (int)openOrders.get(orderId);
            if ((buffer.getShort(offset + SESSION_OFFSET) & 0xFFFF) == session &&
                offset / RECORD_LENGTH < recordedBefore && !held.contains(orderId))
            {
                visit(offset, visitor);
                visited++;
            }
        }
        return visited;
    }

    /**
     * Mark a recorded list leg as held for the rest of its list: status requests leave it out until
     * {@link #release} (its list was sent) or {@link #recordDone} (it was rejected).
     *
     * @param orderId the leg's engine order id.
     */
    public void hold(final long orderId)
    {
        held.add(orderId);
    }

    /**
     * @param orderId a held list leg whose list is being sent.
     */
    public void release(final long orderId)
    {
        held.remove(orderId);
    }

    /**
     * Visit every open order.
     *
     * @param visitor told of each, under the journal's lock: do not call back into the journal.
     */
    public void forEachOpen(final OpenOrderVisitor visitor)
    {
        if (closed)
        {
            return;
        }
        final Long2LongHashMap.KeyIterator it = openOrders.keySet().iterator();
        while (it.hasNext())
        {
            visit((int)openOrders.get(it.nextValue()), visitor);
        }
    }

    private void visit(final int offset, final OpenOrderVisitor visitor)
    {
        visitor.onOpenOrder(
            buffer.getLong(offset + ORDER_ID_OFFSET),
            buffer.getInt(offset + INSTRUMENT_ID_OFFSET),
            symbolAt(offset),
            Side.get(buffer.getByte(offset + SIDE_OFFSET)),
            buffer.getLong(offset + QUANTITY_OFFSET));
    }

    /**
     * @return records written to the file, including the carried-over open orders.
     */
    public int recordCount()
    {
        return records;
    }

    /**
     * @return the file.
     */
    public Path file()
    {
        return file.resolveSibling(FILE_NAME);
    }

    /**
     * Flush and unmap. The pages are already the operating system's; force() only matters for power loss.
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            // A late QuickFIX/J callback must find a closed journal, never an unmapped buffer.
            closed = true;
            mapped.force();
            BufferUtil.free(mapped);
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("order journal " + file + ": " + ex.getMessage(), ex);
            }
        }
    }

    /**
     * An open order, as {@link #forEachOpen} reports it.
     */
    @FunctionalInterface
    public interface OpenOrderVisitor
    {
        /**
         * @param orderId      engine order id (the ClOrdID).
         * @param instrumentId engine instrument id.
         * @param symbol       exchange symbol.
         * @param side         side.
         * @param quantity     order quantity.
         */
        void onOpenOrder(long orderId, int instrumentId, String symbol, Side side, long quantity);
    }

    private boolean isUsed(final long clOrdId)
    {
        return clOrdId <= highWater || usedSinceOpen.contains(clOrdId);
    }

    private void carryOver(final Path previous)
    {
        final MappedByteBuffer old = IoUtil.mapExistingFile(previous.toFile(), "previous order journal");
        try
        {
            final UnsafeBuffer oldBuffer = new UnsafeBuffer(old);
            final Long2LongHashMap open = new Long2LongHashMap(-1);
            final Long2LongHashMap oldCancels = new Long2LongHashMap(0);
            long max = 0;
            for (int offset = 0; offset + RECORD_LENGTH <= oldBuffer.capacity(); offset += RECORD_LENGTH)
            {
                final byte type = oldBuffer.getByte(offset + TYPE_OFFSET);
                if (type == END)
                {
                    break;
                }
                final long clOrdId = oldBuffer.getLong(offset + CL_ORD_ID_OFFSET);
                final long orderId = oldBuffer.getLong(offset + ORDER_ID_OFFSET);
                max = Math.max(max, clOrdId);
                switch (type)
                {
                    case NEW -> open.put(orderId, offset);
                    case CANCEL -> oldCancels.put(clOrdId, orderId);
                    case DONE -> open.remove(orderId);
                    default ->
                    {
                    }
                }
            }
            highWater = max;
            append(HIGH_WATER, max, max, 0, 0, null, null, 0);
            final Long2LongHashMap.KeyIterator it = open.keySet().iterator();
            while (it.hasNext())
            {
                final long orderId = it.nextValue();
                final int from = (int)open.get(orderId);
                final int to = records * RECORD_LENGTH;
                recordBuffer.putBytes(0, oldBuffer, from, RECORD_LENGTH);
                write(to);
                records++;
                openOrders.put(orderId, to);
            }
            oldCancels.forEach((cancelId, orderId) ->
            {
                if (openOrders.containsKey(orderId))
                {
                    append(CANCEL, cancelId, orderId, 0, 0, null, null, 0);
                    cancels.put(cancelId, orderId);
                }
            });
        }
        finally
        {
            BufferUtil.free(old);
        }
    }

    private long append(
        final byte type,
        final long clOrdId,
        final long orderId,
        final long quantity,
        final int instrumentId,
        final Side side,
        final String symbol,
        final int session)
    {
        if (records == capacity)
        {
            throw new IllegalStateException("order journal full: " + capacity + " records");
        }
        final int offset = records * RECORD_LENGTH;
        recordBuffer.putLong(CL_ORD_ID_OFFSET, clOrdId);
        recordBuffer.putLong(ORDER_ID_OFFSET, orderId);
        recordBuffer.putLong(QUANTITY_OFFSET, quantity);
        recordBuffer.putInt(INSTRUMENT_ID_OFFSET, instrumentId);
        recordBuffer.putByte(SIDE_OFFSET, side == null ? 0 : side.value());
        // NUL-padded in place: the order path builds no byte array for it.
        final int symbolLength = symbol == null ? 0 : Math.min(symbol.length(), SYMBOL_LENGTH);
        for (int i = 0; i < SYMBOL_LENGTH; i++)
        {
            recordBuffer.putByte(SYMBOL_OFFSET + i, i < symbolLength ? (byte)symbol.charAt(i) : 0);
        }
        recordBuffer.putShort(SESSION_OFFSET, (short)session);
        recordBuffer.putByte(TYPE_OFFSET, type);
        write(offset);
        records++;
        return offset;
    }

    /**
     * Hand the composed record to the file in one positional write, not through the mapping: a store into a mapped
     * page the kernel is writing back waits in a page fault inside Java code, where the JVM cannot reach a safepoint,
     * so a garbage collection would stop every thread of the gateway until the disk answers (measured: 75 ms, once or
     * twice a minute). A thread waiting in a write() is at a safepoint already. The mapping, which shares the page
     * cache, still serves every read. A kill -9 cannot tear the record: the kernel copies it whole before the
     * process dies.
     */
    private void write(final int offset)
    {
        record.clear();
        try
        {
            long position = offset;
            while (record.hasRemaining())
            {
                position += channel.write(record, position);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("order journal " + file + ": " + ex.getMessage(), ex);
        }
    }

    private String symbolAt(final int offset)
    {
        buffer.getBytes(offset + SYMBOL_OFFSET, symbolBytes);
        int length = 0;
        while (length < SYMBOL_LENGTH && symbolBytes[length] != 0)
        {
            length++;
        }
        return new String(symbolBytes, 0, length, StandardCharsets.US_ASCII);
    }

    private static void createFile(final Path path, final int capacityRecords) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw"))
        {
            raf.setLength((long)capacityRecords * RECORD_LENGTH);
        }
    }
}
