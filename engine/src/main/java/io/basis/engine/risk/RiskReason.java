package io.basis.engine.risk;

/**
 * Why a pre-trade check refused an order or a program. Each has a counter; none is an exception.
 */
public enum RiskReason
{
    /** Passed every check. */
    NONE,
    /** The instrument is not in the reference data. */
    UNKNOWN_INSTRUMENT,
    /** The instrument is halted, in a volatility interruption, an auction the order cannot join, or closed. */
    INSTRUMENT_NOT_TRADING,
    /** The price is not on the instrument's tick grid. */
    OFF_TICK,
    /** The quantity is not a positive multiple of the lot. */
    NOT_LOT_MULTIPLE,
    /** The price is outside the daily price limits around the previous close. */
    OUTSIDE_DAILY_LIMIT,
    /** The price is further from the reference (mid, or F* for the future) than the collar. */
    OUTSIDE_COLLAR,
    /** The order's quantity exceeds its limit. */
    MAX_ORDER_QUANTITY,
    /** The order's notional exceeds its limit. */
    MAX_ORDER_NOTIONAL,
    /** The program's basket notional exceeds its limit. */
    MAX_BASKET_NOTIONAL,
    /** The basket's notional is not within tolerance of the intended notional (n·M·S): quantity typed as notional. */
    BASKET_NOTIONAL_MISMATCH,
    /** The futures leg does not hedge the basket. */
    HEDGE_INCONSISTENT,
    /** The instrument's position would exceed its limit if the order filled. */
    POSITION_LIMIT,
    /** Gross notional of positions and open orders would exceed its limit. */
    GROSS_EXPOSURE_LIMIT,
    /** Too many orders in the throttle window. */
    ORDER_RATE,
    /** Too many cancels in the throttle window. */
    CANCEL_RATE,
    /** The same order (instrument, side, quantity, price) was sent moments ago. */
    DUPLICATE_ORDER,
    /** A program with this id was already submitted. */
    DUPLICATE_PROGRAM,
    /** The order would trade against one of the engine's own working orders. */
    SELF_TRADE,
    /** A sale of stock not held must be marked short, and only such a sale may be. */
    SHORT_SALE_MARKING,
    /** No borrow is available for a short sale. */
    NO_BORROW,
    /** A sidecar suspends program orders on that side. */
    SIDECAR,
    /** The instrument's book has not changed for longer than the staleness limit. */
    STALE_BOOK,
    /** The instrument's book is crossed or one-sided. */
    CROSSED_BOOK,
    /** The visible depth cannot fill the quantity at any price. */
    INSUFFICIENT_DEPTH,
    /** The pricing model's inputs are out of their bands. */
    MODEL_INVALID,
    /** Realized plus unrealized P&L is below the loss limit. */
    LOSS_LIMIT,
    /** P&L has fallen further from its peak than the drawdown limit. */
    DRAWDOWN_LIMIT,
    /** A kill switch covers the order. */
    KILL_SWITCH,
    /** Trading is reduce-only and the order would increase a position. */
    REDUCE_ONLY,
    /** Automatic kill: more rejects in the window than any healthy session produces. */
    REJECT_STORM,
    /** Automatic kill: more fills in the window than any program could produce (a runaway loop). */
    FILL_STORM,
    /** Automatic kill: an exchange's cumulative quantity disagreed with the fills booked (Knight Capital). */
    FILL_MISMATCH,
    /** Automatic kill: a legged program's unhedged notional passed the hard limit. */
    LEG_IMBALANCE,
    /** Every program slot ({@code maxOpenPrograms}) is taken: a submitted or liquidation program cannot open. */
    PROGRAM_SLOTS_FULL
}
