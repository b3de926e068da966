package io.basis.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.marketdata.MarketDataSubscriptions;
import io.basis.gateway.marketdata.MarketDataTranslator;
import io.basis.gateway.marketdata.MarketStatusTranslator;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.gateway.ops.GatewayProbe;
import io.basis.gateway.order.ExecutionTranslator;
import io.basis.gateway.order.OrderEntryRejects;
import io.basis.gateway.order.OrderStatusRecovery;
import io.basis.gateway.session.GatewayApplication;
import io.basis.gateway.session.HandOffInitiator;
import io.basis.gateway.session.SessionRoles;
import io.basis.gateway.session.SessionStatusPublisher;
import io.basis.protocol.sbe.SessionRole;
import quickfix.FieldNotFound;
import quickfix.LogUtil;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.MsgType;
import quickfix.field.Text;

/**
 * Everything that arrives from the exchange, on the gateway agent's thread: the messages QuickFIX/J's socket threads
 * parsed go through QuickFIX/J's session processing here ({@link #onMessage}, handed over by the
 * {@link HandOffInitiator}), whose callbacks ({@link GatewayApplication}) come back to this class at once; the
 * logouts QuickFIX/J raises on its own threads arrive through the {@link FixHandOff}. This dispatches each
 * application message to the translators of the session it arrived on (looked up by SessionID) and session events
 * to the status publisher and the order-status recovery. Those objects are the agent's alone: nothing here is
 * shared with a QuickFIX/J thread, so nothing here locks.
 * Nothing thrown here may stop the agent: a message that cannot be handled is an alarm.
 */
final class ExchangeInbound implements FixHandOff.Handler
{
    private final SessionRoles roles;
    private final Map<SessionID, Integer> orderEntryIndex = new HashMap<>();
    private final Map<SessionID, Integer> marketDataIndex = new HashMap<>();
    private final MarketDataTranslator[] marketData;
    private final MarketStatusTranslator marketStatus;
    private final ExecutionTranslator[] executions;
    private final MarketDataSubscriptions[] subscriptions;
    private final SessionStatusPublisher sessionStatus;
    private final SbeSink sink;
    private final GatewayCounters counters;
    private final Alarms alarms;
    private final OrderStatusRecovery orderStatus;
    private final OrderEntryRejects[] rejects;
    private final GatewayProbe probe;

    ExchangeInbound(
        final SessionRoles roles,
        final MarketDataTranslator[] marketData,
        final MarketStatusTranslator marketStatus,
        final ExecutionTranslator[] executions,
        final MarketDataSubscriptions[] subscriptions,
        final SessionStatusPublisher sessionStatus,
        final SbeSink sink,
        final GatewayCounters counters,
        final Alarms alarms,
        final OrderStatusRecovery orderStatus,
        final OrderEntryRejects[] rejects,
        final GatewayProbe probe)
    {
        this.probe = probe;
        this.orderStatus = orderStatus;
        this.rejects = rejects.clone();
        this.roles = roles;
        this.marketData = marketData.clone();
        this.marketStatus = marketStatus;
        this.executions = executions.clone();
        this.subscriptions = subscriptions.clone();
        index(roles.orderEntrySessions(), orderEntryIndex);
        index(roles.marketDataSessions(), marketDataIndex);
        this.sessionStatus = sessionStatus;
        this.sink = sink;
        this.counters = counters;
        this.alarms = alarms;
    }

    private static void index(final List<SessionID> sessions, final Map<SessionID, Integer> indexes)
    {
        for (int i = 0; i < sessions.size(); i++)
        {
            indexes.put(sessions.get(i), i);
        }
    }

    /** Index of an order-entry session; the first for any other session, as when there was only one. */
    private int orderEntryIndexOf(final SessionID sessionId)
    {
        final Integer index = orderEntryIndex.get(sessionId);
        return index == null ? 0 : index;
    }

    /** Index of a market-data session; the first for any other session, as when there was only one. */
    private int marketDataIndexOf(final SessionID sessionId)
    {
        final Integer index = marketDataIndex.get(sessionId);
        return index == null ? 0 : index;
    }

    /**
     * What QuickFIX/J's own message thread would do with a message its socket thread parsed: check its sequence
     * number, answer admin messages, and call the application back (on this thread).
     */
    @Override
    public void onMessage(final Session session, final Message message)
    {
        try
        {
            session.next(message);
        }
        catch (final Exception ex)
        {
            // As QuickFIX/J's own message thread does: into the session's log, and on to the next message.
            LogUtil.logThrowable(session.getSessionID(), ex.getMessage(), ex);
        }
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        final SessionRole role = roles.roleOf(sessionId);
        if (role == SessionRole.MARKET_DATA)
        {
            // Market data is not stored or resent: every logon starts from fresh snapshots of every symbol of the
            // session, and from the exchange's current market status. Subscribed before the engine hears of the
            // logon: a definition it sends on hearing it gets its own request, not a second one from here.
            final int index = marketDataIndexOf(sessionId);
            marketData[index].onLogon();
            subscriptions[index].subscribeAll();
            subscriptions[index].requestMarketStatusAll();
            sessionStatus.onStateChange(sessionId, role, true, sink);
        }
        else
        {
            sessionStatus.onStateChange(sessionId, role, true, sink);
            // Reports may have been missed while the session was down or the gateway dead, and orders journaled
            // may never have reached the exchange: ask for the truth about every order still open on it.
            orderStatus.requestOpenOrders(orderEntryIndexOf(sessionId));
        }
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
        final SessionRole role = roles.roleOf(sessionId);
        sessionStatus.onStateChange(sessionId, role, false, sink);
        if (role == SessionRole.ORDER_ENTRY)
        {
            orderStatus.onSessionDown(orderEntryIndexOf(sessionId));
        }
    }

    @Override
    public void onSequenceReset(final SessionID sessionId, final long receiveTimestampNs)
    {
        // Our resend request was answered with a gap fill: market data is never stored, so whatever the skipped
        // sequence numbers carried is lost. Every book is suspect until re-snapshotted.
        marketData[marketDataIndexOf(sessionId)].onSequenceReset(receiveTimestampNs);
    }

    @Override
    public void onSessionReject(final SessionID sessionId, final Message reject)
    {
        try
        {
            // An order, cancel or status request refused at session level ends in a known state.
            rejects[orderEntryIndexOf(sessionId)].onSessionReject(reject);
        }
        catch (final RuntimeException ex)
        {
            alarms.raise(Alarm.UNEXPECTED_FIX_MESSAGE, sessionId + " admin: " + ex);
        }
    }

    @Override
    public void onApplicationMessage(final SessionID sessionId, final Message message, final long receiveTimestampNs)
    {
        counters.fixMessagesIn.incrementRelease();
        try
        {
            final String msgType = message.getHeader().getString(MsgType.FIELD);
            switch (msgType)
            {
                case MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH:
                case MsgType.MARKET_DATA_INCREMENTAL_REFRESH:
                    final MarketDataTranslator translator = marketData[marketDataIndexOf(sessionId)];
                    if (translator.onMessage(message, receiveTimestampNs) > 0)
                    {
                        probe.onMarketDataPublished(translator.exchangeTimestampNs(), receiveTimestampNs);
                    }
                    break;
                case MsgType.SECURITY_STATUS:
                case MsgType.TRADING_SESSION_STATUS:
                    marketStatus.onMessage(message, receiveTimestampNs);
                    break;
                case MsgType.EXECUTION_REPORT:
                    executions[orderEntryIndexOf(sessionId)].onExecutionReport(message, receiveTimestampNs);
                    break;
                case MsgType.ORDER_CANCEL_REJECT:
                    executions[orderEntryIndexOf(sessionId)].onOrderCancelReject(message);
                    break;
                case MsgType.BUSINESS_MESSAGE_REJECT:
                    executions[orderEntryIndexOf(sessionId)].onBusinessMessageReject(message);
                    break;
                case MsgType.LIST_STATUS:
                    executions[orderEntryIndexOf(sessionId)].onListStatus(message);
                    break;
                case MsgType.MARKET_DATA_REQUEST_REJECT:
                    alarms.raise(Alarm.MARKET_DATA_REQUEST_REJECTED, String.valueOf(optional(message, Text.FIELD)));
                    break;
                default:
                    alarms.raise(Alarm.UNEXPECTED_FIX_MESSAGE, sessionId + " MsgType=" + msgType);
            }
        }
        catch (final FieldNotFound | RuntimeException ex)
        {
            alarms.raise(Alarm.UNEXPECTED_FIX_MESSAGE, sessionId + ": " + ex);
        }
    }

    private static String optional(final Message message, final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }
}
