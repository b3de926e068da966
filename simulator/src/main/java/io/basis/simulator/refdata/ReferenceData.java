package io.basis.simulator.refdata;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the exchange knows about its instruments for one trading date: the instruments, the index, its
 * basket and the future's carry (rate, settlement dates, dividends). Immutable.
 */
public final class ReferenceData
{
    private final LocalDate tradingDate;
    private final List<Instrument> instruments;
    private final Map<String, Instrument> bySymbol;
    private final IndexDefinition index;
    private final List<Constituent> basket;
    private final Carry carry;

    /**
     * A market without carry ({@link Carry#none}): the future's fair value is the index itself.
     *
     * @param tradingDate the simulated trading date the tick tables were chosen for.
     * @param instruments every instrument, in file order.
     * @param index       the index and its future.
     * @param basket      the index constituents.
     */
    public ReferenceData(
        final LocalDate tradingDate,
        final List<Instrument> instruments,
        final IndexDefinition index,
        final List<Constituent> basket)
    {
        this(tradingDate, instruments, index, basket, Carry.none(tradingDate));
    }

    /**
     * @param tradingDate the simulated trading date the tick tables and the rate were chosen for.
     * @param instruments every instrument, in file order.
     * @param index       the index and its future.
     * @param basket      the index constituents.
     * @param carry       rate, settlement dates and dividends of the future's fair value.
     */
    public ReferenceData(
        final LocalDate tradingDate,
        final List<Instrument> instruments,
        final IndexDefinition index,
        final List<Constituent> basket,
        final Carry carry)
    {
        this.tradingDate = tradingDate;
        this.instruments = List.copyOf(instruments);
        final Map<String, Instrument> map = new LinkedHashMap<>();
        for (final Instrument instrument : instruments)
        {
            map.put(instrument.symbol(), instrument);
        }
        this.bySymbol = Collections.unmodifiableMap(map);
        this.index = index;
        this.basket = List.copyOf(basket);
        this.carry = carry;
    }

    /**
     * @return rate, settlement dates and dividends of the future's fair value.
     */
    public Carry carry()
    {
        return carry;
    }

    /**
     * @return the simulated trading date.
     */
    public LocalDate tradingDate()
    {
        return tradingDate;
    }

    /**
     * @return every instrument in file order.
     */
    public List<Instrument> instruments()
    {
        return instruments;
    }

    /**
     * @param symbol FIX symbol.
     * @return the instrument or null if unknown.
     */
    public Instrument instrument(final String symbol)
    {
        return bySymbol.get(symbol);
    }

    /**
     * @return the index definition.
     */
    public IndexDefinition index()
    {
        return index;
    }

    /**
     * @return the index constituents in file order.
     */
    public List<Constituent> basket()
    {
        return basket;
    }

    /**
     * Shares of a constituent that one futures contract represents: q = M * N * f * c / divisor.
     *
     * @param constituent a basket member.
     * @return shares per contract, unrounded.
     */
    public double sharesPerContract(final Constituent constituent)
    {
        return index.future().multiplier() * constituent.effectiveShares() / index.divisor();
    }
}
