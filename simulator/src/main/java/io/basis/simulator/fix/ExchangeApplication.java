package io.basis.simulator.fix;

import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.matching.CancelRequest;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.OrderRequest;
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

    /**
     * @param roles      role of each acceptor session.
     * @param loop       the exchange thread.
     * @param engine     receives orders and cancels (on the loop).
     * @param marketData receives market data requests (on the loop).
     * @param record     receives tick-to-order measurements.
     */
    public ExchangeApplication(
        final Map<SessionID, SessionRole> roles,
        final ExchangeLoop loop,
        final MatchingEngine engine,
        final MarketDataService marketData,
        final ExchangeRecord record)
    {
        this.roles = Map.copyOf(roles);
        this.loop = loop;
        this.engine = engine;
        this.marketData = marketData;
        this.record = record;
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
            loop.execute(() -> marketData.onLogout(sessionId));
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
        else if (role == SessionRole.MARKET_DATA && MsgType.MARKET_DATA_REQUEST.equals(msgType))
        {
            final MarketDataRequestDecoder.Request request = MarketDataRequestDecoder.decode(message);
            loop.execute(() -> marketData.onRequest(
                sessionId, request.mdReqId(), request.subscriptionType(), request.symbols()));
        }
        else
        {
            throw new UnsupportedMessageType();
        }
    }
}
