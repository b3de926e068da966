package io.basis.backtest.report;

import java.util.Set;

import static io.basis.backtest.report.Checks.finite;
import static io.basis.backtest.report.Checks.present;

/**
 * A trade on the basis chart: where a view entered, exited or unwound.
 *
 * @param timeMillis virtual time of the trade, epoch milliseconds.
 * @param view       the view that traded.
 * @param kind       {@value #ENTRY}, {@value #EXIT} or {@value #UNWIND}.
 * @param basis      the basis the trade was done at, index points.
 */
public record TradeMark(long timeMillis, View view, String kind, double basis)
{
    /** A position opened. */
    public static final String ENTRY = "ENTRY";
    /** A position closed by the exit signal. */
    public static final String EXIT = "EXIT";
    /** A position closed at expiry. */
    public static final String UNWIND = "UNWIND";

    private static final Set<String> KINDS = Set.of(ENTRY, EXIT, UNWIND);

    /**
     * The kind must be one of the three, the basis finite.
     */
    public TradeMark
    {
        present("TradeMark", "view", view);
        if (!KINDS.contains(kind))
        {
            throw new IllegalArgumentException("TradeMark.kind must be ENTRY, EXIT or UNWIND, was " + kind);
        }
        finite("TradeMark", "basis", basis);
    }
}
