package io.basis.simulator.record;

import java.util.List;

/**
 * A program (order list) as the record knows it: every order that carried its ListID.
 *
 * @param listId          ListID(66).
 * @param account         account of its first order.
 * @param clOrdIds        ClOrdIDs of its orders, in arrival order (rejected ones included).
 * @param rejects         orders rejected.
 * @param cancels         orders canceled (by request, list cancel, remainder, expiry).
 * @param fills           fills of its orders.
 * @param filledQuantity  quantity filled across its orders.
 */
public record ListRecord(
    String listId, String account, List<String> clOrdIds, long rejects, long cancels, long fills,
    long filledQuantity)
{
}
