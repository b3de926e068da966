package io.basis.gateway.ops;

import java.nio.ByteBuffer;

import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * Gateway counters (type id {@value #TYPE_ID}, labels {@code basis-gateway: ...}). All are thread safe
 * ({@link AtomicCounter}). Besides the traffic counters there is one counter per {@link Alarm}
 * ({@code basis-gateway: alarm NAME}).
 * <p>
 * They live in memory the gateway process owns, never in the media driver's counters file: QuickFIX/J threads write
 * them, and memory the Aeron client maps may be unmapped under them when the driver goes away (a write then crashes
 * the JVM). {@code AeronStat} sees them through {@link CountersMirror}, which only the gateway agent writes.
 */
public final class GatewayCounters implements AutoCloseable
{
    /** Counter type id of every Basis gateway counter (user range, above Aeron's reserved ids). */
    public static final int TYPE_ID = 7117_00;
    /** Label prefix of every gateway counter. */
    public static final String LABEL_PREFIX = "basis-gateway: ";

    private static final String[] LABELS = {
        "messages from engine",
        "messages to engine",
        "FIX messages in",
        "FIX orders and cancels out",
        "rejects to engine",
        "back-pressure events",
        "market data dropped, no engine",
        "undeliverable to engine",
        "FIX sessions logged on",
        "instrument status to engine",
        "market status messages in (f, h)",
        "market data RptSeq gaps",
        "market data MsgSeqNum gaps not filled",
        "snapshot re-requests",
        "instruments stale",
        "market data dropped, stale or old",
        "order status requests",
        "new orders not resent (gap filled)",
        "bytes buffered for the engine",
    };

    /** Messages received from the engine. */
    public final AtomicCounter messagesFromEngine;
    /** SBE messages published to the engine. */
    public final AtomicCounter messagesToEngine;
    /** FIX application messages received from the exchange. */
    public final AtomicCounter fixMessagesIn;
    /** Orders and cancels sent to the exchange. */
    public final AtomicCounter fixOrdersOut;
    /** OrderReject and CancelReject published to the engine, whether from the gateway or the exchange. */
    public final AtomicCounter rejectsToEngine;
    /** Offers to the engine that met back pressure (counted once per message). */
    public final AtomicCounter backPressureEvents;
    /** Market data dropped while no engine was connected. */
    public final AtomicCounter marketDataDropped;
    /** Messages that had to reach the engine but could not (timeout, closed publication). */
    public final AtomicCounter undeliverable;
    /** FIX sessions logged on, of every role (0 to the number of sessions in the settings). */
    public final AtomicCounter sessionsUp;
    /** SBE InstrumentStatus messages published (halts, phases, sidecar). */
    public final AtomicCounter instrumentStatusToEngine;
    /** SecurityStatus (f) and TradingSessionStatus (h) received. */
    public final AtomicCounter marketStatusIn;
    /** RptSeq gaps detected: an instrument became stale. */
    public final AtomicCounter marketDataGaps;
    /** Sequence resets (gap fills) on the market-data session: messages lost for good, everything re-snapshotted. */
    public final AtomicCounter marketDataGapFills;
    /** MarketDataRequests sent to recover stale instruments. */
    public final AtomicCounter snapshotRequests;
    /** Instruments currently stale (book cleared, waiting for a snapshot). */
    public final AtomicCounter staleInstruments;
    /** Incremental refreshes dropped: instrument stale, or older than its snapshot. */
    public final AtomicCounter marketDataStaleDropped;
    /** OrderStatusRequests sent to recover the state of open orders. */
    public final AtomicCounter orderStatusRequests;
    /** Stored new orders the exchange asked to be resent, gap filled instead (their status is asked). */
    public final AtomicCounter ordersNotResent;
    /** Bytes waiting in the gateway for an absent or back-pressured engine. */
    public final AtomicCounter engineBacklog;

    private final AtomicCounter[] alarmCounters = new AtomicCounter[Alarm.values().length];
    private final AtomicCounter[] all;

    /**
     * Counters in a private, in-memory counters manager, which lives as long as the process: what the gateway
     * writes from any thread. {@link CountersMirror} publishes them to the media driver.
     *
     * @return counters only this process reads.
     */
    public static GatewayCounters inMemory()
    {
        final int capacity = 128;
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(capacity * CountersManager.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(capacity * CountersManager.COUNTER_LENGTH)));
        return new GatewayCounters(label -> manager.newCounter(label, TYPE_ID));
    }

    private GatewayCounters(final java.util.function.Function<String, AtomicCounter> factory)
    {
        all = new AtomicCounter[LABELS.length + alarmCounters.length];
        for (int i = 0; i < LABELS.length; i++)
        {
            all[i] = factory.apply(LABEL_PREFIX + LABELS[i]);
        }
        for (final Alarm alarm : Alarm.values())
        {
            alarmCounters[alarm.ordinal()] = factory.apply(LABEL_PREFIX + "alarm " + alarm.name());
            all[LABELS.length + alarm.ordinal()] = alarmCounters[alarm.ordinal()];
        }
        int i = 0;
        messagesFromEngine = all[i++];
        messagesToEngine = all[i++];
        fixMessagesIn = all[i++];
        fixOrdersOut = all[i++];
        rejectsToEngine = all[i++];
        backPressureEvents = all[i++];
        marketDataDropped = all[i++];
        undeliverable = all[i++];
        sessionsUp = all[i++];
        instrumentStatusToEngine = all[i++];
        marketStatusIn = all[i++];
        marketDataGaps = all[i++];
        marketDataGapFills = all[i++];
        snapshotRequests = all[i++];
        staleInstruments = all[i++];
        marketDataStaleDropped = all[i++];
        orderStatusRequests = all[i++];
        ordersNotResent = all[i++];
        engineBacklog = all[i];
    }

    /**
     * @return how many counters there are.
     */
    int size()
    {
        return all.length;
    }

    /**
     * @param index 0 to {@link #size()} - 1.
     * @return the counter's label, {@value #LABEL_PREFIX} included.
     */
    String label(final int index)
    {
        return index < LABELS.length ? LABEL_PREFIX + LABELS[index] :
            LABEL_PREFIX + "alarm " + Alarm.values()[index - LABELS.length].name();
    }

    /**
     * @param index 0 to {@link #size()} - 1.
     * @return the counter's current value.
     */
    long value(final int index)
    {
        return all[index].get();
    }

    /**
     * @param alarm an alarm kind.
     * @return the counter mirroring its count.
     */
    public AtomicCounter alarm(final Alarm alarm)
    {
        return alarmCounters[alarm.ordinal()];
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(all);
    }
}
