package io.basis.simulator.matching;

/**
 * Time in force values the exchange supports.
 */
public enum TimeInForce
{
    /** Rests until filled, canceled or the end of the trading day. FIX '0'. */
    DAY('0'),
    /** Immediate or cancel: fills what it can, the remainder is canceled. FIX '3'. */
    IMMEDIATE_OR_CANCEL('3'),
    /** Fill or kill: fills completely at once or is canceled without any fill. FIX '4'. */
    FILL_OR_KILL('4'),
    /** At the close: queued for the closing auction and executed only at its uncross. FIX '7'. */
    AT_THE_CLOSE('7');

    private final char fixCode;

    TimeInForce(final char fixCode)
    {
        this.fixCode = fixCode;
    }

    /**
     * @return the FIX TimeInForce(59) code.
     */
    public char fixCode()
    {
        return fixCode;
    }

    /**
     * @param code FIX TimeInForce(59) code.
     * @return the value or null if unsupported.
     */
    public static TimeInForce fromFixCode(final char code)
    {
        for (final TimeInForce tif : values())
        {
            if (tif.fixCode == code)
            {
                return tif;
            }
        }
        return null;
    }
}
