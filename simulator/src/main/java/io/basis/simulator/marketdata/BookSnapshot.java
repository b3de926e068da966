package io.basis.simulator.marketdata;

import io.basis.simulator.refdata.Instrument;

import java.util.List;

/**
 * The published depth of one instrument.
 *
 * @param instrument the instrument.
 * @param rptSeq     sequence number of the last update included; the next update carries rptSeq + 1.
 * @param bids       bid levels, best first.
 * @param asks       ask levels, best first.
 */
public record BookSnapshot(Instrument instrument, long rptSeq, List<Level> bids, List<Level> asks)
{
}
