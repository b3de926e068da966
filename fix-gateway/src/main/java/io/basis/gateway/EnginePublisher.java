package io.basis.gateway;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.aeron.Publication;
import io.basis.protocol.sbe.CancelRejectEncoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The {@link SbeSink} to the engine: offers to the GATEWAY_TO_ENGINE publication and applies the retry policy.
 * <ul>
 *     <li>BACK_PRESSURED, ADMIN_ACTION: idle and retry; never dropped (only abandoned when the gateway closes).</li>
 *     <li>NOT_CONNECTED: market data is dropped and counted (the engine is re-snapshotted when it subscribes);
 *     everything else waits for the engine up to the publish timeout, then is counted and alarmed.</li>
 *     <li>CLOSED, MAX_POSITION_EXCEEDED: counted and alarmed.</li>
 * </ul>
 * The publication is shared (Aeron publications are thread safe) but a publisher is not: each publishing thread
 * has its own, because the idle strategy carries state.
 */
final class EnginePublisher implements SbeSink
{
    private final Publication publication;
    private final IdleStrategy idleStrategy;
    private final long publishTimeoutNs;
    private final BooleanSupplier closing;
    private final GatewayCounters counters;
    private final Alarms alarms;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();

    EnginePublisher(
        final Publication publication,
        final IdleStrategy idleStrategy,
        final long publishTimeoutNs,
        final BooleanSupplier closing,
        final GatewayCounters counters,
        final Alarms alarms)
    {
        this.publication = publication;
        this.idleStrategy = idleStrategy;
        this.publishTimeoutNs = publishTimeoutNs;
        this.closing = closing;
        this.counters = counters;
        this.alarms = alarms;
    }

    @Override
    public boolean send(final DirectBuffer buffer, final int offset, final int length, final Delivery delivery)
    {
        boolean backPressureCounted = false;
        long deadlineNs = 0;
        idleStrategy.reset();
        while (true)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result >= 0)
            {
                counters.messagesToEngine.incrementRelease();
                countReject(buffer, offset);
                return true;
            }

            if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
            {
                if (!backPressureCounted && result == Publication.BACK_PRESSURED)
                {
                    counters.backPressureEvents.incrementRelease();
                    backPressureCounted = true;
                }
                if (closing.getAsBoolean())
                {
                    return abandon();
                }
            }
            else if (result == Publication.NOT_CONNECTED)
            {
                if (delivery == Delivery.DROP_IF_NO_ENGINE)
                {
                    counters.marketDataDropped.incrementRelease();
                    return false;
                }
                final long nowNs = System.nanoTime();
                if (deadlineNs == 0)
                {
                    deadlineNs = nowNs + publishTimeoutNs;
                }
                if (closing.getAsBoolean())
                {
                    return abandon();
                }
                if (nowNs - deadlineNs >= 0)
                {
                    return undeliverable(Alarm.ENGINE_PUBLISH_TIMEOUT,
                        "no engine on stream " + publication.streamId() + " after " +
                        TimeUnit.NANOSECONDS.toMillis(publishTimeoutNs) + " ms", buffer, offset);
                }
            }
            else
            {
                return undeliverable(Alarm.PUBLICATION_FAILED, "offer returned " + Publication.errorString(result),
                    buffer, offset);
            }
            idleStrategy.idle();
        }
    }

    /** Shutting down: give up without an alarm, an engine that left first expects to miss the final logout. */
    private boolean abandon()
    {
        counters.undeliverable.incrementRelease();
        return false;
    }

    private boolean undeliverable(final Alarm alarm, final String why, final DirectBuffer buffer, final int offset)
    {
        counters.undeliverable.incrementRelease();
        headerDecoder.wrap(buffer, offset);
        alarms.raise(alarm, why + " (templateId " + headerDecoder.templateId() + ")");
        return false;
    }

    private void countReject(final DirectBuffer buffer, final int offset)
    {
        headerDecoder.wrap(buffer, offset);
        final int templateId = headerDecoder.templateId();
        if (templateId == OrderRejectEncoder.TEMPLATE_ID || templateId == CancelRejectEncoder.TEMPLATE_ID)
        {
            counters.rejectsToEngine.incrementRelease();
        }
    }
}
