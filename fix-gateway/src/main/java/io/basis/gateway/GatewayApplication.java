package io.basis.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.basis.protocol.sbe.SessionRole;
import quickfix.Application;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.ClOrdID;
import quickfix.field.ListID;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.PossDupFlag;
import quickfix.field.RefSeqNum;
import quickfix.field.Text;

/**
 * QuickFIX/J callbacks of every session, all on the single thread of the {@link quickfix.SocketInitiator}:
 * dispatches incoming application messages to the translators of the session they arrived on (looked up by
 * SessionID) and session events to the status publisher.
 * Nothing thrown here may reach QuickFIX/J, which would reject the message or drop the session.
 */
final class GatewayApplication implements Application
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
    private final SentMessages[] sent;
    private final OrderEntryRejects[] rejects;
    private final GatewayProbe probe;

    GatewayApplication(
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
        final SentMessages[] sent,
        final OrderEntryRejects[] rejects,
        final GatewayProbe probe)
    {
        this.probe = probe;
        this.orderStatus = orderStatus;
        this.sent = sent.clone();
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

    @Override
    public void onCreate(final SessionID sessionId)
    {
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
    public void toAdmin(final Message message, final SessionID sessionId)
    {
        try
        {
            final Integer orderEntry = orderEntryIndex.get(sessionId);
            if (orderEntry != null && message.getHeader().isSetField(MsgSeqNum.FIELD))
            {
                // The sequence number now carries an admin message: a reject of it is no order's.
                sent[orderEntry].record(message.getHeader().getInt(MsgSeqNum.FIELD), SentMessages.NONE, 0);
            }
            if (MsgType.REJECT.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                // QuickFIX/J refused something the exchange sent (it failed validation): the message never reaches
                // the translators, so this is the only trace of it.
                alarms.raise(Alarm.SESSION_REJECT_SENT, sessionId + " RefSeqNum=" +
                    optional(message, RefSeqNum.FIELD) + " Text=" + optional(message, Text.FIELD));
            }
        }
        catch (final FieldNotFound ex)
        {
            // Every message has a MsgType.
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        try
        {
            final String msgType = message.getHeader().getString(MsgType.FIELD);
            if (MsgType.SEQUENCE_RESET.equals(msgType) && roles.roleOf(sessionId) == SessionRole.MARKET_DATA)
            {
                // Our resend request was answered with a gap fill: market data is never stored, so whatever the
                // skipped sequence numbers carried is lost. Every book is suspect until re-snapshotted.
                marketData[marketDataIndexOf(sessionId)].onSequenceReset(System.nanoTime());
            }
            else if (MsgType.LOGOUT.equals(msgType) && !isLoggedOn(sessionId))
            {
                // A Logout in answer to our Logon: refused credentials, an unknown CompID, a closed session.
                alarms.raise(Alarm.LOGON_REFUSED, sessionId + " Text=" + optional(message, Text.FIELD));
            }
            else if (MsgType.REJECT.equals(msgType))
            {
                final Integer orderEntry = orderEntryIndex.get(sessionId);
                if (orderEntry != null)
                {
                    // An order, cancel or status request refused at session level ends in a known state.
                    rejects[orderEntry].onSessionReject(message);
                }
                else
                {
                    alarms.raise(Alarm.SESSION_REJECT, sessionId + " RefSeqNum=" +
                        optional(message, RefSeqNum.FIELD) + " Text=" + optional(message, Text.FIELD));
                }
            }
        }
        catch (final FieldNotFound ex)
        {
            // Every parsed message has a MsgType; nothing to do.
        }
        catch (final RuntimeException ex)
        {
            alarms.raise(Alarm.UNEXPECTED_FIX_MESSAGE, sessionId + " admin: " + ex);
        }
    }

    /**
     * Refuses to resend a stored new order (D or E) when the exchange asks for a resend: an order that old is
     * stale, and it may be known to the exchange already. QuickFIX/J gap fills it instead; the status request
     * sent at logon tells the engine whether the exchange ever had it. Cancels are resent.
     * <p>
     * Every order, cancel, status request and list that goes out on an order-entry session is remembered by its
     * MsgSeqNum (set by QuickFIX/J before this call), so that a Reject (3) naming only RefSeqNum can be traced to it.
     */
    @Override
    public void toApp(final Message message, final SessionID sessionId) throws DoNotSend
    {
        try
        {
            final Message.Header header = message.getHeader();
            final String msgType = header.getString(MsgType.FIELD);
            if (header.isSetField(PossDupFlag.FIELD) && header.getBoolean(PossDupFlag.FIELD))
            {
                if (MsgType.ORDER_SINGLE.equals(msgType) || MsgType.ORDER_LIST.equals(msgType))
                {
                    counters.ordersNotResent.incrementRelease();
                    throw new DoNotSend();
                }
            }
            final Integer orderEntry = orderEntryIndex.get(sessionId);
            if (orderEntry != null)
            {
                remember(sent[orderEntry], header.getInt(MsgSeqNum.FIELD), msgType, message);
            }
        }
        catch (final FieldNotFound ex)
        {
            // Every message has a MsgType, and a MsgSeqNum by now.
        }
    }

    private static void remember(final SentMessages sent, final int seqNum, final String msgType, final Message message)
        throws FieldNotFound
    {
        final byte kind = switch (msgType)
        {
            case MsgType.ORDER_SINGLE -> SentMessages.NEW_ORDER;
            case MsgType.ORDER_CANCEL_REQUEST -> SentMessages.CANCEL;
            case MsgType.ORDER_STATUS_REQUEST -> SentMessages.STATUS_REQUEST;
            case MsgType.ORDER_LIST -> SentMessages.ORDER_LIST;
            default -> SentMessages.NONE;
        };
        final long id = kind == SentMessages.NONE ? 0 :
            FixFields.orderId(message.getString(kind == SentMessages.ORDER_LIST ? ListID.FIELD : ClOrdID.FIELD));
        sent.record(seqNum, id == Long.MIN_VALUE ? SentMessages.NONE : kind, id);
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
    {
        // Taken before dispatch: the closest this API lets us get to the wire.
        final long receiveTimestampNs = System.nanoTime();
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

    private static boolean isLoggedOn(final SessionID sessionId)
    {
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.isLoggedOn();
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
