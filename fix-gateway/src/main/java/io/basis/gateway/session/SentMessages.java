package io.basis.gateway.session;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The last application messages an order-entry session sent, by MsgSeqNum: what a session-level Reject (3) or a
 * BusinessMessageReject (j) that names only RefSeqNum refers to. A ring of {@link #CAPACITY} slots indexed by
 * sequence number, so recording allocates nothing and the oldest entries are overwritten: a reject arrives within
 * a round trip of what it refuses, long before the ring wraps.
 * <p>
 * Recorded by whichever thread sends (QuickFIX/J calls {@code toApp} after setting MsgSeqNum, under the session's
 * send lock), read by the gateway agent when a reject is handed over: the one structure both sides touch, and it
 * takes no lock. Each slot's sequence number is published last (ordered write) and
 * checked again after the slot is read, so a reader never takes a half-written or overwritten slot for the one it
 * asked about.
 */
public final class SentMessages
{
    /** Slots in the ring; a power of two. */
    public static final int CAPACITY = 1 << 14;
    /** Kind of a recorded message: NewOrderSingle (D). */
    public static final byte NEW_ORDER = 'D';
    /** Kind of a recorded message: OrderCancelRequest (F). */
    public static final byte CANCEL = 'F';
    /** Kind of a recorded message: OrderStatusRequest (H). */
    static final byte STATUS_REQUEST = 'H';
    /** Kind of a recorded message: NewOrderList (E). */
    public static final byte ORDER_LIST = 'E';
    /** Nothing recorded for the sequence number (never sent, overwritten, or not a message Basis tracks). */
    public static final byte NONE = 0;

    private static final int MASK = CAPACITY - 1;

    private final AtomicLongArray seqNums = new AtomicLongArray(CAPACITY);
    private final byte[] kinds = new byte[CAPACITY];
    private final long[] ids = new long[CAPACITY];

    /**
     * Record a message as it goes out.
     *
     * @param seqNum its MsgSeqNum.
     * @param kind   {@link #NEW_ORDER}, {@link #CANCEL}, {@link #STATUS_REQUEST} or {@link #ORDER_LIST}.
     * @param id     its ClOrdID (D, F, H) or ListID (E) as a number.
     */
    public void record(final int seqNum, final byte kind, final long id)
    {
        final int slot = seqNum & MASK;
        // A seqlock: invalidate first, so a reader of the old entry never takes the new fields for the old number.
        seqNums.lazySet(slot, 0);
        VarHandle.storeStoreFence();
        kinds[slot] = kind;
        ids[slot] = id;
        seqNums.lazySet(slot, seqNum);
    }

    /**
     * @param seqNum a MsgSeqNum this session sent.
     * @return the kind recorded for it, or {@link #NONE}.
     */
    public byte kindOf(final int seqNum)
    {
        final int slot = seqNum & MASK;
        if (seqNum <= 0 || seqNums.get(slot) != seqNum)
        {
            return NONE;
        }
        final byte kind = kinds[slot];
        VarHandle.loadLoadFence();
        return seqNums.get(slot) == seqNum ? kind : NONE;
    }

    /**
     * @param seqNum a MsgSeqNum whose {@link #kindOf kind} is not {@link #NONE}.
     * @return the ClOrdID or ListID recorded for it, or {@link Long#MIN_VALUE} if it was overwritten meanwhile.
     */
    public long idOf(final int seqNum)
    {
        final int slot = seqNum & MASK;
        if (seqNum <= 0 || seqNums.get(slot) != seqNum)
        {
            return Long.MIN_VALUE;
        }
        final long id = ids[slot];
        VarHandle.loadLoadFence();
        return seqNums.get(slot) == seqNum ? id : Long.MIN_VALUE;
    }
}
