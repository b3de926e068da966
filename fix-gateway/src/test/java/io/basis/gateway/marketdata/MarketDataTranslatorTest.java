package io.basis.gateway.marketdata;

import java.util.ArrayList;
import java.util.List;

import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.RecordingSink;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.FixFields;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.TradeDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.DataDictionary;
import quickfix.DefaultMessageFactory;
import quickfix.Group;
import quickfix.Message;
import quickfix.MessageUtils;
import quickfix.field.MDEntryPositionNo;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.RptSeq;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class MarketDataTranslatorTest
{
    private static final int FUTURE_ID = 7;
    private static final long RECEIVE_NS = 123_456_789L;

    private final InstrumentDirectory directory = new InstrumentDirectory();
    private final RecordingSink sink = new RecordingSink();
    private final List<String> alarmLines = new ArrayList<>();
    private final Alarms alarms = new Alarms(alarmLines::add);
    private final MarketDataTranslator translator = new MarketDataTranslator(directory, sink, alarms);

    @BeforeEach
    void define()
    {
        directory.define(FUTURE_ID, "KS200F");
    }

    @Test
    void snapshotBecomesBookUpdateWithOneEntryPerLevel()
    {
        final MarketDataSnapshotFullRefresh w = snapshot("KS200F", 41, 5_000_000_000L);
        w.addGroup(snapshotEntry(MDEntryType.BID, 1, "352.45", 10));
        w.addGroup(snapshotEntry(MDEntryType.BID, 2, "352.40", 25));
        w.addGroup(snapshotEntry(MDEntryType.OFFER, 1, "352.50", 7));

        assertEquals(1, translator.onMessage(w, RECEIVE_NS));

        final RecordingSink.Sent sent = sink.only();
        assertEquals(SbeSink.Delivery.DROP_IF_NO_ENGINE, sent.delivery());
        final BookUpdateDecoder book = bookUpdate(sent);
        assertEquals(FUTURE_ID, book.instrumentId());
        assertEquals(41, book.exchangeSeq());
        assertEquals(5_000_000_000L, book.exchangeTimestampNs());
        assertEquals(RECEIVE_NS, book.receiveTimestampNs());
        assertEquals(BooleanType.TRUE, book.snapshot());
        final BookUpdateDecoder.LevelsDecoder levels = book.levels();
        assertEquals(3, levels.count());
        assertLevel(levels.next(), BookSide.BID, 0, 3_524_500L, 10);
        assertLevel(levels.next(), BookSide.BID, 1, 3_524_000L, 25);
        assertLevel(levels.next(), BookSide.ASK, 0, 3_525_000L, 7);
        assertEquals(0, alarms.total());
    }

    @Test
    void incrementalChangeAndDeleteOverwriteLevels()
    {
        final MarketDataIncrementalRefresh x = incremental(42, 6_000L);
        x.addGroup(incrementalEntry(MDUpdateAction.CHANGE, MDEntryType.OFFER, 2, "352.55", 30));
        final Group delete = new MarketDataIncrementalRefresh.NoMDEntries();
        delete.setChar(MDUpdateAction.FIELD, MDUpdateAction.DELETE);
        delete.setChar(MDEntryType.FIELD, MDEntryType.BID);
        delete.setInt(MDEntryPositionNo.FIELD, 3);
        delete.setString(Symbol.FIELD, "KS200F");
        x.addGroup(delete);

        assertEquals(1, translator.onMessage(x, RECEIVE_NS));

        final BookUpdateDecoder book = bookUpdate(sink.only());
        assertEquals(BooleanType.FALSE, book.snapshot());
        assertEquals(42, book.exchangeSeq());
        assertEquals(6_000L, book.exchangeTimestampNs());
        final BookUpdateDecoder.LevelsDecoder levels = book.levels();
        assertEquals(2, levels.count());
        assertLevel(levels.next(), BookSide.ASK, 1, 3_525_500L, 30);
        final BookUpdateDecoder.LevelsDecoder deleted = levels.next();
        assertEquals(BookSide.BID, deleted.side());
        assertEquals(2, deleted.level());
        assertEquals(0, deleted.size());
    }

    @Test
    void incrementalTradeBecomesTradeAfterTheBookUpdate()
    {
        final MarketDataIncrementalRefresh x = incremental(43, 7_000L);
        x.addGroup(incrementalEntry(MDUpdateAction.NEW, MDEntryType.TRADE, 0, "352.50", 3));
        x.addGroup(incrementalEntry(MDUpdateAction.CHANGE, MDEntryType.OFFER, 1, "352.50", 4));

        assertEquals(2, translator.onMessage(x, RECEIVE_NS));

        assertEquals(2, sink.sent.size());
        assertEquals(BookUpdateDecoder.TEMPLATE_ID, sink.sent.get(0).templateId());
        final RecordingSink.Sent sent = sink.sent.get(1);
        assertEquals(TradeDecoder.TEMPLATE_ID, sent.templateId());
        final TradeDecoder trade = new TradeDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
        assertEquals(FUTURE_ID, trade.instrumentId());
        assertEquals(43, trade.exchangeSeq());
        assertEquals(7_000L, trade.exchangeTimestampNs());
        assertEquals(RECEIVE_NS, trade.receiveTimestampNs());
        assertEquals(3_525_000L, trade.price());
        assertEquals(3, trade.size());
    }

    @Test
    void tradeOnlyIncrementalPublishesNoBookUpdate()
    {
        final MarketDataIncrementalRefresh x = incremental(44, 0);
        x.addGroup(incrementalEntry(MDUpdateAction.NEW, MDEntryType.TRADE, 0, "352.5", 1));

        assertEquals(1, translator.onMessage(x, RECEIVE_NS));
        assertEquals(TradeDecoder.TEMPLATE_ID, sink.only().templateId());
    }

    @Test
    void unknownSymbolIsAlarmedNotPublished()
    {
        final MarketDataSnapshotFullRefresh w = snapshot("NOPE", 1, 0);
        w.addGroup(snapshotEntry(MDEntryType.BID, 1, "1", 1));

        assertEquals(0, translator.onMessage(w, RECEIVE_NS));
        assertEquals(0, translator.onMessage(w, RECEIVE_NS));

        assertTrue(sink.sent.isEmpty());
        assertEquals(2, alarms.count(Alarm.UNKNOWN_SYMBOL));
        assertEquals(1, alarmLines.size(), "logged once");
        assertTrue(alarmLines.get(0).contains("NOPE"));
    }

    @Test
    void unparsableInputIsAlarmedNotPublished()
    {
        final MarketDataIncrementalRefresh badPrice = incremental(45, 0);
        badPrice.addGroup(incrementalEntry(MDUpdateAction.CHANGE, MDEntryType.BID, 1, "abc", 1));
        final MarketDataIncrementalRefresh noRptSeq = new MarketDataIncrementalRefresh();
        noRptSeq.addGroup(incrementalEntry(MDUpdateAction.CHANGE, MDEntryType.BID, 1, "1", 1));
        final MarketDataIncrementalRefresh badLevel = incremental(46, 0);
        badLevel.addGroup(incrementalEntry(MDUpdateAction.CHANGE, MDEntryType.BID, 0, "1", 1));

        assertEquals(0, translator.onMessage(badPrice, RECEIVE_NS));
        assertEquals(0, translator.onMessage(noRptSeq, RECEIVE_NS));
        assertEquals(0, translator.onMessage(badLevel, RECEIVE_NS));

        assertTrue(sink.sent.isEmpty());
        assertEquals(3, alarms.count(Alarm.UNPARSABLE_MARKET_DATA));
    }

    @Test
    void parsesRptSeqAtMessageLevelFromTheWire() throws Exception
    {
        // What the simulator sends: RptSeq and ExchangeSendNanos at message level, before the entries.
        final MarketDataIncrementalRefresh x = incremental(47, 8_000L);
        x.getHeader().setString(8, "FIX.4.4");
        x.getHeader().setString(49, "SIM");
        x.getHeader().setString(56, "BASIS-MD");
        x.getHeader().setInt(34, 2);
        x.getHeader().setString(52, "20250101-00:00:00.000");
        x.addGroup(incrementalEntry(MDUpdateAction.CHANGE, MDEntryType.BID, 1, "352.45", 9));
        final DataDictionary dictionary = new DataDictionary("FIX44.xml");
        final Message parsed = MessageUtils.parse(new DefaultMessageFactory(), dictionary, x.toString());

        assertEquals(1, translator.onMessage(parsed, RECEIVE_NS));
        final BookUpdateDecoder book = bookUpdate(sink.only());
        assertEquals(47, book.exchangeSeq());
        assertEquals(8_000L, book.exchangeTimestampNs());
        assertLevel(book.levels().next(), BookSide.BID, 0, 3_524_500L, 9);
    }

    private static MarketDataSnapshotFullRefresh snapshot(final String symbol, final int rptSeq, final long sendNs)
    {
        final MarketDataSnapshotFullRefresh w = new MarketDataSnapshotFullRefresh();
        w.set(new MDReqID("BASIS-1"));
        w.setString(Symbol.FIELD, symbol);
        w.setInt(RptSeq.FIELD, rptSeq);
        w.setString(FixFields.EXCHANGE_SEND_NANOS, Long.toString(sendNs));
        return w;
    }

    private static Group snapshotEntry(final char type, final int position, final String price, final long size)
    {
        final Group entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
        entry.setChar(MDEntryType.FIELD, type);
        entry.setString(MDEntryPx.FIELD, price);
        entry.setString(MDEntrySize.FIELD, Long.toString(size));
        entry.setInt(MDEntryPositionNo.FIELD, position);
        return entry;
    }

    private static MarketDataIncrementalRefresh incremental(final int rptSeq, final long sendNs)
    {
        final MarketDataIncrementalRefresh x = new MarketDataIncrementalRefresh();
        x.setInt(RptSeq.FIELD, rptSeq);
        x.setString(FixFields.EXCHANGE_SEND_NANOS, Long.toString(sendNs));
        return x;
    }

    private static Group incrementalEntry(
        final char action, final char type, final int position, final String price, final long size)
    {
        final Group entry = new MarketDataIncrementalRefresh.NoMDEntries();
        entry.setChar(MDUpdateAction.FIELD, action);
        entry.setChar(MDEntryType.FIELD, type);
        entry.setString(Symbol.FIELD, "KS200F");
        entry.setString(MDEntryPx.FIELD, price);
        entry.setString(MDEntrySize.FIELD, Long.toString(size));
        if (position > 0 || type != MDEntryType.TRADE)
        {
            entry.setInt(MDEntryPositionNo.FIELD, position);
        }
        return entry;
    }

    private static BookUpdateDecoder bookUpdate(final RecordingSink.Sent sent)
    {
        assertEquals(BookUpdateDecoder.TEMPLATE_ID, sent.templateId());
        return new BookUpdateDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
    }

    private static void assertLevel(
        final BookUpdateDecoder.LevelsDecoder level, final BookSide side, final int index, final long price,
        final long size)
    {
        assertEquals(side, level.side());
        assertEquals(index, level.level());
        assertEquals(price, level.price());
        assertEquals(size, level.size());
    }
}
