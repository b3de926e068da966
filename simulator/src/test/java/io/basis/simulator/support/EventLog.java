package io.basis.simulator.support;

import io.basis.simulator.matching.AuctionResult;
import io.basis.simulator.matching.CancelRejectReason;
import io.basis.simulator.matching.CancelRequest;
import io.basis.simulator.matching.ExecutionListener;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderBook;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.RejectReason;
import io.basis.simulator.matching.ReplaceRequest;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Instrument;

import java.util.ArrayList;
import java.util.List;

/**
 * Records engine events as short strings, so tests can assert the exact sequence.
 */
public final class EventLog implements ExecutionListener
{
    private final List<String> events = new ArrayList<>();

    /**
     * @return the events so far.
     */
    public List<String> events()
    {
        return events;
    }

    /**
     * @return the events so far, then forgets them.
     */
    public List<String> drain()
    {
        final List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    @Override
    public void onRejected(
        final OrderRequest request, final long orderId, final long execId, final RejectReason reason, final String text)
    {
        events.add("rejected " + request.clOrdId() + " " + reason + " " + text);
    }

    @Override
    public void onAccepted(final Order order, final long execId)
    {
        events.add("accepted " + name(order));
    }

    @Override
    public void onFill(
        final Order order, final long quantity, final long price, final long execId, final boolean aggressor)
    {
        events.add("fill " + name(order) + " " + quantity + "@" + FixedPoint.format(price) + " " + order.status());
    }

    @Override
    public void onCanceled(final Order order, final long execId, final String cancelClOrdId, final String reason)
    {
        events.add("canceled " + name(order) + " " + reason);
    }

    @Override
    public void onCancelRejected(final CancelRequest request, final Order order, final CancelRejectReason reason)
    {
        events.add("cancelRejected " + request.origClOrdId() + " " + reason);
    }

    @Override
    public void onTrade(final Instrument instrument, final long quantity, final long price)
    {
        events.add("trade " + instrument.symbol() + " " + quantity + "@" + FixedPoint.format(price));
    }

    @Override
    public void onBookChanged(final OrderBook book)
    {
        events.add("book " + book.instrument().symbol());
    }

    @Override
    public void onReplaced(final Order order, final long execId, final String origClOrdId)
    {
        events.add("replaced " + name(order) + " from " + origClOrdId);
    }

    @Override
    public void onReplaceRejected(
        final ReplaceRequest request, final Order order, final CancelRejectReason reason, final String text)
    {
        events.add("replaceRejected " + request.origClOrdId() + " " + reason + " " + text);
    }

    @Override
    public void onAuction(final AuctionResult result)
    {
        events.add("auction " + result.symbol() + " " + FixedPoint.format(result.price()) + " " + result.volume());
    }

    private static String name(final Order order)
    {
        return order.clOrdId() != null ? order.clOrdId() : "#" + order.orderId();
    }
}
