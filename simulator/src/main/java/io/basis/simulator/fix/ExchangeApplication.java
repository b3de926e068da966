package io.basis.simulator.fix;

import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.matching.CancelRequest;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.ReplaceRequest;
import io.basis.simulator.record.ExchangeRecord;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.MsgType;

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
    private final ExchangeLoop loop;
    private final MatchingEngine engine;
    private final MarketDataService marketData;
    private final ExchangeRecord record;
    private final MarketStatusService marketStatus;
    private final SecurityDefinitions definitions;

    /**
     * @param roles        role of each acceptor session.
     * @param loop         the exchange thread.
     * @param engine       receives orders, cancels and replaces (on the loop).
     * @param marketData   receives market data requests (on the loop).
     * @param record       receives tick-to-order measurements.
     * @param marketStatus receives security and trading session status requests (on the loop).
     * @param definitions  receives security definition requests (on the loop).
     */
    public ExchangeApplication(
        final Map<SessionID, SessionRole> roles,
        final ExchangeLoop loop,
        final MatchingEngine engine,
        final MarketDataService marketData,
        final ExchangeRecord record,
        final MarketStatusService marketStatus,
        final SecurityDefinitions definitions)
    {
        this.roles = Map.copyOf(roles);
        this.loop = loop;
        this.engine = engine;
        this.marketData = marketData;
        this.record = record;
        this.marketStatus = marketStatus;
        this.definitions = definitions;
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
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
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
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
                record.recordTickToOrder(receivedNanos - triggerNanos);
            }
            final OrderRequest request = OrderEntryDecoder.newOrder(message, sessionId);
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
            loop.execute(() -> definitions.onRequest(sessionId, reqId, symbol));
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

    private static String optional(final Message message, final int tag) throws FieldNotFound
    {
        return message.isSetField(tag) ? message.getString(tag) : null;
    }
}
