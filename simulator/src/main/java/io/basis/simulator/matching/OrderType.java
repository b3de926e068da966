package io.basis.simulator.matching;

/**
 * Order types the exchange supports.
 */
public enum OrderType
{
    /** Executes against whatever the other side offers; an unfilled remainder is canceled. FIX '1'. */
    MARKET('1'),
    /** Executes at the limit price or better. FIX '2'. */
    LIMIT('2');

    private final char fixCode;

    OrderType(final char fixCode)
    {
        this.fixCode = fixCode;
    }

    /**
     * @return the FIX OrdType(40) code.
     */
    public char fixCode()
    {
        return fixCode;
    }

    /**
     * @param code FIX OrdType(40) code.
     * @return the type or null if unsupported.
     */
    public static OrderType fromFixCode(final char code)
    {
        for (final OrderType type : values())
        {
            if (type.fixCode == code)
            {
                return type;
            }
        }
        return null;
    }
}
