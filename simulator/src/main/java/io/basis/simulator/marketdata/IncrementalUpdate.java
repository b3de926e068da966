package io.basis.simulator.marketdata;

import io.basis.simulator.refdata.Instrument;

import java.util.List;

/**
 * What changed on one instrument since its previous update: trades first, then changed levels.
 *
 * @param instrument the instrument.
 * @param rptSeq     the instrument's sequence number, +1 per update.
 * @param trades     trades in execution order.
 * @param levels     changed levels, bids then asks, best first.
 */
public record IncrementalUpdate(Instrument instrument, long rptSeq, List<TradePrint> trades, List<LevelChange> levels)
{
}
