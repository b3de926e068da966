package io.basis.simulator.record;

/**
 * A canceled order.
 *
 * @param execId           execution id of the cancel report.
 * @param orderId          exchange order id.
 * @param account          account.
 * @param clOrdId          ClOrdID of the order.
 * @param cancelClOrdId    ClOrdID of the cancel request, null if not canceled by a client request.
 * @param symbol           symbol.
 * @param canceledQuantity quantity that was still open.
 * @param reason           why.
 */
public record CancelRecord(
    long execId,
    long orderId,
    String account,
    String clOrdId,
    String cancelClOrdId,
    String symbol,
    long canceledQuantity,
    String reason)
{
}
