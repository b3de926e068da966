package io.basis.engine.gateway;

import io.aeron.Publication;
import io.basis.engine.order.ChildOrder;
import io.basis.engine.refdata.Instrument;
import io.basis.protocol.sbe.CancelOrderEncoder;
import io.basis.protocol.sbe.InstrumentDefinitionEncoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Encodes engine-to-gateway messages into one pre-allocated buffer and offers them on the Aeron publication.
 * Every send returns the publication's result: a position, or a negative code ({@link Publication#BACK_PRESSURED},
 * {@link Publication#NOT_CONNECTED}, ...) that the caller handles; nothing is retried or dropped here.
 * Single-threaded, garbage-free.
 */
public final class GatewayPublisher
{
    private final Publication publication;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(512));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();

    /**
     * @param publication engine-to-gateway publication.
     */
    public GatewayPublisher(final Publication publication)
    {
        this.publication = publication;
    }

    /**
     * @return true if a gateway subscribes.
     */
    public boolean isConnected()
    {
        return publication.isConnected();
    }

    /**
     * @param order              the child order.
     * @param timeInForce        time in force.
     * @param programFlag        program-trading flag.
     * @param triggerTimestampNs exchange timestamp of the market data behind the decision.
     * @return position, or a negative {@link Publication} code.
     */
    public long sendNewOrder(
        final ChildOrder order,
        final TimeInForce timeInForce,
        final ProgramFlag programFlag,
        final long triggerTimestampNs)
    {
        newOrder.wrapAndApplyHeader(buffer, 0, header)
            .orderId(order.orderId())
            .programId(order.program().programId())
            .instrumentId(order.instrumentId())
            .side(order.side())
            .ordType(OrdType.LIMIT)
            .timeInForce(timeInForce)
            .programFlag(programFlag)
            .price(order.price())
            .quantity(order.quantity())
            .triggerTimestampNs(triggerTimestampNs)
            .listSeqNo(0)
            .listSize(0);
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength());
    }

    /**
     * @param cancelId fresh id of the cancel request.
     * @param order    the order to cancel.
     * @return position, or a negative {@link Publication} code.
     */
    public long sendCancel(final long cancelId, final ChildOrder order)
    {
        cancelOrder.wrapAndApplyHeader(buffer, 0, header)
            .cancelId(cancelId)
            .orderId(order.orderId())
            .instrumentId(order.instrumentId())
            .side(order.side())
            .quantity(order.quantity());
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + cancelOrder.encodedLength());
    }

    /**
     * @param instrument an instrument the gateway must route and subscribe.
     * @return position, or a negative {@link Publication} code.
     */
    public long sendInstrumentDefinition(final Instrument instrument)
    {
        definition.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrument.id())
            .kind(instrument.kind())
            .lotSize(instrument.lot())
            .multiplier(instrument.multiplier())
            .symbol(instrument.symbol());
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
    }
}
