package io.basis.engine.pricing;

/**
 * Whether the pricing model's inputs can be trusted; anything but {@link #VALID} stops new programs. Each state is
 * a reason an operator can act on, never a silently wrong number (a wrong days-to-expiry input sank Hanmag
 * Securities in 2013).
 */
public enum ModelState
{
    /** Inputs within their limits and every book usable. */
    VALID,
    /** Some book is missing, one-sided, crossed or short of the depth the size needs. */
    BOOKS_INCOMPLETE,
    /** Days from stock settlement to the future's settlement are not positive. */
    EXPIRED,
    /** A rate lies outside its configured band. */
    RATE_OUT_OF_BAND,
    /** A dividend in the window is implausibly large against its stock's price. */
    DIVIDEND_OUT_OF_BAND,
    /** The market future is further from fair value than the configured limit: a model or data error. */
    MISPRICING_BEYOND_LIMIT
}
