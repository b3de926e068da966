package io.basis.simulator.fix;

import io.basis.simulator.marketdata.MarketDataFeed;
import io.basis.simulator.matching.ExecutionListeners;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.MatchingRules;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.Side;
import io.basis.simulator.matching.TimeInForce;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.SessionID;

import java.util.ArrayList;
import java.util.List;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire layout of W, X and Y, as docs/fix-dialect.md fixes it.
 */
@Timeout(10)
class MarketDataServiceTest
{
    private static final SessionID SESSION = new SessionID("FIX.4.4", "SIM", "BASIS-MD");

    private final List<String> sent = new ArrayList<>();
    private final MarketDataFeed feed = new MarketDataFeed(TestReferenceData.small(), 10);
    private final MarketDataService service = new MarketDataService(feed, this::capture);
    private final MatchingEngine engine = new MatchingEngine(TestReferenceData.small(), MatchingRules.KRX,
        new ExecutionListeners(List.of(feed)));

    @Test
    void rendersSnapshotsIncrementalsAndRejects()
    {
        order(null, "LP", Side.BUY, "70900", 10);
        order(null, "LP", Side.SELL, "71000", 7);
        feed.publish(service);

        service.onRequest(SESSION, "r1", '1', List.of("AAA", "NOPE"));
        assertEquals(2, sent.size());
        final String snapshot = sent.get(0);
        assertTrue(snapshot.contains("\u000135=W\u0001"), snapshot);
        assertTrue(snapshot.matches(".*\u000155=AAA\u000183=1\u0001262=r1\u000121001=\\d+\u0001268=2\u0001" +
            "269=0\u0001270=70900\u0001271=10\u0001290=1\u0001269=1\u0001270=71000\u0001271=7\u0001290=1\u0001.*"),
            snapshot);
        assertTrue(sent.get(1).contains("\u000135=Y\u0001"));
        assertTrue(sent.get(1).contains("\u0001262=r1\u0001281=0\u0001"));
        assertTrue(sent.get(1).contains("\u000158=unknown symbol NOPE\u0001"));
        sent.clear();

        order("client", "ARB", Side.SELL, "70900", 4);
        feed.publish(service);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).matches(".*\u000135=X\u000183=2\u000121001=\\d+\u0001268=2\u0001" +
            "279=0\u0001269=2\u000155=AAA\u0001270=70900\u0001271=4\u0001" +
            "279=1\u0001269=0\u000155=AAA\u0001270=70900\u0001271=6\u0001290=1\u0001.*"), sent.get(0));
        sent.clear();

        engine.submit(OrderRequest.limit("client", "ARB", "x2", "AAA", Side.SELL, TimeInForce.DAY, 6, p("70900")));
        feed.publish(service);
        assertTrue(sent.get(0).contains("\u000183=3\u0001"));
        assertTrue(sent.get(0).contains("279=2\u0001269=0\u000155=AAA\u0001290=1\u0001"), sent.get(0));
    }

    @Test
    void unsubscribedAndLoggedOutSessionsGetNothing()
    {
        service.onRequest(SESSION, "r1", '1', List.of("AAA"));
        service.onLogout(SESSION);
        sent.clear();
        order(null, "LP", Side.BUY, "70900", 10);
        feed.publish(service);
        assertTrue(sent.isEmpty());
    }

    private void order(final Object owner, final String account, final Side side, final String price, final long qty)
    {
        engine.submit(OrderRequest.limit(owner, account, owner == null ? null : "c" + sent.size() + price,
            "AAA", side, TimeInForce.DAY, qty, p(price)));
    }

    private boolean capture(final Message message, final SessionID sessionId)
    {
        sent.add(message.toString());
        return true;
    }
}
