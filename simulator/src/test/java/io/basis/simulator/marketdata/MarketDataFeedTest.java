package io.basis.simulator.marketdata;

import io.basis.simulator.matching.ExecutionListeners;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.MatchingRules;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.Side;
import io.basis.simulator.matching.TimeInForce;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class MarketDataFeedTest
{
    private final List<IncrementalUpdate> published = new ArrayList<>();
    private MarketDataFeed feed;
    private MatchingEngine engine;

    @BeforeEach
    void setUp()
    {
        feed = new MarketDataFeed(TestReferenceData.small(), 3);
        engine = new MatchingEngine(TestReferenceData.small(), MatchingRules.KRX,
            new ExecutionListeners(List.of(feed)));
    }

    @Test
    void publishesLevelOverwritesWithIncreasingRptSeq()
    {
        final Order bid = buy("70900", 10);
        buy("70800", 5);
        publish();
        assertEquals(1, published.size());
        assertEquals(1, published.get(0).rptSeq());
        assertEquals(List.of(
            new LevelChange(true, 1, p("70900"), 10, false),
            new LevelChange(true, 2, p("70800"), 5, false)), published.get(0).levels());

        // A better bid shifts the levels: every level whose content changed is overwritten.
        buy("71000", 1);
        publish();
        assertEquals(2, published.get(1).rptSeq());
        assertEquals(List.of(
            new LevelChange(true, 1, p("71000"), 1, false),
            new LevelChange(true, 2, p("70900"), 10, false),
            new LevelChange(true, 3, p("70800"), 5, false)), published.get(1).levels());

        engine.cancel(bid);
        publish();
        assertEquals(List.of(
            new LevelChange(true, 2, p("70800"), 5, false),
            new LevelChange(true, 3, 0, 0, true)), published.get(2).levels());
    }

    @Test
    void publishesTradesAndNothingWhenTheBookEndsUnchanged()
    {
        buy("70900", 10);
        publish();
        published.clear();

        engine.submit(OrderRequest.limit("s", "B", "x", "AAA", Side.SELL, TimeInForce.DAY, 4, p("70900")));
        publish();
        assertEquals(1, published.size());
        assertEquals(List.of(new TradePrint(p("70900"), 4)), published.get(0).trades());
        assertEquals(List.of(new LevelChange(true, 1, p("70900"), 6, false)), published.get(0).levels());

        // Cancel and re-add the same quote within one event: nothing to publish.
        final Order extra = buy("70000", 1);
        publish();
        published.clear();
        engine.cancel(extra);
        buy("70000", 1);
        publish();
        assertTrue(published.isEmpty());
    }

    @Test
    void snapshotCarriesTheLastPublishedSequence()
    {
        buy("70900", 10);
        publish();
        final BookSnapshot snapshot = feed.snapshot("AAA");
        assertEquals(1, snapshot.rptSeq());
        assertEquals(List.of(new Level(p("70900"), 10)), snapshot.bids());
        assertTrue(snapshot.asks().isEmpty());
        assertEquals(0, feed.snapshot("FUT").rptSeq());
        assertNull(feed.snapshot("NOPE"));
    }

    private Order buy(final String price, final long quantity)
    {
        return engine.submit(OrderRequest.limit(null, "LP", null, "AAA", Side.BUY, TimeInForce.DAY, quantity, p(price)));
    }

    private void publish()
    {
        feed.publish(published::add);
    }
}
