package io.basis.engine.position;

import io.basis.engine.TestReferenceData;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Costs of the two-stock fixture: stock commission 0.1%, futures commission 0.05%, sell tax 0.2%, no buy tax;
 * the future's multiplier is 100.
 */
@Timeout(10)
class PositionsTest
{
    @TempDir
    Path dir;

    @Test
    void realizesAgainstTheAverageCostAndChargesCommissionAndSellTax()
    {
        final ReferenceData data = TestReferenceData.twoStockIndex(dir);
        final Positions positions = new Positions(data.instruments(), data.costs());
        final int a = data.instrument("A").id();

        positions.book(a, Side.BUY, 10, Prices.parse("100"));
        positions.book(a, Side.BUY, 10, Prices.parse("110"));
        assertEquals(105.0, positions.averagePrice(a), 1e-9);
        positions.book(a, Side.SELL, 15, Prices.parse("120"));

        // (120 - 105) * 15 = 225 realized; 5 left at 105.
        assertEquals(225.0, positions.realizedPnl(), 1e-9);
        assertEquals(5, positions.quantity(a));
        assertEquals(105.0, positions.averagePrice(a), 1e-9);
        // Commission 0.1% of 1000 + 1100 + 1800 = 3.9; tax 0.2% of the 1800 sold = 3.6.
        assertEquals(3.9, positions.commissions(), 1e-9);
        assertEquals(3.6, positions.taxes(), 1e-9);
        final long[] marks = new long[data.instruments().size()];
        marks[a] = Prices.parse("101");
        assertEquals((101 - 105) * 5, positions.unrealizedPnl(marks), 1e-9);
    }

    @Test
    void aFutureIsWorthItsMultiplierPerPointAndPaysNoStockTax()
    {
        final ReferenceData data = TestReferenceData.twoStockIndex(dir);
        final Positions positions = new Positions(data.instruments(), data.costs());
        final int fut = data.future().id();

        positions.book(fut, Side.SELL, 2, Prices.parse("20.50"));
        positions.book(fut, Side.BUY, 3, Prices.parse("20.00"));

        // Short 2 at 20.50 bought back at 20.00: 0.5 * 2 * 100 = 100; then long 1 at 20.00.
        assertEquals(100.0, positions.realizedPnl(), 1e-9);
        assertEquals(1, positions.quantity(fut));
        assertEquals(20.0, positions.averagePrice(fut), 1e-9);
        // Commission 0.05% of (2 * 20.5 + 3 * 20) * 100 = 10100 -> 5.05; no tax.
        assertEquals(5.05, positions.commissions(), 1e-9);
        assertEquals(0.0, positions.taxes());
    }
}
