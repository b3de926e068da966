package io.basis.simulator.matching;

import io.basis.simulator.refdata.Instrument;

import java.util.List;

/**
 * Fans engine events out to several listeners in a fixed order.
 */
public final class ExecutionListeners implements ExecutionListener
{
    private final ExecutionListener[] listeners;

    /**
     * @param listeners called in list order for every event.
     */
    public ExecutionListeners(final List<? extends ExecutionListener> listeners)
    {
        this.listeners = listeners.toArray(new ExecutionListener[0]);
    }

    @Override
    public void onRejected(
        final OrderRequest request, final long orderId, final long execId, final RejectReason reason, final String text)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onRejected(request, orderId, execId, reason, text);
        }
    }

    @Override
    public void onAccepted(final Order order, final long execId)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onAccepted(order, execId);
        }
    }

    @Override
    public void onFill(
        final Order order, final long quantity, final long price, final long execId, final boolean aggressor)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onFill(order, quantity, price, execId, aggressor);
        }
    }

    @Override
    public void onCanceled(final Order order, final long execId, final String cancelClOrdId, final String reason)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onCanceled(order, execId, cancelClOrdId, reason);
        }
    }

    @Override
    public void onCancelRejected(final CancelRequest request, final Order order, final CancelRejectReason reason)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onCancelRejected(request, order, reason);
        }
    }

    @Override
    public void onTrade(final Instrument instrument, final long quantity, final long price)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onTrade(instrument, quantity, price);
        }
    }

    @Override
    public void onBookChanged(final OrderBook book)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onBookChanged(book);
        }
    }

    @Override
    public void onReplaced(final Order order, final long execId, final String origClOrdId)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onReplaced(order, execId, origClOrdId);
        }
    }

    @Override
    public void onReplaceRejected(
        final ReplaceRequest request, final Order order, final CancelRejectReason reason, final String text)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onReplaceRejected(request, order, reason, text);
        }
    }

    @Override
    public void onAuction(final AuctionResult result)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onAuction(result);
        }
    }

    @Override
    public void onOrderStatus(final Object owner, final String clOrdId, final Order order, final long execId)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onOrderStatus(owner, clOrdId, order, execId);
        }
    }

    @Override
    public void onMassCanceled(final Object owner, final String clOrdId, final String symbol, final int canceled)
    {
        for (final ExecutionListener listener : listeners)
        {
            listener.onMassCanceled(owner, clOrdId, symbol, canceled);
        }
    }
}
