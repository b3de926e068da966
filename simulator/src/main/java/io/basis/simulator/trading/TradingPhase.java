package io.basis.simulator.trading;

/**
 * Market-wide phases of the trading day, with their FIX TradingSessionStatus codes.
 */
public enum TradingPhase
{
    /** Opening call auction: orders rest without matching until the open. */
    PRE_OPEN(4, "2"),
    /** Continuous trading. */
    CONTINUOUS(2, "3"),
    /** Closing call auction: at-the-close orders join, nothing matches until the uncross. */
    CLOSING_AUCTION(5, "4"),
    /** After the closing uncross: every order has expired, new orders are rejected. */
    CLOSED(3, "5");

    private final int tradSesStatus;
    private final String tradingSessionSubId;

    TradingPhase(final int tradSesStatus, final String tradingSessionSubId)
    {
        this.tradSesStatus = tradSesStatus;
        this.tradingSessionSubId = tradingSessionSubId;
    }

    /**
     * @return FIX TradSesStatus(340): 2 open, 3 closed, 4 pre-open, 5 pre-close.
     */
    public int tradSesStatus()
    {
        return tradSesStatus;
    }

    /**
     * @return FIX TradingSessionSubID(625): 2 opening auction, 3 continuous, 4 closing auction, 5 post-trading.
     */
    public String tradingSessionSubId()
    {
        return tradingSessionSubId;
    }
}
