package io.basis.simulator.matching;

/**
 * A new order as submitted, before validation.
 * <p>
 * The {@code owner} is an opaque token of the submitter (the FIX layer passes its session, internal liquidity
 * passes null); ClOrdIDs are unique per owner. A decoder that already knows the request is invalid (say an
 * unsupported OrdType) passes a {@code decodeReject} so the exchange still assigns ids, records and reports it
 * like any other reject.
 *
 * @param owner            submitter token, null for internal accounts.
 * @param account          trading account; positions and self-trade prevention are per account.
 * @param clOrdId          client order id, null for internal orders.
 * @param symbol           instrument symbol as sent.
 * @param side             side.
 * @param type             order type, null if unsupported (then decodeReject is set).
 * @param timeInForce      time in force, null if unsupported (then decodeReject is set).
 * @param quantity         quantity in shares or contracts.
 * @param price            scaled limit price, ignored for market orders.
 * @param decodeReject     reason found while decoding, or null.
 * @param decodeRejectText text for decodeReject, or null.
 * @param listId           ListID(66) of the program the order belongs to, or null.
 * @param restrictions     OrderRestrictions(529) as sent (e.g. "2" index arbitrage), or null.
 * @param cancelOnDisconnect ExecInst(18) contains Q: cancel the order when its session disconnects.
 */
public record OrderRequest(
    Object owner,
    String account,
    String clOrdId,
    String symbol,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    long quantity,
    long price,
    RejectReason decodeReject,
    String decodeRejectText,
    String listId,
    String restrictions,
    boolean cancelOnDisconnect)
{
    /**
     * An order outside any program.
     *
     * @param owner            submitter token, null for internal accounts.
     * @param account          trading account.
     * @param clOrdId          client order id, null for internal orders.
     * @param symbol           instrument symbol as sent.
     * @param side             side.
     * @param type             order type, null if unsupported.
     * @param timeInForce      time in force, null if unsupported.
     * @param quantity         quantity.
     * @param price            scaled limit price.
     * @param decodeReject     reason found while decoding, or null.
     * @param decodeRejectText text for decodeReject, or null.
     */
    public OrderRequest(
        final Object owner,
        final String account,
        final String clOrdId,
        final String symbol,
        final Side side,
        final OrderType type,
        final TimeInForce timeInForce,
        final long quantity,
        final long price,
        final RejectReason decodeReject,
        final String decodeRejectText)
    {
        this(owner, account, clOrdId, symbol, side, type, timeInForce, quantity, price, decodeReject,
            decodeRejectText, null, null, false);
    }

    /**
     * @return true if the order is flagged as program trading: it carries a ListID or OrderRestrictions 1, 2
     * or 3 (program trade, index arbitrage, non-index arbitrage). Sidecars suspend these.
     */
    public boolean isProgram()
    {
        if (listId != null)
        {
            return true;
        }
        if (restrictions == null)
        {
            return false;
        }
        for (final String value : restrictions.split(" "))
        {
            if (value.equals("1") || value.equals("2") || value.equals("3"))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param newOwner the owner.
     * @param newListId the list.
     * @return this request as a leg of a list submitted by {@code newOwner}.
     */
    public OrderRequest inList(final Object newOwner, final String newListId)
    {
        return new OrderRequest(newOwner, account, clOrdId, symbol, side, type, timeInForce, quantity, price,
            decodeReject, decodeRejectText, newListId, restrictions, cancelOnDisconnect);
    }

    /**
     * A well-formed limit order.
     *
     * @param owner       submitter token, null for internal accounts.
     * @param account     trading account.
     * @param clOrdId     client order id, null for internal orders.
     * @param symbol      instrument symbol.
     * @param side        side.
     * @param timeInForce time in force.
     * @param quantity    quantity.
     * @param price       scaled limit price.
     * @return the request.
     */
    public static OrderRequest limit(
        final Object owner,
        final String account,
        final String clOrdId,
        final String symbol,
        final Side side,
        final TimeInForce timeInForce,
        final long quantity,
        final long price)
    {
        return new OrderRequest(
            owner, account, clOrdId, symbol, side, OrderType.LIMIT, timeInForce, quantity, price, null, null);
    }

    /**
     * A well-formed market order.
     *
     * @param owner    submitter token, null for internal accounts.
     * @param account  trading account.
     * @param clOrdId  client order id, null for internal orders.
     * @param symbol   instrument symbol.
     * @param side     side.
     * @param quantity quantity.
     * @return the request.
     */
    public static OrderRequest market(
        final Object owner,
        final String account,
        final String clOrdId,
        final String symbol,
        final Side side,
        final long quantity)
    {
        return new OrderRequest(owner, account, clOrdId, symbol, side, OrderType.MARKET,
            TimeInForce.IMMEDIATE_OR_CANCEL, quantity, 0, null, null);
    }
}
