package io.basis.engine.order;

/**
 * A program: one child order per basket constituent plus the opposite futures order, sent together. Pre-allocated
 * with room for every leg and reused once all its legs are terminal.
 */
public final class ProgramOrder
{
    private final ChildOrder[] legs;
    long programId;
    ProgramDirection direction = ProgramDirection.CASH_AND_CARRY;
    long startNs;
    int legCount;
    int terminalLegs;
    boolean cancelRequested;

    ProgramOrder(final int maxLegs)
    {
        legs = new ChildOrder[maxLegs];
        for (int i = 0; i < maxLegs; i++)
        {
            legs[i] = new ChildOrder();
        }
    }

    void init(final long programId, final ProgramDirection direction, final long startNs)
    {
        this.programId = programId;
        this.direction = direction;
        this.startNs = startNs;
        this.legCount = 0;
        this.terminalLegs = 0;
        this.cancelRequested = false;
    }

    ChildOrder nextLeg()
    {
        return legs[legCount++];
    }

    /**
     * @return program id.
     */
    public long programId()
    {
        return programId;
    }

    /**
     * @return direction of the trade.
     */
    public ProgramDirection direction()
    {
        return direction;
    }

    /**
     * @return host clock when the program was opened.
     */
    public long startNs()
    {
        return startNs;
    }

    /**
     * @return legs sent.
     */
    public int legCount()
    {
        return legCount;
    }

    /**
     * @param index 0-based leg index.
     * @return the leg.
     */
    public ChildOrder leg(final int index)
    {
        return legs[index];
    }

    /**
     * @return true once every leg is in a terminal state.
     */
    public boolean isComplete()
    {
        return terminalLegs == legCount;
    }
}
