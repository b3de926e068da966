package io.basis.bench.latency;

import io.basis.engine.EngineConfig;
import io.basis.engine.book.OrderBook;
import io.basis.engine.pricing.BasketValuation;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.quote.BooksFile;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The market every latency scenario plays: the reference data set's sample books as the opening snapshot of every
 * instrument (the future placed at fair value), then ticks of the future only, alternately <em>rich</em> (its
 * executable bid half a point above the cash-and-carry bound) and <em>cheap</em> (its executable ask half a point
 * below the reverse bound). Each tick therefore triggers a program in the opposite direction of the previous one,
 * so the engine's position swings between zero and one program instead of running into a position limit.
 * <p>
 * The prices are computed with the engine's own {@link Valuation} and checked against it at construction, so a
 * change of model or data that stops the ticks from triggering fails here, loudly, rather than measuring nothing.
 */
public final class MarketScript
{
    /** Distance beyond the bound, index points: far enough to trade, well inside the collar. */
    static final double EDGE_POINTS = 0.5;
    /** Levels of the future's book on each side. */
    static final int FUTURE_LEVELS = 10;

    private final Path refdataDir;
    private final ReferenceData referenceData;
    private final LocalDate tradeDate;
    private final long contracts;
    private final OrderBook[] openingBooks;
    private final FutureBook neutral;
    private final FutureBook rich;
    private final FutureBook cheap;
    private final int legsPerProgram;
    private final double yearFraction;
    private final double dividendsFutureValue;

    /**
     * A future book: prices and sizes of each level, level 0 the best.
     *
     * @param bidPrices scaled bid prices.
     * @param askPrices scaled ask prices.
     * @param sizes     size of the level of either side.
     */
    public record FutureBook(long[] bidPrices, long[] askPrices, long[] sizes)
    {
    }

    /**
     * @param refdataDir reference data set with a {@code sample-books.csv}.
     * @param contracts  contracts per program, as the engine is configured.
     */
    public MarketScript(final Path refdataDir, final long contracts)
    {
        this.refdataDir = refdataDir;
        this.tradeDate = new EngineConfig().tradeDate;
        this.contracts = contracts;
        referenceData = ReferenceData.load(refdataDir, tradeDate);
        openingBooks = BooksFile.read(refdataDir.resolve("sample-books.csv"), referenceData, FUTURE_LEVELS);
        final Valuation valuation = Valuation.forTradeDate(referenceData, tradeDate, contracts, ModelLimits.defaults());
        for (int id = 0; id < openingBooks.length; id++)
        {
            valuation.onBookUpdate(id, openingBooks[id]);
        }
        if (!valuation.basket().isValid())
        {
            throw new IllegalStateException("sample books of " + refdataDir + " do not value the whole basket");
        }
        final Instrument future = referenceData.future();
        final double fair = valuation.fairValue();
        final double upper = valuation.upperBound();
        // The reverse bound is lowest while a reverse trade still has to borrow: cheap enough for both cases.
        valuation.borrowNeeded(true);
        final double lower = valuation.lowerBound();

        final long fairBid = future.floorToTick(Prices.fromDouble(fair));
        neutral = book(future, fairBid, future.ticksAway(fairBid, 1));
        final long richBid = future.ticksAway(future.floorToTick(Prices.fromDouble(upper + EDGE_POINTS)), 1);
        rich = book(future, richBid, future.ticksAway(richBid, 1));
        final long cheapAsk = future.floorToTick(Prices.fromDouble(lower - EDGE_POINTS));
        cheap = book(future, future.ticksAway(cheapAsk, -1), cheapAsk);
        apply(neutral, openingBooks[future.id()]);

        final BasketValuation basket = valuation.basket();
        int legs = 1;
        for (int i = 0; i < basket.constituentCount(); i++)
        {
            legs += basket.quantityFor(i, contracts) > 0 ? 1 : 0;
        }
        legsPerProgram = legs;
        yearFraction = valuation.fairValueModel().yearFraction();
        dividendsFutureValue = valuation.fairValueModel().dividendsFutureValue();
        check(valuation);
    }

    private static FutureBook book(final Instrument future, final long bestBid, final long bestAsk)
    {
        final long[] bids = new long[FUTURE_LEVELS];
        final long[] asks = new long[FUTURE_LEVELS];
        final long[] sizes = new long[FUTURE_LEVELS];
        for (int level = 0; level < FUTURE_LEVELS; level++)
        {
            bids[level] = future.ticksAway(bestBid, -level);
            asks[level] = future.ticksAway(bestAsk, level);
            sizes[level] = 20 + 5L * level;
        }
        return new FutureBook(bids, asks, sizes);
    }

    private static void apply(final FutureBook book, final OrderBook target)
    {
        for (int level = 0; level < FUTURE_LEVELS; level++)
        {
            target.setLevel(true, level, book.bidPrices()[level], book.sizes()[level]);
            target.setLevel(false, level, book.askPrices()[level], book.sizes()[level]);
        }
    }

    private void check(final Valuation valuation)
    {
        final int futureId = referenceData.future().id();
        final OrderBook book = new OrderBook(FUTURE_LEVELS);
        apply(neutral, book);
        valuation.onBookUpdate(futureId, book);
        require(valuation.modelState() == ModelState.VALID && valuation.edgeCashAndCarry() <= 0 &&
            valuation.edgeReverse() <= 0, "the neutral future must trade neither way", valuation);
        apply(rich, book);
        valuation.onBookUpdate(futureId, book);
        require(valuation.modelState() == ModelState.VALID && valuation.edgeCashAndCarry() > 0,
            "the rich future must trigger cash-and-carry", valuation);
        apply(cheap, book);
        for (final boolean borrow : new boolean[]{true, false})
        {
            valuation.borrowNeeded(borrow);
            valuation.onBookUpdate(futureId, book);
            require(valuation.modelState() == ModelState.VALID && valuation.edgeReverse() > 0,
                "the cheap future must trigger a reverse trade", valuation);
        }
    }

    private static void require(final boolean condition, final String what, final Valuation valuation)
    {
        if (!condition)
        {
            throw new IllegalStateException(what + ": model " + valuation.modelState() + ", edges " +
                valuation.edgeCashAndCarry() + " / " + valuation.edgeReverse());
        }
    }

    /**
     * @return the reference data set's directory.
     */
    public Path refdataDir()
    {
        return refdataDir;
    }

    /**
     * @return the reference data.
     */
    public ReferenceData referenceData()
    {
        return referenceData;
    }

    /**
     * @return the trading date the engine is configured with.
     */
    public LocalDate tradeDate()
    {
        return tradeDate;
    }

    /**
     * @return contracts per program.
     */
    public long contracts()
    {
        return contracts;
    }

    /**
     * @param instrumentId engine instrument id.
     * @return its opening book (the future at fair value); do not modify.
     */
    public OrderBook openingBook(final int instrumentId)
    {
        return openingBooks[instrumentId];
    }

    /**
     * @param tick tick number, from 0.
     * @return the future's book at that tick: rich on even ticks, cheap on odd ones.
     */
    public FutureBook futureAt(final long tick)
    {
        return (tick & 1) == 0 ? rich : cheap;
    }

    /**
     * @return orders in one program: the future and every constituent with a non-zero quantity.
     */
    public int legsPerProgram()
    {
        return legsPerProgram;
    }

    /**
     * @return τ of the fair value, years.
     */
    public double yearFraction()
    {
        return yearFraction;
    }

    /**
     * @return future value of the dividends to expiry, index points.
     */
    public double dividendsFutureValue()
    {
        return dividendsFutureValue;
    }
}
