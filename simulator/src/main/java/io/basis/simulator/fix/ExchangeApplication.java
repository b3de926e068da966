package io.basis.simulator.fix;

import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.matching.CancelRequest;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.ReplaceRequest;
import io.basis.simulator.program.ProgramOrders;
import io.basis.simulator.record.ExchangeRecord;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.MsgType;

import java.util.List;
import java.util.Map;

/**
 * The QuickFIX/J application of the exchange: decodes inbound application messages on the QuickFIX/J thread and
 * hands the resulting requests to the {@link ExchangeLoop}, which owns all state.
 * <p>
 * Tick-to-order latency is measured here, on arrival, before the hop to the exchange thread, so it does not
 * include the simulator's own queueing.
 */
public final class ExchangeApplication implements Application
{
    private final Map<SessionID, SessionRole> roles;
    private final Map<SessionID, SessionDefinition> definitions;
    private final ExchangeLoop loop;
    private final MatchingEngine engine;
    private final MarketDataService marketData;
    private final ExchangeRecord record;
    private final MarketStatusService marketStatus;
    private final SecurityDefinitions securityDefinitions;
    private final ProgramOrders programs;

    /**
     * @param sessions     definition (role, account, credentials) of each acceptor session.
     * @param loop         the exchange thread.
     * @param engine       receives orders, cancels and replaces (on the loop).
     * @param marketData   receives market data requests (on the loop).
     * @param record       receives tick-to-order measurements.
     * @param marketStatus receives security and trading session status requests (on the loop).
     * @param securityDefinitions receives security definition requests (on the loop).
     * @param programs     receives list orders (on the loop).
     */
    public ExchangeApplication(
        final Map<SessionID, SessionDefinition> sessions,
        final ExchangeLoop loop,
        final MatchingEngine engine,
        final MarketDataService marketData,
        final ExchangeRecord record,
        final MarketStatusService marketStatus,
        final SecurityDefinitions securityDefinitions,
        final ProgramOrders programs)
    {
        this.definitions = Map.copyOf(sessions);
        this.roles = FixAcceptor.roles(sessions);
        this.loop = loop;
        this.engine = engine;
        this.marketData = marketData;
        this.record = record;
        this.marketStatus = marketStatus;
        this.securityDefinitions = securityDefinitions;
        this.programs = programs;
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        if (roles.get(sessionId) == SessionRole.MARKET_DATA)
        {
            loop.execute(() -> securityDefinitions.onLogon(sessionId));
        }
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
        if (roles.get(sessionId) == SessionRole.MARKET_DATA)
        {
            loop.execute(() ->
            {
                marketData.onLogout(sessionId);
                marketStatus.onLogout(sessionId);
            });
        }
        else if (roles.get(sessionId) == SessionRole.ORDER_ENTRY)
        {
            // ExecInst Q orders die with the session; their cancel reports wait in its store for the next logon.
            loop.execute(() -> engine.cancelOnDisconnect(sessionId));
        }
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    /**
     * Logon authentication: a session defined with credentials requires Username(553) and Password(554) to match.
     */
    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound, RejectLogon
    {
        final SessionDefinition definition = definitions.get(sessionId);
        if (definition == null || definition.username() == null ||
            !MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)))
        {
            return;
        }
        final String username = message.isSetField(FixTags.USERNAME) ? message.getString(FixTags.USERNAME) : null;
        final String password = message.isSetField(FixTags.PASSWORD) ? message.getString(FixTags.PASSWORD) : null;
        if (!definition.username().equals(username) || !definition.password().equals(password))
        {
            throw new RejectLogon("invalid username or password");
        }
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, IncorrectTagValue, UnsupportedMessageType
    {
        final long receivedNanos = System.nanoTime();
        final String msgType = message.getHeader().getString(MsgType.FIELD);
        final SessionRole role = roles.get(sessionId);
        if (role == SessionRole.ORDER_ENTRY && MsgType.ORDER_SINGLE.equals(msgType))
        {
            final long triggerNanos = OrderEntryDecoder.triggerNanos(message);
            if (triggerNanos != Long.MIN_VALUE)
            {
                record.recordTickToOrder(triggerNanos, receivedNanos);
            }
            final OrderRequest request = OrderEntryDecoder.newOrder(message, sessionId, account(sessionId));
            loop.execute(() -> engine.submit(request));
        }
        else if (role == SessionRole.ORDER_ENTRY && MsgType.ORDER_CANCEL_REQUEST.equals(msgType))
        {
            final CancelRequest request = OrderEntryDecoder.cancel(message, sessionId);
            loop.execute(() -> engine.cancel(request));
        }
        else if (role == SessionRole.ORDER_ENTRY && MsgType.ORDER_CANCEL_REPLACE_REQUEST.equals(msgType))
        {
            final ReplaceRequest request = OrderEntryDecoder.replace(message, sessionId);
            loop.execute(() -> engine.replace(request));
        }
        else if (role == SessionRole.ORDER_ENTRY && MsgType.ORDER_STATUS_REQUEST.equals(msgType))
        {
            final String clOrdId = message.getString(FixTags.CL_ORD_ID);
            loop.execute(() -> engine.orderStatus(sessionId, clOrdId));
        }
        else if (role == SessionRole.ORDER_ENTRY && MsgType.ORDER_MASS_CANCEL_REQUEST.equals(msgType))
        {
            final String clOrdId = message.getString(FixTags.CL_ORD_ID);
            final char type = message.getChar(FixTags.MASS_CANCEL_REQUEST_TYPE);
            final String symbol = type == '1' ? message.getString(FixTags.SYMBOL) : null;
            if (type != '1' && type != '7')
            {
                throw new IncorrectTagValue(FixTags.MASS_CANCEL_REQUEST_TYPE, String.valueOf(type));
            }
            loop.execute(() -> engine.massCancel(sessionId, clOrdId, symbol));
        }
        else if (role == SessionRole.ORDER_ENTRY && MsgType.ORDER_LIST.equals(msgType))
        {
            final String listId = message.getString(FixTags.LIST_ID);
            final List<OrderRequest> legs = OrderEntryDecoder.listOrders(message, sessionId, account(sessionId));
            final int totNoOrders = message.getInt(FixTags.TOT_NO_ORDERS);
            final boolean wait = message.isSetField(FixTags.LIST_EXEC_INST_TYPE) &&
                message.getChar(FixTags.LIST_EXEC_INST_TYPE) == '2';
            loop.execute(() -> programs.onNewOrderList(sessionId, listId, legs, totNoOrders, wait));
        }
        else if (role == SessionRole.ORDER_ENTRY && MsgType.LIST_EXECUTE.equals(msgType))
        {
            final String listId = message.getString(FixTags.LIST_ID);
            loop.execute(() -> programs.onListExecute(sessionId, listId));
        }
        else if (role == SessionRole.ORDER_ENTRY && MsgType.LIST_CANCEL_REQUEST.equals(msgType))
        {
            final String listId = message.getString(FixTags.LIST_ID);
            loop.execute(() -> programs.onListCancel(sessionId, listId));
        }
        else if (role == SessionRole.ORDER_ENTRY && MsgType.LIST_STATUS_REQUEST.equals(msgType))
        {
            final String listId = message.getString(FixTags.LIST_ID);
            loop.execute(() -> programs.onListStatusRequest(sessionId, listId));
        }
        else if (role == SessionRole.MARKET_DATA && MsgType.MARKET_DATA_REQUEST.equals(msgType))
        {
            final MarketDataRequestDecoder.Request request = MarketDataRequestDecoder.decode(message);
            loop.execute(() -> marketData.onRequest(
                sessionId, request.mdReqId(), request.subscriptionType(), request.symbols(), request.depth()));
        }
        else if (role == SessionRole.MARKET_DATA && MsgType.SECURITY_DEFINITION_REQUEST.equals(msgType))
        {
            final String reqId = message.getString(FixTags.SECURITY_REQ_ID);
            final String symbol = optional(message, FixTags.SYMBOL);
            loop.execute(() -> securityDefinitions.onRequest(sessionId, reqId, symbol));
        }
        else if (role == SessionRole.MARKET_DATA && MsgType.SECURITY_STATUS_REQUEST.equals(msgType))
        {
            final String reqId = message.getString(FixTags.SECURITY_STATUS_REQ_ID);
            final String symbol = optional(message, FixTags.SYMBOL);
            final char subscription = message.getChar(FixTags.SUBSCRIPTION_REQUEST_TYPE);
            loop.execute(() -> marketStatus.onSecurityStatusRequest(sessionId, reqId, symbol, subscription));
        }
        else if (role == SessionRole.MARKET_DATA && MsgType.TRADING_SESSION_STATUS_REQUEST.equals(msgType))
        {
            final String reqId = message.getString(FixTags.TRAD_SES_REQ_ID);
            final char subscription = message.getChar(FixTags.SUBSCRIPTION_REQUEST_TYPE);
            loop.execute(() -> marketStatus.onTradingSessionStatusRequest(sessionId, reqId, subscription));
        }
        else
        {
            throw new UnsupportedMessageType();
        }
    }

    private String account(final SessionID sessionId)
    {
        final SessionDefinition definition = definitions.get(sessionId);
        return definition == null ? sessionId.getTargetCompID() : definition.account();
    }

    private static String optional(final Message message, final int tag) throws FieldNotFound
    {
        return message.isSetField(tag) ? message.getString(tag) : null;
    }
}
