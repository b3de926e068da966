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
    ProgramKind kind = ProgramKind.ARBITRAGE;
    long startNs;
    int legCount;
    int terminalLegs;
    boolean cancelRequested;
    long basketTargetValue;
    long basketFilledValue;
    long hedgeTarget;
    long hedgeFilled;
    long leggedSinceNs;
    double cashFlow;
    double costs;
    long basketLostValue;
    long hedgeLost;
    boolean repriced;

    ProgramOrder(final int maxLegs)
    {
        legs = new ChildOrder[maxLegs];
        for (int i = 0; i < maxLegs; i++)
        {
            legs[i] = new ChildOrder();
        }
    }

    void init(final long programId, final ProgramDirection direction, final ProgramKind kind, final long startNs)
    {
        this.programId = programId;
        this.direction = direction;
        this.kind = kind;
        this.startNs = startNs;
        this.legCount = 0;
        this.terminalLegs = 0;
        this.cancelRequested = false;
        this.basketTargetValue = 0;
        this.basketFilledValue = 0;
        this.hedgeTarget = 0;
        this.hedgeFilled = 0;
        this.leggedSinceNs = 0;
        this.cashFlow = 0;
        this.costs = 0;
        this.basketLostValue = 0;
        this.hedgeLost = 0;
        this.repriced = false;
    }

    /**
     * @return true once the lagging legs have been repriced.
     */
    public boolean isRepriced()
    {
        return repriced;
    }

    /**
     * @return legs the program has room for (each leg may be replaced once when repriced).
     */
    public int capacity()
    {
        return legs.length;
    }

    /**
     * The part of the program that can no longer be hedged by its own legs: the gap between the basket and the
     * hedge counting what is filled or still working, i.e. leaving out only what ended unfilled. Orders in
     * flight are not legging; a leg cancelled or rejected unfilled is.
     *
     * @return |committed basket share − committed hedge share|, 0 to 1.
     */
    public double committedGap()
    {
        if (basketTargetValue == 0 || hedgeTarget == 0)
        {
            return 0.0;
        }
        final double basket = 1.0 - (double)basketLostValue / basketTargetValue;
        final double hedge = 1.0 - (double)hedgeLost / hedgeTarget;
        return Math.abs(basket - hedge);
    }

    /**
     * @return money received for sales less money paid for purchases of this program's fills (futures at their
     *         multiplier), before costs.
     */
    public double cashFlow()
    {
        return cashFlow;
    }

    /**
     * @return commissions and taxes of this program's fills.
     */
    public double costs()
    {
        return costs;
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
     * @return why the program was opened.
     */
    public ProgramKind kind()
    {
        return kind;
    }

    /**
     * @return true once the program's working legs have been asked to cancel.
     */
    public boolean isCancelRequested()
    {
        return cancelRequested;
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

    /**
     * @return share of the basket filled, by value at the legs' limit prices, 0 to 1.
     */
    public double basketFilledFraction()
    {
        return basketTargetValue == 0 ? 0.0 : (double)basketFilledValue / basketTargetValue;
    }

    /**
     * @return share of the futures hedge filled, 0 to 1.
     */
    public double hedgeFilledFraction()
    {
        return hedgeTarget == 0 ? 0.0 : (double)hedgeFilled / hedgeTarget;
    }

    /**
     * @return contracts of the hedge sent.
     */
    public long hedgeTarget()
    {
        return hedgeTarget;
    }

    /**
     * @return contracts of the hedge filled.
     */
    public long hedgeFilled()
    {
        return hedgeFilled;
    }

    /**
     * @return host clock since which the basket and the hedge have been filled out of proportion, or 0.
     */
    public long leggedSinceNs()
    {
        return leggedSinceNs;
    }

    /**
     * @return the program's state, from its legs.
     */
    public ProgramState state()
    {
        if (basketTargetValue == 0 || hedgeTarget == 0)
        {
            // A one-sided program (a hedge, a liquidation) is judged on its own side: fully filled, partly (a
            // residual position is left unhedged) or not at all.
            final double filled = hedgeTarget == 0 ? basketFilledFraction() : hedgeFilledFraction();
            if (!isComplete())
            {
                return ProgramState.WORKING;
            }
            if (filled == 0.0)
            {
                return ProgramState.FAILED;
            }
            return filled >= 1.0 ? ProgramState.COMPLETE : ProgramState.LEGGED;
        }
        final double basket = basketFilledFraction();
        final double hedge = hedgeFilledFraction();
        final boolean balanced = Math.abs(basket - hedge) < 0.005;
        if (!isComplete())
        {
            return balanced ? ProgramState.WORKING : ProgramState.LEGGED;
        }
        if (basket == 0.0 && hedge == 0.0)
        {
            return ProgramState.FAILED;
        }
        return balanced ? ProgramState.COMPLETE : ProgramState.LEGGED;
    }
}
