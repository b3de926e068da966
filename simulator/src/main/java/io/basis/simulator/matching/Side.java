package io.basis.simulator.matching;

/**
 * Order side. Short sales match as sells; the distinction is kept only to echo it back in reports.
 */
public enum Side
{
    /** Buy, FIX '1'. */
    BUY('1'),
    /** Sell, FIX '2'. */
    SELL('2'),
    /** Sell short, FIX '5'. */
    SELL_SHORT('5'),
    /** Sell short exempt, FIX '6'. */
    SELL_SHORT_EXEMPT('6');

    private final char fixCode;

    Side(final char fixCode)
    {
        this.fixCode = fixCode;
    }

    /**
     * @return the FIX Side(54) code.
     */
    public char fixCode()
    {
        return fixCode;
    }

    /**
     * @return true for the bid side of the book.
     */
    public boolean isBuy()
    {
        return this == BUY;
    }

    /**
     * @param code FIX Side(54) code.
     * @return the side or null if the exchange does not support it.
     */
    public static Side fromFixCode(final char code)
    {
        for (final Side side : values())
        {
            if (side.fixCode == code)
            {
                return side;
            }
        }
        return null;
    }
}
