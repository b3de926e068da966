package io.basis.bench.jmh;

import io.basis.engine.book.OrderBook;
import io.basis.engine.refdata.Instrument;

import java.util.Random;

/**
 * A ring of pre-generated level changes, replayed in order so that the measured method draws no random numbers
 * and allocates nothing. Each change is the commonest L2 message, a new size at one level of one side (FIX
 * MDUpdateAction Change): the level keeps its grid price, so the books stay uncrossed and deep enough however
 * long the ring is replayed. Two rings built with the same fixture, instruments and seed hold the same changes,
 * which is what makes incremental and full revaluation comparable.
 */
final class LevelChanges
{
    /** Changes in the ring: a power of two, and far more than the branch predictor can learn. */
    static final int SIZE = 4096;
    private static final int MASK = SIZE - 1;

    private final int[] instrumentIds = new int[SIZE];
    private final boolean[] bids = new boolean[SIZE];
    private final int[] levels = new int[SIZE];
    private final long[] prices = new long[SIZE];
    private final long[] sizes = new long[SIZE];
    private int cursor;

    /**
     * @param fixture     the primed books whose level prices the changes keep.
     * @param candidates  instrument ids to change, drawn uniformly.
     * @param seed        seed of the ring.
     */
    LevelChanges(final MarketFixture fixture, final int[] candidates, final long seed)
    {
        final Random random = new Random(seed);
        for (int i = 0; i < SIZE; i++)
        {
            final int id = candidates[random.nextInt(candidates.length)];
            final Instrument instrument = fixture.referenceData().instruments().get(id);
            final boolean bid = random.nextBoolean();
            final int level = random.nextInt(MarketFixture.DEPTH);
            instrumentIds[i] = id;
            bids[i] = bid;
            levels[i] = level;
            prices[i] = fixture.books()[id].price(bid, level);
            sizes[i] = fixture.randomSize(instrument, random);
        }
    }

    /**
     * Apply the next change of the ring to its book.
     *
     * @param books books indexed by instrument id.
     * @return the instrument id whose book changed.
     */
    int applyNext(final OrderBook[] books)
    {
        final int i = cursor;
        cursor = (i + 1) & MASK;
        final int id = instrumentIds[i];
        books[id].setLevel(bids[i], levels[i], prices[i], sizes[i]);
        return id;
    }
}
