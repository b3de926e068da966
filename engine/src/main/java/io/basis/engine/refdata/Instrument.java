package io.basis.engine.refdata;

import io.basis.protocol.sbe.InstrumentKind;

/**
 * A tradable instrument: a stock of the basket or the index future.
 *
 * @param id         engine instrument id (dense, 0-based; also the SBE instrument id).
 * @param symbol     exchange symbol.
 * @param kind       stock or future.
 * @param lot        trading unit in shares or contracts.
 * @param tickTable  tick table effective on the trading date.
 * @param multiplier currency per index point for futures, 1 for stocks.
 * @param prevClose  previous close, scaled: reference for daily limits.
 */
public record Instrument(
    int id, String symbol, InstrumentKind kind, long lot, TickTable tickTable, long multiplier, long prevClose)
{
    /**
     * Step a price on the tick grid, one tick at a time so that a band edge changes the tick where it should.
     *
     * @param price scaled price on the grid.
     * @param ticks ticks to move: positive up, negative down.
     * @return the price that many ticks away.
     */
    public long ticksAway(final long price, final int ticks)
    {
        long result = price;
        for (int i = 0; i < ticks; i++)
        {
            result += tickTable.tickAt(result);
        }
        for (int i = 0; i > ticks && result > 0; i--)
        {
            result -= tickTable.tickAt(result - 1);
        }
        return result;
    }

    /**
     * @param price scaled price.
     * @return the price rounded down to the tick grid in force at that price.
     */
    public long floorToTick(final long price)
    {
        final long tick = tickTable.tickAt(price);
        return price - Math.floorMod(price, tick);
    }
}
