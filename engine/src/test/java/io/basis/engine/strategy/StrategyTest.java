package io.basis.engine.strategy;

import io.basis.engine.TestReferenceData;
import io.basis.engine.book.OrderBook;
import io.basis.engine.order.ProgramDirection;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.refdata.ReferenceData;
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
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Both strategies on the two-stock index: S = 19.925 at mid, S_ask 20.04, S_bid 19.80, F_upper about 20.265 and
 * F_lower about 19.55; the future is quoted one tick (0.05) wide at whatever mid a test sets.
 */
@Timeout(10)
class StrategyTest
{
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private ReferenceData data;
    private OrderBook[] books;
    private Valuation valuation;

    @BeforeEach
    void setUp()
    {
        data = TestReferenceData.twoStockIndex(dir);
        books = new OrderBook[data.instruments().size()];
        for (int i = 0; i < books.length; i++)
        {
            books[i] = new OrderBook(10);
        }
        final int a = data.instrument("A").id();
        final int b = data.instrument("B").id();
        books[a].setLevel(false, 0, Prices.parse("100"), 6);
        books[a].setLevel(false, 1, Prices.parse("101"), 10);
        books[a].setLevel(true, 0, Prices.parse("99"), 8);
        books[a].setLevel(true, 1, Prices.parse("98"), 10);
        books[b].setLevel(false, 0, Prices.parse("200"), 5);
        books[b].setLevel(true, 0, Prices.parse("199"), 2);
        books[b].setLevel(true, 1, Prices.parse("198"), 10);
        value();
    }

    private void value()
    {
        valuation = Valuation.forTradeDate(data, TestReferenceData.TRADE_DATE, 1, ModelLimits.defaults());
        for (int id = 0; id < books.length; id++)
        {
            valuation.onBookUpdate(id, books[id]);
        }
        future("20.00");
    }

    private void future(final String bid)
    {
        final int fut = data.future().id();
        final long price = Prices.parse(bid);
        books[fut].setLevel(true, 0, price, 5);
        books[fut].setLevel(false, 0, price + Prices.parse("0.05"), 5);
        valuation.onBookUpdate(fut, books[fut]);
    }

    @Test
    void theEdgeStrategyTradesBeyondTheBoundsWithinThePositionLimit()
    {
        final EdgeStrategy strategy = new EdgeStrategy(0.0, 1);

        future("20.00");
        assertNull(strategy.decide(valuation, 0, 0), "inside the bounds");
        future("20.40");
        assertEquals(ProgramDirection.CASH_AND_CARRY, strategy.decide(valuation, 0, 0));
        assertNull(strategy.decide(valuation, 1, 0), "at the position limit");
        future("19.40");
        assertEquals(ProgramDirection.REVERSE, strategy.decide(valuation, 0, 0));
        assertEquals(ProgramDirection.REVERSE, strategy.decide(valuation, 1, 0));
        assertNull(strategy.decide(valuation, -1, 0));
    }

    @Test
    void thePaperStrategyEntersAtTheContangoMeanAndExitsAtTheBackwardationMean()
    {
        final MeanBasisStrategy strategy = new MeanBasisStrategy(20, SECOND, 1, 0.0);
        long now = 0;
        // Basis history: contango samples of +0.30 and backwardation samples of -0.30 (F mid 20.25 and 19.65).
        for (int i = 0; i < 10; i++)
        {
            future(i % 2 == 0 ? "20.225" : "19.575");
            assertNull(strategy.decide(valuation, 0, now), "inside the bounds while the window fills");
            now += SECOND;
        }
        assertEquals(0.30, strategy.contangoMean(), 0.03);
        assertEquals(-0.30, strategy.backwardationMean(), 0.03);

        // Rich future: the executable basis 20.40 - 20.04 = 0.36 is above the contango mean and beyond F_upper.
        future("20.40");
        assertEquals(ProgramDirection.CASH_AND_CARRY, strategy.decide(valuation, 0, now));

        // Holding the basket, the reverse basis falls. Exit costs: S·(c_s + x_sell + m_out) + F·c_f + s_f
        // = 19.925 * 0.0035 + 19.4 * 0.0005 + 0.05 = 0.129. At 19.45 - 19.80 = -0.35 the exit nets -0.22, still
        // above the backwardation mean of -0.30: hold. At 19.25 - 19.80 = -0.55 it nets -0.42: unwind.
        future("19.40");
        assertNull(strategy.decide(valuation, 1, now));
        future("19.20");
        assertEquals(ProgramDirection.REVERSE, strategy.decide(valuation, 1, now));

        // At fair value with nothing held, nothing happens.
        future("19.925");
        assertNull(strategy.decide(valuation, 0, now));
    }

    @Test
    void thePaperStrategyWaitsForItsWindow()
    {
        final MeanBasisStrategy strategy = new MeanBasisStrategy(100, SECOND, 1, 0.0);
        future("20.40");

        assertNull(strategy.decide(valuation, 0, 0), "one sample of a hundred is not a statistic");
        assertEquals(1, strategy.sampleCount());
    }

    @Test
    void withFixedLevelsThePaperStrategyDecidesAtOnceAgainstThoseLevels()
    {
        final MeanBasisStrategy strategy =
            new MeanBasisStrategy(20, SECOND, 1, 0.0, BasisMeasure.RAW, 0.30, -0.30);

        future("20.40");
        assertEquals(ProgramDirection.CASH_AND_CARRY, strategy.decide(valuation, 0, 0), "no window to fill");
        assertEquals(0, strategy.sampleCount(), "fitted levels are not re-estimated");
        future("19.40");
        assertNull(strategy.decide(valuation, 1, 0), "nets -0.22 after exit costs, above the exit level");
        future("19.20");
        assertEquals(ProgramDirection.REVERSE, strategy.decide(valuation, 1, 0));
    }

    @Test
    void onTheMispricingMeasureTheLevelsAreDistancesFromFairValue()
    {
        // F* - S at mid is the theoretical basis: the same market, one measure with the carry and one without.
        final double theoretical = valuation.fairValue() - valuation.indexMid();
        final MeanBasisStrategy raw = new MeanBasisStrategy(20, SECOND, 1, 0.0, BasisMeasure.RAW, 0.40, -0.30);
        final MeanBasisStrategy mispricing = new MeanBasisStrategy(
            20, SECOND, 1, 0.0, BasisMeasure.MISPRICING, 0.40 - theoretical, -0.30 - theoretical);

        for (final String bid : new String[] {"20.40", "20.45", "20.50", "19.20", "20.00"})
        {
            future(bid);
            assertEquals(raw.decide(valuation, 0, 0), mispricing.decide(valuation, 0, 0), bid);
            assertEquals(raw.decide(valuation, 1, 0), mispricing.decide(valuation, 1, 0), bid);
        }
        future("20.45");
        assertEquals(ProgramDirection.CASH_AND_CARRY, mispricing.decide(valuation, 0, 0), "0.41 over the 0.40 level");
        future("20.00");
        assertNull(mispricing.decide(valuation, 0, 0), "0.04 of executable basis");
    }

    @Test
    void refusesOneFixedLevelWithoutTheOtherOrAnExitAboveTheEntry()
    {
        assertThrows(IllegalArgumentException.class,
            () -> new MeanBasisStrategy(20, SECOND, 1, 0.0, BasisMeasure.RAW, 0.30, Double.NaN));
        assertThrows(IllegalArgumentException.class,
            () -> new MeanBasisStrategy(20, SECOND, 1, 0.0, BasisMeasure.RAW, -0.30, 0.30));
    }

    @Test
    void leavingAReverseEarlyPaysTheImpactOfLeaving() throws IOException
    {
        // m_in 0.05% and m_out 0.5%: buying the basket back to leave a reverse trade pays m_out, not m_in.
        Files.writeString(dir.resolve("costs.csv"), "effectiveFrom,stockCommission,futuresCommission,sellTax,buyTax," +
            "impactIn,impactOut,futuresSlippage,borrowFee,trackingError\n" +
            "2026-01-01,0.001,0.0005,0.002,0,0.0005,0.005,0.05,0.02,0.02\n");
        data = ReferenceData.load(dir, TestReferenceData.TRADE_DATE);
        value();
        final MeanBasisStrategy strategy = new MeanBasisStrategy(20, SECOND, 1, 0.0);
        long now = 0;
        for (int i = 0; i < 10; i++)
        {
            future(i % 2 == 0 ? "20.225" : "19.575");
            assertNull(strategy.decide(valuation, -1, now), "short a program while the window fills: no exit yet");
            now += SECOND;
        }
        // Mid basis samples 20.25 - 19.925 = +0.325 and 19.60 - 19.925 = -0.325; decisions within the last sample's
        // second take no new sample, so the mean stays.
        assertEquals(0.325, strategy.contangoMean(), 1e-9);
        now -= SECOND / 2;

        // Exit costs: S·(c_s + x_buy + m_out) + F·c_f + s_f = 19.925 * 0.006 + 20.525 * 0.0005 + 0.05 = 0.180.
        // At 20.50 - 20.04 = 0.46 the exit nets 0.28, below the contango mean: hold (with m_in it would net 0.37).
        future("20.50");
        assertNull(strategy.decide(valuation, -1, now));
        // At 20.65 - 20.04 = 0.61 it nets 0.43: buy the basket back.
        future("20.65");
        assertEquals(ProgramDirection.CASH_AND_CARRY, strategy.decide(valuation, -1, now));
        assertEquals(0.325, strategy.contangoMean(), 1e-9);
    }
}
