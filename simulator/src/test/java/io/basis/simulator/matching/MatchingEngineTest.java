package io.basis.simulator.matching;

import io.basis.simulator.support.EventLog;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class MatchingEngineTest
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
    void restingOrderIsAcceptedAndShownInTheBook()
    {
        final Order order = limit("A", "1", Side.BUY, 10, "70900");
        assertEquals(OrderStatus.NEW, order.status());
        assertEquals(List.of("accepted 1", "book AAA"), log.drain());
        assertEquals(p("70900"), engine.book("AAA").bestBid());
        assertEquals(0, engine.book("AAA").bestAsk());
    }

    @Test
    void tradesAtTheRestingPriceInPriceThenTimePriority()
    {
        limit("A", "1", Side.SELL, 5, "71100");
        limit("B", "2", Side.SELL, 5, "71000");
        limit("C", "3", Side.SELL, 5, "71000");
        log.drain();

        final Order buy = limit("D", "4", Side.BUY, 12, "71200");

        assertEquals(List.of(
            "accepted 4",
            "fill 2 5@71000 FILLED", "fill 4 5@71000 PARTIALLY_FILLED", "trade AAA 5@71000",
            "fill 3 5@71000 FILLED", "fill 4 5@71000 PARTIALLY_FILLED", "trade AAA 5@71000",
            "fill 1 2@71100 PARTIALLY_FILLED", "fill 4 2@71100 FILLED", "trade AAA 2@71100",
            "book AAA"), log.drain());
        assertEquals(OrderStatus.FILLED, buy.status());
        assertEquals(12, buy.cumQuantity());
        // (10*71000 + 2*71100) / 12 = 71016.666.. rounded half up to 4 decimals
        assertEquals(710_166_667L, buy.averagePrice());
        assertEquals(p("71100"), engine.book("AAA").bestAsk());
        final long[] prices = new long[10];
        final long[] sizes = new long[10];
        assertEquals(1, engine.book("AAA").depth(false, prices, sizes));
        assertEquals(3, sizes[0]);
    }

    @Test
    void partialFillRestsTheRemainderOfADayOrder()
    {
        limit("A", "1", Side.SELL, 4, "71000");
        log.drain();

        final Order buy = limit("B", "2", Side.BUY, 10, "71000");

        assertEquals(OrderStatus.PARTIALLY_FILLED, buy.status());
        assertEquals(6, buy.leavesQuantity());
        assertEquals(p("71000"), engine.book("AAA").bestBid());
        assertEquals(0, engine.book("AAA").bestAsk());
    }

    @Test
    void immediateOrCancelRemainderIsCanceled()
    {
        limit("A", "1", Side.BUY, 3, "70900");
        log.drain();

        final Order sell = engine.submit(OrderRequest.limit(
            CLIENT, "B", "2", "AAA", Side.SELL, TimeInForce.IMMEDIATE_OR_CANCEL, 5, p("70800")));

        assertEquals(List.of(
            "accepted 2", "fill 1 3@70900 FILLED", "fill 2 3@70900 PARTIALLY_FILLED", "trade AAA 3@70900",
            "canceled 2 immediate or cancel remainder", "book AAA"), log.drain());
        assertEquals(OrderStatus.CANCELED, sell.status());
        assertEquals(3, sell.cumQuantity());
        assertEquals(0, engine.book("AAA").bestBid());
        assertEquals(0, engine.book("AAA").bestAsk());
    }

    @Test
    void marketOrderSweepsAndCancelsWhatIsLeft()
    {
        limit("A", "1", Side.SELL, 2, "71000");
        limit("A", "2", Side.SELL, 2, "72000");
        log.drain();

        final Order buy = engine.submit(OrderRequest.market(CLIENT, "B", "3", "AAA", Side.BUY, 5));

        assertEquals(4, buy.cumQuantity());
        assertEquals(OrderStatus.CANCELED, buy.status());
        assertTrue(log.events().contains("canceled 3 market order remainder"));
    }

    @Test
    void fillOrKillTradesNothingUnlessItFillsCompletely()
    {
        limit("A", "1", Side.SELL, 2, "71000");
        log.drain();

        final Order kill = engine.submit(OrderRequest.limit(
            CLIENT, "B", "2", "AAA", Side.BUY, TimeInForce.FILL_OR_KILL, 3, p("71000")));
        assertEquals(List.of("accepted 2", "canceled 2 fill or kill: not enough quantity"), log.drain());
        assertEquals(0, kill.cumQuantity());

        final Order fill = engine.submit(OrderRequest.limit(
            CLIENT, "B", "3", "AAA", Side.BUY, TimeInForce.FILL_OR_KILL, 2, p("71000")));
        assertEquals(OrderStatus.FILLED, fill.status());
    }

    @Test
    void cancelRemovesTheOrderAndSecondCancelIsTooLate()
    {
        final Order order = limit("A", "1", Side.BUY, 10, "70000");
        log.drain();

        engine.cancel(new CancelRequest(CLIENT, "2", "1", "AAA", Side.BUY));
        assertEquals(List.of("canceled 1 canceled by request", "book AAA"), log.drain());
        assertEquals(OrderStatus.CANCELED, order.status());
        assertEquals(0, engine.book("AAA").bestBid());

        engine.cancel(new CancelRequest(CLIENT, "3", "1", "AAA", Side.BUY));
        assertEquals(List.of("cancelRejected 1 TOO_LATE_TO_CANCEL"), log.drain());

        engine.cancel(new CancelRequest(CLIENT, "4", "nope", "AAA", Side.BUY));
        assertEquals(List.of("cancelRejected nope UNKNOWN_ORDER"), log.drain());

        engine.cancel(new CancelRequest("another-session", "5", "1", "AAA", Side.BUY));
        assertEquals(List.of("cancelRejected 1 UNKNOWN_ORDER"), log.drain(), "ClOrdIDs are per session");
    }

    @Test
    void selfTradePreventionCancelsTheIncomingRemainder()
    {
        limit("A", "1", Side.SELL, 5, "71000");
        limit("B", "2", Side.SELL, 5, "71100");
        log.drain();

        final Order buy = limit("A", "3", Side.BUY, 5, "71100");

        assertEquals(List.of("accepted 3", "canceled 3 self-trade prevention"), log.drain());
        assertEquals(0, buy.cumQuantity());
        assertEquals(p("71000"), engine.book("AAA").bestAsk(), "resting order untouched");
    }

    @Test
    void rejectsUnknownSymbol()
    {
        assertNull(engine.submit(OrderRequest.limit(CLIENT, "A", "1", "ZZZ", Side.BUY, TimeInForce.DAY, 1, p("1"))));
        assertEquals(List.of("rejected 1 UNKNOWN_SYMBOL unknown symbol ZZZ"), log.drain());
    }

    @Test
    void rejectsPriceOffTheTickGrid()
    {
        assertNull(limit("A", "1", Side.BUY, 1, "71050"));
        assertEquals(List.of("rejected 1 OTHER price 71050 not on tick grid (tick 100)"), log.drain());
        assertNull(limit("A", "2", Side.BUY, 1, "0"));
        assertEquals(RejectReason.OTHER.name(), log.drain().get(0).split(" ")[2]);
        assertNull(engine.submit(
            OrderRequest.limit(CLIENT, "A", "3", "FUT", Side.BUY, TimeInForce.DAY, 1, p("350.02"))));
        assertEquals(List.of("rejected 3 OTHER price 350.02 not on tick grid (tick 0.05)"), log.drain());
    }

    @Test
    void rejectsPriceOutsideTheDailyLimit()
    {
        // AAA prevClose 71000: +-30% = 49700 .. 92300
        assertNotNull(limit("A", "1", Side.BUY, 1, "49700"));
        assertNotNull(limit("A", "2", Side.SELL, 1, "92300"));
        log.drain();
        assertNull(limit("A", "3", Side.SELL, 1, "92400"));
        assertEquals(List.of("rejected 3 OTHER price 92400 outside daily limit 49700-92300"), log.drain());
        assertNull(limit("A", "4", Side.BUY, 1, "49650"));
        assertTrue(log.drain().get(0).contains("outside daily limit"));

        // FUT prevClose 350: +-15% = 297.50 .. 402.50
        assertNull(engine.submit(
            OrderRequest.limit(CLIENT, "A", "5", "FUT", Side.BUY, TimeInForce.DAY, 1, p("402.55"))));
        assertEquals(List.of("rejected 5 OTHER price 402.55 outside daily limit 297.5-402.5"), log.drain());
    }

    @Test
    void rejectsBadQuantities()
    {
        assertNull(limit("A", "1", Side.BUY, 0, "71000"));
        assertNull(limit("A", "2", Side.BUY, -5, "71000"));
        assertNull(engine.submit(
            OrderRequest.limit(CLIENT, "A", "3", "LOT", Side.BUY, TimeInForce.DAY, 15, p("10000"))));
        final List<String> events = log.drain();
        assertEquals(3, events.size());
        for (final String event : events)
        {
            assertTrue(event.contains("INCORRECT_QUANTITY"), event);
        }
        assertTrue(events.get(2).contains("not a multiple of the lot 10"));
        assertNotNull(engine.submit(
            OrderRequest.limit(CLIENT, "A", "4", "LOT", Side.BUY, TimeInForce.DAY, 20, p("10000"))));
    }

    @Test
    void rejectsDuplicateClOrdIdPerSession()
    {
        assertNotNull(limit("A", "1", Side.BUY, 1, "70000"));
        log.drain();
        assertNull(limit("A", "1", Side.BUY, 1, "70000"));
        assertEquals(List.of("rejected 1 DUPLICATE_ORDER duplicate ClOrdID 1"), log.drain());
        assertNotNull(engine.submit(OrderRequest.limit(
            "another-session", "A", "1", "AAA", Side.BUY, TimeInForce.DAY, 1, p("70000"))));
    }

    @Test
    void decodeRejectIsReportedAfterSymbolCheck()
    {
        final OrderRequest request = new OrderRequest(CLIENT, "A", "1", "AAA", Side.BUY, null, TimeInForce.DAY,
            1, 0, RejectReason.OTHER, "unsupported OrdType 3");
        assertNull(engine.submit(request));
        assertEquals(List.of("rejected 1 OTHER unsupported OrdType 3"), log.drain());
    }

    @Test
    void internalCancelNeedsNoClOrdId()
    {
        final Order order = engine.submit(OrderRequest.limit(
            null, "LP", null, "AAA", Side.BUY, TimeInForce.DAY, 10, p("70000")));
        assertTrue(engine.cancel(order));
        assertEquals(0, engine.book("AAA").bestBid());
        assertTrue(!engine.cancel(order));
    }

    private Order limit(final String account, final String clOrdId, final Side side, final long quantity,
        final String price)
    {
        return engine.submit(OrderRequest.limit(
            CLIENT, account, clOrdId, "AAA", side, TimeInForce.DAY, quantity, p(price)));
    }
}
