package io.basis.simulator.market;

import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.OrderStatus;
import io.basis.simulator.matching.PriceBand;
import io.basis.simulator.matching.Side;
import io.basis.simulator.matching.TimeInForce;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.price.TickTable;
import io.basis.simulator.refdata.Constituent;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.InstrumentKind;
import io.basis.simulator.refdata.ReferenceData;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An internal market maker that keeps a ladder of limit orders on both sides of every instrument around its
 * fair price: best bid at the fair price rounded down to the tick grid, best ask one tick above, then one tick
 * apart. On every requote it replaces the quotes whose price or size changed, like a real quoting engine; fresh
 * quotes that cross resting client orders trade with them at the clients' prices.
 * <p>
 * Level sizes are stable between requotes (so an unchanged market publishes no market data) and one level per
 * side is redrawn with a configured probability, so the book breathes.
 */
public final class LiquidityProvider
{
    private final String account;
    private final MatchingEngine engine;
    private final RandomGenerator random;
    private final MarketParameters parameters;
    private final Map<String, Ladder> ladders = new HashMap<>();

    /**
     * @param referenceData instruments to quote; stock sizes scale with their shares per futures contract.
     * @param parameters    levels, sizes and the LP's account.
     * @param engine        where orders go.
     * @param random        source of the level sizes.
     */
    public LiquidityProvider(
        final ReferenceData referenceData,
        final MarketParameters parameters,
        final MatchingEngine engine,
        final RandomGenerator random)
    {
        this.account = parameters.liquidityAccount();
        this.engine = engine;
        this.random = random;
        this.parameters = parameters;
        final Map<String, Double> sharesPerContract = new HashMap<>();
        for (final Constituent constituent : referenceData.basket())
        {
            sharesPerContract.put(constituent.instrument().symbol(), referenceData.sharesPerContract(constituent));
        }
        for (final Instrument instrument : referenceData.instruments())
        {
            // A stock outside the basket has no shares per contract; quote it in round hundreds of lots.
            final double unit = instrument.kind() == InstrumentKind.FUTURE ? 1.0 :
                sharesPerContract.getOrDefault(instrument.symbol(), 100.0 * instrument.lot());
            final Ladder ladder = new Ladder(instrument, unit, parameters.quoteLevels(),
                engine.priceBand(instrument.symbol()));
            for (int k = 0; k < ladder.bidSizes.length; k++)
            {
                ladder.bidSizes[k] = drawSize(ladder);
                ladder.askSizes[k] = drawSize(ladder);
            }
            ladders.put(instrument.symbol(), ladder);
        }
    }

    /**
     * @return the account the provider trades for.
     */
    public String account()
    {
        return account;
    }

    /**
     * Move the instrument's ladder to the fair price: quotes whose price and size are unchanged (and untouched by
     * trades) stay, the others are canceled and placed afresh. All cancels go first, so a new quote never meets
     * the provider's own stale quote.
     * <p>
     * Keeping unchanged quotes is what lets 200 instruments requote every 50 ms: most ticks move no price level,
     * and only the level whose size was redrawn changes. The published book is the same as with a full
     * cancel-and-replace (market data is diffed), except that an unchanged quote keeps its time priority.
     *
     * @param instrument the instrument.
     * @param fairPrice  its fair price in currency units or index points.
     */
    public void requote(final Instrument instrument, final double fairPrice)
    {
        final Ladder ladder = ladders.get(instrument.symbol());
        if (ladder.bidSizes.length == 0)
        {
            // No levels configured: this provider stays out of the market.
            return;
        }
        refreshSizes(ladder);

        final TickTable grid = instrument.tickTable();
        final PriceBand band = ladder.band;
        final int levels = ladder.bidSizes.length;
        final long floorPrice = grid.floor(Math.max(FixedPoint.floorOf(fairPrice), 0));
        long bid = Math.min(floorPrice, band.upper());
        long ask = Math.max(grid.tickUp(floorPrice), band.lower());
        for (int k = 0; k < levels; k++)
        {
            ladder.bidTargets[k] = bid >= band.lower() ? bid : 0;
            ladder.askTargets[k] = ask <= band.upper() ? ask : 0;
            bid = bid >= band.lower() ? grid.tickDown(bid) : bid;
            ask = ask <= band.upper() ? grid.tickUp(ask) : ask;
        }
        for (int k = 0; k < levels; k++)
        {
            cancelUnlessCurrent(ladder.bids, k, ladder.bidTargets[k], ladder.bidSizes[k]);
            cancelUnlessCurrent(ladder.asks, k, ladder.askTargets[k], ladder.askSizes[k]);
        }
        for (int k = 0; k < levels; k++)
        {
            if (ladder.bids[k] == null && ladder.bidTargets[k] != 0)
            {
                ladder.bids[k] = place(ladder, Side.BUY, ladder.bidTargets[k], ladder.bidSizes[k]);
            }
            if (ladder.asks[k] == null && ladder.askTargets[k] != 0)
            {
                ladder.asks[k] = place(ladder, Side.SELL, ladder.askTargets[k], ladder.askSizes[k]);
            }
        }
    }

    private void cancelUnlessCurrent(final Order[] quotes, final int k, final long price, final long size)
    {
        final Order quote = quotes[k];
        if (quote == null)
        {
            return;
        }
        final boolean current = quote.status() == OrderStatus.NEW && quote.price() == price &&
            quote.quantity() == size;
        if (!current)
        {
            engine.cancel(quote);
            quotes[k] = null;
        }
    }

    private Order place(final Ladder ladder, final Side side, final long price, final long quantity)
    {
        final Order order = engine.submit(OrderRequest.limit(
            null, account, null, ladder.instrument.symbol(), side, TimeInForce.DAY, quantity, price));
        return order != null && order.status().isLive() ? order : null;
    }

    private void refreshSizes(final Ladder ladder)
    {
        // Always draw, whether or not a size changes, so the random sequence does not depend on the book.
        final double bidDraw = random.nextDouble();
        final int bidLevel = random.nextInt(ladder.bidSizes.length);
        final long bidSize = drawSize(ladder);
        final double askDraw = random.nextDouble();
        final int askLevel = random.nextInt(ladder.askSizes.length);
        final long askSize = drawSize(ladder);
        if (bidDraw < parameters.sizeRefreshProbability())
        {
            ladder.bidSizes[bidLevel] = bidSize;
        }
        if (askDraw < parameters.sizeRefreshProbability())
        {
            ladder.askSizes[askLevel] = askSize;
        }
    }

    private long drawSize(final Ladder ladder)
    {
        final Instrument instrument = ladder.instrument;
        if (instrument.kind() == InstrumentKind.FUTURE)
        {
            return random.nextLong(parameters.futureLevelMinContracts(), parameters.futureLevelMaxContracts() + 1) *
                instrument.lot();
        }
        final double contracts = parameters.stockLevelMinContracts() +
            random.nextDouble() * (parameters.stockLevelMaxContracts() - parameters.stockLevelMinContracts());
        final long lots = Math.round(contracts * ladder.unit / instrument.lot());
        return Math.max(1, lots) * instrument.lot();
    }

    private static final class Ladder
    {
        private final Instrument instrument;
        private final double unit;
        private final long[] bidSizes;
        private final long[] askSizes;
        private final PriceBand band;
        private final long[] bidTargets;
        private final long[] askTargets;
        private final Order[] bids;
        private final Order[] asks;

        private Ladder(final Instrument instrument, final double unit, final int levels, final PriceBand band)
        {
            this.instrument = instrument;
            this.unit = unit;
            this.bidSizes = new long[levels];
            this.askSizes = new long[levels];
            this.band = band;
            this.bidTargets = new long[levels];
            this.askTargets = new long[levels];
            this.bids = new Order[levels];
            this.asks = new Order[levels];
        }
    }
}
