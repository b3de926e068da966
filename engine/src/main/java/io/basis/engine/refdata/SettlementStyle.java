package io.basis.engine.refdata;

/**
 * How an index future's final settlement price is set, which decides how a held basket is unwound at expiry.
 */
public enum SettlementStyle
{
    /**
     * The index computed from the closing auction of the last trading day (KOSPI200): the basket is unwound with
     * at-the-close orders in that auction.
     */
    CLOSING_AUCTION,

    /**
     * The Special Opening Quotation of the last trading day (E-mini S&amp;P 500): the basket is unwound in that
     * day's opening auction.
     */
    OPENING_QUOTATION,

    /**
     * An average of the index over a window of the last trading day (Euro Stoxx 50): the basket is unwound over
     * that window.
     */
    AVERAGE
}
