package io.basis.gateway;

import java.util.Arrays;
import java.util.List;

import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.TradeEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
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
 * alarm) rather than publishing half a book change. Single-threaded (the QuickFIX/J thread); owns its buffer.
 */
public final class MarketDataTranslator
{
    /** BookUpdate levels are uint8 and 255 is the null value. */
    private static final int MAX_LEVEL = 254;

    private final InstrumentDirectory directory;
    private final SbeSink sink;
    private final Alarms alarms;
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
     * @param directory symbol to engine instrument id.
     * @param sink      receives the SBE messages.
     * @param alarms    for unknown symbols and unparsable messages.
     */
    public MarketDataTranslator(final InstrumentDirectory directory, final SbeSink sink, final Alarms alarms)
    {
        this.directory = directory;
        this.sink = sink;
        this.alarms = alarms;
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
            // Bad input from the exchange must never take the session thread down.
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
        return published;
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
