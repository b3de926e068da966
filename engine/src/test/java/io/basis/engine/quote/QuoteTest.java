package io.basis.engine.quote;

import io.basis.engine.TestReferenceData;
import io.basis.engine.book.OrderBook;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.refdata.ReferenceDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class QuoteTest
{
    @TempDir
    Path dir;

    private static Quote sample(final String set)
    {
        final Path refdata = Path.of("..", "refdata", set);
        final ReferenceData data = ReferenceData.load(refdata, TestReferenceData.TRADE_DATE);
        final OrderBook[] books = BooksFile.read(refdata.resolve("sample-books.csv"), data, 10);
        return new Quote(data, TestReferenceData.TRADE_DATE, books, ModelLimits.defaults());
    }

    @Test
    void theKospiSampleHasACashAndCarryEdgeThatDepthAndCostsLimit()
    {
        final Quote quote = sample("kospi200");
        final Valuation one = quote.valuation(1);

        assertEquals(ModelState.VALID, one.modelState());
        assertTrue(one.edgeCashAndCarry() > 0, "the sample future is rich");
        assertTrue(one.edgeReverse() < 0);
        final long max = quote.maxContracts(true, 1000);
        assertTrue(max >= 1);
        final Valuation beyond = quote.valuation(max + 1);
        assertTrue(beyond.modelState() != ModelState.VALID || beyond.edgeCashAndCarry() <= 0,
            "one contract more no longer pays");
        assertEquals(0, quote.maxContracts(false, 1000));
    }

    @Test
    void theEminiSampleIsPricedWithItsOwnCostsAndNextDaySettlement()
    {
        final Quote quote = sample("emini");
        final String json = quote.toJson(1, 50);

        assertTrue(json.contains("\"modelState\": \"VALID\""), json);
        assertTrue(json.contains("\"stockSettlement\": \"2026-11-24\""), json);
        assertTrue(json.contains("\"daysToSettlement\": 24"), json);
        assertTrue(json.contains("\"upperBound\": ") && json.contains("\"edgeReverse\": "), json);
    }

    @Test
    void visibleDepthCapsTheSize() throws IOException
    {
        final ReferenceData data = TestReferenceData.twoStockIndex(dir);
        final Path books = dir.resolve("books.csv");
        // The two-stock books of ValuationTest: one contract pays (edge 0.2347), two need more A than is offered.
        Files.writeString(books, String.join("\n",
            "symbol,side,level,price,size",
            "A,ASK,1,100,6", "A,ASK,2,101,10", "A,BID,1,99,8", "A,BID,2,98,10",
            "B,ASK,1,200,5", "B,BID,1,199,2", "B,BID,2,198,10",
            "FUT,BID,1,20.5,3", "FUT,ASK,1,20.6,1", "FUT,ASK,2,20.65,5", ""));
        final Quote quote = new Quote(
            data, TestReferenceData.TRADE_DATE, BooksFile.read(books, data, 10), ModelLimits.defaults());

        assertEquals(ModelState.VALID, quote.valuation(1).modelState());
        assertEquals(ModelState.BOOKS_INCOMPLETE, quote.valuation(2).modelState());
        assertEquals(1, quote.maxContracts(true, 100));
        assertTrue(quote.toJson(2, 100).contains("\"upperBound\": null"), "no number for an invalid valuation");
    }

    @Test
    void aBadBooksLineIsNamedByFileLineAndField() throws IOException
    {
        final ReferenceData data = TestReferenceData.twoStockIndex(dir);
        final Path books = dir.resolve("books.csv");

        Files.writeString(books, "symbol,side,level,price,size\nA,ASK,1,100.5,6\n");
        final ReferenceDataException offTick = assertThrows(
            ReferenceDataException.class, () -> BooksFile.read(books, data, 10));
        assertTrue(offTick.getMessage().endsWith("books.csv:2 field 'price': 100.5 is not on the tick grid of A"),
            offTick.getMessage());

        Files.writeString(books, "symbol,side,level,price,size\nA,ASK,1,100,6\nC,BID,1,100,6\n");
        final ReferenceDataException unknown = assertThrows(
            ReferenceDataException.class, () -> BooksFile.read(books, data, 10));
        assertTrue(unknown.getMessage().endsWith("books.csv:3 field 'symbol': unknown symbol 'C'"),
            unknown.getMessage());

        Files.writeString(books, "symbol,side,level,price,size\nA,BUY,1,100,6\n");
        final ReferenceDataException side = assertThrows(
            ReferenceDataException.class, () -> BooksFile.read(books, data, 10));
        assertTrue(side.getMessage().contains("field 'side': must be BID or ASK"), side.getMessage());
    }
}
