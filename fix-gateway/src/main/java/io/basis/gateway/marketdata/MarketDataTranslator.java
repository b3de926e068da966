package io.basis.gateway.marketdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.gateway.session.FixFields;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.TradeEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryPositionNo;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.RptSeq;
import quickfix.field.Symbol;

/**
 * FIX market data (W snapshot, X incremental) to SBE {@code BookUpdate} and {@code Trade}, following
 * {@code docs/fix-dialect.md}: level-overwrite books, level 0 is the best (MDEntryPositionNo 1), a Delete is a
 * level of size 0, RptSeq(83) and ExchangeSendNanos(21001) are read at message level.
 * <p>
 * A message is fully translated before anything is published, so a bad entry drops the whole message (with an
 * alarm) rather than publishing half a book change. Gateway agent thread only (market data comes
 * through the {@link FixHandOff}); owns its buffer.
 * <p>
 * <b>Gap detection.</b> RptSeq is tracked per instrument: a W sets it, each X must be the next one. An X older than
 * the instrument's snapshot is dropped (it is already in the snapshot). An X beyond the next one means updates were
 * lost: the instrument becomes <i>stale</i>. The engine gets an empty snapshot (a {@code BookUpdate} snapshot=TRUE
 * without levels, which clears its book), an alarm and a counter record the gap, and the instrument's snapshot is
 * re-requested with a MarketDataRequest. Its X are dropped until the new W arrives, which resumes it. A message
 * that cannot be parsed does not advance the sequence, so it shows as a gap at the next X. A sequence reset (gap
 * fill) on the market-data session means the session's own resend could not recover lost messages: every
 * instrument is made stale and re-snapshotted at once ({@link #onSequenceReset}).
 */
public final class MarketDataTranslator
{
    /** BookUpdate levels are uint8 and 255 is the null value. */
    private static final int MAX_LEVEL = 254;
    /** A stale instrument whose snapshot has not come within this long is re-requested at its next X. */
    public static final long SNAPSHOT_RETRY_NS = TimeUnit.SECONDS.toNanos(2);

    /**
     * Re-requests snapshots: one MarketDataRequest for the symbols.
     */
    @FunctionalInterface
    public interface SnapshotRequester
    {
        /**
         * @param symbols symbols to re-snapshot.
         * @return true if the request was sent.
         */
        boolean requestSnapshot(Collection<String> symbols);
    }

    /** RptSeq state of one instrument. */
    private static final class Sequence
    {
        final String symbol;
        long lastSeq;
        boolean synced;
        boolean stale;
        long requestedAtNs;

        Sequence(final String symbol)
        {
            this.symbol = symbol;
        }
    }

    private final InstrumentDirectory directory;
    private final SbeSink sink;
    private final Alarms alarms;
    private final SnapshotRequester snapshots;
    private final GatewayCounters counters;
    private final Predicate<String> routed;
    private final Int2ObjectHashMap<Sequence> sequences = new Int2ObjectHashMap<>();
    private final List<String> toRequest = new ArrayList<>();
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(1024);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final BookUpdateEncoder bookEncoder = new BookUpdateEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private long[] tradePrices = new long[8];
    private long[] tradeSizes = new long[8];
    private int tradeCount;
    private long exchangeSeq;
    private long exchangeTimestampNs;

    /**
     * @return ExchangeSendNanos of the last market data message published (0 if it had none).
     */
    public long exchangeTimestampNs()
    {
        return exchangeTimestampNs;
    }

    /**
     * A translator whose snapshot re-requests go nowhere and whose counters nobody reads: for tests and tools.
     *
     * @param directory symbol to engine instrument id.
     * @param sink      receives the SBE messages.
     * @param alarms    for unknown symbols and unparsable messages.
     */
    public MarketDataTranslator(final InstrumentDirectory directory, final SbeSink sink, final Alarms alarms)
    {
        this(directory, sink, alarms, symbols -> false, GatewayCounters.inMemory());
    }

    /**
     * @param directory symbol to engine instrument id.
     * @param sink      receives the SBE messages.
     * @param alarms    for unknown symbols, unparsable messages and gaps.
     * @param snapshots re-requests the snapshot of stale instruments.
     * @param counters  gaps, re-requests, stale instruments, dropped updates.
     */
    public MarketDataTranslator(
        final InstrumentDirectory directory,
        final SbeSink sink,
        final Alarms alarms,
        final SnapshotRequester snapshots,
        final GatewayCounters counters)
    {
        this(directory, sink, alarms, snapshots, counters, symbol -> true);
    }

    /**
     * The translator of one of several market-data sessions.
     *
     * @param directory symbol to engine instrument id.
     * @param sink      receives the SBE messages.
     * @param alarms    for unknown symbols, unparsable messages and gaps.
     * @param snapshots re-requests the snapshot of stale instruments on this session.
     * @param counters  gaps, re-requests, stale instruments, dropped updates.
     * @param routed    whether a symbol is served by this session: a sequence reset re-snapshots only those.
     */
    public MarketDataTranslator(
        final InstrumentDirectory directory,
        final SbeSink sink,
        final Alarms alarms,
        final SnapshotRequester snapshots,
        final GatewayCounters counters,
        final Predicate<String> routed)
    {
        this.routed = routed;
        this.directory = directory;
        this.sink = sink;
        this.alarms = alarms;
        this.snapshots = snapshots;
        this.counters = counters;
    }

    /**
     * The market-data session logged on and re-subscribes everything: forget every sequence, each instrument
     * starts again from its new W.
     */
    public void onLogon()
    {
        // Only this session's stale instruments leave the counter: other market-data sessions share it.
        int stale = 0;
        for (final Sequence sequence : sequences.values())
        {
            stale += sequence.stale ? 1 : 0;
        }
        sequences.clear();
        counters.staleInstruments.getAndAddRelease(-stale);
    }

    /**
     * A SequenceReset (gap fill or reset) arrived on the market-data session: the messages it skips are lost for
     * good (market data is not stored for resend). Every defined instrument becomes stale and all are
     * re-snapshotted with one request.
     *
     * @param receiveTimestampNs {@link System#nanoTime()} when the reset was received.
     * @return how many instruments became stale.
     */
    public int onSequenceReset(final long receiveTimestampNs)
    {
        counters.marketDataGapFills.incrementRelease();
        toRequest.clear();
        for (final String symbol : directory.symbols())
        {
            final int instrumentId = directory.idOf(symbol);
            if (instrumentId == InstrumentDirectory.UNKNOWN || !routed.test(symbol))
            {
                continue;
            }
            Sequence sequence = sequences.get(instrumentId);
            if (sequence == null || !sequence.symbol.equals(symbol))
            {
                sequence = new Sequence(symbol);
                sequences.put(instrumentId, sequence);
            }
            if (!sequence.stale)
            {
                markStale(instrumentId, sequence, sequence.lastSeq, receiveTimestampNs);
            }
            sequence.requestedAtNs = receiveTimestampNs;
            toRequest.add(symbol);
        }
        alarms.raise(Alarm.MARKET_DATA_GAP_FILL, toRequest.size() + " instruments re-snapshotted");
        requestSnapshots(toRequest);
        return toRequest.size();
    }

    /**
     * @param instrumentId engine id.
     * @return true while the instrument waits for a snapshot after a gap.
     */
    public boolean isStale(final int instrumentId)
    {
        final Sequence sequence = sequences.get(instrumentId);
        return sequence != null && sequence.stale;
    }

    /**
     * Translate one W or X and publish the result.
     *
     * @param message            the FIX message.
     * @param receiveTimestampNs {@link System#nanoTime()} when the gateway received it.
     * @return how many SBE messages were published (0 if the message was dropped).
     */
    public int onMessage(final Message message, final long receiveTimestampNs)
    {
        String msgType = "?";
        try
        {
            msgType = message.getHeader().getString(MsgType.FIELD);
            switch (msgType)
            {
                case MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH:
                    return onSnapshot(message, receiveTimestampNs);
                case MsgType.MARKET_DATA_INCREMENTAL_REFRESH:
                    return onIncremental(message, receiveTimestampNs);
                default:
                    alarms.raise(Alarm.UNPARSABLE_MARKET_DATA, "not market data: MsgType=" + msgType);
                    return 0;
            }
        }
        catch (final FieldNotFound | RuntimeException ex)
        {
            // Bad input from the exchange must never take the gateway agent down.
            alarms.raise(Alarm.UNPARSABLE_MARKET_DATA, "MsgType=" + msgType + ": " + ex);
            return 0;
        }
    }

    private int onSnapshot(final Message message, final long receiveTimestampNs) throws FieldNotFound
    {
        final String symbol = message.getString(Symbol.FIELD);
        final int instrumentId = directory.idOf(symbol);
        if (instrumentId == InstrumentDirectory.UNKNOWN)
        {
            alarms.raise(Alarm.UNKNOWN_SYMBOL, "W for " + symbol);
            return 0;
        }

        final List<Group> entries = message.getGroups(NoMDEntries.FIELD);
        final BookUpdateEncoder.LevelsEncoder levels = wrapBookUpdate(message, instrumentId, receiveTimestampNs)
            .snapshot(BooleanType.TRUE)
            .levelsCount(entries.size());
        for (int i = 0, size = entries.size(); i < size; i++)
        {
            final Group entry = entries.get(i);
            final BookSide side = bookSide(entry.getChar(MDEntryType.FIELD));
            if (side != null)
            {
                levels.next()
                    .side(side)
                    .level(level(entry))
                    .price(FixFields.price(entry, MDEntryPx.FIELD))
                    .size(FixFields.quantity(entry, MDEntrySize.FIELD));
            }
        }
        levels.resetCountToIndex();
        // An empty snapshot is still published: it tells the engine the whole book is empty.
        publishBookUpdate();

        final Sequence sequence = sequence(instrumentId, symbol);
        sequence.lastSeq = exchangeSeq;
        sequence.synced = true;
        if (sequence.stale)
        {
            sequence.stale = false;
            counters.staleInstruments.decrementRelease();
        }
        return 1;
    }

    private int onIncremental(final Message message, final long receiveTimestampNs) throws FieldNotFound
    {
        final List<Group> entries = message.getGroups(NoMDEntries.FIELD);
        if (entries.isEmpty())
        {
            throw new IllegalArgumentException("X without NoMDEntries");
        }
        final String symbol = symbolOf(message, entries.get(0));
        final int instrumentId = directory.idOf(symbol);
        if (instrumentId == InstrumentDirectory.UNKNOWN)
        {
            alarms.raise(Alarm.UNKNOWN_SYMBOL, "X for " + symbol);
            return 0;
        }
        final long rptSeq = Long.parseLong(message.getString(RptSeq.FIELD));
        final Sequence known = sequences.get(instrumentId);
        if (known != null && known.symbol.equals(symbol))
        {
            if (known.stale)
            {
                counters.marketDataStaleDropped.incrementRelease();
                if (receiveTimestampNs - known.requestedAtNs > SNAPSHOT_RETRY_NS)
                {
                    known.requestedAtNs = receiveTimestampNs;
                    requestSnapshot(symbol);
                }
                return 0;
            }
            if (known.synced && rptSeq <= known.lastSeq)
            {
                // Already in the snapshot (queued before it), or a duplicate.
                counters.marketDataStaleDropped.incrementRelease();
                return 0;
            }
            if (known.synced && rptSeq != known.lastSeq + 1)
            {
                counters.marketDataGaps.incrementRelease();
                alarms.raise(Alarm.MARKET_DATA_GAP, symbol + " expected RptSeq " + (known.lastSeq + 1) +
                    ", got " + rptSeq);
                markStale(instrumentId, known, rptSeq, receiveTimestampNs);
                known.requestedAtNs = receiveTimestampNs;
                requestSnapshot(symbol);
                return 1;
            }
        }

        final BookUpdateEncoder.LevelsEncoder levels = wrapBookUpdate(message, instrumentId, receiveTimestampNs)
            .snapshot(BooleanType.FALSE)
            .levelsCount(entries.size());
        tradeCount = 0;
        for (int i = 0, size = entries.size(); i < size; i++)
        {
            final Group entry = entries.get(i);
            if (i > 0 && entry.isSetField(Symbol.FIELD) && !symbol.equals(entry.getString(Symbol.FIELD)))
            {
                // The dialect promises one instrument per X; a mixed one cannot be sequenced by RptSeq.
                throw new IllegalArgumentException("X mixes symbols " + symbol + " and " +
                    entry.getString(Symbol.FIELD));
            }
            final char action = entry.getChar(MDUpdateAction.FIELD);
            final char type = entry.getChar(MDEntryType.FIELD);
            if (type == MDEntryType.TRADE)
            {
                if (action == MDUpdateAction.NEW)
                {
                    addTrade(FixFields.price(entry, MDEntryPx.FIELD), FixFields.quantity(entry, MDEntrySize.FIELD));
                }
                continue;
            }
            final BookSide side = bookSide(type);
            if (side == null)
            {
                continue;
            }
            final BookUpdateEncoder.LevelsEncoder level = levels.next().side(side).level(level(entry));
            if (action == MDUpdateAction.DELETE)
            {
                level.price(entry.isSetField(MDEntryPx.FIELD) ? FixFields.price(entry, MDEntryPx.FIELD) : 0L)
                    .size(0L);
            }
            else if (action == MDUpdateAction.CHANGE || action == MDUpdateAction.NEW)
            {
                // Level-overwrite: New and Change both mean "level k is now this price and size".
                level.price(FixFields.price(entry, MDEntryPx.FIELD))
                    .size(FixFields.quantity(entry, MDEntrySize.FIELD));
            }
            else
            {
                throw new IllegalArgumentException("unsupported MDUpdateAction " + action);
            }
        }

        int published = 0;
        if (levels.resetCountToIndex() > 0)
        {
            publishBookUpdate();
            published++;
        }
        if (tradeCount > 0)
        {
            published += publishTrades(instrumentId, receiveTimestampNs);
        }
        // Only a fully translated X advances the sequence: a dropped one shows as a gap at the next.
        final Sequence sequence = sequence(instrumentId, symbol);
        sequence.lastSeq = exchangeSeq;
        sequence.synced = true;
        return published;
    }

    private Sequence sequence(final int instrumentId, final String symbol)
    {
        Sequence sequence = sequences.get(instrumentId);
        if (sequence == null || !sequence.symbol.equals(symbol))
        {
            // New, or the engine redefined the id under another symbol: start afresh.
            if (sequence != null && sequence.stale)
            {
                counters.staleInstruments.decrementRelease();
            }
            sequence = new Sequence(symbol);
            sequences.put(instrumentId, sequence);
        }
        return sequence;
    }

    /** Clear the engine's book with an empty snapshot and wait for a W. */
    private void markStale(
        final int instrumentId, final Sequence sequence, final long exchangeSequence, final long receiveTimestampNs)
    {
        sequence.stale = true;
        counters.staleInstruments.incrementRelease();
        bookEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .exchangeSeq(exchangeSequence)
            .exchangeTimestampNs(0)
            .receiveTimestampNs(receiveTimestampNs)
            .snapshot(BooleanType.TRUE)
            .levelsCount(0);
        publishBookUpdate();
    }

    private void requestSnapshot(final String symbol)
    {
        toRequest.clear();
        toRequest.add(symbol);
        requestSnapshots(toRequest);
    }

    private void requestSnapshots(final List<String> symbols)
    {
        if (symbols.isEmpty())
        {
            return;
        }
        counters.snapshotRequests.incrementRelease();
        if (!snapshots.requestSnapshot(symbols))
        {
            // Retried at the next X of a stale instrument after SNAPSHOT_RETRY_NS, and at the next logon.
            alarms.raise(Alarm.SNAPSHOT_REQUEST_FAILED, String.valueOf(symbols));
        }
    }

    private BookUpdateEncoder wrapBookUpdate(
        final Message message, final int instrumentId, final long receiveTimestampNs) throws FieldNotFound
    {
        exchangeSeq = Long.parseLong(message.getString(RptSeq.FIELD));
        exchangeTimestampNs = FixFields.optionalLong(message, FixFields.EXCHANGE_SEND_NANOS);
        return bookEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .exchangeSeq(exchangeSeq)
            .exchangeTimestampNs(exchangeTimestampNs)
            .receiveTimestampNs(receiveTimestampNs);
    }

    private void publishBookUpdate()
    {
        sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bookEncoder.encodedLength(),
            SbeSink.Delivery.DROP_IF_NO_ENGINE);
    }

    private int publishTrades(final int instrumentId, final long receiveTimestampNs)
    {
        for (int i = 0; i < tradeCount; i++)
        {
            tradeEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
                .instrumentId(instrumentId)
                .exchangeSeq(exchangeSeq)
                .exchangeTimestampNs(exchangeTimestampNs)
                .receiveTimestampNs(receiveTimestampNs)
                .price(tradePrices[i])
                .size(tradeSizes[i]);
            sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + tradeEncoder.encodedLength(),
                SbeSink.Delivery.DROP_IF_NO_ENGINE);
        }
        return tradeCount;
    }

    private void addTrade(final long price, final long size)
    {
        if (tradeCount == tradePrices.length)
        {
            tradePrices = Arrays.copyOf(tradePrices, tradeCount * 2);
            tradeSizes = Arrays.copyOf(tradeSizes, tradeCount * 2);
        }
        tradePrices[tradeCount] = price;
        tradeSizes[tradeCount] = size;
        tradeCount++;
    }

    private static String symbolOf(final Message message, final FieldMap firstEntry) throws FieldNotFound
    {
        // The dialect puts Symbol in every X entry; accept it at message level too.
        return firstEntry.isSetField(Symbol.FIELD) ? firstEntry.getString(Symbol.FIELD) :
            message.getString(Symbol.FIELD);
    }

    private static BookSide bookSide(final char mdEntryType)
    {
        switch (mdEntryType)
        {
            case MDEntryType.BID:
                return BookSide.BID;
            case MDEntryType.OFFER:
                return BookSide.ASK;
            default:
                return null;
        }
    }

    private static short level(final FieldMap entry) throws FieldNotFound
    {
        final int positionNo = entry.getInt(MDEntryPositionNo.FIELD);
        if (positionNo < 1 || positionNo > MAX_LEVEL + 1)
        {
            throw new IllegalArgumentException("MDEntryPositionNo out of range: " + positionNo);
        }
        return (short)(positionNo - 1);
    }
}
