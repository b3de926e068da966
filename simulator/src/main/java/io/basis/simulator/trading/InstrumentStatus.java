package io.basis.simulator.trading;

/**
 * Trading status of one instrument as published in SecurityStatus (f), with its FIX SecurityTradingStatus(326).
 */
public enum InstrumentStatus
{
    /** Trading normally: 17 = ready to trade (a change back to it is announced as 3 = resume). */
    TRADING(17),
    /** Halted: new orders and replaces rejected, cancels accepted. */
    HALTED(2),
    /** Volatility interruption: a call auction of its own, uncrossed when it ends (21 = pre-open). */
    VOLATILITY_INTERRUPTION(21);

    private final int securityTradingStatus;

    InstrumentStatus(final int securityTradingStatus)
    {
        this.securityTradingStatus = securityTradingStatus;
    }

    /**
     * @return FIX SecurityTradingStatus(326).
     */
    public int securityTradingStatus()
    {
        return securityTradingStatus;
    }
}
