package io.basis.simulator.fix;

import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.ReferenceData;
import io.basis.simulator.trading.InstrumentStatus;
import io.basis.simulator.trading.MarketState;
import io.basis.simulator.trading.MarketStatusListener;
import io.basis.simulator.trading.Sidecar;
import io.basis.simulator.trading.TradingPhase;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.fix44.SecurityStatus;
import quickfix.fix44.TradingSessionStatus;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Market state on the market-data sessions: SecurityStatus (f) per instrument in answer to SecurityStatusRequest
 * (e), TradingSessionStatus (h) for the phase in answer to TradingSessionStatusRequest (g), and with
 * SubscriptionRequestType 1 every later change (halts, resumes, volatility interruptions; phases, circuit
 * breaker, sidecar). Only sessions that asked get them: a client that does not know these messages never sees
 * one. Runs on the exchange thread.
 */
public final class MarketStatusService implements MarketStatusListener
{
    /** TradingSessionID(336) of the simulated exchange's one trading session per day. */
    public static final String TRADING_SESSION_ID = "DAY";
    private static final String ALL = "[ALL]";

    private final ReferenceData referenceData;
    private final MessageSender sender;
    private final Map<SessionID, Set<String>> securitySubscribers = new LinkedHashMap<>();
    private final Map<SessionID, String> sessionSubscribers = new LinkedHashMap<>();
    private MarketState state;

    /**
     * @param referenceData instruments.
     * @param sender        sends to a session.
     */
    public MarketStatusService(final ReferenceData referenceData, final MessageSender sender)
    {
        this.referenceData = referenceData;
        this.sender = sender;
    }

    /**
     * @param marketState the state answered from (set once, after both exist).
     */
    public void marketState(final MarketState marketState)
    {
        this.state = marketState;
    }

    /**
     * SecurityStatusRequest (e).
     *
     * @param sessionId        requesting session.
     * @param reqId            SecurityStatusReqID(324).
     * @param symbol           Symbol(55), or "[ALL]" / null for every instrument.
     * @param subscriptionType SubscriptionRequestType(263): 0 snapshot, 1 subscribe, 2 unsubscribe.
     */
    public void onSecurityStatusRequest(
        final SessionID sessionId, final String reqId, final String symbol, final char subscriptionType)
    {
        final String key = symbol == null ? ALL : symbol;
        if (subscriptionType == '2')
        {
            final Set<String> symbols = securitySubscribers.get(sessionId);
            if (symbols != null)
            {
                symbols.remove(key);
            }
            return;
        }
        final List<Instrument> instruments = ALL.equals(key) ? referenceData.instruments() :
            referenceData.instrument(key) == null ? List.of() : List.of(referenceData.instrument(key));
        if (instruments.isEmpty())
        {
            final SecurityStatus unknown = new SecurityStatus();
            unknown.setString(FixTags.SECURITY_STATUS_REQ_ID, reqId);
            unknown.setString(FixTags.SYMBOL, key);
            unknown.setInt(FixTags.SECURITY_TRADING_STATUS, 20);
            unknown.setString(FixTags.TEXT, "unknown symbol " + key);
            sender.send(unknown, sessionId);
            return;
        }
        if (subscriptionType == '1')
        {
            securitySubscribers.computeIfAbsent(sessionId, s -> new LinkedHashSet<>()).add(key);
        }
        for (final Instrument instrument : instruments)
        {
            final InstrumentStatus status = state.status(instrument.symbol());
            sender.send(securityStatus(instrument.symbol(), status.securityTradingStatus(), status, reqId, false,
                "current status"), sessionId);
        }
    }

    /**
     * TradingSessionStatusRequest (g).
     *
     * @param sessionId        requesting session.
     * @param reqId            TradSesReqID(335).
     * @param subscriptionType SubscriptionRequestType(263).
     */
    public void onTradingSessionStatusRequest(final SessionID sessionId, final String reqId, final char subscriptionType)
    {
        if (subscriptionType == '2')
        {
            sessionSubscribers.remove(sessionId);
            return;
        }
        if (subscriptionType == '1')
        {
            sessionSubscribers.put(sessionId, reqId);
        }
        sender.send(tradingSessionStatus(state.phase(), reqId, false, "current phase"), sessionId);
    }

    /**
     * Forget a session's subscriptions.
     *
     * @param sessionId the session.
     */
    public void onLogout(final SessionID sessionId)
    {
        securitySubscribers.remove(sessionId);
        sessionSubscribers.remove(sessionId);
    }

    @Override
    public void onPhase(final TradingPhase phase, final String text)
    {
        for (final Map.Entry<SessionID, String> entry : sessionSubscribers.entrySet())
        {
            sender.send(tradingSessionStatus(phase, entry.getValue(), true, text), entry.getKey());
        }
    }

    @Override
    public void onSidecar(final Sidecar sidecar, final String future)
    {
        final String text = switch (sidecar)
        {
            case NONE -> "sidecar lifted";
            case BUY -> "sidecar: program buy orders suspended";
            case SELL -> "sidecar: program sell orders suspended";
            case BOTH -> "sidecar: program buy and sell orders suspended";
        };
        onPhase(state.phase(), text);
    }

    @Override
    public void onInstrumentStatus(final String symbol, final InstrumentStatus status, final String text)
    {
        for (final Map.Entry<SessionID, Set<String>> entry : securitySubscribers.entrySet())
        {
            if (entry.getValue().contains(symbol) || entry.getValue().contains(ALL))
            {
                // Back to trading after a halt or an interruption is a resume (3), not "ready to trade" (17).
                final int code = status == InstrumentStatus.TRADING ? 3 : status.securityTradingStatus();
                sender.send(securityStatus(symbol, code, status, null, true, text), entry.getKey());
            }
        }
    }

    private Message securityStatus(
        final String symbol, final int code, final InstrumentStatus status, final String reqId,
        final boolean unsolicited, final String text)
    {
        final SecurityStatus message = new SecurityStatus();
        if (reqId != null)
        {
            message.setString(FixTags.SECURITY_STATUS_REQ_ID, reqId);
        }
        message.setString(FixTags.SYMBOL, symbol);
        message.setBoolean(FixTags.UNSOLICITED_INDICATOR, unsolicited);
        message.setInt(FixTags.SECURITY_TRADING_STATUS, code);
        if (status == InstrumentStatus.VOLATILITY_INTERRUPTION)
        {
            // FIX 5.0SP2 SecurityTradingEvent 3: price volatility interruption.
            message.setInt(FixTags.SECURITY_TRADING_EVENT, 3);
        }
        message.setString(FixTags.TEXT, text);
        return message;
    }

    private Message tradingSessionStatus(
        final TradingPhase phase, final String reqId, final boolean unsolicited, final String text)
    {
        final TradingSessionStatus message = new TradingSessionStatus();
        if (reqId != null)
        {
            message.setString(FixTags.TRAD_SES_REQ_ID, reqId);
        }
        message.setString(FixTags.TRADING_SESSION_ID, TRADING_SESSION_ID);
        message.setString(FixTags.TRADING_SESSION_SUB_ID, phase.tradingSessionSubId());
        message.setBoolean(FixTags.UNSOLICITED_INDICATOR, unsolicited);
        // 1 = halted while the circuit breaker is on.
        message.setInt(FixTags.TRAD_SES_STATUS, state.circuitBreakerOn() ? 1 : phase.tradSesStatus());
        message.setString(FixTags.PROGRAM_TRADING_SUSPENDED, state.sidecar().fixCode());
        message.setString(FixTags.TEXT, text);
        return message;
    }
}
