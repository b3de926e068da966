package io.basis.simulator.matching;

/**
 * The outcome of one call-auction uncross.
 *
 * @param symbol    instrument.
 * @param price     scaled uncrossing price; when nothing executed, the reference price (last trade or prevClose).
 * @param volume    quantity executed at the uncross.
 * @param imbalance buy minus sell quantity left unmatched at the price among orders that would have accepted it.
 * @param closing   true for the closing auction, false for an opening auction or a volatility interruption.
 */
public record AuctionResult(String symbol, long price, long volume, long imbalance, boolean closing)
{
}
