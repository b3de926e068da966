package io.basis.engine.position;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.basis.engine.TestReferenceData;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The positions file carries what is held from one trading day to the next, exactly, and a wrong file is refused
 * with the line that is wrong.
 */
@Timeout(10)
class PositionsFileTest
{
    @TempDir
    Path dir;

    @Test
    void whatACleanStopWritesTheNextFreshStartLoadsExactly()
    {
        final ReferenceData data = TestReferenceData.twoStockIndex(dir);
        final Positions today = new Positions(data.instruments(), data.costs());
        final int a = data.instrument("A").id();
        final int future = data.future().id();
        today.book(a, Side.BUY, 3, Prices.parse("100"));
        today.book(a, Side.BUY, 4, Prices.parse("100.01"));
        today.book(future, Side.SELL, 2, Prices.parse("250.5"));
        final Path file = dir.resolve(PositionsFile.DEFAULT_FILE_NAME);

        PositionsFile.write(file, today, data);
        final List<PositionsFile.Row> rows = PositionsFile.load(file, data);

        // In instrument id order: the future first.
        assertEquals(List.of(new PositionsFile.Row(future, -2, 250.5),
            new PositionsFile.Row(a, 7, today.averagePrice(a))), rows);
        final Positions tomorrow = new Positions(data.instruments(), data.costs());
        rows.forEach(row -> tomorrow.open(row.instrumentId(), row.quantity(), row.averagePrice()));
        assertEquals(7, tomorrow.quantity(a));
        assertEquals(today.averagePrice(a), tomorrow.averagePrice(a), 0.0, "bit for bit, not rounded to a tick");
        assertEquals(0, tomorrow.fills(), "held, not traded today");
        assertEquals(0.0, tomorrow.commissions() + tomorrow.taxes());
    }

    @Test
    void aWrongFileIsRefusedWithItsLine() throws IOException
    {
        final ReferenceData data = TestReferenceData.twoStockIndex(dir);
        assertRefused(data, "symbol,quantity,averagePrice\nA,10,100\nNOPE,1,5\n", "line 3: unknown symbol 'NOPE'");
        assertRefused(data, "symbol,quantity,averagePrice\nA,10,100\nA,1,5\n", "line 3: A is listed twice");
        assertRefused(data, "# carried\nsym,qty,px\n", "line 2: the header must be");
        assertRefused(data, "symbol,quantity,averagePrice\nA,0,100\n", "line 2: a position needs a quantity");
        assertRefused(data, "symbol,quantity,averagePrice\nA,1.5,100\n", "line 2: quantity must be a whole number");
        assertRefused(data, "symbol,quantity,averagePrice\nA,1\n", "line 2: 3 fields expected");
        assertRefused(data, "", "empty");
    }

    private void assertRefused(final ReferenceData data, final String text, final String expected) throws IOException
    {
        final Path file = Files.writeString(dir.resolve("positions.csv"), text);
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> PositionsFile.load(file, data));
        assertTrue(refused.getMessage().startsWith(file.toString()) && refused.getMessage().contains(expected),
            refused.getMessage());
    }
}
