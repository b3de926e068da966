package io.basis.simulator.matching;

import io.basis.simulator.refdata.Instrument;

/**
 * Everything the matching engine does, as events, in the order it happens. Called on the exchange thread;
 * implementations must not call back into the engine.
 */
public interface ExecutionListener
{
    /**
     * A new order was refused.
     *
     * @param request the request.
     * @param orderId exchange order id assigned to the refused order.
     * @param execId  execution id of the reject report.
     * @param reason  why.
     * @param text    human-readable detail.
     */
    default void onRejected(
        final OrderRequest request, final long orderId, final long execId, final RejectReason reason, final String text)
    {
    }

    /**
     * A new order was accepted; fills, if any, follow.
     *
     * @param order  the order.
     * @param execId execution id of the acknowledgement.
     */
    default void onAccepted(final Order order, final long execId)
    {
    }

    /**
     * One side of a trade; called once for the resting order, then once for the aggressor.
     *
     * @param order     the order, already updated.
     * @param quantity  traded quantity.
     * @param price     scaled trade price (the resting order's price).
     * @param execId    execution id of this fill.
     * @param aggressor true for the incoming order.
     */
    default void onFill(
        final Order order, final long quantity, final long price, final long execId, final boolean aggressor)
    {
    }

    /**
     * An order was canceled: by a client request, by the owner internally, or its unfillable remainder.
     *
     * @param order         the order, already updated.
     * @param execId        execution id of the cancel report.
     * @param cancelClOrdId ClOrdID of the cancel request, or null when not canceled by a client request.
     * @param reason        why, for reports.
     */
    default void onCanceled(final Order order, final long execId, final String cancelClOrdId, final String reason)
    {
    }

    /**
     * A cancel request was refused.
     *
     * @param request the request.
     * @param order   the order it referred to, or null if unknown.
     * @param reason  why.
     */
    default void onCancelRejected(final CancelRequest request, final Order order, final CancelRejectReason reason)
    {
    }

    /**
     * A trade happened, once per match (not per side).
     *
     * @param instrument the instrument.
     * @param quantity   traded quantity.
     * @param price      scaled trade price.
     */
    default void onTrade(final Instrument instrument, final long quantity, final long price)
    {
    }

    /**
     * The book's resting orders changed.
     *
     * @param book the book.
     */
    default void onBookChanged(final OrderBook book)
    {
    }

    /**
     * An order was changed by a cancel-replace request.
     *
     * @param order       the order, already updated (new ClOrdID, quantity, price).
     * @param execId      execution id of the report.
     * @param origClOrdId the ClOrdID the order had before.
     */
    default void onReplaced(final Order order, final long execId, final String origClOrdId)
    {
    }

    /**
     * A cancel-replace request was refused.
     *
     * @param request the request.
     * @param order   the order it referred to, or null if unknown.
     * @param reason  why.
     * @param text    human-readable detail.
     */
    default void onReplaceRejected(
        final ReplaceRequest request, final Order order, final CancelRejectReason reason, final String text)
    {
    }

    /**
     * A call auction uncrossed (after its fills were reported).
     *
     * @param result price, volume and imbalance.
     */
    default void onAuction(final AuctionResult result)
    {
    }

    /**
     * Answer to an order status request.
     *
     * @param owner   requesting session.
     * @param clOrdId ClOrdID asked about.
     * @param order   the order, or null if unknown.
     * @param execId  execution id of the status report.
     */
    default void onOrderStatus(final Object owner, final String clOrdId, final Order order, final long execId)
    {
    }

    /**
     * A mass cancel request was done (the cancels were reported first).
     *
     * @param owner    requesting session.
     * @param clOrdId  the request's ClOrdID.
     * @param symbol   the symbol it was limited to, or null for all orders.
     * @param canceled orders canceled.
     */
    default void onMassCanceled(final Object owner, final String clOrdId, final String symbol, final int canceled)
    {
    }
}
