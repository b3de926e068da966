package io.basis.engine.quote;

import io.basis.engine.TestReferenceData;
import io.basis.engine.book.OrderBook;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.refdata.ReferenceDataException;
import io.basis.protocol.Prices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A books snapshot that does not describe a market is refused in one line naming the file, the line, the field and
 * the instrument, instead of being valued. Books of the two-stock index: A, B (tick 1) and FUT (tick 0.05).
 */
@Timeout(10)
class BooksFileTest
{
    @TempDir
    Path dir;

    private ReferenceData data;
    private Path books;

    @BeforeEach
    void setUp()
    {
        data = TestReferenceData.twoStockIndex(dir);
        books = dir.resolve("books.csv");
    }

    private String refusal(final String... lines) throws IOException
    {
        Files.writeString(books, String.join("\n", lines) + "\n");
        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> BooksFile.read(books, data, 10));
        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
        return error.getMessage();
    }

    private static void assertEndsWith(final String expected, final String message)
    {
        assertTrue(message.endsWith(expected), message);
    }

    @Test
    void levelsMayComeInAnyOrderOfLines() throws IOException
    {
        Files.writeString(books, String.join("\n",
            "# worst level first", "symbol,side,level,price,size",
            "A,BID,2,98,10", "A,ASK,2,101,10", "A,BID,1,99,8", "A,ASK,1,100,6", ""));

        final OrderBook a = BooksFile.read(books, data, 10)[data.instrument("A").id()];

        assertEquals(Prices.parse("99"), a.bestBid());
        assertEquals(Prices.parse("100"), a.bestAsk());
        assertEquals(Prices.parse("98"), a.price(true, 1));
        assertEquals(Prices.parse("101"), a.price(false, 1));
    }

    @Test
    void aLevelGivenTwiceIsRefused() throws IOException
    {
        assertEndsWith("books.csv:4 field 'level': A ASK level 1 given twice, first on line 2",
            refusal("symbol,side,level,price,size", "A,ASK,1,100,6", "A,BID,1,99,6", "A,ASK,1,101,5"));
    }

    @Test
    void bidsMustFallStrictlyWithTheLevel() throws IOException
    {
        assertEndsWith("books.csv:3 field 'price': A BID level 2 at 99 is not below level 1 at 99 (line 2)",
            refusal("symbol,side,level,price,size", "A,BID,1,99,8", "A,BID,2,99,5"));
        assertEndsWith("books.csv:2 field 'price': B BID level 2 at 199 is not below level 1 at 198 (line 3)",
            refusal("symbol,side,level,price,size", "B,BID,2,199,8", "B,BID,1,198,5"));
    }

    @Test
    void asksMustRiseStrictlyWithTheLevel() throws IOException
    {
        assertEndsWith("books.csv:4 field 'price': FUT ASK level 2 at 20.55 is not above level 1 at 20.6 (line 3)",
            refusal("symbol,side,level,price,size", "FUT,BID,1,20.5,3", "FUT,ASK,1,20.6,1", "FUT,ASK,2,20.55,5"));
    }

    @Test
    void aGapInTheLevelsIsRefused() throws IOException
    {
        assertEndsWith("books.csv:3 field 'level': A BID level 3 without level 2",
            refusal("symbol,side,level,price,size", "A,BID,1,99,8", "A,BID,3,97,5", "A,ASK,1,100,6"));
        assertEndsWith("books.csv:2 field 'level': B ASK level 2 without level 1",
            refusal("symbol,side,level,price,size", "B,ASK,2,201,8", "B,BID,1,199,5"));
    }

    @Test
    void aCrossedBookIsRefused() throws IOException
    {
        assertEndsWith("books.csv:4 field 'price': A is crossed: best bid 100 (line 4) is not below best ask 100 " +
            "(line 2)", refusal("symbol,side,level,price,size", "A,ASK,1,100,6", "A,ASK,2,101,6", "A,BID,1,100,8"));
        assertEndsWith("books.csv:3 field 'price': FUT is crossed: best bid 20.65 (line 2) is not below best ask " +
            "20.6 (line 3)", refusal("symbol,side,level,price,size", "FUT,BID,1,20.65,3", "FUT,ASK,1,20.6,1"));
    }

    @Test
    void ofSeveralFaultsTheEarliestLineIsNamed() throws IOException
    {
        assertEndsWith("books.csv:3 field 'level': B BID level 2 without level 1", refusal(
            "symbol,side,level,price,size", "A,BID,1,99,8", "B,BID,2,198,5", "A,BID,3,97,5", "A,ASK,1,98,6"));
    }

    @Test
    void aFileWithoutLevelsIsRefused() throws IOException
    {
        assertEndsWith("books.csv: empty: no header and no book levels", refusal(""));
        assertEndsWith("books.csv: empty: no header and no book levels", refusal("# nothing but a comment"));
        assertEndsWith("books.csv: no book levels after the header: every book would be empty",
            refusal("# a header and nothing else", "symbol,side,level,price,size"));
    }

    @Test
    void aPriceMustBePositive() throws IOException
    {
        assertEndsWith("books.csv:2 field 'price': must be positive, was 0",
            refusal("symbol,side,level,price,size", "A,BID,1,0,8"));
    }
}
