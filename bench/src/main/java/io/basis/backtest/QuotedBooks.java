package io.basis.backtest;

import io.basis.engine.refdata.Constituent;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;

import java.util.List;

/**
 * The books a market source keeps, by engine instrument id and level (0 the best), and the index they price: what
 * the engine is sent, the exchange mirrors and the views price at.
 */
abstract class QuotedBooks implements MarketSource
{
    protected final int levels;
    protected final long[][] bidPrice;
    protected final long[][] bidSize;
    protected final long[][] askPrice;
    protected final long[][] askSize;
    protected List<Constituent> basket = List.of();
    protected double divisor;

    QuotedBooks(final int instruments, final int levels)
    {
        this.levels = levels;
        bidPrice = new long[instruments][levels];
        bidSize = new long[instruments][levels];
        askPrice = new long[instruments][levels];
        askSize = new long[instruments][levels];
    }

    /**
     * @param day the day whose basket the index is computed over.
     */
    protected void basketOf(final ReferenceData day)
    {
        basket = day.constituents();
        divisor = day.divisor();
    }

    @Override
    public double index()
    {
        double index = 0;
        for (final Constituent constituent : basket)
        {
            index += constituent.sharesPerPoint(divisor) * midOf(constituent.instrument().id());
        }
        return index;
    }

    @Override
    public double midOf(final int id)
    {
        return Prices.toDouble(bidPrice[id][0] + askPrice[id][0]) * 0.5;
    }

    @Override
    public long bidPrice(final int id, final int level)
    {
        return bidPrice[id][level];
    }

    @Override
    public long bidSize(final int id, final int level)
    {
        return bidSize[id][level];
    }

    @Override
    public long askPrice(final int id, final int level)
    {
        return askPrice[id][level];
    }

    @Override
    public long askSize(final int id, final int level)
    {
        return askSize[id][level];
    }

    @Override
    public int levels()
    {
        return levels;
    }
}
