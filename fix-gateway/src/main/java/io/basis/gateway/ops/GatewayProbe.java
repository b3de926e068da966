package io.basis.gateway.ops;

/**
 * Hooks at the hops a tick and an order take through the gateway, for latency breakdowns such as the per-stage
 * table of {@code ./basis bench latency}. Production gateways use {@link #NONE}. An implementation takes its own
 * timestamps (the gateway reads no clock for it) and runs inside the gateway's hot paths, so it must not block,
 * lock or allocate. Every method has an empty default.
 */
public interface GatewayProbe
{
    /** Does nothing: the default of {@code GatewayConfig}. */
    GatewayProbe NONE = new GatewayProbe()
    {
    };

    /**
     * A market data message became SBE and was handed to the engine publication (or its backlog). Called on the
     * gateway agent's thread, after QuickFIX/J's thread handed the message over.
     *
     * @param exchangeTimestampNs the message's exchange send time (ExchangeSendNanos), 0 if it had none.
     * @param receiveTimestampNs  when the gateway received it (the BookUpdate's receiveTimestampNs).
     */
    default void onMarketDataPublished(final long exchangeTimestampNs, final long receiveTimestampNs)
    {
    }

    /**
     * A NewOrder was polled from the engine's stream. Called on the gateway agent's thread.
     *
     * @param triggerTimestampNs the order's triggerTimestampNs.
     */
    default void onNewOrderPolled(final long triggerTimestampNs)
    {
    }

    /**
     * That NewOrder's FIX message was handed to QuickFIX/J (its send returned). Called on the gateway agent's thread.
     *
     * @param triggerTimestampNs the order's triggerTimestampNs.
     */
    default void onNewOrderSent(final long triggerTimestampNs)
    {
    }
}
