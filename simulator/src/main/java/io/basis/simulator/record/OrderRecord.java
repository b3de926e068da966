package io.basis.simulator.record;

import io.basis.simulator.matching.OrderStatus;
import io.basis.simulator.matching.Side;

/**
 * An order as the record knows it at the time of the query.
 *
 * @param orderId     exchange order id.
 * @param account     account.
 * @param clOrdId     client order id, null for internal orders.
 * @param symbol      symbol as submitted.
 * @param side        side.
 * @param quantity    ordered quantity.
 * @param price       scaled limit price, 0 for market orders.
 * @param cumQuantity filled quantity.
 * @param status      life-cycle state, null if the order was rejected.
 * @param rejectText  why it was rejected, null if accepted.
 */
public record OrderRecord(
    long orderId,
    String account,
    String clOrdId,
    String symbol,
    Side side,
    long quantity,
    long price,
    long cumQuantity,
    OrderStatus status,
    String rejectText)
{
    /**
     * @return true if the exchange refused the order.
     */
    public boolean rejected()
    {
        return status == null;
    }
}
