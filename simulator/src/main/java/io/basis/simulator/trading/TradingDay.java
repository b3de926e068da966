package io.basis.simulator.trading;

import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.matching.AuctionResult;

import java.util.List;

/**
 * Drives the trading day from any thread (tests, the control port, the day clock): each call runs on the
 * exchange thread and returns once done, market data and reports included.
 * <pre>{@code
 * simulator.phases().startClosingAuction();   // at-the-close orders join the books
 * ClosingResult close = simulator.phases().uncross();
 * long settlement = close.finalSettlementPrice();
 * }</pre>
 * The simulator starts in {@link TradingPhase#CONTINUOUS}. Allowed transitions: continuous -> closing auction
 * -> closed -> pre-open -> continuous, and continuous -> pre-open.
 */
public final class TradingDay
{
    private final ExchangeLoop loop;
    private final MarketState state;

    /**
     * @param loop  the exchange thread.
     * @param state the market state it owns.
     */
    public TradingDay(final ExchangeLoop loop, final MarketState state)
    {
        this.loop = loop;
        this.state = state;
    }

    /**
     * @return the current phase.
     */
    public TradingPhase phase()
    {
        return loop.call(state::phase);
    }

    /**
     * Start the opening call auction.
     *
     * @throws IllegalStateException if not continuous or closed.
     */
    public void preOpen()
    {
        loop.call(() ->
        {
            state.preOpen();
            return null;
        });
    }

    /**
     * Uncross the opening auction and start continuous trading.
     *
     * @return the opening auction of every instrument.
     * @throws IllegalStateException if not in pre-open.
     */
    public List<AuctionResult> open()
    {
        return loop.call(state::open);
    }

    /**
     * Start the closing call auction.
     *
     * @throws IllegalStateException if not in continuous trading.
     */
    public void startClosingAuction()
    {
        loop.call(() ->
        {
            state.startClosingAuction();
            return null;
        });
    }

    /**
     * Uncross the closing auction and close the market: closing prices, closing index and, on the future's last
     * trading day, its final settlement price; every remaining order expires.
     *
     * @return the close.
     * @throws IllegalStateException if not in the closing auction.
     */
    public ClosingResult uncross()
    {
        return loop.call(state::close);
    }

    /**
     * @return the last close, or null before the first.
     */
    public ClosingResult lastClose()
    {
        return loop.call(state::lastClose);
    }
}
