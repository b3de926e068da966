package io.basis.engine.strategy;

import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.StrategyStateDecoder;
import io.basis.engine.snapshot.sbe.StrategyStateEncoder;
import io.basis.engine.order.ProgramDirection;
import io.basis.engine.pricing.ValuationView;

/**
 * Decides, at every revaluation, whether to open a program. Called on the engine thread; must not allocate.
 */
public interface Strategy
{
    /**
     * @param valuation    the current valuation.
     * @param heldPrograms programs held, from fills: positive after cash-and-carry, negative after reverse.
     * @param nowNs        host clock.
     * @return the trade to make, or null for none.
     */
    ProgramDirection decide(ValuationView valuation, long heldPrograms, long nowNs);

    /**
     * Write what the strategy remembers to a snapshot. A strategy that remembers nothing writes an empty state (the
     * default); one that does must write all of it, for a restarted engine decides from the snapshot.
     *
     * @param writer  the snapshot.
     * @param encoder reused encoder.
     */
    default void snapshotTo(final SnapshotWriter writer, final StrategyStateEncoder encoder)
    {
        writer.begin(encoder).samplesCount(0);
    }

    /**
     * Load what the strategy remembers from a snapshot written by {@link #snapshotTo}.
     *
     * @param reader  the snapshot.
     * @param decoder reused decoder.
     */
    default void restoreFrom(final SnapshotReader reader, final StrategyStateDecoder decoder)
    {
        reader.next(decoder).samples();
    }
}
