package io.basis.simulator.trading;

import io.basis.simulator.matching.Side;

/**
 * Which program orders a sidecar suspends, with the ProgramTradingSuspended(21003) code published on
 * TradingSessionStatus.
 */
public enum Sidecar
{
    /** No sidecar. */
    NONE("N"),
    /** Program buy orders suspended (the future rose 5%). */
    BUY("1"),
    /** Program sell orders suspended (the future fell 5%). */
    SELL("2"),
    /** Both sides suspended. */
    BOTH("3");

    private final String fixCode;

    Sidecar(final String fixCode)
    {
        this.fixCode = fixCode;
    }

    /**
     * @return ProgramTradingSuspended(21003) value.
     */
    public String fixCode()
    {
        return fixCode;
    }

    /**
     * @param side an order side.
     * @return true if program orders of that side are suspended.
     */
    public boolean suspends(final Side side)
    {
        return this == BOTH || (side.isBuy() ? this == BUY : this == SELL);
    }

    /**
     * @param side a side to suspend as well.
     * @return this sidecar with that side suspended too.
     */
    public Sidecar with(final Side side)
    {
        final boolean buy = this == BUY || this == BOTH || side.isBuy();
        final boolean sell = this == SELL || this == BOTH || !side.isBuy();
        return buy && sell ? BOTH : buy ? BUY : SELL;
    }
}
