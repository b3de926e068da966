package io.basis.bench.latency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.DataDictionary;
import quickfix.Message;
import quickfix.MessageUtils;
import quickfix.field.MDEntryType;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.Symbol;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.MarketDataIncrementalRefresh;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stamped type comes out stamped and still parses its repeating groups; every other type is QuickFIX/J's own.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReadStampingMessageFactoryTest
{
    @Test
    void stampsOnlyTheChosenType()
    {
        final ReadStampingMessageFactory factory = new ReadStampingMessageFactory(MsgType.ORDER_SINGLE);
        final long beforeNs = System.nanoTime();

        final Message order = factory.create(Fix.BEGIN_STRING, MsgType.ORDER_SINGLE);

        final ReadStampingMessageFactory.ReadMessage stamped =
            assertInstanceOf(ReadStampingMessageFactory.ReadMessage.class, order);
        assertTrue(stamped.readNs() >= beforeNs);
        assertInstanceOf(ExecutionReport.class, factory.create(Fix.BEGIN_STRING, MsgType.EXECUTION_REPORT));
    }

    @Test
    void aStampedIncrementalKeepsItsGroupsWhenParsed() throws Exception
    {
        final MarketDataIncrementalRefresh sent = new MarketDataIncrementalRefresh();
        sent.getHeader().setString(quickfix.field.SenderCompID.FIELD, Fix.EXCHANGE);
        sent.getHeader().setString(quickfix.field.TargetCompID.FIELD, Fix.MARKET_DATA);
        sent.getHeader().setInt(quickfix.field.MsgSeqNum.FIELD, 1);
        sent.getHeader().setUtcTimeStamp(quickfix.field.SendingTime.FIELD, java.time.LocalDateTime.now());
        for (final char type : new char[]{MDEntryType.BID, MDEntryType.OFFER})
        {
            final MarketDataIncrementalRefresh.NoMDEntries entry = new MarketDataIncrementalRefresh.NoMDEntries();
            entry.setChar(MDUpdateAction.FIELD, MDUpdateAction.CHANGE);
            entry.setChar(MDEntryType.FIELD, type);
            entry.setString(Symbol.FIELD, "KS200F");
            sent.addGroup(entry);
        }

        final Message parsed = MessageUtils.parse(
            new ReadStampingMessageFactory(MsgType.MARKET_DATA_INCREMENTAL_REFRESH), new DataDictionary("FIX44.xml"),
            sent.toString());

        assertInstanceOf(ReadStampingMessageFactory.ReadMessage.class, parsed);
        assertEquals(2, parsed.getGroups(NoMDEntries.FIELD).size());
        assertEquals("KS200F", parsed.getGroups(NoMDEntries.FIELD).get(1).getString(Symbol.FIELD));
    }
}
