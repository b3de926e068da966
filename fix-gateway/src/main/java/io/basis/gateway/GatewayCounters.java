package io.basis.gateway;

import io.aeron.Aeron;
import io.aeron.Counter;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Gateway counters in the media driver's counters file, so {@code AeronStat} shows them next to Aeron's own.
 * All are thread safe ({@link AtomicCounter}).
 */
public final class GatewayCounters implements AutoCloseable
{
    /** Counter type id of every Basis gateway counter (user range, above Aeron's reserved ids). */
    public static final int TYPE_ID = 7117_00;

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
    /** FIX sessions logged on (0 to 2). */
    public final AtomicCounter sessionsUp;

    private final Counter[] all;

    /**
     * Allocate the counters.
     *
     * @param aeron connected client; the counters close with it.
     */
    public GatewayCounters(final Aeron aeron)
    {
        all = new Counter[]{
            aeron.addCounter(TYPE_ID, "basis-gateway: messages from engine"),
            aeron.addCounter(TYPE_ID, "basis-gateway: messages to engine"),
            aeron.addCounter(TYPE_ID, "basis-gateway: FIX messages in"),
            aeron.addCounter(TYPE_ID, "basis-gateway: FIX orders and cancels out"),
            aeron.addCounter(TYPE_ID, "basis-gateway: rejects to engine"),
            aeron.addCounter(TYPE_ID, "basis-gateway: back-pressure events"),
            aeron.addCounter(TYPE_ID, "basis-gateway: market data dropped, no engine"),
            aeron.addCounter(TYPE_ID, "basis-gateway: undeliverable to engine"),
            aeron.addCounter(TYPE_ID, "basis-gateway: FIX sessions logged on"),
        };
        messagesFromEngine = all[0];
        messagesToEngine = all[1];
        fixMessagesIn = all[2];
        fixOrdersOut = all[3];
        rejectsToEngine = all[4];
        backPressureEvents = all[5];
        marketDataDropped = all[6];
        undeliverable = all[7];
        sessionsUp = all[8];
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(all);
    }
}
