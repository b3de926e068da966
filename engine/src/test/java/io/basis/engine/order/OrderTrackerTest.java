package io.basis.engine.order;

import java.util.ArrayList;
import java.util.List;

import io.basis.engine.TestReferenceData;
import io.basis.engine.position.Positions;
import io.basis.engine.refdata.Costs;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class OrderTrackerTest
{
    private static final long PX = Prices.parse("100");

    private final Positions positions = new Positions(
        TestReferenceData.twoStockIndex(TestReferenceData.tempDir()).instruments(),
        new Costs(0, 0, 0, 0, 0, 0, 0, 0, 0));
    private final OrderTracker tracker = new OrderTracker(2, 4, 3, positions, new OrderIds(1_000));

    @Test
    void aProgramCompletesWhenEveryLegIsTerminalAndFillsAreBookedIntoPositions()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        final ChildOrder stock = tracker.addBasketLeg(program, 1, Side.BUY, 10, PX);
        final ChildOrder future = tracker.addHedge(program, 0, Side.SELL, 1, PX);

        tracker.onExecutionReport(stock.orderId(), ExecType.NEW, OrdStatus.NEW, 0, 0, 0, 0);
        tracker.onExecutionReport(stock.orderId(), ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 4, PX, 4, 0);
        assertEquals(OrderState.PARTIALLY_FILLED, stock.state());
        tracker.onExecutionReport(stock.orderId(), ExecType.TRADE, OrdStatus.FILLED, 6, PX, 10, 0);
        assertFalse(program.isComplete());
        tracker.onExecutionReport(future.orderId(), ExecType.TRADE, OrdStatus.FILLED, 1, PX, 1, 0);

        assertTrue(program.isComplete());
        assertEquals(1, tracker.programsCompleted());
        assertEquals(0, tracker.openProgramCount());
        assertEquals(0, tracker.workingOrders());
        assertEquals(10, positions.quantity(1));
        assertEquals(-1, positions.quantity(0));
        assertEquals(3, positions.fills());
    }

    @Test
    void aRepeatedFillReportIsBookedOnce()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        final ChildOrder order = tracker.addBasketLeg(program, 1, Side.BUY, 10, PX);

        tracker.onExecutionReport(order.orderId(), ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 4, PX, 4, 0);
        tracker.onExecutionReport(order.orderId(), ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 4, PX, 4, 0);

        assertEquals(4, positions.quantity(1));
        assertEquals(1, tracker.duplicateReports());
        assertEquals(0, tracker.fillMismatches());
    }

    @Test
    void aCumulativeQuantityThatDisagreesWithTheFillsIsBookedAsTheExchangeSaysAndFlagged()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        final ChildOrder order = tracker.addBasketLeg(program, 1, Side.BUY, 10, PX);

        // A fill of 3 was missed: the next report says 2 more, cumulative 5.
        tracker.onExecutionReport(order.orderId(), ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 2, PX, 5, 0);

        assertEquals(5, positions.quantity(1));
        assertEquals(1, tracker.fillMismatches());
    }

    @Test
    void aCancelEndsTheLegWithItsFilledPartKept()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.REVERSE, ProgramKind.ARBITRAGE, 0);
        final ChildOrder order = tracker.addBasketLeg(program, 2, Side.SELL_SHORT, 10, PX);
        tracker.onExecutionReport(order.orderId(), ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 3, PX, 3, 0);

        final long cancelId = tracker.requestCancel(order);
        assertTrue(cancelId > order.orderId());
        assertEquals(OrderState.PENDING_CANCEL, order.state());
        assertEquals(0, tracker.requestCancel(order), "a second cancel is not sent while one is pending");
        tracker.onExecutionReport(order.orderId(), ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, 3, 0);

        assertEquals(OrderState.CANCELED, order.state());
        assertTrue(program.isComplete());
        assertEquals(-3, positions.quantity(2));
    }

    @Test
    void aRefusedCancelLeavesTheOrderWorking()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        final ChildOrder order = tracker.addBasketLeg(program, 1, Side.BUY, 10, PX);
        tracker.onExecutionReport(order.orderId(), ExecType.NEW, OrdStatus.NEW, 0, 0, 0, 0);
        tracker.requestCancel(order);

        tracker.onCancelReject(order.orderId(), RejectReason.UNKNOWN_ORDER);

        assertEquals(OrderState.NEW, order.state(), "acknowledged before: the exchange has it, whatever it says");
    }

    @Test
    void afterAGatewayRestartUnacknowledgedOrdersAreCancelledAndThoseUnknownToTheExchangeEnd()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        final ChildOrder acknowledged = tracker.addBasketLeg(program, 1, Side.BUY, 10, PX);
        final ChildOrder lost = tracker.addBasketLeg(program, 2, Side.BUY, 10, PX);
        final ChildOrder reached = tracker.addHedge(program, 0, Side.SELL, 1, PX);
        tracker.onExecutionReport(acknowledged.orderId(), ExecType.NEW, OrdStatus.NEW, 0, 0, 0, 0);
        final List<Long> cancelled = new ArrayList<>();

        assertEquals(2, tracker.cancelUnacknowledged((cancelId, order) -> cancelled.add(order.orderId())));
        assertEquals(List.of(lost.orderId(), reached.orderId()), cancelled.stream().sorted().toList());

        tracker.onCancelReject(lost.orderId(), RejectReason.UNKNOWN_ORDER);
        tracker.onExecutionReport(reached.orderId(), ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, 0, 0);
        assertEquals(OrderState.REJECTED, lost.state());
        assertEquals(OrderState.CANCELED, reached.state());
        assertEquals(OrderState.NEW, acknowledged.state());
        assertEquals(1, tracker.workingOrders());
    }

    @Test
    void aRejectedLegIsTerminalAndCounted()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        final ChildOrder order = tracker.addBasketLeg(program, 1, Side.BUY, 10, PX);

        assertTrue(tracker.onReject(order.orderId()));

        assertEquals(OrderState.REJECTED, order.state());
        assertEquals(1, tracker.rejects());
        assertTrue(program.isComplete());
        assertFalse(tracker.onReject(order.orderId()), "the order is forgotten once its program completed");
    }

    @Test
    void aLeggedProgramReportsLeggedAndAFilledHedgeProgramIsComplete()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.REVERSE, ProgramKind.ARBITRAGE, 0);
        final ChildOrder stock = tracker.addBasketLeg(program, 1, Side.SELL_SHORT, 10, PX);
        final ChildOrder future = tracker.addHedge(program, 0, Side.BUY, 1, PX);
        tracker.onExecutionReport(stock.orderId(), ExecType.TRADE, OrdStatus.FILLED, 10, PX, 10, 5);

        assertEquals(ProgramState.LEGGED, program.state());
        assertEquals(5, program.leggedSinceNs());
        assertEquals(0.0, program.committedGap(), "the hedge is still working: in flight, not legged");
        tracker.onExecutionReport(future.orderId(), ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, 0, 6);
        assertEquals(ProgramState.LEGGED, program.state(), "ended with the basket sold and no future bought");
        assertEquals(1.0, program.committedGap());

        final ProgramOrder hedge = tracker.openProgram(ProgramDirection.REVERSE, ProgramKind.HEDGE, 7);
        final ChildOrder hedgeLeg = tracker.addHedge(hedge, 0, Side.BUY, 1, PX);
        tracker.onExecutionReport(hedgeLeg.orderId(), ExecType.TRADE, OrdStatus.FILLED, 1, PX, 1, 8);

        assertEquals(ProgramState.COMPLETE, hedge.state(), "a hedge on its own is complete once filled");
        assertEquals(0, hedge.leggedSinceNs());
    }

    @Test
    void aRepricedLegIsReplacedOnlyOnceItsCancelIsConfirmedAndTheBasketShareStaysExact()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        final ChildOrder future = tracker.addHedge(program, 0, Side.SELL, 1, PX);
        final ChildOrder stock = tracker.addBasketLeg(program, 1, Side.BUY, 10, PX);
        tracker.onExecutionReport(future.orderId(), ExecType.TRADE, OrdStatus.FILLED, 1, PX, 1, 1);
        tracker.onExecutionReport(stock.orderId(), ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 4, PX, 4, 2);
        final ChildOrder[] replacement = new ChildOrder[1];
        tracker.repriceListener(order -> replacement[0] = tracker.addReplacement(order, PX + 1));

        assertTrue(tracker.requestReprice(stock) != 0);
        assertEquals(null, replacement[0], "nothing is sent again before the cancel is confirmed");
        tracker.onExecutionReport(stock.orderId(), ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, 4, 3);

        assertEquals(6, replacement[0].quantity(), "the unfilled rest, at the new price");
        assertFalse(program.isComplete(), "the replacement keeps the program working");
        assertEquals(0.0, program.committedGap(), "the rest is replaced, not lost");
        tracker.onExecutionReport(replacement[0].orderId(), ExecType.TRADE, OrdStatus.FILLED, 6, PX + 1, 6, 4);

        assertTrue(program.isComplete());
        assertEquals(1.0, program.basketFilledFraction());
        assertEquals(ProgramState.COMPLETE, program.state());
        assertEquals(10, positions.quantity(1));
    }

    @Test
    void noMoreProgramsOpenThanTheLimit()
    {
        tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);

        assertNull(tracker.openProgram(ProgramDirection.REVERSE, ProgramKind.ARBITRAGE, 0));
    }

    @Test
    void aReportForAnUnknownOrderChangesNothing()
    {
        tracker.onExecutionReport(42, ExecType.TRADE, OrdStatus.FILLED, 1, PX, 1, 0);

        assertEquals(1, tracker.unknownReports());
        assertEquals(0, positions.fills());
    }

    @Test
    void anOrderStatusBooksTheFillsWhoseReportsWereLostAtThePriceThatMatchesTheExchangesAverage()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        final ChildOrder order = tracker.addBasketLeg(program, 1, Side.BUY, 10, Prices.parse("102"));
        tracker.onExecutionReport(order.orderId(), ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 4, PX, 4, 0);

        // 6 more filled at 101 while the reports were lost: 4 x 100 + 6 x 101 = 10 x 100.6.
        tracker.onOrderStatus(order.orderId(), OrdStatus.FILLED, 10, Prices.parse("100.6"), 0);

        assertEquals(10, positions.quantity(1));
        assertEquals(100.6, positions.averagePrice(1), 1e-9);
        assertEquals(buyNotional(4, "100") + buyNotional(6, "101"), positions.buyNotional(1));
        assertEquals(OrderState.FILLED, order.state());
        assertEquals(1, tracker.recoveredFills());
        assertEquals(0, tracker.fillMismatches());

        // The same status again, or a late resend of a fill it covers, books nothing.
        tracker.onOrderStatus(order.orderId(), OrdStatus.FILLED, 10, Prices.parse("100.6"), 0);
        assertEquals(10, positions.quantity(1));
    }

    @Test
    void anOrderOfAnEarlierRunIsAdoptedOnceWithItsFillsBookedAndLaterReportsApplied()
    {
        final long earlier = 999;
        assertTrue(tracker.isUnadoptedEarlierOrder(earlier));
        assertFalse(tracker.isUnadoptedEarlierOrder(1_000_000), "this run's ids are never adopted");

        final ChildOrder order = tracker.adopt(earlier, 1, Side.SELL, OrdStatus.PARTIALLY_FILLED, 3, 7, PX, 0);

        assertEquals(earlier, order.orderId());
        assertEquals(ProgramKind.RECOVERED, order.program().kind());
        assertEquals(10, order.quantity());
        assertEquals(-3, positions.quantity(1));
        assertEquals(OrderState.PARTIALLY_FILLED, order.state());
        assertFalse(tracker.isUnadoptedEarlierOrder(earlier));
        assertEquals(0, tracker.childOrdersSent());

        tracker.onExecutionReport(earlier, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 2, PX, 5, 0);
        tracker.onExecutionReport(earlier, ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, 5, 0);
        assertEquals(-5, positions.quantity(1));
        assertTrue(order.program().isComplete());
        assertEquals(0, tracker.programsCompleted(), "a program of adopted orders is no program of this run");

        // A duplicate after the adopted order ended is neither adopted again nor booked.
        assertFalse(tracker.isUnadoptedEarlierOrder(earlier));
        tracker.onExecutionReport(earlier, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 2, PX, 5, 0);
        assertEquals(-5, positions.quantity(1));
        assertEquals(1, tracker.adoptedOrders());
    }

    @Test
    void aLateReportOfAnOrderTheRestoredStateSawEndIsNeverAdoptedOnlyOrdersItsJournalLostAre()
    {
        // The run before: a program of one leg, and the next id it would issue.
        final ProgramOrder program = tracker.openProgram(ProgramDirection.REVERSE, ProgramKind.ARBITRAGE, 0);
        final ChildOrder known = tracker.addBasketLeg(program, 1, Side.SELL, 10, PX);
        final long lostByTheJournal = known.orderId() + 1;
        // A restart continues the state; the known order then fills and its program completes.
        tracker.continueAs(1_000_000);
        tracker.onExecutionReport(known.orderId(), ExecType.TRADE, OrdStatus.FILLED, 10, PX, 10, 0);
        assertTrue(program.isComplete());
        assertEquals(-10, positions.quantity(1));

        // The gateway's status answer for it comes after: a late report of an order the state knew, not an order
        // to take over (adopting it would book its ten shares again).
        assertFalse(tracker.isUnadoptedEarlierOrder(known.orderId()));
        tracker.onOrderStatus(known.orderId(), OrdStatus.FILLED, 10, PX, 0);
        assertEquals(-10, positions.quantity(1));
        // An order the run before sent after the last one its journal recorded is unknown, and is adopted.
        assertTrue(tracker.isUnadoptedEarlierOrder(lostByTheJournal));
    }

    @Test
    void adoptedOrdersEndingOneByOneNeverCountAsProgramsOfThisRun()
    {
        for (long earlier = 900; earlier < 905; earlier++)
        {
            // Each ends at once, so each would open a fresh program to hold it.
            tracker.adopt(earlier, 1, Side.BUY, OrdStatus.FILLED, 10, 0, PX, 0);
        }

        assertEquals(5, tracker.adoptedOrders());
        assertEquals(0, tracker.programsOpened());
        assertEquals(0, tracker.programsCompleted());
        assertEquals(0, tracker.openProgramCount());
        assertEquals(50, positions.quantity(1));
    }

    @Test
    void anOrderTheExchangeCannotReportOnEndsUnresolvedAndItsProgramCompletes()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.ARBITRAGE, 0);
        final ChildOrder order = tracker.addBasketLeg(program, 1, Side.BUY, 10, PX);
        tracker.onExecutionReport(order.orderId(), ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 4, PX, 4, 0);

        assertTrue(tracker.onUnresolved(order.orderId()));

        assertEquals(OrderState.UNRESOLVED, order.state());
        assertEquals(1, tracker.unresolvedOrders());
        assertEquals(0, tracker.rejects(), "not a refusal");
        assertEquals(0, tracker.workingOrders());
        assertEquals(4, positions.quantity(1), "what was filled stays booked");
        assertTrue(program.isComplete());
        assertFalse(tracker.onUnresolved(order.orderId()));
    }

    private static long buyNotional(final long quantity, final String price)
    {
        return quantity * Prices.parse(price);
    }
}
