package io.basis.gateway.marketdata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.session.FixSession;
import io.basis.gateway.session.SessionRouter;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.SecurityStatusReqID;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.TradSesReqID;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.SecurityStatusRequest;
import quickfix.fix44.TradingSessionStatusRequest;

/**
 * Sends MarketDataRequest (V) on the market-data session: for each batch of new instrument definitions (gateway
 * agent) and for every known symbol on each market-data logon (handed to the agent by QuickFIX/J). Gateway agent
 * thread only.
 * <p>
 * A definition that arrives while the session is down is not lost: the next logon subscribes every symbol in the
 * directory. A definition racing with a logon may be subscribed twice, which only costs a second snapshot.
 * <p>
 * With several market-data sessions each has its own subscriptions, which only ever name the symbols routed to
 * it (see {@link SessionRouter}).
 * <p>
 * Also asks for market state, unless the dialect says the venue pushes it unasked ({@code marketStatus.requests=N}):
 * a SecurityStatusRequest (e) per symbol and one TradingSessionStatusRequest (g), both SubscriptionRequestType 1,
 * so halts, resumes, phases and the sidecar keep coming.
 */
public final class MarketDataSubscriptions
{
    /** Book depth requested, per {@code docs/fix-dialect.md}. */
    public static final int MARKET_DEPTH = 10;

    private final FixSession marketData;
    private final InstrumentDirectory directory;
    private final boolean statusRequests;
    private final Predicate<String> routed;
    private final AtomicLong nextRequestId = new AtomicLong(1);

    /**
     * Subscriptions that also request market status.
     *
     * @param marketData the market-data session.
     * @param directory  the known symbols.
     */
    public MarketDataSubscriptions(final FixSession marketData, final InstrumentDirectory directory)
    {
        this(marketData, directory, true);
    }

    /**
     * @param marketData     the market-data session.
     * @param directory      the known symbols.
     * @param statusRequests whether to send SecurityStatusRequest and TradingSessionStatusRequest.
     */
    public MarketDataSubscriptions(
        final FixSession marketData, final InstrumentDirectory directory, final boolean statusRequests)
    {
        this(marketData, directory, statusRequests, symbol -> true);
    }

    /**
     * @param marketData     the market-data session.
     * @param directory      the known symbols.
     * @param statusRequests whether to send SecurityStatusRequest and TradingSessionStatusRequest.
     * @param routed         whether a defined symbol is served by this session; only those are subscribed on logon.
     */
    public MarketDataSubscriptions(
        final FixSession marketData,
        final InstrumentDirectory directory,
        final boolean statusRequests,
        final Predicate<String> routed)
    {
        this.marketData = marketData;
        this.directory = directory;
        this.statusRequests = statusRequests;
        this.routed = routed;
    }

    /**
     * @return the defined symbols this session serves, sorted.
     */
    public List<String> routedSymbols()
    {
        final List<String> symbols = new ArrayList<>();
        for (final String symbol : directory.symbols())
        {
            if (routed.test(symbol))
            {
                symbols.add(symbol);
            }
        }
        return symbols;
    }

    /**
     * Ask for the status of every defined symbol this session serves and for the trading session; called on its
     * logon.
     *
     * @return how many requests were sent.
     */
    public int requestMarketStatusAll()
    {
        return requestMarketStatus(routedSymbols(), true);
    }

    /**
     * Ask for the status of some symbols (one e each, subscribing to changes), and optionally of the trading
     * session (one g). Nothing is sent if the dialect disables status requests or the session is down.
     *
     * @param symbols        exchange symbols.
     * @param tradingSession also send a TradingSessionStatusRequest.
     * @return how many requests were sent.
     */
    public int requestMarketStatus(final Collection<String> symbols, final boolean tradingSession)
    {
        if (!statusRequests || !marketData.isLoggedOn())
        {
            return 0;
        }
        int sent = 0;
        if (tradingSession && marketData.send(tradingSessionStatusRequest("BASIS-" + nextRequestId.getAndIncrement())))
        {
            sent++;
        }
        for (final String symbol : symbols)
        {
            if (marketData.send(securityStatusRequest("BASIS-" + nextRequestId.getAndIncrement(), symbol)))
            {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Subscribe every symbol the engine has defined that this session serves; called on its logon.
     *
     * @return true if a request was sent.
     */
    public boolean subscribeAll()
    {
        return subscribe(routedSymbols());
    }

    /**
     * Subscribe some symbols with one request, if the session is logged on.
     *
     * @param symbols exchange symbols.
     * @return true if a request was sent.
     */
    public boolean subscribe(final Collection<String> symbols)
    {
        if (symbols.isEmpty() || !marketData.isLoggedOn())
        {
            return false;
        }
        return marketData.send(marketDataRequest("BASIS-" + nextRequestId.getAndIncrement(), symbols));
    }

    /**
     * Build a SecurityStatusRequest (e) subscribing to one symbol's status.
     *
     * @param requestId SecurityStatusReqID (324).
     * @param symbol    the symbol.
     * @return the FIX message, header left to the session.
     */
    public static Message securityStatusRequest(final String requestId, final String symbol)
    {
        final SecurityStatusRequest request = new SecurityStatusRequest(
            new SecurityStatusReqID(requestId),
            new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES));
        request.setString(Symbol.FIELD, symbol);
        return request;
    }

    /**
     * Build a TradingSessionStatusRequest (g) subscribing to the trading session's status.
     *
     * @param requestId TradSesReqID (335).
     * @return the FIX message, header left to the session.
     */
    public static Message tradingSessionStatusRequest(final String requestId)
    {
        return new TradingSessionStatusRequest(
            new TradSesReqID(requestId),
            new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES));
    }

    /**
     * Build a snapshot-plus-updates request for bids, offers and trades of the given symbols.
     *
     * @param requestId MDReqID (262).
     * @param symbols   one NoRelatedSym entry each.
     * @return the FIX message, header left to the session.
     */
    public static Message marketDataRequest(final String requestId, final Collection<String> symbols)
    {
        final MarketDataRequest request = new MarketDataRequest(
            new MDReqID(requestId),
            new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES),
            new MarketDepth(MARKET_DEPTH));
        request.set(new MDUpdateType(MDUpdateType.INCREMENTAL_REFRESH));
        for (final char type : new char[]{ MDEntryType.BID, MDEntryType.OFFER, MDEntryType.TRADE })
        {
            final Group entryType = new MarketDataRequest.NoMDEntryTypes();
            entryType.setChar(MDEntryType.FIELD, type);
            request.addGroup(entryType);
        }
        for (final String symbol : symbols)
        {
            final Group related = new MarketDataRequest.NoRelatedSym();
            related.setString(Symbol.FIELD, symbol);
            request.addGroup(related);
        }
        return request;
    }
}
