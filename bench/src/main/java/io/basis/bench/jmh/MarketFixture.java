package io.basis.bench.jmh;

import io.basis.engine.book.OrderBook;
import io.basis.engine.pricing.BasketValuation;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.refdata.Constituent;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * One sample set's reference data, a book per instrument and the valuation over them, primed so that every book
 * is two-sided, uncrossed and deep enough for its quantity: the state in which the engine's hot path computes
 * bounds on every update, rather than returning early on an incomplete basket.
 * <p>
 * Books have {@link #DEPTH} levels per side on the instrument's tick grid: the best bid at the previous close,
 * the best ask one tick above, each further level one tick away. Each level holds between a quarter and three
 * quarters of the quantity the walks take (at least one lot), so a walk crosses two or three levels and a side
 * always holds several times what is needed.
 */
final class MarketFixture
{
    /** Trade date of the sample sets. */
    static final LocalDate TRADE_DATE = LocalDate.of(2026, 11, 23);
    /**
     * Contracts per program. Ten rather than the engine's default of one: with one KOSPI200 contract a quarter of
     * the names round to zero shares and their walks would cost nothing.
     */
    static final long CONTRACTS = 10;
    /** Levels per side, as the engine keeps them by default. */
    static final int DEPTH = 10;

    private final ReferenceData referenceData;
    private final OrderBook[] books;
    private final Valuation valuation;
    private final long[] quantity;

    private MarketFixture(final ReferenceData referenceData, final long seed)
    {
        this.referenceData = referenceData;
        final List<Instrument> instruments = referenceData.instruments();
        valuation = Valuation.forTradeDate(referenceData, TRADE_DATE, CONTRACTS, ModelLimits.defaults());
        quantity = quantities(referenceData, valuation.basket());
        books = new OrderBook[instruments.size()];
        final Random random = new Random(seed);
        for (final Instrument instrument : instruments)
        {
            final OrderBook book = new OrderBook(DEPTH);
            fill(book, instrument, random);
            books[instrument.id()] = book;
            valuation.onBookUpdate(instrument.id(), book);
        }
        checkPrimed();
    }

    /**
     * @param set  sample set name under {@code refdata/}.
     * @param seed seed of the level sizes.
     * @return the primed fixture.
     */
    static MarketFixture load(final String set, final long seed)
    {
        return new MarketFixture(ReferenceData.load(SampleSets.directory(set), TRADE_DATE), seed);
    }

    private static long[] quantities(final ReferenceData referenceData, final BasketValuation basket)
    {
        final long[] quantity = new long[referenceData.instruments().size()];
        final List<Constituent> constituents = referenceData.constituents();
        for (int i = 0; i < constituents.size(); i++)
        {
            quantity[constituents.get(i).instrument().id()] = basket.quantity(i);
        }
        quantity[referenceData.future().id()] = CONTRACTS;
        return quantity;
    }

    private void fill(final OrderBook book, final Instrument instrument, final Random random)
    {
        long bid = instrument.prevClose();
        long ask = bid + instrument.tickTable().tickAt(bid);
        for (int level = 0; level < DEPTH; level++)
        {
            book.setLevel(true, level, bid, randomSize(instrument, random));
            book.setLevel(false, level, ask, randomSize(instrument, random));
            // The next bid is the grid point below, whose tick may be that of a lower band.
            bid = instrument.floorToTick(bid - 1);
            ask += instrument.tickTable().tickAt(ask);
        }
    }

    /**
     * A level size in lots between a quarter and three quarters of the instrument's quantity, at least one lot;
     * ten levels of at least a quarter always cover the quantity, so a level change never empties the basket.
     *
     * @param instrument instrument.
     * @param random     source of sizes, used only outside measurement.
     * @return size, a positive multiple of the lot.
     */
    long randomSize(final Instrument instrument, final Random random)
    {
        final long lot = instrument.lot();
        final long unit = Math.max(quantity[instrument.id()], lot);
        final long minLots = Math.max(1, unit / 4 / lot);
        final long maxLots = Math.max(minLots, 3 * unit / 4 / lot);
        return lot * (minLots + (long)random.nextInt((int)(maxLots - minLots + 1)));
    }

    private void checkPrimed()
    {
        final ModelState state = valuation.modelState();
        if (!valuation.basket().isValid() || state == ModelState.BOOKS_INCOMPLETE || state == ModelState.EXPIRED)
        {
            throw new IllegalStateException(referenceData.indexName() + ": the primed books leave the valuation " +
                state + ", so the benchmarks would not measure the bounds");
        }
    }

    /**
     * @return the sample set's reference data.
     */
    ReferenceData referenceData()
    {
        return referenceData;
    }

    /**
     * @return books indexed by instrument id.
     */
    OrderBook[] books()
    {
        return books;
    }

    /**
     * @return the valuation, up to date with every book.
     */
    Valuation valuation()
    {
        return valuation;
    }

    /**
     * @return engine instrument ids of the constituents.
     */
    int[] constituentIds()
    {
        return referenceData.constituents().stream().mapToInt(c -> c.instrument().id()).toArray();
    }

    /**
     * @return engine instrument id of the future, alone.
     */
    int[] futureIds()
    {
        return new int[] {referenceData.future().id()};
    }
}
