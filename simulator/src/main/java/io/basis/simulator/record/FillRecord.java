package io.basis.simulator.record;

import io.basis.simulator.matching.Side;

/**
 * One side of one trade as booked to an account.
 *
 * @param execId    exchange execution id, FIX ExecID(17).
 * @param orderId   exchange order id.
 * @param account   account booked.
 * @param clOrdId   client order id, null for internal orders.
 * @param symbol    instrument symbol.
 * @param side      order side.
 * @param quantity  traded quantity.
 * @param price     scaled trade price.
 * @param aggressor true if the order was the incoming one.
 */
public record FillRecord(
    long execId,
    long orderId,
    String account,
    String clOrdId,
    String symbol,
    Side side,
    long quantity,
    long price,
    boolean aggressor)
{
}
