package io.basis.engine.market;

import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.MarketPhaseStateDecoder;
import io.basis.engine.snapshot.sbe.MarketPhaseStateEncoder;
import io.basis.protocol.sbe.MarketPhase;

import java.util.Arrays;

/**
 * Each instrument's trading phase and the index-wide sidecar, as the exchange reports them (SBE
 * {@code InstrumentStatus}). Single-threaded, garbage-free.
 */
public final class MarketState
{
    private final MarketPhase[] states;
    private boolean programBuySuspended;
    private boolean programSellSuspended;

    /**
     * @param instrumentCount instruments, indexed by engine id; all start TRADING.
     */
    public MarketState(final int instrumentCount)
    {
        states = new MarketPhase[instrumentCount];
        Arrays.fill(states, MarketPhase.TRADING);
    }

    /**
     * @param instrumentId engine id, or -1 for every instrument.
     * @param state        the new phase.
     */
    public void state(final int instrumentId, final MarketPhase state)
    {
        if (instrumentId < 0)
        {
            Arrays.fill(states, state);
        }
        else if (instrumentId < states.length)
        {
            states[instrumentId] = state;
        }
    }

    /**
     * @param instrumentId engine id.
     * @return its phase.
     */
    public MarketPhase state(final int instrumentId)
    {
        return states[instrumentId];
    }

    /**
     * @param buySuspended  program buying suspended (sidecar after a rise of the future).
     * @param sellSuspended program selling suspended (sidecar after a fall).
     */
    public void sidecar(final boolean buySuspended, final boolean sellSuspended)
    {
        programBuySuspended = buySuspended;
        programSellSuspended = sellSuspended;
    }

    /**
     * @return true while program buy orders are suspended.
     */
    public boolean programBuySuspended()
    {
        return programBuySuspended;
    }

    /**
     * @return true while program sell orders are suspended.
     */
    public boolean programSellSuspended()
    {
        return programSellSuspended;
    }

    /**
     * Write the phases to a snapshot.
     *
     * @param writer  the snapshot.
     * @param encoder reused encoder.
     */
    public void snapshotTo(final SnapshotWriter writer, final MarketPhaseStateEncoder encoder)
    {
        final MarketPhaseStateEncoder.InstrumentsEncoder rows = writer.begin(encoder)
            .programBuySuspended((short)(programBuySuspended ? 1 : 0))
            .programSellSuspended((short)(programSellSuspended ? 1 : 0))
            .instrumentsCount(states.length);
        for (final MarketPhase phase : states)
        {
            rows.next().phase((byte)phase.ordinal());
        }
    }

    /**
     * Load the phases from a snapshot.
     *
     * @param reader  the snapshot.
     * @param decoder reused decoder.
     */
    public void restoreFrom(final SnapshotReader reader, final MarketPhaseStateDecoder decoder)
    {
        reader.next(decoder);
        programBuySuspended = decoder.programBuySuspended() == 1;
        programSellSuspended = decoder.programSellSuspended() == 1;
        final MarketPhaseStateDecoder.InstrumentsDecoder rows = decoder.instruments();
        if (rows.count() != states.length)
        {
            throw new SnapshotException("phases of " + rows.count() + " instruments, the engine has " +
                states.length);
        }
        for (int i = 0; i < states.length; i++)
        {
            states[i] = MarketPhase.values()[rows.next().phase()];
        }
    }
}
