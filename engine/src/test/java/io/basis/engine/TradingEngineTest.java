package io.basis.engine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.basis.engine.gateway.GatewayMessageHandler;
import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.OrderPort;
import io.basis.engine.order.ProgramKind;
import io.basis.engine.position.Positions;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.risk.RiskReason;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.AdminCommandEncoder;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.EngineStartedDecoder;
import io.basis.protocol.sbe.EngineStartedEncoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportEncoder;
import io.basis.protocol.sbe.InstrumentStatusDecoder;
import io.basis.protocol.sbe.InstrumentStatusEncoder;
import io.basis.protocol.sbe.KillScope;
import io.basis.protocol.sbe.MarketPhase;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.SessionStatusEncoder;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's decisions with no Aeron, no threads and no wall clock: a two-stock index (one contract holds 10
 * shares of A and 5 of B), inputs fed one by one with the time they carry, and every order and cancel the engine
 * decides captured as it is decided. Programs come from operator submissions, so each test chooses what is open.
 */
@Timeout(10)
class TradingEngineTest
{
    private static final long MS = 1_000_000L;
    private static final long START_NS = 1_000_000 * MS;
    private static final long ID_BASE = 1_000;

    private final Path dataDir = TestReferenceData.tempDir();
    private ReferenceData data = TestReferenceData.twoStockIndex(dataDir);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final List<Sent> orders = new ArrayList<>();
    private final List<long[]> cancels = new ArrayList<>();
    private final List<Long> statusRequests = new ArrayList<>();
    private final List<RiskReason> refused = new ArrayList<>();
    private final EngineConfig config = new EngineConfig();
    private Positions positions;
    private TradingEngine engine;
    private GatewayMessageHandler inputs;
    private long nowNs = START_NS;
    private long correlationId;
    private Instrument a;
    private Instrument b;
    private Instrument future;

    /** An order as the engine decided it. */
    private record Sent(long orderId, int instrumentId, Side side, long quantity, long price, TimeInForce tif)
    {
    }

    @BeforeEach
    void setUp()
    {
        config.strategy = "edge";
        config.edgeThreshold = 1.0e9;
        config.programTimeoutMs = 60_000;
        config.riskLimits.maxLeggedNs = 1_000 * MS;
        // A one-won tick is 1% of these stocks: limit legs at the level they need, inside a 5% collar.
        config.limitTicks = 0;
        config.riskLimits.collar = 0.05;
        config.listener = new EngineListener()
        {
            @Override
            public void onRiskReject(final RiskReason reason)
            {
                refused.add(reason);
            }
        };
        start();
    }

    /**
     * A fresh engine over the current reference data, every book quoted.
     */
    private void start()
    {
        orders.clear();
        positions = new Positions(data.instruments(), data.costs());
        engine = new TradingEngine(config, data, TradingEngine.newTracker(config, data, positions, ID_BASE), positions,
            TradingEngine.newStrategy(config), new OrderPort()
            {
                @Override
                public long sendNewOrder(
                    final ChildOrder order, final TimeInForce timeInForce, final ProgramFlag programFlag,
                    final long triggerTimestampNs, final int listSeqNo, final int listSize)
                {
                    orders.add(new Sent(order.orderId(), order.instrumentId(), order.side(), order.quantity(),
                        order.price(), timeInForce));
                    return 1;
                }

                @Override
                public long sendCancel(final long cancelId, final ChildOrder order)
                {
                    cancels.add(new long[]{cancelId, order.orderId()});
                    return 1;
                }

                @Override
                public long sendStatusRequest(final ChildOrder order)
                {
                    statusRequests.add(order.orderId());
                    return 1;
                }
            }, new EngineClock());
        inputs = new GatewayMessageHandler(engine);
        a = data.instrument("A");
        b = data.instrument("B");
        future = data.future();
        final EngineStartedEncoder started = new EngineStartedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .engineId(1).idBase(ID_BASE).timestampNs(nowNs).continued(BooleanType.FALSE).commandLine("");
        engine.onEngineStarted(new EngineStartedDecoder().wrapAndApplyHeader(buffer, 0, header));
        for (final Instrument instrument : data.instruments())
        {
            book(instrument);
        }
    }

    @Test
    void aLeggedProgramRepricesItsLaggingLegsHalfwayToTheLimitEachOnlyOnceItsCancelIsConfirmed()
    {
        submit(Direction.CASH_AND_CARRY);
        final Sent hedge = sent(future);
        final Sent legA = sent(a);
        final Sent legB = sent(b);
        fill(hedge, hedge.quantity());

        time(400 * MS);
        assertTrue(cancels.isEmpty(), "not yet halfway to the one-second legging limit");
        time(200 * MS);
        assertEquals(List.of(legA.orderId(), legB.orderId()), cancelledOrders(), "the lagging basket legs");

        canceled(legA);
        final Sent replacement = orders.get(orders.size() - 1);
        assertEquals(a.id(), replacement.instrumentId(), "A is sent again once its cancel is confirmed");
        assertEquals(legA.quantity(), replacement.quantity());
        assertEquals(4, orders.size(), "B waits for its own cancel: both could fill");
        canceled(legB);
        assertEquals(b.id(), orders.get(orders.size() - 1).instrumentId());
    }

    @Test
    void atTheLeggingLimitWhatIsLeftIsCancelledAndTheFuturesThatHedgeWhatTheBasketFilledAreSent()
    {
        submit(Direction.CASH_AND_CARRY);
        final Sent hedge = sent(future);
        final Sent legA = sent(a);
        final Sent legB = sent(b);
        fill(legA, legA.quantity());
        fill(legB, legB.quantity());

        // The basket filled, the future did not: past the limit everything working is cancelled.
        time(1_100 * MS);
        assertEquals(List.of(hedge.orderId()), cancelledOrders());
        canceled(hedge);
        time(MS);

        final Sent residual = orders.get(orders.size() - 1);
        assertEquals(future.id(), residual.instrumentId(), "a hedge for what the basket filled");
        assertEquals(Side.SELL, residual.side());
        assertEquals(hedge.quantity(), residual.quantity());
        assertEquals(TimeInForce.IOC, residual.tif(), "marketable at the collar, no resting");
    }

    @Test
    void liquidationSellsEveryStockPositionAtTheCloseAndLeavesTheFutureToSettle()
    {
        submit(Direction.CASH_AND_CARRY);
        for (final Sent order : new ArrayList<>(orders))
        {
            fill(order, order.quantity());
        }
        orders.clear();

        command(AdminCommandType.LIQUIDATE_AT_CLOSE, Direction.CASH_AND_CARRY);

        assertEquals(2, orders.size(), "one order per stock held");
        for (final Sent order : orders)
        {
            assertEquals(TimeInForce.AT_THE_CLOSE, order.tif());
            assertEquals(Side.SELL, order.side());
            assertEquals(positions.quantity(order.instrumentId()), order.quantity());
            assertTrue(order.instrumentId() != future.id());
        }
    }

    @Test
    void onTheLastTradingDayTheClosingAuctionUnwindsTheBasketAtTheCloseAndStopsTheStrategy()
    {
        data = ReferenceData.load(dataDir, LocalDate.of(2026, 12, 10));
        config.tradeDate = data.tradingDate();
        start();
        submit(Direction.CASH_AND_CARRY);
        for (final Sent order : new ArrayList<>(orders))
        {
            fill(order, order.quantity());
        }
        orders.clear();

        marketPhase(MarketPhase.AUCTION);
        assertTrue(orders.isEmpty(), "the opening auction is not the one that settles the contract");
        marketPhase(MarketPhase.TRADING);
        assertTrue(orders.isEmpty());
        marketPhase(MarketPhase.AUCTION);

        assertEquals(2, orders.size(), "one order per stock held");
        for (final Sent order : orders)
        {
            assertEquals(TimeInForce.AT_THE_CLOSE, order.tif());
            assertEquals(Side.SELL, order.side());
            assertEquals(positions.quantity(order.instrumentId()), order.quantity());
            assertTrue(order.instrumentId() != future.id(), "the future settles at the closing index");
        }
        assertTrue(engine.expiryUnwound());
        marketPhase(MarketPhase.AUCTION);
        assertEquals(2, orders.size(), "unwound once");
        time(2 * config.programTimeoutMs * MS);
        assertTrue(cancels.isEmpty(), "auction orders wait for the uncross, past any program timeout");
    }

    @Test
    void aSpecialOpeningQuotationContractIsUnwoundWithDayOrdersInTheOpeningAuction() throws java.io.IOException
    {
        java.nio.file.Files.writeString(dataDir.resolve("instruments.csv"),
            "symbol,kind,currency,lot,tickTable,multiplier,prevClose,lastTradingDay,finalSettlement,settlementStyle\n" +
            "FUT,FUTURE,KRW,1,FUT,100,20.00,2026-12-10,2026-12-10,OPENING_QUOTATION\n" +
            "A,STOCK,KRW,1,STK,1,100,,,\nB,STOCK,KRW,1,STK,1,200,,,\n");
        data = ReferenceData.load(dataDir, LocalDate.of(2026, 12, 9));
        config.tradeDate = data.tradingDate();
        start();
        submit(Direction.CASH_AND_CARRY);
        for (final Sent order : new ArrayList<>(orders))
        {
            fill(order, order.quantity());
        }
        data = ReferenceData.load(dataDir, LocalDate.of(2026, 12, 10));
        config.tradeDate = data.tradingDate();
        final long heldA = positions.quantity(a.id());
        start();
        positionHeld(a, heldA);

        marketPhase(MarketPhase.AUCTION);

        assertTrue(refused.isEmpty(), "day orders are admitted into the opening auction's call: " + refused);
        assertEquals(1, orders.size(), "the stock held, sold into the opening auction");
        assertEquals(TimeInForce.DAY, orders.get(0).tif());
        assertEquals(Side.SELL, orders.get(0).side());
    }

    @Test
    void beforeTheLastTradingDayTheClosingAuctionUnwindsNothing()
    {
        submit(Direction.CASH_AND_CARRY);
        for (final Sent order : new ArrayList<>(orders))
        {
            fill(order, order.quantity());
        }
        orders.clear();

        marketPhase(MarketPhase.TRADING);
        marketPhase(MarketPhase.AUCTION);

        assertTrue(orders.isEmpty());
        assertTrue(!engine.expiryUnwound());
    }

    @Test
    void anUnwindDueWhileAProgramIsOpenCutsItShortAndUnwindsWhatItFilled()
    {
        data = ReferenceData.load(dataDir, LocalDate.of(2026, 12, 10));
        config.tradeDate = data.tradingDate();
        start();
        submit(Direction.CASH_AND_CARRY);
        final List<Sent> first = new ArrayList<>(orders);
        for (final Sent order : first.subList(0, 2))
        {
            fill(order, order.quantity());
        }
        orders.clear();
        marketPhase(MarketPhase.TRADING);
        marketPhase(MarketPhase.AUCTION);
        assertTrue(orders.isEmpty(), "one leg still works");
        assertEquals(List.of(first.get(2).orderId()), cancelledOrders(), "cut short at once");

        canceled(first.get(2));
        time(MS);

        assertEquals(1, orders.size(), "the one stock filled is unwound once the program has ended, unhedged " +
            "futures left to settle");
        assertEquals(TimeInForce.AT_THE_CLOSE, orders.get(0).tif());
    }

    @Test
    void killingAnInstrumentCancelsEveryProgramWorkingInItWholeOnceAtTheNextTimer()
    {
        submit(Direction.CASH_AND_CARRY);
        encodeCommand(AdminCommandType.KILL, Direction.CASH_AND_CARRY).scope(KillScope.INSTRUMENT).target(a.id());
        engine.onAdminCommand(new AdminCommandDecoder().wrapAndApplyHeader(buffer, 0, header));
        assertTrue(cancels.isEmpty(), "enforced by the timer, not inside the command");

        time(MS);
        // A program is traded whole: its other legs go too, and what filled is hedged as for any legged program.
        assertEquals(List.of(sent(future).orderId(), sent(a).orderId(), sent(b).orderId()), cancelledOrders());
        time(MS);
        assertEquals(3, cancels.size(), "once per program");
    }

    @Test
    void aSubmissionThatFindsEveryProgramSlotTakenIsRefusedWithItsReasonAndCounted()
    {
        submit(Direction.CASH_AND_CARRY);

        command(AdminCommandType.SUBMIT_PROGRAM, Direction.REVERSE);

        assertEquals(3, orders.size(), "nothing more sent");
        assertEquals(List.of(RiskReason.PROGRAM_SLOTS_FULL), refused);
        assertEquals(1, engine.risk().count(RiskReason.PROGRAM_SLOTS_FULL.ordinal()));
        assertEquals(1, engine.risk().totalRejects());
    }

    @Test
    void anOrderOfAnEarlierRunIsAdoptedFromItsFirstReportAndCancelled()
    {
        final long earlier = ID_BASE - 7;
        report(earlier, a.id(), Side.BUY, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 4, 4, 6, a.prevClose());

        assertEquals(4, positions.quantity(a.id()), "its fills so far are booked");
        assertEquals(List.of(earlier), cancelledOrders(), "no program of this run owns it");
        assertTrue(orders.isEmpty());
        report(earlier, a.id(), Side.BUY, ExecType.CANCELED, OrdStatus.CANCELED, 0, 4, 0, a.prevClose());
        assertEquals(4, positions.quantity(a.id()));
    }

    @Test
    void aRestartedEngineCancelsWhatWasNeverAcknowledgedAndAsksTheExchangeAboutEveryOrderStillWorking()
    {
        submit(Direction.CASH_AND_CARRY);
        final Sent hedge = sent(future);
        fill(hedge, hedge.quantity());
        final Sent legA = sent(a);
        final Sent legB = sent(b);
        // The next run continues this state; the order-entry session comes up.
        new EngineStartedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .engineId(2).idBase(ID_BASE * 1_000).timestampNs(nowNs).continued(BooleanType.TRUE).commandLine("");
        engine.onEngineStarted(new EngineStartedDecoder().wrapAndApplyHeader(buffer, 0, header));
        new SessionStatusEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .role(SessionRole.ORDER_ENTRY).state(SessionState.LOGGED_ON).timestampNs(nowNs).gatewayId(1);
        engine.onSessionStatus(new SessionStatusDecoder().wrapAndApplyHeader(buffer, 0, header));

        assertEquals(List.of(legA.orderId(), legB.orderId()), statusRequests,
            "both legs still working, not the filled hedge: their last reports may have gone to the run that died");
        assertTrue(cancels.isEmpty(), "every order was acknowledged");

        // The answer books what happened meanwhile, once.
        report(legA.orderId(), a.id(), legA.side(), ExecType.ORDER_STATUS, OrdStatus.FILLED, 0, legA.quantity(), 0,
            legA.price());
        assertEquals(legA.quantity(), positions.quantity(a.id()));
    }

    private void submit(final Direction direction)
    {
        command(AdminCommandType.SUBMIT_PROGRAM, direction);
        assertEquals(3, orders.size(), "the future, then A and B: " + orders + ", refused " + refused);
        assertEquals(future.id(), orders.get(0).instrumentId(), "the future first");
        for (final Sent order : orders)
        {
            ack(order);
        }
    }

    private Sent sent(final Instrument instrument)
    {
        return orders.stream().filter(order -> order.instrumentId() == instrument.id()).findFirst().orElseThrow();
    }

    private List<Long> cancelledOrders()
    {
        return cancels.stream().map(cancel -> cancel[1]).toList();
    }

    private void command(final AdminCommandType type, final Direction direction)
    {
        encodeCommand(type, direction);
        engine.onAdminCommand(new AdminCommandDecoder().wrapAndApplyHeader(buffer, 0, header));
    }

    private AdminCommandEncoder encodeCommand(final AdminCommandType type, final Direction direction)
    {
        return new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .command(type).correlationId(++correlationId).scope(KillScope.ALL).target(0).direction(direction)
            .contracts(1).programId(0);
    }

    /**
     * Time passes by {@code ns} with no other input.
     */
    private void positionHeld(final Instrument instrument, final long quantity)
    {
        new io.basis.protocol.sbe.StartOfDayPositionEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrument.id()).quantity(quantity).averagePrice(Prices.toDouble(instrument.prevClose()));
        engine.onStartOfDayPosition(
            new io.basis.protocol.sbe.StartOfDayPositionDecoder().wrapAndApplyHeader(buffer, 0, header));
    }

    private void marketPhase(final MarketPhase phase)
    {
        nowNs += MS;
        new InstrumentStatusEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(-1).phase(phase).programBuySuspended(BooleanType.FALSE)
            .programSellSuspended(BooleanType.FALSE).timestampNs(nowNs);
        engine.onInstrumentStatus(new InstrumentStatusDecoder().wrapAndApplyHeader(buffer, 0, header));
    }

    private void time(final long ns)
    {
        nowNs += ns;
        engine.onTimer(nowNs);
    }

    private void ack(final Sent order)
    {
        report(order.orderId(), order.instrumentId(), order.side(), ExecType.NEW, OrdStatus.NEW, 0, 0,
            order.quantity(), order.price());
    }

    private void fill(final Sent order, final long quantity)
    {
        report(order.orderId(), order.instrumentId(), order.side(), ExecType.TRADE,
            quantity == order.quantity() ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, quantity, quantity,
            order.quantity() - quantity, order.price());
    }

    private void canceled(final Sent order)
    {
        report(order.orderId(), order.instrumentId(), order.side(), ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, 0,
            order.price());
    }

    private void report(
        final long orderId, final int instrumentId, final Side side, final ExecType execType,
        final OrdStatus ordStatus, final long lastQty, final long cumQty, final long leavesQty, final long price)
    {
        nowNs += MS;
        new ExecutionReportEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId).instrumentId(instrumentId).execType(execType).ordStatus(ordStatus).side(side)
            .lastQty(lastQty).lastPx(price).cumQty(cumQty).leavesQty(leavesQty).avgPx(price)
            .rejectReason(RejectReason.NONE).receiveTimestampNs(nowNs);
        inputs.onFragment(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + ExecutionReportEncoder.BLOCK_LENGTH, null);
    }

    /**
     * Five levels a side a tick apart around the instrument's previous close, deep enough for every leg.
     */
    private void book(final Instrument instrument)
    {
        final long mid = instrument.prevClose();
        final BookUpdateEncoder update = new BookUpdateEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrument.id()).exchangeSeq(1).exchangeTimestampNs(nowNs).receiveTimestampNs(nowNs)
            .snapshot(BooleanType.TRUE);
        final BookUpdateEncoder.LevelsEncoder levels = update.levelsCount(10);
        for (int level = 0; level < 5; level++)
        {
            levels.next().side(BookSide.BID).level((short)level).price(instrument.ticksAway(mid, -(level + 1)))
                .size(1_000);
            levels.next().side(BookSide.ASK).level((short)level).price(instrument.ticksAway(mid, level + 1))
                .size(1_000);
        }
        inputs.onFragment(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength(), null);
    }
}
