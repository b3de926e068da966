package io.basis.backtest;

import io.basis.engine.pricing.FairValue;
import io.basis.engine.refdata.Constituent;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.InstrumentKind;

/**
 * A seeded market of an index's stocks and its front future, stepped in virtual time: every stock moves with an
 * index factor (its own beta) plus an idiosyncratic move; the future trades at the engine's own fair value of the
 * resulting index (carry and dividends, from the same reference data) plus a mispricing that mean-reverts and
 * shrinks to nothing in the last days of a cycle, so the basis converges at expiry. Each book is quoted one tick
 * wide on its tick band, several levels deep, with sizes drawn around a multiple of what one program needs; a book is
 * re-quoted (and counted as a book event) when its price leaves its tick.
 */
final class SyntheticMarket extends QuotedBooks
{
    /**
     * Where a cycle's market starts: enough to generate it again, tick for tick.
     *
     * @param prices        each stock's price.
     * @param idiosyncratic each stock's own log deviation from its beta to the index.
     * @param paid          dividends each stock has gone ex of so far.
     * @param factor        the index factor's log move so far.
     * @param mispricing    the future's mispricing.
     * @param random        the generator's state.
     */
    record State(double[] prices, double[] idiosyncratic, double[] paid, double factor, double mispricing, long random)
    {
    }

    private static final double TRADING_SECONDS_PER_YEAR = 252.0 * 6.5 * 3600.0;

    private final MarketModel model;
    private final MarketRandom random;
    private final long contracts;
    private final double[] price;
    private final double[] anchor;
    private final double[] beta;
    private final double[] idiosyncratic;
    private final double[] paid;
    private final long[] quotedBid;
    private final boolean[] stock;
    private ReferenceData day;
    private FairValue fairValue;
    private double factor;
    private double mispricing;
    private double mispricingScale;
    private double futureMid;
    private int futureId = -1;
    private long nextStepNs;

    /**
     * @param referenceData any day of the run: instrument ids and starting prices (previous closes).
     * @param model         the market's parameters.
     * @param contracts     contracts per program, which sizes the depth.
     * @param seed          the generator's seed.
     */
    SyntheticMarket(final ReferenceData referenceData, final MarketModel model, final long contracts, final long seed)
    {
        super(referenceData.instruments().size(), model.levels());
        this.model = model;
        this.random = new MarketRandom(seed);
        this.contracts = contracts;
        final int count = referenceData.instruments().size();
        price = new double[count];
        anchor = new double[count];
        beta = new double[count];
        idiosyncratic = new double[count];
        paid = new double[count];
        quotedBid = new long[count];
        stock = new boolean[count];
        for (final Instrument instrument : referenceData.instruments())
        {
            final int id = instrument.id();
            stock[id] = instrument.kind() == InstrumentKind.STOCK;
            price[id] = Prices.toDouble(instrument.prevClose());
            anchor[id] = price[id];
            beta[id] = 0.7 + 0.6 * random.nextDouble();
        }
    }

    @Override
    public Object mark()
    {
        return state();
    }

    @Override
    public void rewind(final Object mark)
    {
        restore((State)mark);
    }

    State state()
    {
        return new State(price.clone(), idiosyncratic.clone(), paid.clone(), factor, mispricing, random.state());
    }

    void restore(final State state)
    {
        System.arraycopy(state.prices(), 0, price, 0, price.length);
        System.arraycopy(state.idiosyncratic(), 0, idiosyncratic, 0, idiosyncratic.length);
        System.arraycopy(state.paid(), 0, paid, 0, paid.length);
        factor = state.factor();
        mispricing = state.mispricing();
        random.state(state.random());
    }

    /**
     * Open a trading day: its front contract and fair value, the dividends going ex today taken off the prices, the
     * mispricing scaled down as expiry nears, and every book quoted.
     *
     * @param referenceData the day's reference data.
     * @param fairValue     the day's fair value model (the engine's).
     * @param daysToExpiry  trading days left after today until the contract's last trading day.
     * @param openNs        the session's open.
     * @param listener      told of every book.
     */
    @Override
    public void openDay(
        final ReferenceData referenceData, final FairValue fairValue, final int daysToExpiry, final long openNs,
        final BookListener listener)
    {
        nextStepNs = openNs + model.stepSeconds() * 1_000_000_000L;
        day = referenceData;
        basketOf(referenceData);
        this.fairValue = fairValue;
        futureId = referenceData.future().id();
        mispricingScale = Math.min(1.0, daysToExpiry / (double)Math.max(1, model.convergenceDays()));
        for (final var dividend : referenceData.dividends())
        {
            if (dividend.exDate().equals(referenceData.tradingDate()))
            {
                // The stock opens lower by the dividend; its path keeps the drop (a fraction of it for a dividend
                // the price could not bear).
                final int id = dividend.instrument().id();
                final double drop = Math.min(Prices.toDouble(dividend.perShare()), price[id] * 0.1);
                paid[id] += drop;
                price[id] -= drop;
            }
        }
        for (final Constituent constituent : basket)
        {
            quoteStock(constituent, true, listener);
        }
        quoteFuture(true, listener);
    }

    @Override
    public long nextEventNs()
    {
        return nextStepNs;
    }

    @Override
    public void advance(final BookListener listener)
    {
        nextStepNs += model.stepSeconds() * 1_000_000_000L;
        step(listener);
    }

    /**
     * One step of trading time: move every price and re-quote what left its tick.
     *
     * @param listener told of every re-quoted book.
     * @return books re-quoted.
     */
    int step(final BookListener listener)
    {
        final double dt = model.stepSeconds() / TRADING_SECONDS_PER_YEAR;
        factor += random.nextGaussian() * model.indexVolatility() * Math.sqrt(dt);
        // A stock's own move mean-reverts (half-life a year) around its beta to the index, so that over many years
        // names drift apart as real constituents do without wandering to prices no index would keep.
        final double keep = Math.exp(-Math.log(2) * dt);
        final double shock = model.idiosyncraticVolatility() * Math.sqrt((1 - keep * keep) / (2 * Math.log(2)));
        int changed = 0;
        for (final Constituent constituent : basket)
        {
            final int id = constituent.instrument().id();
            idiosyncratic[id] = idiosyncratic[id] * keep + shock * random.nextGaussian();
            final double path = anchor[id] * Math.exp(beta[id] * factor + idiosyncratic[id]);
            price[id] = Math.max(path - paid[id], path * 0.05);
            changed += quoteStock(constituent, false, listener);
        }
        // Ornstein-Uhlenbeck over the step, exact: decay, then the stationary share of fresh noise.
        final double decay = Math.exp(-Math.log(2) * model.stepSeconds() / (60.0 * model.mispricingHalfLifeMinutes()));
        mispricing = mispricing * decay +
            model.mispricingVolatility() * Math.sqrt(1 - decay * decay) * random.nextGaussian();
        changed += quoteFuture(false, listener);
        return changed;
    }

    /**
     * The close of the contract's last trading day: the future settles at the index, no mispricing left.
     *
     * @return the index at the close.
     */
    @Override
    public double settle()
    {
        mispricing = 0;
        return index();
    }

    /**
     * @return the future's fair value now (the engine's model at the current index).
     */
    double fairValue()
    {
        return fairValue.fairValue(index());
    }

    private int quoteStock(final Constituent constituent, final boolean always, final BookListener listener)
    {
        final Instrument instrument = constituent.instrument();
        final int id = instrument.id();
        final long bid = instrument.floorToTick(Prices.fromDouble(price[id]));
        if (!always && bid == quotedBid[id])
        {
            return 0;
        }
        quotedBid[id] = bid;
        final double perProgram = constituent.sharesPerPoint(divisor) * day.future().multiplier() * contracts;
        final double best = Math.max(instrument.lot(), model.depthPerContract() * perProgram);
        long b = bid;
        long a = instrument.ticksAway(bid, 1);
        for (int level = 0; level < levels; level++)
        {
            bidPrice[id][level] = b;
            askPrice[id][level] = a;
            bidSize[id][level] = size(best * (1 + 0.5 * level), instrument.lot());
            askSize[id][level] = size(best * (1 + 0.5 * level), instrument.lot());
            b = instrument.ticksAway(b, -1);
            a = instrument.ticksAway(a, 1);
        }
        listener.onBook(id);
        return 1;
    }

    private int quoteFuture(final boolean always, final BookListener listener)
    {
        final Instrument future = day.future();
        futureMid = fairValue.fairValue(index()) + mispricing * mispricingScale;
        final long bid = future.floorToTick(Prices.fromDouble(futureMid));
        if (!always && bid == quotedBid[futureId])
        {
            return 0;
        }
        quotedBid[futureId] = bid;
        long b = bid;
        long a = future.ticksAway(bid, 1);
        for (int level = 0; level < levels; level++)
        {
            bidPrice[futureId][level] = b;
            askPrice[futureId][level] = a;
            bidSize[futureId][level] = size(model.futureDepth() * (1 + 0.5 * level) * contracts, 1);
            askSize[futureId][level] = size(model.futureDepth() * (1 + 0.5 * level) * contracts, 1);
            b = future.ticksAway(b, -1);
            a = future.ticksAway(a, 1);
        }
        listener.onBook(futureId);
        return 1;
    }

    private long size(final double mean, final long lot)
    {
        final long lots = Math.max(1, Math.round(mean * (0.5 + random.nextDouble()) / lot));
        return lots * lot;
    }
}
