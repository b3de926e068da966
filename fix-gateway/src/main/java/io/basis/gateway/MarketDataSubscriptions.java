package io.basis.gateway;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataRequest;

/**
 * Sends MarketDataRequest (V) on the market-data session: for each batch of new instrument definitions (gateway
 * agent) and for every known symbol on each market-data logon (QuickFIX/J thread). Thread safe.
 * <p>
 * A definition that arrives while the session is down is not lost: the next logon subscribes every symbol in the
 * directory. A definition racing with a logon may be subscribed twice, which only costs a second snapshot.
 */
public final class MarketDataSubscriptions
{
    /** Book depth requested, per {@code docs/fix-dialect.md}. */
    public static final int MARKET_DEPTH = 10;

    private final FixSession marketData;
    private final InstrumentDirectory directory;
    private final AtomicLong nextRequestId = new AtomicLong(1);

    /**
     * @param marketData the market-data session.
     * @param directory  the known symbols.
     */
    public MarketDataSubscriptions(final FixSession marketData, final InstrumentDirectory directory)
    {
        this.marketData = marketData;
        this.directory = directory;
    }

    /**
     * Subscribe every symbol the engine has defined; called on market-data logon.
     *
     * @return true if a request was sent.
     */
    public boolean subscribeAll()
    {
        return subscribe(directory.symbols());
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
