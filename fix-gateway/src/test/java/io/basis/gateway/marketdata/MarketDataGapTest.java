package io.basis.gateway.marketdata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.RecordingSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.TradeDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.DataDictionary;
import quickfix.DefaultMessageFactory;
import quickfix.Message;
import quickfix.MessageUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RptSeq gap detection, replayed from recorded W/X wire messages as the simulator sends them.
 */
@Timeout(10)
class MarketDataGapTest
{
    private static final int FUTURE_ID = 7;
    private static final int STOCK_ID = 3;
    private static final long T0 = 1_000_000_000L;
    private static DataDictionary dictionary;

    private final InstrumentDirectory directory = new InstrumentDirectory();
    private final RecordingSink sink = new RecordingSink();
    private final Alarms alarms = new Alarms(line -> { });
    private final GatewayCounters counters = GatewayCounters.inMemory();
    private final List<List<String>> snapshotRequests = new ArrayList<>();
    private boolean requestsSucceed = true;
    private final MarketDataTranslator translator =
        new MarketDataTranslator(directory, sink, alarms, this::requestSnapshot, counters);
    private int msgSeqNum = 2;

    @BeforeEach
    void define()
    {
        directory.define(FUTURE_ID, "KS200F");
        directory.define(STOCK_ID, "005930");
    }

    @Test
    void gapClearsTheBookReRequestsTheSnapshotAndTheNewSnapshotResumes() throws Exception
    {
        replay(T0,
            w("KS200F", 10, "0|1|352.45|10", "1|1|352.50|12"),
            x("KS200F", 11, "1|0|1|352.40|11"),
            x("KS200F", 12, "0|2||352.50|1", "1|1|1|352.55|9"));
        assertEquals(4, sink.sent.size(), "W, X, X with a trade: book update and trade");
        assertEquals(0, alarms.total());

        // 13 is lost.
        assertEquals(1, translator.onMessage(x("KS200F", 14, "1|0|1|352.35|5"), T0 + 10));
        final BookUpdateDecoder cleared = bookUpdate(sink.sent.get(4));
        assertEquals(FUTURE_ID, cleared.instrumentId());
        assertEquals(BooleanType.TRUE, cleared.snapshot());
        assertEquals(0, cleared.levels().count(), "an empty snapshot: the engine clears the book");
        assertEquals(List.of(List.of("KS200F")), snapshotRequests);
        assertTrue(translator.isStale(FUTURE_ID));
        assertFalse(translator.isStale(STOCK_ID));
        assertEquals(1, alarms.count(Alarm.MARKET_DATA_GAP));
        assertEquals(1, counters.marketDataGaps.get());
        assertEquals(1, counters.staleInstruments.get());
        assertEquals(1, counters.snapshotRequests.get());

        // Updates before the new snapshot are dropped; other instruments carry on.
        assertEquals(0, translator.onMessage(x("KS200F", 15, "1|0|1|352.30|5"), T0 + 20));
        assertEquals(1, translator.onMessage(x("005930", 1, "1|1|1|71200|3"), T0 + 20));
        assertEquals(1, counters.marketDataStaleDropped.get());

        // The new snapshot resumes the instrument; X older than it are dropped, the next one is published.
        final int before = sink.sent.size();
        replay(T0 + 30,
            w("KS200F", 20, "0|1|352.30|4", "1|1|352.35|6"),
            x("KS200F", 19, "1|0|1|352.25|1"),
            x("KS200F", 21, "1|0|2|352.25|8"));
        assertEquals(before + 2, sink.sent.size());
        final BookUpdateDecoder snapshot = bookUpdate(sink.sent.get(before));
        assertEquals(BooleanType.TRUE, snapshot.snapshot());
        assertEquals(20, snapshot.exchangeSeq());
        assertEquals(2, snapshot.levels().count());
        assertEquals(21, bookUpdate(sink.sent.get(before + 1)).exchangeSeq());
        assertFalse(translator.isStale(FUTURE_ID));
        assertEquals(0, counters.staleInstruments.get());
        assertEquals(2, counters.marketDataStaleDropped.get());
        assertEquals(1, snapshotRequests.size(), "no further request");
    }

    @Test
    void anUnparsableUpdateDoesNotAdvanceTheSequenceSoTheNextShowsTheGap() throws Exception
    {
        replay(T0, w("KS200F", 10, "0|1|352.45|10"), x("KS200F", 11, "1|0|1|abc|1"));
        assertEquals(1, alarms.count(Alarm.UNPARSABLE_MARKET_DATA));

        translator.onMessage(x("KS200F", 12, "1|0|1|352.40|1"), T0);

        assertTrue(translator.isStale(FUTURE_ID));
        assertEquals(1, snapshotRequests.size());
    }

    @Test
    void aStaleInstrumentWhoseSnapshotNeverComesIsReRequestedAfterTheRetryInterval() throws Exception
    {
        requestsSucceed = false;
        replay(T0, w("KS200F", 10, "0|1|352.45|10"), x("KS200F", 12, "1|0|1|352.40|1"));
        assertEquals(1, alarms.count(Alarm.SNAPSHOT_REQUEST_FAILED));

        requestsSucceed = true;
        translator.onMessage(x("KS200F", 13, "1|0|1|352.40|1"), T0 + 1_000);
        assertTrue(snapshotRequests.isEmpty(), "too soon to retry");
        translator.onMessage(x("KS200F", 14, "1|0|1|352.40|1"), T0 + MarketDataTranslator.SNAPSHOT_RETRY_NS + 1);
        assertEquals(List.of(List.of("KS200F")), snapshotRequests);
        assertEquals(2, counters.snapshotRequests.get(), "both attempts");
    }

    @Test
    void aSequenceResetMakesEveryInstrumentStaleWithOneRequest() throws Exception
    {
        replay(T0, w("KS200F", 10, "0|1|352.45|10"), w("005930", 5, "0|1|71200|10"));
        sink.sent.clear();

        assertEquals(2, translator.onSequenceReset(T0 + 5));

        assertEquals(2, sink.sent.size());
        for (final RecordingSink.Sent sent : sink.sent)
        {
            assertEquals(0, bookUpdate(sent).levels().count());
        }
        assertEquals(List.of(List.of("005930", "KS200F")), snapshotRequests);
        assertEquals(1, alarms.count(Alarm.MARKET_DATA_GAP_FILL));
        assertEquals(1, counters.marketDataGapFills.get());
        assertEquals(2, counters.staleInstruments.get());
        assertEquals(0, translator.onMessage(x("KS200F", 11, "1|0|1|352.40|1"), T0 + 6), "stale until W");

        translator.onMessage(w("KS200F", 11, "0|1|352.40|1"), T0 + 7);
        assertEquals(1, counters.staleInstruments.get());
    }

    @Test
    void logonForgetsSequencesBecauseEverythingIsReSnapshotted() throws Exception
    {
        replay(T0, w("KS200F", 10, "0|1|352.45|10"), x("KS200F", 12, "1|0|1|352.40|1"));
        assertEquals(1, counters.staleInstruments.get());

        translator.onLogon();

        assertFalse(translator.isStale(FUTURE_ID));
        assertEquals(0, counters.staleInstruments.get());
        translator.onMessage(w("KS200F", 1, "0|1|352.45|10"), T0);
        assertEquals(1, translator.onMessage(x("KS200F", 2, "1|0|1|352.40|1"), T0));
    }

    private boolean requestSnapshot(final Collection<String> symbols)
    {
        if (requestsSucceed)
        {
            snapshotRequests.add(List.copyOf(symbols));
        }
        return requestsSucceed;
    }

    private void replay(final long receiveNs, final Message... messages)
    {
        for (final Message message : messages)
        {
            translator.onMessage(message, receiveNs);
        }
    }

    /** A recorded W: entries "type|position|price|size". */
    private Message w(final String symbol, final int rptSeq, final String... entries) throws Exception
    {
        final StringBuilder body = header("W").append("262=BASIS-1|55=").append(symbol).append("|83=").append(rptSeq)
            .append("|21001=").append(rptSeq * 1000L).append("|268=").append(entries.length).append('|');
        for (final String entry : entries)
        {
            final String[] f = entry.split("\\|", -1);
            body.append("269=").append(f[0]).append("|270=").append(f[2]).append("|271=").append(f[3])
                .append("|290=").append(f[1]).append('|');
        }
        return parse(body);
    }

    /** A recorded X: entries "action|type|position|price|size", position empty for trades. */
    private Message x(final String symbol, final int rptSeq, final String... entries) throws Exception
    {
        final StringBuilder body = header("X").append("83=").append(rptSeq).append("|21001=").append(rptSeq * 1000L)
            .append("|268=").append(entries.length).append('|');
        for (final String entry : entries)
        {
            final String[] f = entry.split("\\|", -1);
            body.append("279=").append(f[0]).append("|269=").append(f[1]).append("|55=").append(symbol)
                .append("|270=").append(f[3]).append("|271=").append(f[4]).append('|');
            if (!f[2].isEmpty())
            {
                body.append("290=").append(f[2]).append('|');
            }
        }
        return parse(body);
    }

    private StringBuilder header(final String msgType)
    {
        return new StringBuilder("35=").append(msgType).append("|49=SIM|56=BASIS-MD|34=").append(msgSeqNum++)
            .append("|52=20261123-01:00:00.000|");
    }

    private static Message parse(final CharSequence body) throws Exception
    {
        if (dictionary == null)
        {
            dictionary = new DataDictionary("FIX44.xml");
        }
        return MessageUtils.parse(new DefaultMessageFactory(), dictionary,
            MarketStatusTranslatorTest.wire(body.toString()));
    }

    private static BookUpdateDecoder bookUpdate(final RecordingSink.Sent sent)
    {
        assertEquals(BookUpdateDecoder.TEMPLATE_ID, sent.templateId(), "template " + sent.templateId() +
            " (trade is " + TradeDecoder.TEMPLATE_ID + ")");
        return new BookUpdateDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
    }
}
