package io.basis.simulator.matching;

import io.basis.simulator.support.EventLog;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancel-replace priority, call-auction uncrossing, at-the-close orders, halts and held fills in the engine.
 */
@Timeout(10)
class AuctionAndReplaceTest
{
    private static final String CLIENT = "session-1";

    private final EventLog log = new EventLog();
    private MatchingEngine engine;

    @BeforeEach
    void setUp()
    {
        engine = new MatchingEngine(TestReferenceData.small(), MatchingRules.KRX, log);
    }

    @Test
    void sizeDecreaseKeepsTimePriority()
    {
        limit("A", "1", Side.BUY, 10, "70900");
        limit("B", "2", Side.BUY, 10, "70900");
        engine.replace(replace("1r", "1", 4, "70900"));
        assertEquals(p("70900"), engine.book("AAA").bestBid());
        log.drain();

        limit("C", "3", Side.SELL, 4, "70900");
        assertEquals(List.of("accepted 3", "fill 1r 4@70900 FILLED", "fill 3 4@70900 FILLED", "trade AAA 4@70900",
            "book AAA"), log.drain(), "the reduced order kept its place ahead of order 2");
    }

    @Test
    void sizeIncreaseLosesTimePriority()
    {
        limit("A", "1", Side.BUY, 10, "70900");
        limit("B", "2", Side.BUY, 10, "70900");
        engine.replace(replace("1r", "1", 12, "70900"));
        log.drain();

        limit("C", "3", Side.SELL, 4, "70900");
        assertEquals("fill 2 4@70900 PARTIALLY_FILLED", log.drain().get(1), "order 2 is now first");
    }

    @Test
    void priceChangeLosesPriorityAndMayTrade()
    {
        limit("S", "s", Side.SELL, 5, "71000");
        final Order buy = limit("A", "1", Side.BUY, 10, "70900");
        log.drain();
        engine.replace(replace("1r", "1", 10, "71000"));
        assertEquals(List.of("replaced 1r from 1", "book AAA", "fill s 5@71000 FILLED",
            "fill 1r 5@71000 PARTIALLY_FILLED", "trade AAA 5@71000", "book AAA"), log.drain());
        assertEquals(5, buy.leavesQuantity());
        assertEquals(p("71000"), engine.book("AAA").bestBid());
    }

    @Test
    void replaceRejectsBadRequests()
    {
        limit("S", "s", Side.SELL, 5, "71000");
        final Order buy = limit("A", "1", Side.BUY, 10, "71000");
        log.drain();
        engine.replace(replace("r1", "nope", 5, "71000"));
        engine.replace(replace("r2", "1", 5, "71000"));
        engine.replace(replace("r3", "1", 10, "71050"));
        engine.replace(replace("s", "1", 8, "71000"));
        assertEquals(List.of(
            "replaceRejected nope UNKNOWN_ORDER unknown order nope",
            "replaceRejected 1 OTHER OrderQty 5 not above the filled quantity 5",
            "replaceRejected 1 OTHER price 71050 not on tick grid (tick 100)",
            "replaceRejected 1 DUPLICATE_CLORDID duplicate ClOrdID s"), log.drain());
        assertEquals(5, buy.leavesQuantity());
    }

    @Test
    void uncrossMaximisesVolumeThenMinimisesImbalanceThenNearsTheReference()
    {
        engine.startAuction("AAA");
        limit("B1", "b1", Side.BUY, 10, "71200");
        limit("B2", "b2", Side.BUY, 10, "71000");
        limit("S1", "s1", Side.SELL, 5, "70800");
        limit("S2", "s2", Side.SELL, 10, "71000");
        engine.submit(new OrderRequest(CLIENT, "S3", "s3", "AAA", Side.SELL, OrderType.MARKET, TimeInForce.DAY,
            3, 0, null, null));
        assertEquals(0, log.events().stream().filter(e -> e.startsWith("trade")).count(), "nothing trades yet");
        log.drain();

        // Demand at 71000: 20, supply: 5 + 10 + 3 = 18 -> 18. At 71200: 10 vs 18 -> 10. At 70800: 20 vs 8.
        final AuctionResult result = engine.uncross("AAA");
        assertEquals(p("71000"), result.price());
        assertEquals(18, result.volume());
        assertEquals(2, result.imbalance());
        final List<String> events = log.drain();
        assertTrue(events.stream().filter(e -> e.startsWith("trade")).allMatch(e -> e.endsWith("@71000")), events.toString());
        assertEquals(18, events.stream().filter(e -> e.startsWith("trade"))
            .mapToLong(e -> Long.parseLong(e.split(" ")[2].split("@")[0])).sum());
        assertTrue(events.contains("auction AAA 71000 18"));
        assertEquals(p("71000"), engine.book("AAA").bestBid(), "b2's remainder of 2 rests");
        assertEquals(0, engine.book("AAA").bestAsk());
        assertNull(engine.uncross("AAA"), "back to continuous trading");
    }

    @Test
    void uncrossPrefersThePriceClosestToTheReferenceWhenVolumeAndImbalanceTie()
    {
        engine.startAuction("AAA");
        limit("B", "b", Side.BUY, 10, "71500");
        limit("S", "s", Side.SELL, 10, "70500");
        // Every price from 70500 to 71500 executes 10 with no imbalance; prevClose 71000 is the reference.
        assertEquals(p("71000"), engine.uncross("AAA").price());
    }

    @Test
    void atTheCloseOrdersWaitForTheClosingAuction()
    {
        limit("S", "s", Side.SELL, 5, "70000");
        final Order close = engine.submit(OrderRequest.limit(
            CLIENT, "A", "c1", "AAA", Side.BUY, TimeInForce.AT_THE_CLOSE, 5, p("71000")));
        assertEquals(OrderStatus.NEW, close.status(), "not executed in continuous trading");
        assertEquals(0, engine.book("AAA").bestBid());

        engine.startClosingAuction();
        assertEquals(p("71000"), engine.book("AAA").bestBid(), "joined the closing auction");
        final AuctionResult result = engine.uncross("AAA");
        assertTrue(result.closing());
        assertEquals(5, result.volume());
        // Volume 5 at 70000 and at 71000, imbalance 0 both: 71000 is the reference.
        assertEquals(p("71000"), result.price());
        assertEquals(OrderStatus.FILLED, close.status());
    }

    @Test
    void expireAllCancelsOrdersEverywhere()
    {
        limit("A", "1", Side.BUY, 5, "70000");
        engine.submit(OrderRequest.limit(CLIENT, "A", "2", "AAA", Side.BUY, TimeInForce.AT_THE_CLOSE, 5, p("71000")));
        engine.holdFills("LOT");
        engine.submit(OrderRequest.limit(CLIENT, "A", "3", "LOT", Side.BUY, TimeInForce.DAY, 10, p("10000")));
        engine.submit(OrderRequest.limit(CLIENT, "A", "4", "LOT", Side.BUY, TimeInForce.DAY, 10, p("10000")));
        engine.submit(OrderRequest.limit(CLIENT, "A", "5", "AAA", Side.BUY, TimeInForce.AT_THE_CLOSE, 5, p("71000")));
        log.drain();
        assertEquals(5, engine.expireAll("expired at the close"));
        assertEquals(5, log.drain().stream().filter(e -> e.endsWith("expired at the close")).count());
    }

    @Test
    void heldFillsParkClientOrdersUntilReleased()
    {
        limit("A", "1", Side.BUY, 5, "70000");
        engine.holdFills("AAA");
        assertEquals(0, engine.book("AAA").bestBid(), "resting client orders leave the book");
        engine.submit(OrderRequest.limit(null, "LP", null, "AAA", Side.SELL, TimeInForce.DAY, 10, p("70000")));
        final Order buy = limit("A", "2", Side.BUY, 5, "70000");
        assertEquals(0, buy.cumQuantity(), "nothing fills while held");
        log.drain();

        assertEquals(2, engine.releaseFills("AAA"));
        assertEquals(List.of("fill #2 5@70000 PARTIALLY_FILLED", "fill 1 5@70000 FILLED", "trade AAA 5@70000",
            "book AAA", "fill #2 5@70000 FILLED", "fill 2 5@70000 FILLED", "trade AAA 5@70000", "book AAA"),
            log.drain(), "in arrival order");
        assertEquals(-1, engine.releaseFills("AAA"));
    }

    @Test
    void haltRejectsNewOrdersAndReplacesButNotCancels()
    {
        limit("A", "1", Side.BUY, 5, "70000");
        engine.halt("AAA");
        log.drain();
        assertNull(limit("A", "2", Side.BUY, 5, "70000"));
        engine.replace(replace("1r", "1", 4, "70000"));
        engine.cancel(new CancelRequest(CLIENT, "1c", "1", "AAA", Side.BUY));
        assertEquals(List.of("rejected 2 EXCHANGE_CLOSED trading halted in AAA",
            "replaceRejected 1 EXCHANGE_OPTION trading halted in AAA", "canceled 1 canceled by request", "book AAA"),
            log.drain());
    }

    @Test
    void marketOrdersInAnAuctionArePricedAtTheLimitAndTheirRemainderIsCanceled()
    {
        engine.startAuction("FUT");
        engine.submit(OrderRequest.market(CLIENT, "A", "m1", "FUT", Side.BUY, 5));
        engine.submit(OrderRequest.limit(CLIENT, "B", "s1", "FUT", Side.SELL, TimeInForce.DAY, 2, p("351")));
        log.drain();
        final AuctionResult result = engine.uncross("FUT");
        assertEquals(p("351"), result.price());
        assertEquals(2, result.volume());
        assertTrue(log.drain().contains("canceled m1 market order remainder"));
    }

    private Order limit(final String account, final String clOrdId, final Side side, final long quantity,
        final String price)
    {
        return engine.submit(OrderRequest.limit(
            CLIENT, account, clOrdId, clOrdId.startsWith("l") ? "LOT" : "AAA", side, TimeInForce.DAY, quantity,
            p(price)));
    }

    private static ReplaceRequest replace(final String clOrdId, final String orig, final long quantity,
        final String price)
    {
        return new ReplaceRequest(CLIENT, clOrdId, orig, "AAA", Side.BUY, quantity, p(price), null);
    }
}
