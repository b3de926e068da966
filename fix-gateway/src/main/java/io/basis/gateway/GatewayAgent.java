package io.basis.gateway;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.basis.gateway.link.EnginePublisher;
import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.marketdata.MarketDataSubscriptions;
import io.basis.gateway.marketdata.MarketStatusTranslator;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.CountersMirror;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.gateway.ops.GatewayProbe;
import io.basis.gateway.order.OrderLists;
import io.basis.gateway.order.OrderStatusRecovery;
import io.basis.gateway.order.OrderTranslator;
import io.basis.gateway.session.SessionRouter;
import io.basis.gateway.session.SessionStatusPublisher;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.EngineLogonDecoder;
import io.basis.protocol.sbe.EngineLogoutDecoder;
import io.basis.protocol.sbe.InstrumentDefinitionDecoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.OrderStatusRequestDecoder;
import io.basis.protocol.sbe.RejectReason;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;

/**
 * The engine-facing duty cycle: polls ENGINE_TO_GATEWAY and turns instrument definitions into market-data and
 * market-status subscriptions and orders into FIX messages sent on the order-entry session. With several sessions of
 * a role, each definition is routed ({@link SessionRouter}) to one order-entry and one market-data session: its
 * orders and cancels go to that order-entry session's translator (an instrument-id lookup in a primitive map), its
 * subscription to that market-data session. It republishes the session and market status to an engine that
 * connects, asks the exchange for the state of the open orders when a new engine logs on, and delivers what waits
 * in the backlog for the engine.
 * <p>
 * It also drains the {@link FixHandOff}: every message QuickFIX/J's socket threads parsed goes through QuickFIX/J's
 * session processing here, and with the logouts QuickFIX/J raises elsewhere reaches {@link ExchangeInbound}, so this
 * one thread owns the translators, the journal, the lists, the recovery, the session and market status and the
 * {@link EnginePublisher}, and none of them locks.
 * <p>
 * Runs on its own thread under an {@link org.agrona.concurrent.AgentRunner}; everything here is confined to it.
 */
final class GatewayAgent implements Agent
{
    /** Enough for a definitions burst to become a few V messages rather than one per symbol. */
    private static final int FRAGMENT_LIMIT = 64;
    /** Hand-offs per duty cycle: a burst of market data must not starve the engine's orders. */
    private static final int HAND_OFF_LIMIT = 64;
    /** How often the Aeron conductor runs and AeronStat's copy of the counters is refreshed. */
    private static final long CONDUCTOR_INTERVAL_NS = 1_000_000;

    private final Subscription fromEngine;
    private final Publication toEngine;
    private final InstrumentDirectory directory;
    private final OrderTranslator[] orders;
    private final OrderLists[] lists;
    private final MarketDataSubscriptions[] subscriptions;
    private final SessionRouter router;
    /** Engine instrument id to the index of its order-entry session; absent when it has none. */
    private final Int2IntHashMap orderRoutes = new Int2IntHashMap(SessionRouter.NO_ROUTE);
    private final SessionStatusPublisher sessionStatus;
    private final MarketStatusTranslator marketStatus;
    private final EnginePublisher sink;
    private final OrderStatusRecovery orderStatus;
    private final GatewayCounters counters;
    private final Alarms alarms;
    private final FragmentHandler fragmentHandler = new FragmentAssembler(this::onFragment);
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final NewOrderDecoder newOrderDecoder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrderDecoder = new CancelOrderDecoder();
    private final OrderStatusRequestDecoder statusRequestDecoder = new OrderStatusRequestDecoder();
    /** Per market-data session, the symbols defined since the last subscription. */
    private final List<Set<String>> newSymbols = new ArrayList<>();
    private final EngineLogonDecoder logonDecoder = new EngineLogonDecoder();
    private final EngineLogoutDecoder logoutDecoder = new EngineLogoutDecoder();
    private final Aeron aeron;
    private final AgentInvoker conductor;
    private final CountersMirror countersMirror;
    private final Consumer<String> onClientClosed;
    private final GatewayProbe probe;
    private final FixHandOff handOff;
    private boolean engineConnected;
    private long engineId;
    private boolean clientClosed;
    private long nextConductorNs;

    GatewayAgent(
        final Subscription fromEngine,
        final Publication toEngine,
        final InstrumentDirectory directory,
        final SessionRouter router,
        final OrderTranslator[] orders,
        final MarketDataSubscriptions[] subscriptions,
        final SessionStatusPublisher sessionStatus,
        final MarketStatusTranslator marketStatus,
        final EnginePublisher sink,
        final OrderStatusRecovery orderStatus,
        final GatewayCounters counters,
        final Alarms alarms,
        final Aeron aeron,
        final CountersMirror countersMirror,
        final Consumer<String> onClientClosed,
        final GatewayProbe probe,
        final FixHandOff handOff)
    {
        this.handOff = handOff;
        this.probe = probe;
        this.aeron = aeron;
        this.conductor = aeron.conductorAgentInvoker();
        this.countersMirror = countersMirror;
        this.onClientClosed = onClientClosed;
        this.orderStatus = orderStatus;
        this.fromEngine = fromEngine;
        this.toEngine = toEngine;
        this.directory = directory;
        this.router = router;
        this.orders = orders.clone();
        final List<OrderLists> collectors = new ArrayList<>();
        for (final OrderTranslator translator : orders)
        {
            if (translator.lists() != null)
            {
                collectors.add(translator.lists());
            }
        }
        this.lists = collectors.toArray(new OrderLists[0]);
        this.subscriptions = subscriptions.clone();
        for (int i = 0; i < subscriptions.length; i++)
        {
            newSymbols.add(new LinkedHashSet<>());
        }
        this.sessionStatus = sessionStatus;
        this.marketStatus = marketStatus;
        this.sink = sink;
        this.counters = counters;
        this.alarms = alarms;
    }

    @Override
    public void onStart()
    {
        handOff.consumer(Thread.currentThread());
    }

    /**
     * Handle what QuickFIX/J handed over before it stopped (the logouts of a closing gateway), then refuse more.
     */
    @Override
    public void onClose()
    {
        while (handOff.drain(HAND_OFF_LIMIT) > 0)
        {
            sink.drain();
        }
        handOff.close();
    }

    @Override
    public int doWork()
    {
        if (clientClosed)
        {
            // The publisher refuses every send now; the hand-off is still drained so QuickFIX/J never waits on it.
            return handOff.drain(HAND_OFF_LIMIT);
        }
        // The Aeron client's conductor runs here, once a millisecond (it only keeps the driver informed and
        // notices connections). If it closes the client (driver gone), nothing below may touch the client's mapped
        // files, and the publisher refuses every later send.
        int work = 0;
        final long nowNs = System.nanoTime();
        if (nowNs - nextConductorNs >= 0)
        {
            nextConductorNs = nowNs + CONDUCTOR_INTERVAL_NS;
            final int conductorWork = sink.invokeConductor(conductor, aeron);
            if (conductorWork < 0)
            {
                clientClosed = true;
                onClientClosed.accept("the Aeron client closed (media driver at " +
                    aeron.context().aeronDirectoryName() + " gone or unresponsive); stopping");
                return 0;
            }
            work += conductorWork;
            countersMirror.update();
        }
        final boolean connected = toEngine.isConnected();
        if (connected != engineConnected)
        {
            engineConnected = connected;
            if (connected)
            {
                sessionStatus.republish(sink);
                // Halts, phase and sidecar the exchange announced before this engine connected.
                marketStatus.republish(sink);
            }
            work++;
        }
        work += sink.drain();
        // The exchange's messages first: a tick on its way to the engine is the latency that counts.
        work += handOff.drain(HAND_OFF_LIMIT);

        final int fragments = fromEngine.poll(fragmentHandler, FRAGMENT_LIMIT);
        work += fragments;
        if (fragments < FRAGMENT_LIMIT)
        {
            // Only with the stream drained: a leg still unread must not fail its list because this thread lagged.
            for (final OrderLists collector : lists)
            {
                work += collector.expire();
            }
        }

        for (int i = 0; i < subscriptions.length; i++)
        {
            final Set<String> symbols = newSymbols.get(i);
            if (!symbols.isEmpty())
            {
                // One V per batch of definitions and session. Sent even for symbols already subscribed: an engine
                // that (re)connects redefines its instruments and needs fresh snapshots.
                subscriptions[i].subscribe(symbols);
                subscriptions[i].requestMarketStatus(symbols, false);
                symbols.clear();
                work++;
            }
        }
        return work;
    }

    @Override
    public String roleName()
    {
        return "basis-gateway";
    }

    /**
     * A new engine: it knows nothing of the orders its predecessor left. Their state is asked afresh; the answers
     * queue behind whatever the backlog kept for it.
     */
    private void onEngineLogon(final long engineId)
    {
        if (engineId == this.engineId)
        {
            return;
        }
        final boolean first = this.engineId == 0;
        this.engineId = engineId;
        sink.engineAbsent(false);
        if (!first)
        {
            // A restart within the same connection never looked disconnected: republish what the engine lost.
            sessionStatus.republish(sink);
            marketStatus.republish(sink);
        }
        orderStatus.requestOpenOrders();
    }

    /**
     * The engine stops: its subscription may linger in the media driver for a while, so what follows is kept in
     * the backlog for the next engine rather than offered to one that no longer reads.
     */
    private void onEngineLogout(final long engineId)
    {
        if (engineId == this.engineId)
        {
            sink.engineAbsent(true);
        }
    }

    /**
     * Record an instrument and route it: its order-entry session now, its market-data subscription with the next
     * batch. A redefinition may move it to another session.
     */
    private void onDefinition(final int instrumentId, final String symbol, final InstrumentKind kind)
    {
        directory.define(instrumentId, symbol, kind);
        final int orderEntry = router.orderEntryIndex(symbol, kind);
        if (orderEntry == SessionRouter.NO_ROUTE)
        {
            orderRoutes.remove(instrumentId);
            alarms.raise(Alarm.NO_ROUTE, "instrument " + instrumentId + " " + symbol + " (" + kind +
                "): no order-entry session; its orders are rejected");
        }
        else
        {
            orderRoutes.put(instrumentId, orderEntry);
        }
        final int marketData = router.marketDataIndex(symbol, kind);
        if (marketData == SessionRouter.NO_ROUTE)
        {
            alarms.raise(Alarm.NO_ROUTE, "instrument " + instrumentId + " " + symbol + " (" + kind +
                "): no market-data session; not subscribed");
        }
        else
        {
            newSymbols.get(marketData).add(symbol);
        }
    }

    /**
     * The translator of an instrument's order-entry session, or null: an instrument the engine never defined
     * (rejected as before, no alarm) or one routed to no session (alarm).
     */
    private OrderTranslator routeOf(final int instrumentId, final String what, final long id)
    {
        final int session = orderRoutes.get(instrumentId);
        if (session != SessionRouter.NO_ROUTE)
        {
            return orders[session];
        }
        if (directory.symbolOf(instrumentId) != null)
        {
            alarms.raise(Alarm.NO_ROUTE, what + " " + id + ": instrument " + instrumentId +
                " has no order-entry session");
        }
        return null;
    }

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        counters.messagesFromEngine.incrementRelease();
        headerDecoder.wrap(buffer, offset);
        if (headerDecoder.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            alarms.raise(Alarm.BAD_ENGINE_MESSAGE, "schemaId " + headerDecoder.schemaId());
            return;
        }
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        switch (headerDecoder.templateId())
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                definitionDecoder.wrap(buffer, bodyOffset, blockLength, version);
                onDefinition(definitionDecoder.instrumentId(), definitionDecoder.symbol().trim(),
                    definitionDecoder.kind());
                break;

            case EngineLogonDecoder.TEMPLATE_ID:
                logonDecoder.wrap(buffer, bodyOffset, blockLength, version);
                onEngineLogon(logonDecoder.engineId());
                break;

            case EngineLogoutDecoder.TEMPLATE_ID:
                onEngineLogout(logoutDecoder.wrap(buffer, bodyOffset, blockLength, version).engineId());
                break;

            case NewOrderDecoder.TEMPLATE_ID:
                newOrderDecoder.wrap(buffer, bodyOffset, blockLength, version);
                probe.onNewOrderPolled(newOrderDecoder.triggerTimestampNs());
                if (sink.isCongested())
                {
                    // Reports for the engine are piling up: adding orders would only add reports it cannot get.
                    alarms.raise(Alarm.ENGINE_BACKLOG_CONGESTED, "order " + newOrderDecoder.orderId());
                    orders[0].refuse(newOrderDecoder, RejectReason.GATEWAY_BACKLOG);
                }
                else
                {
                    final OrderTranslator translator = routeOf(newOrderDecoder.instrumentId(), "order",
                        newOrderDecoder.orderId());
                    if (translator == null)
                    {
                        orders[0].refuse(newOrderDecoder, RejectReason.UNKNOWN_INSTRUMENT);
                    }
                    else if (translator.onNewOrder(newOrderDecoder))
                    {
                        probe.onNewOrderSent(newOrderDecoder.triggerTimestampNs());
                        counters.fixOrdersOut.incrementRelease();
                    }
                }
                break;

            case CancelOrderDecoder.TEMPLATE_ID:
                cancelOrderDecoder.wrap(buffer, bodyOffset, blockLength, version);
                final OrderTranslator translator = routeOf(cancelOrderDecoder.instrumentId(), "cancel",
                    cancelOrderDecoder.cancelId());
                if (translator == null)
                {
                    orders[0].refuse(cancelOrderDecoder, RejectReason.UNKNOWN_INSTRUMENT);
                }
                else if (translator.onCancelOrder(cancelOrderDecoder))
                {
                    counters.fixOrdersOut.incrementRelease();
                }
                break;

            case OrderStatusRequestDecoder.TEMPLATE_ID:
                statusRequestDecoder.wrap(buffer, bodyOffset, blockLength, version);
                final OrderTranslator asked = routeOf(statusRequestDecoder.instrumentId(), "order status request",
                    statusRequestDecoder.orderId());
                if (asked != null && asked.onStatusRequest(statusRequestDecoder) && counters != null)
                {
                    counters.orderStatusRequests.incrementRelease();
                }
                break;

            default:
                alarms.raise(Alarm.BAD_ENGINE_MESSAGE, "templateId " + headerDecoder.templateId());
        }
    }
}
