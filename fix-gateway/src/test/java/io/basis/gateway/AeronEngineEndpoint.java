package io.basis.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.CancelOrderEncoder;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentDefinitionEncoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

/**
 * The test playing the engine over Aeron IPC: defines instruments, sends orders, keeps everything the gateway
 * publishes and polls, with a deadline, for the message a test expects (or makes sure one does not come).
 */
class AeronEngineEndpoint implements AutoCloseable
{
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Aeron aeron;
    private final Publication toGateway;
    private final Subscription fromGateway;
    private final Supplier<String> context;
    private final List<UnsafeBuffer> received = new ArrayList<>();
    private final ExpandableArrayBuffer sendBuffer = new ExpandableArrayBuffer(256);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();

    /**
     * @param aeronDirectoryName the gateway's Aeron directory.
     * @param context            added to timeout failures (the gateway's alarms, say).
     */
    AeronEngineEndpoint(final String aeronDirectoryName, final Supplier<String> context)
    {
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectoryName));
        toGateway = aeron.addPublication(Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);
        fromGateway = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
        this.context = context;
    }

    void awaitLoggedOn(final SessionRole role)
    {
        if (!loggedOnWithin(role, WAIT))
        {
            throw new AssertionError(role + " never logged on within " + WAIT + "; " + context.get());
        }
    }

    /**
     * @param role   a session role.
     * @param within how long to watch.
     * @return true if the gateway reported the session logged on within that time.
     */
    boolean loggedOnWithin(final SessionRole role, final Duration within)
    {
        return poll(SessionStatusDecoder.TEMPLATE_ID, buffer ->
        {
            final SessionStatusDecoder status = new SessionStatusDecoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
            return status.role() == role && status.state() == SessionState.LOGGED_ON;
        }, within) != null;
    }

    void defineInstrument(final int instrumentId, final String symbol, final InstrumentKind kind)
    {
        final InstrumentDefinitionEncoder encoder = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(sendBuffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .kind(kind)
            .lotSize(1)
            .multiplier(kind == InstrumentKind.FUTURE ? 250_000 : 1)
            .symbol(symbol);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    ExecutionReportDecoder awaitExecution(final long orderId, final ExecType execType)
    {
        return new ExecutionReportDecoder().wrapAndApplyHeader(
            await(ExecutionReportDecoder.TEMPLATE_ID, buffer ->
            {
                final ExecutionReportDecoder report = new ExecutionReportDecoder()
                    .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
                return report.orderId() == orderId && report.execType() == execType;
            }, "ExecutionReport " + execType + " of order " + orderId),
            0, new MessageHeaderDecoder());
    }

    OrderRejectDecoder awaitOrderReject(final long orderId)
    {
        return new OrderRejectDecoder().wrapAndApplyHeader(
            await(OrderRejectDecoder.TEMPLATE_ID, buffer -> new OrderRejectDecoder()
                    .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).orderId() == orderId,
                "OrderReject of order " + orderId),
            0, new MessageHeaderDecoder());
    }

    CancelRejectDecoder awaitCancelReject(final long cancelId)
    {
        return new CancelRejectDecoder().wrapAndApplyHeader(
            await(CancelRejectDecoder.TEMPLATE_ID, buffer -> new CancelRejectDecoder()
                    .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).cancelId() == cancelId,
                "CancelReject of cancel " + cancelId),
            0, new MessageHeaderDecoder());
    }

    /**
     * Cancel an order.
     */
    void cancel(final long cancelId, final long orderId, final int instrumentId, final Side side, final long quantity)
    {
        final CancelOrderEncoder encoder = new CancelOrderEncoder()
            .wrapAndApplyHeader(sendBuffer, 0, headerEncoder)
            .cancelId(cancelId)
            .orderId(orderId)
            .instrumentId(instrumentId)
            .side(side)
            .quantity(quantity);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    /**
     * Wait for a snapshot (BookUpdate snapshot=TRUE) with at least one level.
     */
    BookUpdateDecoder awaitSnapshot(final int instrumentId)
    {
        return book(await(BookUpdateDecoder.TEMPLATE_ID, buffer ->
        {
            final BookUpdateDecoder book = book(buffer);
            return book.instrumentId() == instrumentId && book.snapshot() == BooleanType.TRUE &&
                book.levels().count() > 0;
        }, "snapshot of instrument " + instrumentId));
    }

    /**
     * Wait for an empty snapshot: the gateway telling the engine to clear a book it cannot trust.
     */
    BookUpdateDecoder awaitClearedBook(final int instrumentId)
    {
        return book(await(BookUpdateDecoder.TEMPLATE_ID, buffer ->
        {
            final BookUpdateDecoder book = book(buffer);
            return book.instrumentId() == instrumentId && book.snapshot() == BooleanType.TRUE &&
                book.levels().count() == 0;
        }, "cleared book of instrument " + instrumentId));
    }

    /**
     * Wait for an incremental (BookUpdate snapshot=FALSE).
     */
    BookUpdateDecoder awaitIncremental(final int instrumentId)
    {
        return book(await(BookUpdateDecoder.TEMPLATE_ID, buffer ->
        {
            final BookUpdateDecoder book = book(buffer);
            return book.instrumentId() == instrumentId && book.snapshot() == BooleanType.FALSE;
        }, "incremental of instrument " + instrumentId));
    }

    /**
     * Forget everything received so far: later waits only see what the gateway publishes from now on.
     */
    void forgetReceived()
    {
        drain();
        received.clear();
    }

    DirectBuffer await(final int templateId, final Predicate<DirectBuffer> matches, final String what)
    {
        final DirectBuffer buffer = poll(templateId, matches, WAIT);
        if (buffer == null)
        {
            throw new AssertionError("no " + what + " within " + WAIT + "; " + context.get());
        }
        return buffer;
    }

    /**
     * Poll until a message of the template matches; earlier messages that do not match are kept for later.
     *
     * @return the matching message, removed from the kept ones, or null if none came within the time.
     */
    DirectBuffer poll(final int templateId, final Predicate<DirectBuffer> matches, final Duration within)
    {
        final long deadline = System.nanoTime() + within.toNanos();
        // Back off when idle: the gateway, the simulator and the test share two cores.
        final IdleStrategy idle = new BackoffIdleStrategy();
        int checked = 0;
        while (true)
        {
            for (; checked < received.size(); checked++)
            {
                final UnsafeBuffer buffer = received.get(checked);
                if (headerDecoder.wrap(buffer, 0).templateId() == templateId && matches.test(buffer))
                {
                    received.remove(checked);
                    return buffer;
                }
            }
            if (System.nanoTime() - deadline > 0)
            {
                return null;
            }
            idle.idle(drain());
        }
    }

    private int drain()
    {
        return fromGateway.poll((buffer, offset, length, header) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            received.add(new UnsafeBuffer(copy));
        }, 100);
    }

    private void offer(final int length)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        final IdleStrategy idle = new BackoffIdleStrategy();
        while (toGateway.offer(sendBuffer, 0, length) < 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("gateway never took the message; " + context.get());
            }
            idle.idle();
        }
    }

    private static BookUpdateDecoder book(final DirectBuffer buffer)
    {
        return new BookUpdateDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }

    /**
     * A limit DAY order outside any program.
     */
    void newOrder(
        final long orderId, final int instrumentId, final Side side, final ProgramFlag flag, final long price,
        final long quantity)
    {
        newOrder(orderId, 0, instrumentId, side, flag, price, quantity, 0, 0);
    }

    void newOrder(
        final long orderId, final long programId, final int instrumentId, final Side side, final ProgramFlag flag,
        final long price, final long quantity)
    {
        newOrder(orderId, programId, instrumentId, side, flag, price, quantity, 0, 0);
    }

    /** A new order; {@code listSeqNo} 1..{@code listSize} for a leg of a program's list, 0 and 0 if unlisted. */
    void newOrder(
        final long orderId, final long programId, final int instrumentId, final Side side, final ProgramFlag flag,
        final long price, final long quantity, final int listSeqNo, final int listSize)
    {
        newOrder(orderId, programId, instrumentId, side, flag, price, quantity, listSeqNo, listSize, 0);
    }

    /** A limit DAY order outside any program, triggered by market data the exchange sent at {@code triggerNs}. */
    void newOrderTriggered(
        final long orderId, final int instrumentId, final Side side, final ProgramFlag flag, final long price,
        final long quantity, final long triggerNs)
    {
        newOrder(orderId, 0, instrumentId, side, flag, price, quantity, 0, 0, triggerNs);
    }

    private void newOrder(
        final long orderId, final long programId, final int instrumentId, final Side side, final ProgramFlag flag,
        final long price, final long quantity, final int listSeqNo, final int listSize, final long triggerNs)
    {
        final NewOrderEncoder encoder = new NewOrderEncoder()
            .wrapAndApplyHeader(sendBuffer, 0, headerEncoder)
            .orderId(orderId)
            .programId(programId)
            .instrumentId(instrumentId)
            .side(side)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY)
            .programFlag(flag)
            .price(price)
            .quantity(quantity)
            .triggerTimestampNs(triggerNs)
            .listSeqNo(listSeqNo)
            .listSize(listSize);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    /**
     * Poll until a message of the template matches; earlier messages that do not match are kept for later waits.
     *
     * @return the matching message, removed from the kept ones.
     */
    DirectBuffer await(final int templateId, final Predicate<DirectBuffer> matches)
    {
        return await(templateId, matches, "message with template " + templateId);
    }

    /**
     * Value of the counter with this label in the media driver's counters file, as {@code AeronStat} shows it.
     */
    long counter(final String label)
    {
        final CountersReader reader = aeron.countersReader();
        final long[] value = { Long.MIN_VALUE };
        reader.forEach((counterId, typeId, keyBuffer, counterLabel) ->
        {
            if (typeId == GatewayCounters.TYPE_ID && counterLabel.equals(label) &&
                reader.getCounterState(counterId) == CountersReader.RECORD_ALLOCATED)
            {
                value[0] = reader.getCounterValue(counterId);
            }
        });
        if (value[0] == Long.MIN_VALUE)
        {
            throw new AssertionError("no counter " + label);
        }
        return value[0];
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(aeron);
    }
}
