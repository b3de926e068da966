package io.basis.simulator.matching;

/**
 * A client's request to cancel one of its orders.
 *
 * @param owner       submitter token, the same as on the order.
 * @param clOrdId     the cancel request's own id.
 * @param origClOrdId ClOrdID of the order to cancel.
 * @param symbol      symbol as sent (echoed on rejects).
 * @param side        side as sent (echoed on rejects), may be null.
 */
public record CancelRequest(Object owner, String clOrdId, String origClOrdId, String symbol, Side side)
{
}
