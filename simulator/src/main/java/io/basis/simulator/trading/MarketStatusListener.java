package io.basis.simulator.trading;

import io.basis.simulator.matching.Side;

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
     * @param suspended side of program orders suspended, or null when the sidecar is lifted.
     * @param future    the index future whose move triggers sidecars.
     */
    default void onSidecar(Side suspended, String future)
    {
    }

    /**
     * @param closing closing prices, index and settlement of the day.
     */
    default void onClose(ClosingResult closing)
    {
    }
}
