package io.basis.simulator.market;

import io.basis.simulator.matching.ExecutionListener;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.MatchingRules;
import io.basis.simulator.matching.OrderBook;
import io.basis.simulator.matching.PriceBand;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Constituent;
import io.basis.simulator.refdata.InstrumentKind;
import io.basis.simulator.refdata.ReferenceData;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class SyntheticMarketTest
{
    private static final ReferenceData KOSPI200 = TestReferenceData.kospi200();

    @Test
    void sameSeedGivesTheSameMarket()
    {
        assertEquals(run(42, 200), run(42, 200));
        assertNotEquals(run(42, 200), run(43, 200));
    }

    @Test
    void quotesStayOnTheTickGridInsideTheDailyLimitsWithTheConfiguredDepth()
    {
        final MatchingEngine engine = new MatchingEngine(KOSPI200, MatchingRules.KRX, new ExecutionListener()
        {
        });
        final SyntheticMarket market = new SyntheticMarket(KOSPI200, new MarketParameters(), engine);
        market.open();
        final long[] prices = new long[20];
        final long[] sizes = new long[20];
        for (int tick = 0; tick < 400; tick++)
        {
            market.tick();
            for (final OrderBook book : engine.books())
            {
                final PriceBand band = engine.priceBand(book.instrument().symbol());
                for (final boolean bid : new boolean[]{true, false})
                {
                    final int levels = book.depth(bid, prices, sizes);
                    assertEquals(10, levels, book.instrument().symbol());
                    for (int k = 0; k < levels; k++)
                    {
                        assertTrue(book.instrument().tickTable().isOnGrid(prices[k]), () -> "off grid");
                        assertTrue(band.contains(prices[k]));
                        assertTrue(sizes[k] > 0);
                        if (book.instrument().kind() == InstrumentKind.FUTURE)
                        {
                            assertTrue(sizes[k] >= 5 && sizes[k] <= 30, "future level size " + sizes[k]);
                        }
                    }
                }
                // One tick wide: the best ask is the next grid price above the best bid.
                assertEquals(book.instrument().tickTable().tickUp(book.bestBid()), book.bestAsk(),
                    book.instrument().symbol());
            }
        }
    }

    @Test
    void stockLevelsAreTwoToSixContractsWorth()
    {
        final MatchingEngine engine = new MatchingEngine(KOSPI200, MatchingRules.KRX, new ExecutionListener()
        {
        });
        new SyntheticMarket(KOSPI200, new MarketParameters(), engine).open();
        final long[] prices = new long[10];
        final long[] sizes = new long[10];
        for (final Constituent constituent : KOSPI200.basket())
        {
            final double q = KOSPI200.sharesPerContract(constituent);
            final int levels = engine.book(constituent.instrument().symbol()).depth(true, prices, sizes);
            for (int k = 0; k < levels; k++)
            {
                assertTrue(sizes[k] >= Math.max(1, Math.floor(2 * q)) && sizes[k] <= Math.ceil(6 * q),
                    constituent.instrument().symbol() + " size " + sizes[k] + " q " + q);
            }
        }
    }

    @Test
    void indexAndFutureFairValueFollowTheFormulas()
    {
        final MarketParameters parameters = new MarketParameters();
        final FairValueModel model = new FairValueModel(KOSPI200, parameters, new SplittableRandom(1));
        assertEquals(352.40, model.indexLevel(), 0.01, "S at prevClose prices");
        // The engine's carry for 2026-11-23: stocks settle 11-25, the future 12-11 (16 days) at 3.5%, less the
        // dividends going ex before then.
        final double dividends = model.fairValue().dividendsFutureValue();
        assertTrue(dividends > 0, "three dividends go ex inside the window");
        assertEquals(model.indexLevel() * (1 + 0.035 * 16 / 365.0) - dividends, model.theoreticalFuturePrice(),
            1e-9);
        assertEquals(model.theoreticalFuturePrice() + model.mispricing(), model.futureFairPrice(), 1e-9);
    }

    @Test
    void mispricingOpensArbitrageWindowsSeveralTimesAMinute()
    {
        final MarketParameters parameters = new MarketParameters();
        final FairValueModel model = new FairValueModel(KOSPI200, parameters, new SplittableRandom(42));
        final int stepsPerMinute = (int)(60_000 / parameters.tickMillis());
        final int minutes = 30;
        double sumSquares = 0;
        int windows = 0;
        boolean open = false;
        for (int i = 0; i < minutes * stepsPerMinute; i++)
        {
            model.step();
            final double mispricing = model.mispricing();
            sumSquares += mispricing * mispricing;
            final boolean nowOpen = Math.abs(mispricing) > 2.0;
            if (nowOpen && !open)
            {
                windows++;
            }
            open = nowOpen;
        }
        final double std = Math.sqrt(sumSquares / (minutes * stepsPerMinute));
        assertEquals(2.0, std, 0.4, "stationary std of the mispricing");
        final double windowsPerMinute = (double)windows / minutes;
        assertTrue(windowsPerMinute >= 2 && windowsPerMinute <= 60, "windows per minute " + windowsPerMinute);
    }

    @Test
    void stocksMoveAFewTicksPerMinute()
    {
        final MarketParameters parameters = new MarketParameters();
        final FairValueModel model = new FairValueModel(KOSPI200, parameters, new SplittableRandom(7));
        final int stepsPerMinute = (int)(60_000 / parameters.tickMillis());
        final double[] start = new double[KOSPI200.basket().size()];
        for (int k = 0; k < start.length; k++)
        {
            start[k] = model.fairPrice(KOSPI200.basket().get(k).instrument());
        }
        for (int i = 0; i < stepsPerMinute; i++)
        {
            model.step();
        }
        double totalTicks = 0;
        for (int k = 0; k < start.length; k++)
        {
            final var instrument = KOSPI200.basket().get(k).instrument();
            final double tick = FixedPoint.toDouble(instrument.tickTable().tickAt(instrument.prevClose()));
            totalTicks += Math.abs(model.fairPrice(instrument) - start[k]) / tick;
        }
        final double averageTicks = totalTicks / start.length;
        assertTrue(averageTicks >= 1 && averageTicks <= 15, "average move in ticks " + averageTicks);
    }

    /**
     * Every book's top levels after every tick, as text.
     */
    private static List<String> run(final long seed, final int ticks)
    {
        final MatchingEngine engine = new MatchingEngine(KOSPI200, MatchingRules.KRX, new ExecutionListener()
        {
        });
        final SyntheticMarket market = new SyntheticMarket(KOSPI200, new MarketParameters().seed(seed), engine);
        market.open();
        final List<String> history = new ArrayList<>();
        final long[] prices = new long[10];
        final long[] sizes = new long[10];
        for (int t = 0; t < ticks; t++)
        {
            market.tick();
            for (final OrderBook book : engine.books())
            {
                final int bids = book.depth(true, prices, sizes);
                history.add(book.instrument().symbol() + " b " + Arrays.toString(Arrays.copyOf(prices, bids)) +
                    Arrays.toString(Arrays.copyOf(sizes, bids)));
                final int asks = book.depth(false, prices, sizes);
                history.add(book.instrument().symbol() + " a " + Arrays.toString(Arrays.copyOf(prices, asks)) +
                    Arrays.toString(Arrays.copyOf(sizes, asks)));
            }
        }
        return history;
    }
}
