package io.basis.bench.jmh;

import io.basis.engine.book.OrderBook;
import io.basis.engine.pricing.BasketValuation;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the benchmarks rely on: two rings of the same seed change the same books in the same way (so incremental
 * and full recomputation measure the same work), and the replayed changes keep the basket fully valued (so
 * bounds are computed on every update).
 */
@Timeout(30)
class MarketFixtureTest
{
    private static final int REPLAYS = 3 * LevelChanges.SIZE;

    @ParameterizedTest
    @ValueSource(strings = {"kospi200", "emini"})
    void ringsOfTheSameSeedLeaveTheSameBooks(final String set)
    {
        final MarketFixture first = MarketFixture.load(set, ConstituentUpdateBenchmark.BOOKS_SEED);
        final MarketFixture second = MarketFixture.load(set, ConstituentUpdateBenchmark.BOOKS_SEED);
        final LevelChanges firstChanges =
            new LevelChanges(first, first.constituentIds(), ConstituentUpdateBenchmark.CHANGES_SEED);
        final LevelChanges secondChanges =
            new LevelChanges(second, second.constituentIds(), ConstituentUpdateBenchmark.CHANGES_SEED);

        for (int i = 0; i < REPLAYS; i++)
        {
            assertEquals(firstChanges.applyNext(first.books()), secondChanges.applyNext(second.books()));
        }
        for (int id = 0; id < first.books().length; id++)
        {
            assertSameLevels(first.books()[id], second.books()[id]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kospi200", "emini"})
    void replayedChangesKeepTheBasketValidAndTheIncrementalTotalsExact(final String set)
    {
        final MarketFixture fixture = MarketFixture.load(set, ConstituentUpdateBenchmark.BOOKS_SEED);
        final LevelChanges constituents = new LevelChanges(fixture, fixture.constituentIds(), 11);
        final LevelChanges future = new LevelChanges(fixture, fixture.futureIds(), 13);
        for (int i = 0; i < REPLAYS; i++)
        {
            final LevelChanges changes = i % 8 == 0 ? future : constituents;
            final int id = changes.applyNext(fixture.books());
            fixture.valuation().onBookUpdate(id, fixture.books()[id]);
        }

        final BasketValuation basket = fixture.valuation().basket();
        assertTrue(basket.isValid(), "every book must stay deep enough for its quantity");
        final long ask = basket.totalAskCost();
        final long bid = basket.totalBidCost();
        final long mid = basket.indexMidScaled();
        basket.recomputeAll(fixture.books());
        assertEquals(ask, basket.totalAskCost());
        assertEquals(bid, basket.totalBidCost());
        assertEquals(mid, basket.indexMidScaled());
    }

    private static void assertSameLevels(final OrderBook expected, final OrderBook actual)
    {
        for (int level = 0; level < expected.depth(); level++)
        {
            for (final boolean bid : new boolean[] {true, false})
            {
                assertEquals(expected.price(bid, level), actual.price(bid, level));
                assertEquals(expected.size(bid, level), actual.size(bid, level));
            }
        }
    }
}
