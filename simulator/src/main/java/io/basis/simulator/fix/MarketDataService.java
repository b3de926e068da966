package io.basis.simulator.fix;

import io.basis.simulator.marketdata.BookSnapshot;
import io.basis.simulator.marketdata.IncrementalUpdate;
import io.basis.simulator.marketdata.Level;
import io.basis.simulator.marketdata.LevelChange;
import io.basis.simulator.marketdata.MarketDataFeed;
import io.basis.simulator.marketdata.MarketDataSink;
import io.basis.simulator.marketdata.TradePrint;
import io.basis.simulator.price.FixedPoint;
import quickfix.Group;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataRequestReject;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Market-data sessions: answers MarketDataRequest (V) with one snapshot (W) per known symbol and a reject (Y) per
 * unknown one, then renders every published update of a subscribed symbol as an incremental refresh (X).
 * RptSeq(83) and ExchangeSendNanos(21001) are set at message level as docs/fix-dialect.md prescribes (the Basis
 * extensions); {@link VersionAdapter} conforms them for sessions that get standard messages.
 * Runs on the exchange thread.
 */
public final class MarketDataService implements MarketDataSink
{
    private static final char BID = '0';
    private static final char OFFER = '1';
    private static final char TRADE = '2';
    private static final char ACTION_NEW = '0';
    private static final char ACTION_CHANGE = '1';
    private static final char ACTION_DELETE = '2';

    private static final char EMPTY_BOOK = 'J';

    private final MarketDataFeed feed;
    private final MessageSender sender;
    private final Predicate<SessionID> standard;
    private final Map<String, Map<SessionID, Subscription>> subscribers = new HashMap<>();

    /**
     * Every session gets the Basis form of an empty book's snapshot (NoMDEntries=0).
     *
     * @param feed   source of snapshots.
     * @param sender sends to a session.
     */
    public MarketDataService(final MarketDataFeed feed, final MessageSender sender)
    {
        this(feed, sender, session -> false);
    }

    /**
     * @param feed     source of snapshots.
     * @param sender   sends to a session.
     * @param standard true for a session that gets only what its version's stock dictionary allows: on FIX 5.0SP2
     *                 its snapshot of an empty book carries one entry of MDEntryType J (empty book), where RptSeq
     *                 has its place; FIX 4.2 and 4.4, without that type, and the Basis extensions say
     *                 NoMDEntries=0.
     */
    public MarketDataService(
        final MarketDataFeed feed, final MessageSender sender, final Predicate<SessionID> standard)
    {
        this.feed = feed;
        this.sender = sender;
        this.standard = standard;
    }

    /**
     * Handle a MarketDataRequest.
     *
     * @param sessionId        requesting session.
     * @param mdReqId          MDReqID(262).
     * @param subscriptionType SubscriptionRequestType(263): 0 snapshot, 1 subscribe, 2 unsubscribe.
     * @param symbols          requested symbols.
     */
    public void onRequest(
        final SessionID sessionId, final String mdReqId, final char subscriptionType, final List<String> symbols)
    {
        onRequest(sessionId, mdReqId, subscriptionType, symbols, 0);
    }

    /**
     * Handle a MarketDataRequest with a MarketDepth: snapshots and updates show only the top {@code depth}
     * levels (0 = all the exchange publishes). RptSeq counts the messages of the subscription, so a
     * depth-limited subscriber sees no gap when only deeper levels change.
     *
     * @param sessionId        requesting session.
     * @param mdReqId          MDReqID(262).
     * @param subscriptionType SubscriptionRequestType(263): 0 snapshot, 1 subscribe, 2 unsubscribe.
     * @param symbols          requested symbols.
     * @param marketDepth      MarketDepth(264), 0 for full depth.
     */
    public void onRequest(
        final SessionID sessionId,
        final String mdReqId,
        final char subscriptionType,
        final List<String> symbols,
        final int marketDepth)
    {
        final int depth = marketDepth == 0 ? feed.depth() : Math.min(marketDepth, feed.depth());
        for (final String symbol : symbols)
        {
            final BookSnapshot snapshot = feed.snapshot(symbol);
            if (snapshot == null)
            {
                reject(sessionId, mdReqId, "unknown symbol " + symbol);
            }
            else if (subscriptionType == MarketDataRequestDecoder.UNSUBSCRIBE)
            {
                final Map<SessionID, Subscription> sessions = subscribers.get(symbol);
                if (sessions != null)
                {
                    sessions.remove(sessionId);
                }
            }
            else if (subscriptionType == MarketDataRequestDecoder.SNAPSHOT ||
                subscriptionType == MarketDataRequestDecoder.SUBSCRIBE)
            {
                if (subscriptionType == MarketDataRequestDecoder.SUBSCRIBE)
                {
                    subscribers.computeIfAbsent(symbol, s -> new LinkedHashMap<>())
                        .put(sessionId, new Subscription(depth, snapshot.rptSeq()));
                }
                sendSnapshot(sessionId, mdReqId, snapshot, depth);
            }
            else
            {
                reject(sessionId, mdReqId, "unsupported SubscriptionRequestType " + subscriptionType);
                return;
            }
        }
    }

    /**
     * Forget every subscription of a session (on logout: the next logon re-requests and re-snapshots).
     *
     * @param sessionId the session.
     */
    public void onLogout(final SessionID sessionId)
    {
        for (final Map<SessionID, Subscription> sessions : subscribers.values())
        {
            sessions.remove(sessionId);
        }
    }

    @Override
    public void onIncremental(final IncrementalUpdate update)
    {
        final Map<SessionID, Subscription> sessions = subscribers.get(update.instrument().symbol());
        if (sessions == null || sessions.isEmpty())
        {
            return;
        }
        for (final Map.Entry<SessionID, Subscription> entry : sessions.entrySet())
        {
            final Subscription subscription = entry.getValue();
            if (!visible(update, subscription.depth))
            {
                continue;
            }
            subscription.rptSeq++;
            final Message message = incremental(update, subscription.depth, subscription.rptSeq);
            message.setString(FixTags.EXCHANGE_SEND_NANOS, Long.toString(System.nanoTime()));
            sender.send(message, entry.getKey());
        }
    }

    private static boolean visible(final IncrementalUpdate update, final int depth)
    {
        if (!update.trades().isEmpty())
        {
            return true;
        }
        for (final LevelChange change : update.levels())
        {
            if (change.position() <= depth)
            {
                return true;
            }
        }
        return false;
    }

    private static final int[] EMPTY_SNAPSHOT_ORDER =
    {
        FixTags.MD_REQ_ID, FixTags.SYMBOL, FixTags.RPT_SEQ, FixTags.EXCHANGE_SEND_NANOS, FixTags.NO_MD_ENTRIES
    };

    /**
     * A snapshot of an empty book, its body in {@link #EMPTY_SNAPSHOT_ORDER}.
     */
    private static final class EmptySnapshot extends Message
    {
        private static final long serialVersionUID = 1L;

        EmptySnapshot()
        {
            super(EMPTY_SNAPSHOT_ORDER);
        }
    }

    private void sendSnapshot(
        final SessionID sessionId, final String mdReqId, final BookSnapshot snapshot, final int depth)
    {
        final List<Level> bids = snapshot.bids().subList(0, Math.min(depth, snapshot.bids().size()));
        final List<Level> asks = snapshot.asks().subList(0, Math.min(depth, snapshot.asks().size()));
        // An empty book still says NoMDEntries=0, and it must come last: QuickFIX/J writes a bare count field in
        // tag order, before 21001, and a receiver then reads 21001 as a member of an empty group and rejects.
        final boolean empty = bids.isEmpty() && asks.isEmpty();
        final boolean standardEmpty = empty && sessionId.isFIXT() && standard.test(sessionId);
        final Message message = empty && !standardEmpty ? new EmptySnapshot() : new MarketDataSnapshotFullRefresh();
        message.getHeader().setString(35, MarketDataSnapshotFullRefresh.MSGTYPE);
        message.setString(FixTags.MD_REQ_ID, mdReqId);
        message.setString(FixTags.SYMBOL, snapshot.instrument().symbol());
        message.setString(FixTags.RPT_SEQ, Long.toString(snapshot.rptSeq()));
        addSnapshotLevels(message, BID, bids);
        addSnapshotLevels(message, OFFER, asks);
        if (standardEmpty)
        {
            final Group entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
            entry.setChar(FixTags.MD_ENTRY_TYPE, EMPTY_BOOK);
            message.addGroup(entry);
        }
        else if (empty)
        {
            message.setInt(FixTags.NO_MD_ENTRIES, 0);
        }
        message.setString(FixTags.EXCHANGE_SEND_NANOS, Long.toString(System.nanoTime()));
        sender.send(message, sessionId);
    }

    private static void addSnapshotLevels(final Message message, final char entryType, final List<Level> levels)
    {
        for (int k = 0; k < levels.size(); k++)
        {
            final Group entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
            entry.setChar(FixTags.MD_ENTRY_TYPE, entryType);
            entry.setString(FixTags.MD_ENTRY_PX, FixedPoint.format(levels.get(k).price()));
            entry.setString(FixTags.MD_ENTRY_SIZE, Long.toString(levels.get(k).quantity()));
            entry.setInt(FixTags.MD_ENTRY_POSITION_NO, k + 1);
            message.addGroup(entry);
        }
    }

    private static Message incremental(final IncrementalUpdate update, final int depth, final long rptSeq)
    {
        final String symbol = update.instrument().symbol();
        final MarketDataIncrementalRefresh message = new MarketDataIncrementalRefresh();
        message.setString(FixTags.RPT_SEQ, Long.toString(rptSeq));
        for (final TradePrint trade : update.trades())
        {
            final Group entry = new MarketDataIncrementalRefresh.NoMDEntries();
            entry.setChar(FixTags.MD_UPDATE_ACTION, ACTION_NEW);
            entry.setChar(FixTags.MD_ENTRY_TYPE, TRADE);
            entry.setString(FixTags.SYMBOL, symbol);
            entry.setString(FixTags.MD_ENTRY_PX, FixedPoint.format(trade.price()));
            entry.setString(FixTags.MD_ENTRY_SIZE, Long.toString(trade.quantity()));
            message.addGroup(entry);
        }
        for (final LevelChange change : update.levels())
        {
            if (change.position() > depth)
            {
                continue;
            }
            final Group entry = new MarketDataIncrementalRefresh.NoMDEntries();
            entry.setChar(FixTags.MD_UPDATE_ACTION, change.deleted() ? ACTION_DELETE : ACTION_CHANGE);
            entry.setChar(FixTags.MD_ENTRY_TYPE, change.bid() ? BID : OFFER);
            entry.setString(FixTags.SYMBOL, symbol);
            if (!change.deleted())
            {
                entry.setString(FixTags.MD_ENTRY_PX, FixedPoint.format(change.price()));
                entry.setString(FixTags.MD_ENTRY_SIZE, Long.toString(change.quantity()));
            }
            entry.setInt(FixTags.MD_ENTRY_POSITION_NO, change.position());
            message.addGroup(entry);
        }
        return message;
    }

    private void reject(final SessionID sessionId, final String mdReqId, final String text)
    {
        final MarketDataRequestReject reject = new MarketDataRequestReject();
        reject.setString(FixTags.MD_REQ_ID, mdReqId);
        reject.setChar(FixTags.MD_REQ_REJ_REASON, '0');
        reject.setString(FixTags.TEXT, text);
        sender.send(reject, sessionId);
    }

    /**
     * One session's subscription to one symbol: its depth and the RptSeq of the last message it was sent.
     */
    private static final class Subscription
    {
        private final int depth;
        private long rptSeq;

        private Subscription(final int depth, final long rptSeq)
        {
            this.depth = depth;
            this.rptSeq = rptSeq;
        }
    }
}
