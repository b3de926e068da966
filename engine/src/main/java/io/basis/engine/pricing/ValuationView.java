package io.basis.engine.pricing;

/**
 * The engine's current valuation of the arbitrage, read-only, for embedding code and the strategy. Values are
 * index points and only meaningful while {@link #modelState()} is {@link ModelState#VALID}. Read it on the engine
 * thread (from a strategy or listener); it changes at every tick.
 */
public interface ValuationView
{
    /**
     * @return whether the inputs can be trusted.
     */
    ModelState modelState();

    /**
     * @return contracts n valued.
     */
    long contracts();

    /**
     * @return S at mid.
     */
    double indexMid();

    /**
     * @return S_ask,exec for n contracts.
     */
    double indexAskExec();

    /**
     * @return S_bid,exec for n contracts.
     */
    double indexBidExec();

    /**
     * @return F at mid.
     */
    double futureMid();

    /**
     * @return F_bid,exec for n contracts.
     */
    double futureBidExec();

    /**
     * @return F_ask,exec for n contracts.
     */
    double futureAskExec();

    /**
     * @return F*.
     */
    double fairValue();

    /**
     * @return F_upper.
     */
    double upperBound();

    /**
     * @return F_lower.
     */
    double lowerBound();

    /**
     * @return B_cc = F_bid,exec − S_ask,exec.
     */
    double execBasisCashAndCarry();

    /**
     * @return B_rc = F_ask,exec − S_bid,exec.
     */
    double execBasisReverse();

    /**
     * @return F_bid,exec − F_upper: positive when cash-and-carry pays after costs.
     */
    double edgeCashAndCarry();

    /**
     * @return F_lower − F_ask,exec: positive when the reverse trade pays after costs.
     */
    double edgeReverse();

    /**
     * @return the cost terms of the bounds.
     */
    NoArbitrageBounds bounds();
}
