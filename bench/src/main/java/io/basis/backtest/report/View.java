package io.basis.backtest.report;

/**
 * One of the three views a backtest takes of the same market, in the order every output lists them.
 */
public enum View
{
    /** The founding study's view: the mid basis, fills at mid, no costs. */
    STUDY("study (mid, no costs)"),
    /** Fills at the touch (best opposing price) for any size, with commissions, tax and financing. */
    TOP_OF_BOOK("top of book + costs"),
    /** The engine's own view: the book walked for the real size, queue fills, legging and every cost. */
    EXECUTABLE("executable");

    private final String label;

    View(final String label)
    {
        this.label = label;
    }

    /**
     * @return the human-readable name used in chart legends and the summary.
     */
    public String label()
    {
        return label;
    }
}
