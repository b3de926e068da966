package io.basis.simulator.market;

import io.basis.simulator.refdata.Instrument;

import java.util.function.Predicate;

/**
 * What moves the market on every clock tick: the synthetic model with its liquidity provider, or a replay of
 * recorded books. Runs on the exchange thread.
 */
public interface MarketSource
{
    /**
     * @param gate which instruments may be quoted now (not halted, market open).
     */
    void quotable(Predicate<Instrument> gate);

    /**
     * Place the opening quotes.
     */
    void open();

    /**
     * One market tick.
     */
    void tick();
}
