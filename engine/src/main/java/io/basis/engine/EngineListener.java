package io.basis.engine;

import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.ProgramOrder;
import io.basis.engine.risk.RiskReason;
import io.basis.engine.risk.TradingState;

/**
 * Events of a running engine for embedding code, called on the engine thread. Arguments are valid only during the
 * call; implementations must not block. Every method has an empty default.
 */
public interface EngineListener
{
    /**
     * @param program a program whose legs are being sent.
     */
    default void onProgramOpened(final ProgramOrder program)
    {
    }

    /**
     * @param program a program whose every leg reached a terminal state.
     */
    default void onProgramCompleted(final ProgramOrder program)
    {
    }

    /**
     * @param order    the order that filled.
     * @param quantity quantity of this fill.
     * @param price    scaled price of this fill.
     */
    default void onFill(final ChildOrder order, final long quantity, final long price)
    {
    }

    /**
     * @param reason why a program or order was refused before sending.
     */
    default void onRiskReject(final RiskReason reason)
    {
    }

    /**
     * @param state  the engine's new trading state.
     * @param reason the automatic reason, or NONE for an operator's command.
     */
    default void onTradingState(final TradingState state, final RiskReason reason)
    {
    }
}
