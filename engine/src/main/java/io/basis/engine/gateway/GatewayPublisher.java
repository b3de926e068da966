package io.basis.engine.gateway;

import io.aeron.Publication;
import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.OrderPort;
import io.basis.engine.refdata.Instrument;
import io.basis.protocol.sbe.CancelOrderEncoder;
import io.basis.protocol.sbe.OrderStatusRequestEncoder;
import io.basis.protocol.sbe.EngineLogonEncoder;
import io.basis.protocol.sbe.EngineLogoutEncoder;
import io.basis.protocol.sbe.InstrumentDefinitionEncoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Encodes engine-to-gateway messages into one pre-allocated buffer. Orders and cancels go to a
 * {@link MessageSink}: live, the {@link Outbox}, which sends them or keeps them (in order while the publication
 * is back-pressured, aside when it will never take them), so the engine's decisions never depend on the
 * publication. The connection messages
 * (logon, definitions, logout) are offered directly and return the publication's result: a position, or a negative
 * code ({@link Publication#BACK_PRESSURED}, {@link Publication#NOT_CONNECTED}, ...) that the caller handles.
 * Single-threaded, garbage-free.
 */
public final class GatewayPublisher implements OrderPort
{
    private final Publication publication;
    private final MessageSink orders;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(512));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final OrderStatusRequestEncoder statusRequest = new OrderStatusRequestEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final EngineLogonEncoder logon = new EngineLogonEncoder();
    private final EngineLogoutEncoder logout = new EngineLogoutEncoder();

    /**
     * @param publication engine-to-gateway publication, for the connection messages.
     * @param orders      where orders and cancels go: live, the {@link Outbox} of the same publication.
     */
    public GatewayPublisher(final Publication publication, final MessageSink orders)
    {
        this.publication = publication;
        this.orders = orders;
    }

    /**
     * @return true if a gateway subscribes.
     */
    public boolean isConnected()
    {
        return publication.isConnected();
    }

    /**
     * Send an order, with its place in its program's list: a list-mode gateway holds the legs of a list until all
     * {@code listSize} have arrived and sends them as one NewOrderList.
     *
     * @param order              the child order.
     * @param timeInForce        time in force.
     * @param programFlag        program-trading flag.
     * @param triggerTimestampNs exchange timestamp of the market data behind the decision.
     * @param listSeqNo          1-based position in the program's list, 0 if not listed.
     * @param listSize           orders in that list, 0 if not listed.
     * @return what the order sink returned: live, a position or {@link Outbox#KEPT}.
     */
    @Override
    public long sendNewOrder(
        final ChildOrder order,
        final TimeInForce timeInForce,
        final ProgramFlag programFlag,
        final long triggerTimestampNs,
        final int listSeqNo,
        final int listSize)
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
            .listSeqNo(listSeqNo)
            .listSize(listSize);
        return orders.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength());
    }

    /**
     * @param order the order to ask about.
     * @return what the order sink returned: live, a position or {@link Outbox#KEPT}.
     */
    @Override
    public long sendStatusRequest(final ChildOrder order)
    {
        statusRequest.wrapAndApplyHeader(buffer, 0, header)
            .orderId(order.orderId())
            .instrumentId(order.instrumentId())
            .side(order.side());
        return orders.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + statusRequest.encodedLength());
    }

    /**
     * @param cancelId fresh id of the cancel request.
     * @param order    the order to cancel.
     * @return what the order sink returned: live, a position or {@link Outbox#KEPT}.
     */
    @Override
    public long sendCancel(final long cancelId, final ChildOrder order)
    {
        cancelOrder.wrapAndApplyHeader(buffer, 0, header)
            .cancelId(cancelId)
            .orderId(order.orderId())
            .instrumentId(order.instrumentId())
            .side(order.side())
            .quantity(order.quantity());
        return orders.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + cancelOrder.encodedLength());
    }

    /**
     * @param engineId this engine process's id: a gateway that sees a new one recovers the state of open orders.
     * @return position, or a negative {@link Publication} code.
     */
    public long sendLogon(final long engineId)
    {
        logon.wrapAndApplyHeader(buffer, 0, header).engineId(engineId);
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + logon.encodedLength());
    }

    /**
     * @param engineId this engine process's id.
     * @return position, or a negative {@link Publication} code.
     */
    public long sendLogout(final long engineId)
    {
        logout.wrapAndApplyHeader(buffer, 0, header).engineId(engineId);
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + logout.encodedLength());
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
