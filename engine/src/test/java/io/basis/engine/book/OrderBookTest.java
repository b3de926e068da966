package io.basis.engine.book;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class OrderBookTest
{
    private final OrderBook book = new OrderBook(5);

    @BeforeEach
    void setUp()
    {
        book.setLevel(false, 0, 100, 6);
        book.setLevel(false, 1, 101, 10);
        book.setLevel(true, 0, 99, 8);
        book.setLevel(true, 1, 98, 10);
    }

    @Test
    void walksTheOpposingLevelsForTheQuantityNeeded()
    {
        assertEquals(6 * 100 + 4 * 101, book.cost(false, 10));
        assertEquals(101, book.sweepPrice(false, 10));
        assertEquals(8 * 99 + 2 * 98, book.cost(true, 10));
        assertEquals(98, book.sweepPrice(true, 10));
    }

    @Test
    void refusesToPriceMoreThanTheVisibleDepth()
    {
        assertEquals(OrderBook.INSUFFICIENT_DEPTH, book.cost(false, 17));
        assertEquals(OrderBook.INSUFFICIENT_DEPTH, book.sweepPrice(false, 17));
        // 16 is exactly the visible depth: 6 @ 100 and 10 @ 101.
        assertEquals(6 * 100 + 10 * 101, book.cost(false, 16));
    }

    @Test
    void anEmptiedLevelEndsTheSide()
    {
        book.setLevel(false, 0, 0, 0);

        assertEquals(0, book.bestAsk());
        assertFalse(book.isTwoSided());
        assertEquals(OrderBook.INSUFFICIENT_DEPTH, book.cost(false, 1));
    }

    @Test
    void detectsACrossedBook()
    {
        book.setLevel(true, 0, 100, 1);

        assertTrue(book.isCrossed());
    }

    @Test
    void detectsAStaleBook()
    {
        book.stamp(7, 1_000);

        assertFalse(book.isStale(1_500, 1_000));
        assertTrue(book.isStale(2_001, 1_000));
    }
}
