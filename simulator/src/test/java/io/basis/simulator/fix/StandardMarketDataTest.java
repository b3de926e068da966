package io.basis.simulator.fix;

import io.basis.simulator.marketdata.MarketDataFeed;
import io.basis.simulator.matching.ExecutionListeners;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.MatchingRules;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.Side;
import io.basis.simulator.matching.TimeInForce;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.DataDictionary;
import quickfix.Group;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UtcTimestampPrecision;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.basis.simulator.support.FixClient.type;
import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * W, X and Y as a standard session of each FIX version gets them parse and validate against the stock QuickFIX/J
 * dictionary of that version with default validation, an empty book's snapshot included; a session with the Basis
 * extensions gets them exactly as the exchange renders them (an empty book: NoMDEntries=0).
 */
@Timeout(10)
class StandardMarketDataTest
{
    private final List<Message> sent = new ArrayList<>();
    private final MarketDataFeed feed = new MarketDataFeed(TestReferenceData.small(), 10);
    private final MatchingEngine engine = new MatchingEngine(TestReferenceData.small(), MatchingRules.KRX,
        new ExecutionListeners(List.of(feed)));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4", "FIXT.1.1"})
    void snapshotsIncrementalsAndRejectsValidateAgainstTheStockDictionary(final String version) throws Exception
    {
        final SessionID session = new SessionID(version, "SIM", "PLAIN");
        final MarketDataService service = service(session, SessionExtensions.STANDARD);
        feed.publish(service);
        service.onRequest(session, "empty", '1', List.of("AAA", "NOPE"));
        order("LP", Side.BUY, "70900", 10);
        order("LP", Side.SELL, "71000", 7);
        feed.publish(service);
        order("ARB", Side.SELL, "70900", 10);
        feed.publish(service);
        service.onRequest(session, "full", '0', List.of("AAA"));

        assertEquals(List.of("W", "Y", "X", "X", "W"), sent.stream().map(FixClient::type).toList());
        // Validate the wire form before touching the messages: QuickFIX/J's getGroups adds an empty group list,
        // which drops a NoMDEntries=0 from the message's text.
        final List<Message> parsed = new ArrayList<>();
        for (final Message message : sent)
        {
            parsed.add(parseAndValidate(version, message));
        }
        final String emptyBook = sent.get(0).toString();
        if (version.equals("FIXT.1.1"))
        {
            assertTrue(emptyBook.contains("\u0001268=1\u0001269=J\u000183=0\u0001"),
                "5.0SP2: an empty-book entry, carrying RptSeq: " + emptyBook);
        }
        else
        {
            assertTrue(emptyBook.contains("\u0001268=0\u0001"), "no empty-book type before 5.0SP2: " + emptyBook);
        }
        final List<Integer> incrementalRptSeqs = new ArrayList<>();
        for (final Message message : parsed)
        {
            assertFalse(message.isSetField(83), "no message-level RptSeq");
            assertFalse(message.isSetField(21001), "no ExchangeSendNanos");
            for (final Group entry : message.getGroups(268))
            {
                assertEquals(version.equals("FIXT.1.1"), entry.isSetField(83), "RptSeq in the entries of 5.0SP2");
                if (entry.isSetField(83) && type(message).equals("X"))
                {
                    incrementalRptSeqs.add(entry.getInt(83));
                }
            }
        }
        if (version.equals("FIXT.1.1"))
        {
            assertEquals(List.of(1, 1, 2, 2), incrementalRptSeqs, "one RptSeq per incremental, in every entry");
        }
    }

    @Test
    void aSessionWithTheBasisExtensionsGetsTheMessagesAsRendered() throws Exception
    {
        final SessionID session = new SessionID("FIX.4.4", "SIM", "BASIS-MD");
        final MarketDataService service = service(session, SessionExtensions.BASIS);
        final List<Message> rendered = new ArrayList<>();
        final MarketDataService reference = new MarketDataService(feed, (message, id) -> rendered.add(message));
        order("LP", Side.BUY, "70900", 10);
        feed.publish(service);
        service.onRequest(session, "r", '1', List.of("AAA"));
        reference.onRequest(session, "r", '1', List.of("AAA"));
        assertEquals(strip21001(rendered.get(0).toString()), strip21001(sent.get(0).toString()));
        assertTrue(sent.get(0).isSetField(83) && sent.get(0).isSetField(21001), "message-level RptSeq, 21001");
    }

    private MarketDataService service(final SessionID session, final SessionExtensions extensions)
    {
        final SessionDefinition definition = new SessionDefinition(SessionRole.MARKET_DATA,
            session.getTargetCompID(), session.getBeginString(), null, null, null, extensions);
        return new MarketDataService(feed, new VersionAdapter((message, id) -> sent.add(message),
            Map.of(session, definition)), id -> extensions == SessionExtensions.STANDARD);
    }

    private static String strip21001(final String message)
    {
        return message.replaceAll("\u000121001=\\d+", "").replaceAll("\u000110=\\d+\u0001$", "");
    }

    /**
     * Fill the header as the session would, serialise, then parse and validate as a plain client does.
     */
    private static Message parseAndValidate(final String version, final Message message) throws Exception
    {
        message.getHeader().setString(8, version);
        message.getHeader().setString(49, "SIM");
        message.getHeader().setString(56, "PLAIN");
        message.getHeader().setInt(34, 2);
        message.getHeader().setUtcTimeStamp(52, LocalDateTime.now(ZoneOffset.UTC), UtcTimestampPrecision.MILLIS);
        final Message parsed = new Message();
        if (version.equals("FIXT.1.1"))
        {
            final DataDictionary transport = new DataDictionary("FIXT11.xml");
            final DataDictionary application = new DataDictionary("FIX50SP2.xml");
            parsed.fromString(message.toString(), transport, application, true);
            application.validate(parsed, true);
        }
        else
        {
            final DataDictionary dictionary = new DataDictionary(version.replace(".", "") + ".xml");
            parsed.fromString(message.toString(), dictionary, true);
            dictionary.validate(parsed);
        }
        return parsed;
    }

    private void order(final String account, final Side side, final String price, final long quantity)
    {
        engine.submit(OrderRequest.limit(account.equals("LP") ? null : "client", account,
            account.equals("LP") ? null : "c" + sent.size() + price, "AAA", side, TimeInForce.DAY, quantity,
            p(price)));
    }
}
