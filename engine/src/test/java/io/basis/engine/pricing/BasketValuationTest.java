package io.basis.engine.pricing;

import io.basis.engine.TestReferenceData;
import io.basis.engine.book.OrderBook;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class BasketValuationTest
{
    private static final double EPSILON = 1e-9;

    @TempDir
    Path dir;

    private ReferenceData data;
    private OrderBook[] books;
    private int fut;
    private int a;
    private int b;

    @BeforeEach
    void setUp()
    {
        data = TestReferenceData.twoStockIndex(dir);
        fut = data.future().id();
        a = data.instrument("A").id();
        b = data.instrument("B").id();
        books = TestReferenceData.twoStockBooks(data);
    }

    private void level(final int id, final boolean bid, final int level, final String price, final long size)
    {
        books[id].setLevel(bid, level, Prices.parse(price), size);
    }

    private BasketValuation valueAll(final long contracts)
    {
        final BasketValuation valuation = new BasketValuation(data, contracts);
        for (int id = 0; id < books.length; id++)
        {
            valuation.onBookUpdate(id, books[id]);
        }
        return valuation;
    }

    @Test
    void valuesTheBasketFromTheDepthNeededNotTheTopOfBook()
    {
        final BasketValuation v = valueAll(1);

        // q_A = 100 * 1000 / 10000 = 10 shares, q_B = 100 * 500 / 10000 = 5 shares per contract.
        assertEquals(10, v.quantity(v.constituentIndex(a)));
        assertEquals(5, v.quantity(v.constituentIndex(b)));
        // S_mid = 0.1 * 99.5 + 0.05 * 199.5 = 9.95 + 9.975 = 19.925
        assertEquals(19.925, v.indexMid(), EPSILON);
        // Buy: A 6 @ 100 + 4 @ 101 = 1004, B 5 @ 200 = 1000 -> 2004; at mid: 10 * 99.5 + 5 * 199.5 = 1992.5
        assertEquals(Prices.parse("2004"), v.totalAskCost());
        assertEquals(Prices.parse("1992.5"), v.totalMidCost());
        // S_ask,exec = 19.925 * 2004 / 1992.5 = 20.04
        assertEquals(20.04, v.indexAskExec(), EPSILON);
        // Sell: A 8 @ 99 + 2 @ 98 = 988, B 2 @ 199 + 3 @ 198 = 992 -> 1980; S_bid,exec = 19.80
        assertEquals(19.80, v.indexBidExec(), EPSILON);
        // One future: sell at 20.50, buy at 20.60.
        assertEquals(20.50, v.futureBidExec(), EPSILON);
        assertEquals(20.60, v.futureAskExec(), EPSILON);
        // B_cc = 20.50 - 20.04 = 0.46 (top of book would say 20.50 - 20.00 = 0.50); B_rc = 20.60 - 19.80 = 0.80
        assertEquals(0.46, v.basisCashAndCarry(), EPSILON);
        assertEquals(0.80, v.basisReverse(), EPSILON);
        assertTrue(v.isValid());
    }

    @Test
    void refusesToValueASizeTheVisibleDepthCannotFill()
    {
        // Two contracts need 20 shares of A (16 offered, 18 bid) and 10 of B (5 offered, 12 bid).
        final BasketValuation v = valueAll(2);

        assertFalse(v.isValid());
        assertEquals(2, v.askShortCount());
        assertEquals(1, v.bidShortCount());
    }

    @Test
    void aCrossedBookMakesTheValuationInvalid()
    {
        final BasketValuation v = valueAll(1);
        level(b, true, 0, "201", 2);

        v.onBookUpdate(b, books[b]);

        assertFalse(v.isValid());
    }

    @Test
    void incrementalTotalsEqualAFullRecomputationAfterAnyUpdates()
    {
        final ReferenceData kospi = TestReferenceData.kospi200();
        final OrderBook[] kospiBooks = new OrderBook[kospi.instruments().size()];
        for (int i = 0; i < kospiBooks.length; i++)
        {
            kospiBooks[i] = new OrderBook(10);
        }
        final BasketValuation incremental = new BasketValuation(kospi, 3);
        final BasketValuation fromScratch = new BasketValuation(kospi, 3);
        final Random random = new Random(20261121L);

        for (int step = 0; step < 200_000; step++)
        {
            final int id = random.nextInt(kospiBooks.length);
            final long mid = kospi.instruments().get(id).prevClose();
            final long tick = kospi.instruments().get(id).tickTable().tickAt(mid);
            final boolean bid = random.nextBoolean();
            final int level = random.nextInt(10);
            final long offset = (level + 1 + random.nextInt(3)) * tick;
            final long size = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(400);
            kospiBooks[id].setLevel(bid, level, bid ? mid - offset : mid + offset, size);
            if (random.nextInt(500) == 0)
            {
                kospiBooks[id].clear();
            }
            incremental.onBookUpdate(id, kospiBooks[id]);

            if (step % 997 == 0)
            {
                fromScratch.recomputeAll(kospiBooks);
                assertEquals(fromScratch.totalAskCost(), incremental.totalAskCost(), "ask cost at step " + step);
                assertEquals(fromScratch.totalBidCost(), incremental.totalBidCost(), "bid cost at step " + step);
                assertEquals(fromScratch.totalMidCost(), incremental.totalMidCost(), "mid cost at step " + step);
                assertEquals(fromScratch.indexMidScaled(), incremental.indexMidScaled(), "index at step " + step);
                assertEquals(fromScratch.askShortCount(), incremental.askShortCount(), "ask short at step " + step);
                assertEquals(fromScratch.bidShortCount(), incremental.bidShortCount(), "bid short at step " + step);
                assertEquals(fromScratch.isValid(), incremental.isValid(), "validity at step " + step);
            }
        }
    }
}
