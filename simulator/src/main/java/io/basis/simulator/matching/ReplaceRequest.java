package io.basis.simulator.matching;

/**
 * A client's request to change the quantity or price of one of its orders (FIX OrderCancelReplaceRequest).
 *
 * @param owner            submitter token, the same as on the order.
 * @param clOrdId          the replacement's own ClOrdID; the order is known by it once replaced.
 * @param origClOrdId      current ClOrdID of the order to change.
 * @param symbol           symbol as sent (echoed on rejects).
 * @param side             side as sent (echoed on rejects), may be null.
 * @param quantity         new total order quantity (filled quantity included).
 * @param price            new scaled limit price, ignored for market orders.
 * @param decodeRejectText why the request could not be decoded, or null.
 */
public record ReplaceRequest(
    Object owner,
    String clOrdId,
    String origClOrdId,
    String symbol,
    Side side,
    long quantity,
    long price,
    String decodeRejectText)
{
}
