package io.basis.gateway.link;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.protocol.sbe.CancelRejectEncoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentTerminationException;

/**
 * The {@link SbeSink} to the engine: offers to the GATEWAY_TO_ENGINE publication and never blocks the caller.
 * What cannot be offered now waits in a bounded backlog, in order, and {@link #drain()} (the gateway agent's duty
 * cycle) delivers it when the engine is back or no longer back-pressured:
 * <ul>
 *     <li>market data while no engine is connected (or after its logout): dropped and counted (a connecting engine
 *     re-snapshots);</li>
 *     <li>everything else, or anything while the backlog is not empty (order is kept) or after the engine's
 *     logout: appended to the backlog, delivered to the next engine once it logs on;</li>
 *     <li>backlog full: the message is dropped, counted and alarmed ({@link Alarm#ENGINE_BACKLOG_FULL}); order
 *     states are recovered from the exchange when an engine connects;</li>
 *     <li>CLOSED, MAX_POSITION_EXCEEDED: counted and alarmed.</li>
 * </ul>
 * Past half its capacity the backlog is {@link #isCongested() congested}: the gateway refuses new orders from
 * the engine rather than add reports it cannot deliver. Messages waiting longer than the publish timeout raise
 * {@link Alarm#ENGINE_PUBLISH_TIMEOUT} once per outage.
 * <p>
 * Owned by the gateway agent: every translator that sends runs on it (QuickFIX/J's threads hand their messages
 * over, {@link FixHandOff}), so a send and a drain never overlap and a message can never overtake one waiting in
 * the backlog, without a lock. The publication is the agent's alone.
 */
public final class EnginePublisher implements SbeSink
{
    private final Publication publication;
    private final ExpandableRingBuffer backlog;
    private final int congestedBytes;
    private final long publishTimeoutNs;
    private final BooleanSupplier closing;
    private final GatewayCounters counters;
    private final Alarms alarms;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final ExpandableRingBuffer.MessageConsumer deliver = this::deliver;
    private boolean congested;
    private boolean engineAbsent;
    /** True while the backlog holds anything. */
    private boolean waiting;
    /** Set once the Aeron client closed (driver gone): its publication must not be touched again. */
    private boolean clientClosed;
    private long waitingSinceNs;
    private int deliveredCount;
    private boolean timeoutRaised;

    /**
     * @param publication      to the engine.
     * @param backlogBytes     capacity of the backlog.
     * @param publishTimeoutNs how long messages may wait before an alarm.
     * @param closing          true once the gateway is closing: nothing more is delivered.
     * @param counters         gateway counters.
     * @param alarms           gateway alarms.
     */
    public EnginePublisher(
        final Publication publication,
        final int backlogBytes,
        final long publishTimeoutNs,
        final BooleanSupplier closing,
        final GatewayCounters counters,
        final Alarms alarms)
    {
        this.publication = publication;
        this.backlog = new ExpandableRingBuffer(Math.min(backlogBytes, 64 * 1024), backlogBytes, true);
        this.congestedBytes = backlogBytes / 2;
        this.publishTimeoutNs = publishTimeoutNs;
        this.closing = closing;
        this.counters = counters;
        this.alarms = alarms;
    }

    @Override
    public boolean send(
        final DirectBuffer buffer, final int offset, final int length, final Delivery delivery)
    {
        if (clientClosed)
        {
            counters.undeliverable.incrementRelease();
            return false;
        }
        final boolean absent = engineAbsent;
        if (backlog.isEmpty() && !absent)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result >= 0)
            {
                delivered(buffer, offset);
                return true;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                return undeliverable(Alarm.PUBLICATION_FAILED, "offer returned " + Publication.errorString(result),
                    buffer, offset);
            }
            if (result == Publication.BACK_PRESSURED)
            {
                counters.backPressureEvents.incrementRelease();
            }
        }
        if (delivery == Delivery.DROP_IF_NO_ENGINE && (absent || !publication.isConnected()))
        {
            counters.marketDataDropped.incrementRelease();
            return false;
        }
        if (closing.getAsBoolean())
        {
            counters.undeliverable.incrementRelease();
            return false;
        }
        return append(buffer, offset, length, delivery);
    }

    /**
     * Deliver what waits in the backlog, in order, until the backlog is empty or the engine cannot take more.
     * Called by the gateway agent on every duty cycle.
     *
     * @return messages delivered.
     */
    public int drain()
    {
        return waiting && !engineAbsent ? drainWaiting() : 0;
    }

    private int drainWaiting()
    {
        if (clientClosed)
        {
            return 0;
        }
        deliveredCount = 0;
        backlog.consume(deliver, Integer.MAX_VALUE);
        counters.engineBacklog.setRelease(backlog.size());
        congested = backlog.size() > congestedBytes;
        if (backlog.isEmpty())
        {
            waiting = false;
            timeoutRaised = false;
        }
        else if (!timeoutRaised && System.nanoTime() - waitingSinceNs > publishTimeoutNs)
        {
            timeoutRaised = true;
            alarms.raise(Alarm.ENGINE_PUBLISH_TIMEOUT, backlog.size() + " bytes waiting for the engine on stream " +
                publication.streamId() + " for over " + TimeUnit.NANOSECONDS.toMillis(publishTimeoutNs) + " ms");
        }
        return deliveredCount;
    }

    /**
     * Run the Aeron client's conductor (it runs on the gateway agent, {@code useConductorAgentInvoker}) on the
     * thread that sends: when the driver goes away the conductor closes the client and unmaps its files inside this
     * call, so no send may be offering into them meanwhile, and none may after.
     *
     * @param conductor the client's conductor.
     * @param client    the client, to see whether the conductor closed it.
     * @return the conductor's work count, or -1 once the client is closed.
     */
    public int invokeConductor(final AgentInvoker conductor, final Aeron client)
    {
        if (clientClosed)
        {
            return -1;
        }
        final int work;
        try
        {
            work = conductor.invoke();
        }
        catch (final AgentTerminationException ex)
        {
            // The conductor stops itself after it reported the driver's loss to the error handler.
            clientClosed = true;
            return -1;
        }
        if (client.isClosed() || !conductor.isRunning())
        {
            clientClosed = true;
            return -1;
        }
        return work;
    }

    /**
     * @param absent true from an engine's logout to the next engine's logon: nothing is offered meanwhile, since
     *               the leaving engine's subscription may still be connected but no longer read.
     */
    public void engineAbsent(final boolean absent)
    {
        engineAbsent = absent;
    }

    /**
     * @return true while the backlog is over half full: new orders are refused with {@code GATEWAY_BACKLOG}.
     */
    public boolean isCongested()
    {
        return congested;
    }

    /**
     * @return bytes waiting in the backlog.
     */
    int backlogBytes()
    {
        return backlog.size();
    }

    private boolean deliver(
        final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        if (closing.getAsBoolean())
        {
            return false;
        }
        final long result = publication.offer(buffer, offset, length);
        if (result >= 0)
        {
            delivered(buffer, offset);
            deliveredCount++;
            return true;
        }
        if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
        {
            // Consumed: retrying a closed publication would hold the backlog forever.
            undeliverable(Alarm.PUBLICATION_FAILED, "offer returned " + Publication.errorString(result),
                buffer, offset);
            return true;
        }
        return false;
    }

    private boolean append(final DirectBuffer buffer, final int offset, final int length, final Delivery delivery)
    {
        final boolean wasEmpty = backlog.isEmpty();
        if (!backlog.append(buffer, offset, length))
        {
            if (delivery == Delivery.DROP_IF_NO_ENGINE)
            {
                counters.marketDataDropped.incrementRelease();
                return false;
            }
            return undeliverable(Alarm.ENGINE_BACKLOG_FULL,
                "backlog of " + backlog.size() + " bytes full; order states are re-requested when an engine connects",
                buffer, offset);
        }
        if (wasEmpty)
        {
            waitingSinceNs = System.nanoTime();
            waiting = true;
        }
        counters.engineBacklog.setRelease(backlog.size());
        congested = backlog.size() > congestedBytes;
        return true;
    }

    private void delivered(final DirectBuffer buffer, final int offset)
    {
        counters.messagesToEngine.incrementRelease();
        headerDecoder.wrap(buffer, offset);
        final int templateId = headerDecoder.templateId();
        if (templateId == OrderRejectEncoder.TEMPLATE_ID || templateId == CancelRejectEncoder.TEMPLATE_ID)
        {
            counters.rejectsToEngine.incrementRelease();
        }
    }

    private boolean undeliverable(final Alarm alarm, final String why, final DirectBuffer buffer, final int offset)
    {
        counters.undeliverable.incrementRelease();
        headerDecoder.wrap(buffer, offset);
        alarms.raise(alarm, why + " (templateId " + headerDecoder.templateId() + ")");
        return false;
    }
}
