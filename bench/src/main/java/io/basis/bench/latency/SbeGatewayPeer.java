package io.basis.bench.latency;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.basis.engine.book.OrderBook;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportEncoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.RejectReason;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The harness's side of the engine's Aeron streams, playing gateway and exchange at once: encodes book updates,
 * decodes the engine's new orders, measures them and fills each at once (an ExecutionReport NEW then FILLED) so
 * that programs complete and the engine can open the next. Single-threaded, allocation-free after construction.
 */
final class SbeGatewayPeer implements FragmentHandler
{
    private static final int SEND_ATTEMPTS = 1_000_000;

    private final ExclusivePublication publication;
    private final int legsPerProgram;
    private final LatencyRecorder firstLeg;
    private final LatencyRecorder lastLeg;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final BookUpdateEncoder bookUpdate = new BookUpdateEncoder();
    private final ExecutionReportEncoder executionReport = new ExecutionReportEncoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final long[] sequences;
    private long programId = Long.MIN_VALUE;
    private int legsSeen;
    private long lastTriggerNs;
    private long orders;
    private long lostSends;

    SbeGatewayPeer(
        final ExclusivePublication publication,
        final int instruments,
        final int legsPerProgram,
        final LatencyRecorder firstLeg,
        final LatencyRecorder lastLeg)
    {
        this.publication = publication;
        this.legsPerProgram = legsPerProgram;
        this.firstLeg = firstLeg;
        this.lastLeg = lastLeg;
        sequences = new long[instruments];
    }

    void sendSnapshot(final int instrumentId, final OrderBook book, final long timestampNs)
    {
        int count = 0;
        for (int level = 0; level < book.depth(); level++)
        {
            count += (book.size(true, level) > 0 ? 1 : 0) + (book.size(false, level) > 0 ? 1 : 0);
        }
        final BookUpdateEncoder.LevelsEncoder levels = wrapBookUpdate(instrumentId, timestampNs, BooleanType.TRUE)
            .levelsCount(count);
        for (int level = 0; level < book.depth(); level++)
        {
            for (final boolean bid : new boolean[]{true, false})
            {
                if (book.size(bid, level) > 0)
                {
                    levels.next().side(bid ? BookSide.BID : BookSide.ASK).level((short)level)
                        .price(book.price(bid, level)).size(book.size(bid, level));
                }
            }
        }
        offer(bookUpdate.limit());
    }

    void sendFuture(final int instrumentId, final MarketScript.FutureBook book, final long timestampNs)
    {
        final int depth = book.sizes().length;
        final BookUpdateEncoder.LevelsEncoder levels = wrapBookUpdate(instrumentId, timestampNs, BooleanType.FALSE)
            .levelsCount(2 * depth);
        for (int level = 0; level < depth; level++)
        {
            levels.next().side(BookSide.BID).level((short)level).price(book.bidPrices()[level])
                .size(book.sizes()[level]);
            levels.next().side(BookSide.ASK).level((short)level).price(book.askPrices()[level])
                .size(book.sizes()[level]);
        }
        offer(bookUpdate.limit());
    }

    private BookUpdateEncoder wrapBookUpdate(final int instrumentId, final long timestampNs, final BooleanType snapshot)
    {
        // Exchange and gateway timestamps are both the intended send time: there is no wire in between here.
        return bookUpdate.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .exchangeSeq(++sequences[instrumentId])
            .exchangeTimestampNs(timestampNs)
            .receiveTimestampNs(timestampNs)
            .snapshot(snapshot);
    }

    @Override
    public void onFragment(final DirectBuffer message, final int offset, final int length, final Header header)
    {
        final long arrivedNs = System.nanoTime();
        headerDecoder.wrap(message, offset);
        if (headerDecoder.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            headerDecoder.templateId() != NewOrderDecoder.TEMPLATE_ID)
        {
            // Instrument definitions (and cancels, which a filled program never needs) are not measured.
            return;
        }
        newOrder.wrapAndApplyHeader(message, offset, headerDecoder);
        final long triggerNs = newOrder.triggerTimestampNs();
        if (newOrder.programId() != programId)
        {
            programId = newOrder.programId();
            legsSeen = 0;
            firstLeg.record(triggerNs, arrivedNs);
        }
        if (++legsSeen == legsPerProgram)
        {
            lastLeg.record(triggerNs, arrivedNs);
        }
        lastTriggerNs = triggerNs;
        orders++;
        fill(newOrder.orderId(), newOrder.instrumentId(), newOrder.quantity(), newOrder.price(), arrivedNs);
    }

    private void fill(final long orderId, final int instrumentId, final long quantity, final long price,
        final long nowNs)
    {
        final io.basis.protocol.sbe.Side side = newOrder.side();
        executionReport.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId).instrumentId(instrumentId).execType(ExecType.NEW).ordStatus(OrdStatus.NEW).side(side)
            .lastQty(0).lastPx(0).cumQty(0).leavesQty(quantity).avgPx(0).rejectReason(RejectReason.NONE)
            .receiveTimestampNs(nowNs);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + executionReport.encodedLength());
        executionReport.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId).instrumentId(instrumentId).execType(ExecType.TRADE).ordStatus(OrdStatus.FILLED)
            .side(side).lastQty(quantity).lastPx(price).cumQty(quantity).leavesQty(0).avgPx(price)
            .rejectReason(RejectReason.NONE).receiveTimestampNs(nowNs);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + executionReport.encodedLength());
    }

    private void offer(final int length)
    {
        for (int attempt = 0; attempt < SEND_ATTEMPTS; attempt++)
        {
            final long result = publication.offer(buffer, 0, length);
            if (result > 0)
            {
                return;
            }
            if (result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION)
            {
                break;
            }
            Thread.onSpinWait();
        }
        lostSends++;
    }

    long lastTriggerNs()
    {
        return lastTriggerNs;
    }

    long orders()
    {
        return orders;
    }

    long lostSends()
    {
        return lostSends;
    }
}
