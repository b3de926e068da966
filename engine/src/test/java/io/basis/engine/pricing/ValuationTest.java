package io.basis.engine.pricing;

import io.basis.engine.TestReferenceData;
import io.basis.engine.book.OrderBook;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-stock index of {@link TestReferenceData#twoStockIndex}, valued by hand. Books (one contract):
 * A asks 100 x 6, 101 x 10, bids 99 x 8, 98 x 10; B ask 200 x 5, bids 199 x 2, 198 x 10; future bid 20.50 x 3,
 * asks 20.60 x 1, 20.65 x 5. Hence S = 19.925, S_ask = 20.04, S_bid = 19.80, F = 20.55 (see BasketValuationTest).
 */
@Timeout(10)
class ValuationTest
{
    private static final LocalDate TRADE_DATE = TestReferenceData.TRADE_DATE;
    private static final double TAU = 16 / 365.0;
    private static final double EPSILON = 1e-9;

    @TempDir
    Path dir;

    private ReferenceData data;
    private OrderBook[] books;

    @BeforeEach
    void setUp()
    {
        data = TestReferenceData.twoStockIndex(dir);
        books = TestReferenceData.twoStockBooks(data);
    }

    private void level(final int id, final boolean bid, final int level, final String price, final long size)
    {
        books[id].setLevel(bid, level, Prices.parse(price), size);
    }

    private Valuation value(final long contracts)
    {
        return value(contracts, ModelLimits.defaults());
    }

    private Valuation value(final long contracts, final ModelLimits limits)
    {
        final Valuation valuation = Valuation.forTradeDate(data, TRADE_DATE, contracts, limits);
        for (int id = 0; id < books.length; id++)
        {
            valuation.onBookUpdate(id, books[id]);
        }
        return valuation;
    }

    @Test
    void boundsAddEveryCostToTheExecutableLevels()
    {
        final Valuation v = value(1);

        assertEquals(ModelState.VALID, v.modelState());
        // F* = 19.925 * (1 + 0.03 * 16/365) = 19.925 + 0.026202...
        assertEquals(19.925 * (1 + 0.03 * TAU), v.fairValue(), EPSILON);
        final NoArbitrageBounds bounds = v.bounds();
        // Financing the bought basket: S_ask * r_b * τ = 20.04 * 0.04 * 16/365 = 0.035138...
        assertEquals(20.04 * 0.04 * TAU, bounds.financingCashAndCarry(), EPSILON);
        // Round trip in the basket: S * (2c_s + x_sell + x_buy + m_in + m_out) = 19.925 * 0.005 = 0.099625, the same
        // both ways while the sell tax does not change before the last trading day.
        assertEquals(0.099625, bounds.basketCostsCashAndCarry(), EPSILON);
        assertEquals(0.099625, bounds.basketCostsReverse(), EPSILON);
        // Futures commissions: 2 * F * c_f = 2 * 20.55 * 0.0005 = 0.02055
        assertEquals(0.02055, bounds.futuresCosts(), EPSILON);
        // F_upper = 20.04 + 0.035138 + 0.099625 + 0.02055 + s_f 0.05 + TE 0.02 = 20.265313...
        final double upper = 20.04 + 20.04 * 0.04 * TAU + 0.099625 + 0.02055 + 0.05 + 0.02;
        assertEquals(upper, v.upperBound(), EPSILON);
        // Reverse from borrowed stock: lending income S_bid * r_l * τ, borrow fee S * b * τ
        // F_lower = 19.80 + 19.80 * 0.02 * 16/365 - 0.099625 - 19.925 * 0.02 * 16/365 - 0.02055 - 0.05 - 0.02
        final double lower = 19.80 + 19.80 * 0.02 * TAU - 0.099625 - 19.925 * 0.02 * TAU - 0.02055 - 0.05 - 0.02;
        assertEquals(lower, v.lowerBound(), EPSILON);
        // Cash-and-carry: F_bid,exec 20.50 clears F_upper by 0.2347; reverse: F_ask,exec 20.60 is far above F_lower.
        assertEquals(20.50 - upper, v.edgeCashAndCarry(), EPSILON);
        assertEquals(lower - 20.60, v.edgeReverse(), EPSILON);
        assertTrue(v.edgeCashAndCarry() > 0 && v.edgeReverse() < 0);
    }

    @Test
    void aFutureRichAtTopOfBookMayGiveNoTradeOnceDepthAndCostsAreCounted()
    {
        level(data.future().id(), true, 0, "20.25", 3);

        final Valuation v = value(1);

        // Top of book: F_bid - S_ask,top = 20.25 - (0.1 * 100 + 0.05 * 200) = 0.25, ten times B* = 0.0262.
        final double topOfBookBasis = 20.25 - 20.00;
        assertTrue(topOfBookBasis > 9 * (v.fairValue() - v.indexMid()));
        // Executable: 20.25 - 20.04 = 0.21, and F_upper = 20.2653 leaves a negative edge: no trade.
        assertEquals(0.21, v.execBasisCashAndCarry(), EPSILON);
        assertTrue(v.edgeCashAndCarry() < 0, "edge " + v.edgeCashAndCarry());
    }

    @Test
    void sellingHeldStockPaysNoBorrowFee()
    {
        final Valuation v = value(1);
        final double borrowing = v.lowerBound();

        v.borrowNeeded(false);

        assertEquals(0.0, v.bounds().borrowCost());
        assertEquals(borrowing + 19.925 * 0.02 * TAU, v.lowerBound(), EPSILON);
    }

    @Test
    void depthShortOfTheSizeMakesTheBooksIncomplete()
    {
        assertEquals(ModelState.BOOKS_INCOMPLETE, value(2).modelState());
    }

    @Test
    void aFutureTooFarFromFairValueInvalidatesTheModel()
    {
        final ModelLimits tight = new ModelLimits(-0.01, 0.2, 0.1, 0.5);

        // F = 20.55 against F* = 19.951: 0.6 points apart.
        assertEquals(ModelState.MISPRICING_BEYOND_LIMIT, value(1, tight).modelState());
    }

    @Test
    void theValuationStaysUsableWithNoCarryLeftOnTheLastTradingDay()
    {
        final Valuation v = Valuation.forTradeDate(data, LocalDate.of(2026, 12, 10), 1, ModelLimits.defaults());
        for (int id = 0; id < books.length; id++)
        {
            v.onBookUpdate(id, books[id]);
        }

        // Stocks traded on the last trading day settle 2026-12-14, after the future's 2026-12-11: τ floors at 0.
        assertEquals(ModelState.VALID, v.modelState());
        assertEquals(0.0, v.fairValueModel().yearFraction());
    }

    @Test
    void aFutureAfterItsLastTradingDayInvalidatesTheModel()
    {
        final Valuation v = Valuation.forTradeDate(data, LocalDate.of(2026, 12, 11), 1, ModelLimits.defaults());
        for (int id = 0; id < books.length; id++)
        {
            v.onBookUpdate(id, books[id]);
        }

        assertEquals(ModelState.EXPIRED, v.modelState());
    }

    @Test
    void aRateOutsideItsBandInvalidatesTheModel()
    {
        assertEquals(ModelState.RATE_OUT_OF_BAND, value(1, new ModelLimits(-0.01, 0.035, 0.1, 15)).modelState());
    }

    @Test
    void dividendsInTheWindowAreCarriedOrDiscountedToSettlement() throws IOException
    {
        Files.writeString(dir.resolve("dividends.csv"), String.join("\n",
            "symbol,perShare,exDate,payDate",
            "A,2,2026-11-30,2026-12-04",
            "B,4,2026-12-01,2027-01-15",
            "A,9,2026-11-23,2026-12-01",
            "B,9,2026-12-20,2027-01-15",
            ""));
        data = ReferenceData.load(dir, TRADE_DATE);

        final DividendSchedule schedule = new DividendSchedule(data, TRADE_DATE, data.finalSettlement(), 0.03);

        // A: 2 * 0.1 = 0.2 points paid 7 days before settlement: 0.2 * (1 + 0.03 * 7/365)
        // B: 4 * 0.05 = 0.2 points paid 35 days after: 0.2 / (1 + 0.03 * 35/365)
        // Ex on the trade date, or after settlement: not counted.
        assertEquals(2, schedule.count());
        assertEquals(0.2 * (1 + 0.03 * 7 / 365.0) + 0.2 / (1 + 0.03 * 35 / 365.0),
            schedule.futureValuePoints(), EPSILON);
        assertEquals(0.02, schedule.largestYield(), EPSILON);

        final Valuation v = value(1);
        assertEquals(19.925 * (1 + 0.03 * TAU) - schedule.futureValuePoints(), v.fairValue(), EPSILON);
    }

    @Test
    void aBasketHeldToExpiryIsSoldAtTheSellTaxOfTheLastTradingDay() throws IOException
    {
        // A March 2026 contract traded on Monday 2025-12-15, when the Korean sell tax is 0.15%; from 2026 it is 0.20%.
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
        data = ReferenceData.load(dir, december);
        books = TestReferenceData.twoStockBooks(data);
        final Valuation v = Valuation.forTradeDate(data, december, 1, ModelLimits.defaults());
        for (int id = 0; id < books.length; id++)
        {
            v.onBookUpdate(id, books[id]);
        }

        assertEquals(ModelState.VALID, v.modelState());
        assertEquals(0.0015, v.bounds().costs().sellTax(), EPSILON, "what a trade made today pays");
        assertEquals(0.0020, v.bounds().expiryCosts().sellTax(), EPSILON, "what the sale on 2026-03-12 pays");
        // Stocks bought on 2025-12-15 settle 2025-12-17, 86 days before the future's 2026-03-13.
        final double tau = 86 / 365.0;
        // Cash-and-carry: bought today, sold on the last trading day at 0.20%: S * (0.2% + 0.20% + 0.1%) = S * 0.005.
        assertEquals(19.925 * 0.005, v.bounds().basketCostsCashAndCarry(), EPSILON);
        final double upper = 20.04 + 20.04 * 0.04 * tau + 19.925 * 0.005 + 0.02055 + 0.05 + 0.02;
        assertEquals(upper, v.upperBound(), EPSILON);
        // Reverse: sold today at 0.15%, bought back untaxed: S * (0.2% + 0.15% + 0.1%) = S * 0.0045.
        assertEquals(19.925 * 0.0045, v.bounds().basketCostsReverse(), EPSILON);
        final double lower = 19.80 + 19.80 * 0.02 * tau - 19.925 * 0.0045 - 19.925 * 0.02 * tau - 0.02055 - 0.05 - 0.02;
        assertEquals(lower, v.lowerBound(), EPSILON);
    }
}
