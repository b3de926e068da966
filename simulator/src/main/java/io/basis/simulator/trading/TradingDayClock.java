package io.basis.simulator.trading;

import io.basis.simulator.exchange.ExchangeLoop;

/**
 * Runs a {@link DaySchedule} on the exchange thread: pre-open at the start (if any), the open, the closing
 * auction and the close at their times. A transition the market is not ready for (a test drove the phases by
 * hand in between) is skipped with a message rather than failing the exchange.
 */
public final class TradingDayClock
{
    private TradingDayClock()
    {
    }

    /**
     * Schedule the day; call on start, before the market clock runs.
     *
     * @param schedule the day.
     * @param loop     the exchange thread.
     * @param state    the market state to drive.
     */
    public static void start(final DaySchedule schedule, final ExchangeLoop loop, final MarketState state)
    {
        final long open = schedule.preOpen().toMillis();
        final long closingAuction = open + schedule.continuous().toMillis();
        final long close = closingAuction + schedule.closingAuction().toMillis();
        if (open > 0)
        {
            loop.call(() ->
            {
                state.preOpen();
                return null;
            });
            loop.schedule(() -> transition("open", state::open), open);
        }
        loop.schedule(() -> transition("closing auction", state::startClosingAuction), closingAuction);
        loop.schedule(() -> transition("close", state::close), close);
    }

    private static void transition(final String name, final Runnable step)
    {
        try
        {
            step.run();
        }
        catch (final IllegalStateException ex)
        {
            System.err.println("simulator: day schedule skipped the " + name + ": " + ex.getMessage());
        }
    }
}
