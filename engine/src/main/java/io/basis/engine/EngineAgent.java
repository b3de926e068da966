package io.basis.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.basis.engine.control.CommandAuthenticator;
import io.basis.engine.control.CommandGate;
import io.basis.engine.control.CommandLog;
import io.basis.engine.gateway.GatewayMessageHandler;
import io.basis.engine.gateway.GatewayPublisher;
import io.basis.engine.gateway.Outbox;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.position.Positions;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.strategy.Strategy;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.CancelRejectEncoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.RejectReason;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * The engine's duty cycle over Aeron: polls the gateway's stream and the control stream, feeds the
 * {@link TradingEngine} (operator commands through the {@link CommandGate}), gives it a timer event every cycle,
 * publishes its orders through an {@link Outbox} (an order the gateway will never take returns to the engine as
 * a reject input, never as a failed call), introduces the engine to each gateway (logon and instrument definitions) and writes its
 * counters. Everything the engine decides is in {@link TradingEngine}; this class only moves messages.
 * Single-threaded; garbage-free after start.
 */
public final class EngineAgent implements Agent
{
    private static final int GATEWAY_FRAGMENT_LIMIT = 64;
    private static final int CONTROL_FRAGMENT_LIMIT = 4;
    /** Orders and cancels that may wait for a back-pressured gateway publication. */
    private static final int OUTBOX_BYTES = 4 * 1024 * 1024;

    private final TradingEngine engine;
    private final List<Instrument> instruments;
    private final GatewayPublisher publisher;
    private final Outbox outbox;
    private final Outbox.UndeliverableHandler undeliverableHandler = this::onUndeliverable;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final OrderRejectEncoder orderReject = new OrderRejectEncoder();
    private final CancelRejectEncoder cancelReject = new CancelRejectEncoder();
    private final UnsafeBuffer rejectBuffer = new UnsafeBuffer(new byte[64]);
    private final Subscription gatewaySubscription;
    private final Subscription controlSubscription;
    private final GatewayMessageHandler gatewayHandler;
    private final CommandGate commandGate;
    private final EngineStatus status;
    private final NanoClock clock;
    /** This engine process's start, epoch microseconds: the gateway tells engines apart by it. */
    private final long engineId = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    private boolean gatewayConnected;
    private boolean logonSent;
    private int nextDefinition;
    private long introducedToGatewayId;

    EngineAgent(
        final EngineConfig config,
        final ReferenceData referenceData,
        final Publication gatewayPublication,
        final Subscription gatewaySubscription,
        final Subscription controlSubscription,
        final EngineStatus status,
        final OrderTracker tracker,
        final Positions positions,
        final Strategy strategy,
        final NanoClock clock,
        final CommandAuthenticator authenticator,
        final CommandLog commandLog)
    {
        this.instruments = referenceData.instruments();
        this.gatewaySubscription = gatewaySubscription;
        this.controlSubscription = controlSubscription;
        this.status = status;
        this.clock = clock;
        outbox = new Outbox(gatewayPublication, OUTBOX_BYTES);
        publisher = new GatewayPublisher(gatewayPublication, outbox);
        engine = new TradingEngine(config, referenceData, tracker, positions, strategy, publisher, new EngineClock());
        gatewayHandler = new GatewayMessageHandler(engine);
        commandGate = new CommandGate(authenticator, commandLog, engine::onAdminCommand);
    }

    @Override
    public String roleName()
    {
        return "basis-engine";
    }

    @Override
    public int doWork()
    {
        // The timer first: a command carries no time of its own and takes the engine's, which must be current.
        int work = engine.onTimer(clock.nanoTime());
        work += gatewaySubscription.poll(gatewayHandler, GATEWAY_FRAGMENT_LIMIT);
        work += controlSubscription.poll(commandGate, CONTROL_FRAGMENT_LIMIT);
        work += introduceToGateway();
        work += outbox.drain();
        work += outbox.reportUndeliverable(undeliverableHandler);
        engine.writeStatus(status);
        status.set(EngineCounters.UNDELIVERABLE_ORDERS, outbox.undeliverableCount());
        status.set(EngineCounters.COMMANDS_ACCEPTED, commandGate.accepted());
        status.set(EngineCounters.COMMANDS_REFUSED, commandGate.refused());
        return work;
    }

    /**
     * Tell the gateway this engine stops, so that it keeps what follows for the next engine rather than offer it
     * to a subscription about to close. Runs on the agent thread as the runner closes.
     */
    @Override
    public void onClose()
    {
        if (gatewayConnected)
        {
            publisher.sendLogout(engineId);
        }
    }

    /**
     * Send the engine logon and every instrument definition once per gateway connection, or per new gateway, so
     * that a restarted gateway (which shares the publication its predecessor left) learns them again.
     */
    private int introduceToGateway()
    {
        final boolean connected = publisher.isConnected();
        if (connected != gatewayConnected || engine.gatewayId() != introducedToGatewayId)
        {
            gatewayConnected = connected;
            introducedToGatewayId = engine.gatewayId();
            nextDefinition = 0;
            logonSent = false;
        }
        int work = 0;
        if (connected && nextDefinition == 0 && !logonSent)
        {
            // First on every connection: a gateway that sees a new engine recovers the state of open orders.
            if (publisher.sendLogon(engineId) < 0)
            {
                return 0;
            }
            logonSent = true;
            work++;
        }
        while (connected && nextDefinition < instruments.size())
        {
            if (publisher.sendInstrumentDefinition(instruments.get(nextDefinition)) < 0)
            {
                break;
            }
            nextDefinition++;
            work++;
        }
        return work;
    }

    /**
     * @return the engine's decisions, for tests and the final report (read on the engine thread or after it).
     */
    TradingEngine tradingEngine()
    {
        return engine;
    }

    /**
     * @return operator commands refused since start (see {@link CommandGate}).
     */
    long commandsRefused()
    {
        return commandGate.refused();
    }

    /**
     * An order or cancel the gateway's publication will never take becomes the input the gateway would have sent
     * had it refused it: an order reject or a cancel reject, reason SESSION_DOWN, fed to the engine like any
     * other input once the decision that sent it has completed.
     */
    private void onUndeliverable(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
        {
            newOrder.wrapAndApplyHeader(buffer, offset, header);
            orderReject.wrapAndApplyHeader(rejectBuffer, 0, headerEncoder)
                .orderId(newOrder.orderId())
                .instrumentId(newOrder.instrumentId())
                .reason(RejectReason.SESSION_DOWN);
            gatewayHandler.onFragment(rejectBuffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + orderReject.encodedLength(), null);
        }
        else if (header.templateId() == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancelOrder.wrapAndApplyHeader(buffer, offset, header);
            cancelReject.wrapAndApplyHeader(rejectBuffer, 0, headerEncoder)
                .orderId(cancelOrder.orderId())
                .cancelId(cancelOrder.cancelId())
                .reason(RejectReason.SESSION_DOWN);
            gatewayHandler.onFragment(rejectBuffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + cancelReject.encodedLength(), null);
        }
    }
}
