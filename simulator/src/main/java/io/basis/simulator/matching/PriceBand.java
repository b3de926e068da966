package io.basis.simulator.matching;

import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.InstrumentKind;

/**
 * The daily price limits of an instrument: prevClose +- the limit, rounded inwards onto the tick grid (as KRX
 * truncates its limit prices).
 *
 * @param lower lowest valid scaled price.
 * @param upper highest valid scaled price.
 */
public record PriceBand(long lower, long upper)
{
    /**
     * @param instrument the instrument.
     * @param rules      the limits.
     * @return the band in force for the day.
     */
    public static PriceBand of(final Instrument instrument, final MatchingRules rules)
    {
        final long bps = instrument.kind() == InstrumentKind.FUTURE ?
            rules.futureDailyLimitBps() : rules.stockDailyLimitBps();
        final long prevClose = instrument.prevClose();
        final long rawUpper = Math.multiplyExact(prevClose, 10_000 + bps) / 10_000;
        final long rawLower = (prevClose * (10_000 - bps) + 9_999) / 10_000;
        final long upper = instrument.tickTable().floor(rawUpper);
        final long lower = instrument.tickTable().ceil(Math.max(rawLower, 1));
        return new PriceBand(lower, upper);
    }

    /**
     * @param price scaled price.
     * @return true if inside the band, bounds included.
     */
    public boolean contains(final long price)
    {
        return price >= lower && price <= upper;
    }
}
