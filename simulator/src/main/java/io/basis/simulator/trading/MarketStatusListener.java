package io.basis.simulator.trading;

/**
 * Receives market-state changes to publish them (TradingSessionStatus, SecurityStatus). Called on the exchange
 * thread.
 */
public interface MarketStatusListener
{
    /**
     * @param phase the new market-wide phase.
     * @param text  why, for the message's Text.
     */
    default void onPhase(TradingPhase phase, String text)
    {
    }

    /**
     * @param symbol instrument.
     * @param status its new status.
     * @param text   why, for the message's Text.
     */
    default void onInstrumentStatus(String symbol, InstrumentStatus status, String text)
    {
    }

    /**
     * @param sidecar which program orders are suspended now ({@link Sidecar#NONE} when lifted).
     * @param future  the index future whose move triggers sidecars.
     */
    default void onSidecar(Sidecar sidecar, String future)
    {
    }

    /**
     * @param closing closing prices, index and settlement of the day.
     */
    default void onClose(ClosingResult closing)
    {
    }
}
