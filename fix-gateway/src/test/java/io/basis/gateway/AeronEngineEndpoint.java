package io.basis.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.InstrumentDefinitionEncoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The test playing the engine over Aeron IPC: sends definitions and orders to the gateway, keeps everything the
 * gateway publishes and waits (spinning on the subscription, with a deadline) for the message a test expects.
 */
final class AeronEngineEndpoint implements AutoCloseable
{
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Aeron aeron;
    private final Publication toGateway;
    private final Subscription fromGateway;
    private final Supplier<String> context;
    private final List<UnsafeBuffer> received = new ArrayList<>();
    private final ExpandableArrayBuffer sendBuffer = new ExpandableArrayBuffer(256);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();

    /**
     * @param aeronDirectoryName the gateway's Aeron directory.
     * @param context            added to timeout failures (the gateway's alarms).
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
        await(SessionStatusDecoder.TEMPLATE_ID, buffer ->
        {
            final SessionStatusDecoder status = new SessionStatusDecoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
            return status.role() == role && status.state() == SessionState.LOGGED_ON;
        });
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
            .triggerTimestampNs(0)
            .listSeqNo(listSeqNo)
            .listSize(listSize);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void offer(final int length)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (toGateway.offer(sendBuffer, 0, length) < 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("gateway never took the message");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Poll until a message of the template matches; earlier messages that do not match are kept for later waits.
     *
     * @return the matching message, removed from the kept ones.
     */
    DirectBuffer await(final int templateId, final Predicate<DirectBuffer> matches)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final long deadline = System.nanoTime() + WAIT.toNanos();
        int checked = 0;
        while (true)
        {
            for (; checked < received.size(); checked++)
            {
                final UnsafeBuffer buffer = received.get(checked);
                if (header.wrap(buffer, 0).templateId() == templateId && matches.test(buffer))
                {
                    received.remove(checked);
                    return buffer;
                }
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("no message with template " + templateId + " within " + WAIT + "; " +
                    context.get());
            }
            if (fromGateway.poll((buffer, offset, length, h) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(offset, copy);
                received.add(new UnsafeBuffer(copy));
            }, 10) == 0)
            {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Value of the counter with this label in the media driver's counters file, as {@code AeronStat} shows it.
     */
    long counter(final String label)
    {
        final org.agrona.concurrent.status.CountersReader reader = aeron.countersReader();
        final long[] value = { Long.MIN_VALUE };
        reader.forEach((counterId, typeId, keyBuffer, counterLabel) ->
        {
            if (typeId == GatewayCounters.TYPE_ID && counterLabel.equals(label) &&
                reader.getCounterState(counterId) == org.agrona.concurrent.status.CountersReader.RECORD_ALLOCATED)
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
