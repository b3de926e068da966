package io.basis.engine.quote;

import io.basis.engine.TestReferenceData;
import io.basis.engine.book.OrderBook;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.NoArbitrageBounds;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.refdata.ReferenceDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class QuoteTest
{
    private static final double EPSILON = 1e-9;

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

    @Test
    void theMidBandIsTheSameBoundsOnMidPricesInsideTheExecutableBand()
    {
        final ReferenceData data = TestReferenceData.twoStockIndex(dir);
        final Quote quote = new Quote(
            data, TestReferenceData.TRADE_DATE, TestReferenceData.twoStockBooks(data), ModelLimits.defaults());
        final Valuation v = quote.valuation(1);
        final double tau = 16 / 365.0;

        final NoArbitrageBounds mid = Quote.midBounds(v);

        // S = 19.925 in place of S_ask = 20.04 and S_bid = 19.80; every cost as in ValuationTest.
        assertEquals(19.925 + 19.925 * 0.04 * tau + 0.099625 + 0.02055 + 0.05 + 0.02, mid.upper(), EPSILON);
        assertEquals(19.925 + 19.925 * 0.02 * tau - 0.099625 - 19.925 * 0.02 * tau - 0.02055 - 0.05 - 0.02,
            mid.lower(), EPSILON);
        assertTrue(mid.upper() < v.upperBound() && mid.lower() > v.lowerBound(), "walking the books widens the band");
        final String json = quote.toJson(1, 10);
        assertTrue(json.contains("\"upperBoundMid\": " + String.format(java.util.Locale.ROOT, "%.6f", mid.upper())),
            json);
        assertTrue(json.contains("\"lowerBoundMid\": " + String.format(java.util.Locale.ROOT, "%.6f", mid.lower())),
            json);
    }

    @Test
    void eachCostOfEitherBoundIsGivenAndTheyAddUpToTheBound()
    {
        final ReferenceData data = TestReferenceData.twoStockIndex(dir);
        final Quote quote = new Quote(
            data, TestReferenceData.TRADE_DATE, TestReferenceData.twoStockBooks(data), ModelLimits.defaults());
        final Valuation v = quote.valuation(1);
        final double tau = 16 / 365.0;

        final BandCosts up = BandCosts.cashAndCarry(v);
        assertEquals(20.04 - 19.925, up.bookWalk(), EPSILON);
        assertEquals(19.925 * 2 * 0.001, up.stockCommission(), EPSILON);
        assertEquals(19.925 * 0.002, up.tax(), EPSILON, "no buy tax, the sell tax at expiry");
        assertEquals(19.925 * 0.001, up.impact(), EPSILON);
        assertEquals(2 * 20.55 * 0.0005, up.futuresCommission(), EPSILON);
        assertEquals(0.05, up.futuresSlippage(), EPSILON);
        assertEquals(20.04 * 0.04 * tau, up.financing(), EPSILON);
        assertEquals(0.0, up.borrowFee());
        assertEquals(0.02, up.trackingError(), EPSILON);
        assertEquals(v.upperBound(), v.indexMid() + up.total(), EPSILON, "no dividends: F_upper = S + total");

        final BandCosts down = BandCosts.reverse(v);
        assertEquals(19.925 - 19.80, down.bookWalk(), EPSILON);
        assertEquals(-19.80 * 0.02 * tau, down.financing(), EPSILON, "interest earned on the proceeds");
        assertEquals(19.925 * 0.02 * tau, down.borrowFee(), EPSILON, "selling borrowed stock");
        assertEquals(v.lowerBound(), v.indexMid() - down.total(), EPSILON);

        // Multiplier 100: a point is 100 a contract, 300 for a program of three.
        final String json = quote.toJson(1, 10);
        assertTrue(json.contains("\"currencyPerPoint\": 100.00"), json);
        assertTrue(json.contains("\"tax\": {\"points\": 0.039850, \"perProgram\": 3.99}"), json);
        assertTrue(json.contains("\"futuresSlippage\": {\"points\": 0.050000, \"perProgram\": 5.00}"), json);
        assertTrue(quote.toJson(3, 10).contains("\"currencyPerPoint\": 300.00"));
    }

    @Test
    void theCostsOfAnInvalidValuationAreNull() throws IOException
    {
        final ReferenceData data = TestReferenceData.twoStockIndex(dir);
        final Quote quote = new Quote(
            data, TestReferenceData.TRADE_DATE, TestReferenceData.twoStockBooks(data), ModelLimits.defaults());

        final String json = quote.toJson(2, 10);

        assertTrue(json.contains("\"upperBoundMid\": null"), json);
        assertTrue(json.contains("\"total\": {\"points\": null, \"perProgram\": null}"), json);
    }

    @Test
    void aCashAndCarryHeldIntoTheNextTaxYearIsQuotedWithThatYearsSellTax() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("instruments.csv"),
            "symbol,kind,currency,lot,tickTable,multiplier,prevClose,lastTradingDay,finalSettlement,settlementStyle\n" +
            "FUT,FUTURE,KRW,1,FUT,100,20.00,2026-03-12,2026-03-13,CLOSING_AUCTION\n" +
            "A,STOCK,KRW,1,STK,1,100,,,\nB,STOCK,KRW,1,STK,1,200,,,\n");
        Files.writeString(dir.resolve("rates.csv"), "effectiveFrom,rate,borrowRate,lendRate\n2025-01-01,0.03,0.04,0.02\n");
        Files.writeString(dir.resolve("costs.csv"), "effectiveFrom,stockCommission,futuresCommission,sellTax,buyTax," +
            "impactIn,impactOut,futuresSlippage,borrowFee,trackingError\n" +
            "2025-01-01,0.001,0.0005,0.0015,0,0.0005,0.0005,0.05,0.02,0.02\n" +
            "2026-01-01,0.001,0.0005,0.0020,0,0.0005,0.0005,0.05,0.02,0.02\n");
        final LocalDate december = LocalDate.of(2025, 12, 15);
        final ReferenceData data = ReferenceData.load(dir, december);
        final Quote quote = new Quote(data, december, TestReferenceData.twoStockBooks(data), ModelLimits.defaults());
        final Valuation v = quote.valuation(1);

        assertEquals(19.925 * 0.0020, BandCosts.cashAndCarry(v).tax(), EPSILON, "sold on 2026-03-12");
        assertEquals(19.925 * 0.0015, BandCosts.reverse(v).tax(), EPSILON, "sold on 2025-12-15");
        final String json = quote.toJson(1, 10);
        assertTrue(json.contains("\"lastTradingDay\": \"2026-03-12\""), json);
        assertTrue(json.contains("\"sellTax\": 0.0015, \"sellTaxOnLastTradingDay\": 0.002"), json);
    }
}
