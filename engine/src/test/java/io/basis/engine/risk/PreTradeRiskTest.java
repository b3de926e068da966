package io.basis.engine.risk;

import io.basis.engine.TestReferenceData;
import io.basis.engine.book.OrderBook;
import io.basis.engine.market.MarketState;
import io.basis.engine.order.OrderIds;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.order.ProgramDirection;
import io.basis.engine.order.ProgramKind;
import io.basis.engine.order.ProgramOrder;
import io.basis.engine.position.Positions;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.KillScope;
import io.basis.protocol.sbe.MarketPhase;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.basis.engine.risk.RiskReason.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each pre-trade check refuses the order (or program) beyond its limit with its reason, counts it, and passes the
 * one just inside. Market: the two-stock index of {@link TestReferenceData#twoStockIndex} with A bid 99 / ask 100
 * (previous close 100), B bid 199 / ask 200, the future bid 20.50 / ask 20.60.
 */
@Timeout(10)
class PreTradeRiskTest
{
    private static final long NOW = 10_000_000_000L;
    private static final TimeInForce DAY = TimeInForce.DAY;

    @TempDir
    Path dir;

    private ReferenceData data;
    private OrderBook[] books;
    private Positions positions;
    private OrderTracker tracker;
    private MarketState market;
    private KillSwitch killSwitch;
    private RiskLimits limits;
    private int a;
    private int b;
    private int fut;

    @BeforeEach
    void setUp()
    {
        data = TestReferenceData.twoStockIndex(dir);
        a = data.instrument("A").id();
        b = data.instrument("B").id();
        fut = data.future().id();
        books = TestReferenceData.twoStockBooks(data);
        for (final OrderBook book : books)
        {
            book.stamp(1, NOW);
        }
        positions = new Positions(data.instruments(), data.costs());
        tracker = new OrderTracker(2, 3, books.length, positions, new OrderIds(1));
        market = new MarketState(books.length);
        killSwitch = new KillSwitch(books.length);
        limits = new RiskLimits();
    }

    private void level(final int id, final boolean bid, final int level, final String price, final long size)
    {
        books[id].setLevel(bid, level, Prices.parse(price), size);
    }

    private PreTradeRisk risk()
    {
        return new PreTradeRisk(data.instruments(), books, positions, tracker, market, killSwitch, limits);
    }

    private static long px(final String price)
    {
        return Prices.parse(price);
    }

    private RiskReason buyA(final PreTradeRisk risk, final long quantity, final String price)
    {
        return risk.checkOrder(a, Side.BUY, quantity, px(price), DAY, px("99.5"), true, NOW);
    }

    private Valuation valuation(final ModelLimits modelLimits)
    {
        final Valuation valuation = Valuation.forTradeDate(data, TestReferenceData.TRADE_DATE, 1, modelLimits);
        for (int id = 0; id < books.length; id++)
        {
            valuation.onBookUpdate(id, books[id]);
        }
        return valuation;
    }

    private RiskReason program(final PreTradeRisk risk, final double basketNotional, final long hedge, final int legs)
    {
        return risk.checkProgram(valuation(ModelLimits.defaults()), 1, 100, basketNotional, hedge, 0.998, legs, NOW);
    }

    @Test
    void anOrderWithinEveryLimitPasses()
    {
        final PreTradeRisk risk = risk();

        assertEquals(NONE, buyA(risk, 10, "101"));
        assertEquals(NONE, program(risk, 2004, 1, 3));
        assertEquals(0, risk.totalRejects());
    }

    @Test
    void unknownInstrument()
    {
        assertEquals(UNKNOWN_INSTRUMENT, risk().checkOrder(99, Side.BUY, 1, px("100"), DAY, px("100"), true, NOW));
    }

    @Test
    void killSwitchOnOneInstrument()
    {
        killSwitch.kill(KillScope.INSTRUMENT, a);
        final PreTradeRisk risk = risk();

        assertEquals(KILL_SWITCH, buyA(risk, 10, "100"));
        assertEquals(NONE, risk.checkOrder(b, Side.BUY, 5, px("200"), DAY, px("199.5"), true, NOW));
        assertEquals(1, risk.count(KILL_SWITCH.ordinal()));
    }

    @Test
    void killSwitchOnEverythingRefusesPrograms()
    {
        killSwitch.kill(KillScope.ALL, 0);

        assertEquals(TradingState.HALTED, killSwitch.state());
        assertEquals(KILL_SWITCH, program(risk(), 2004, 1, 3));
    }

    @Test
    void reduceOnlyAllowsOnlyWhatShrinksAPosition()
    {
        positions.book(a, Side.BUY, 10, px("100"));
        killSwitch.reduceOnly(true);
        final PreTradeRisk risk = risk();

        assertEquals(REDUCE_ONLY, buyA(risk, 1, "100"));
        assertEquals(REDUCE_ONLY, risk.checkOrder(a, Side.SELL, 11, px("99"), DAY, px("99.5"), true, NOW));
        assertEquals(NONE, risk.checkOrder(a, Side.SELL, 10, px("99"), DAY, px("99.5"), true, NOW));
    }

    @Test
    void haltedInstrumentButAtTheCloseJoinsTheAuction()
    {
        final PreTradeRisk risk = risk();
        market.state(a, MarketPhase.HALTED);
        assertEquals(INSTRUMENT_NOT_TRADING, buyA(risk, 10, "100"));

        market.state(a, MarketPhase.AUCTION);
        assertEquals(INSTRUMENT_NOT_TRADING, buyA(risk, 10, "100"));
        assertEquals(NONE, risk.checkOrder(a, Side.BUY, 10, px("100"), TimeInForce.AT_THE_CLOSE, px("99.5"), true,
            NOW));
    }

    @Test
    void sidecarSuspendsProgramBuyingOnly()
    {
        market.sidecar(true, false);
        final PreTradeRisk risk = risk();

        assertEquals(SIDECAR, buyA(risk, 10, "100"));
        assertEquals(NONE, risk.checkOrder(a, Side.BUY, 10, px("100"), DAY, px("99.5"), false, NOW));
        assertEquals(NONE, risk.checkOrder(a, Side.SELL_SHORT, 5, px("99"), DAY, px("99.5"), true, NOW));
    }

    @Test
    void staleBook()
    {
        final PreTradeRisk risk = risk();

        assertEquals(STALE_BOOK, risk.checkOrder(
            a, Side.BUY, 1, px("100"), DAY, px("99.5"), true, NOW + limits.maxBookAgeNs + 1));
        assertEquals(NONE, risk.checkOrder(
            a, Side.BUY, 1, px("100"), DAY, px("99.5"), true, NOW + limits.maxBookAgeNs));
    }

    @Test
    void crossedBook()
    {
        level(a, true, 0, "100", 8);

        assertEquals(CROSSED_BOOK, buyA(risk(), 1, "100"));
    }

    @Test
    void quantityMustBeAPositiveLotMultiple()
    {
        final PreTradeRisk risk = risk();

        assertEquals(NOT_LOT_MULTIPLE, buyA(risk, 0, "100"));
        assertEquals(NONE, buyA(risk, 1, "100"));
    }

    @Test
    void priceMustBeOnTheTickGrid()
    {
        final PreTradeRisk risk = risk();

        assertEquals(OFF_TICK, buyA(risk, 1, "100.5"));
        assertEquals(NONE, buyA(risk, 1, "101"));
    }

    @Test
    void dailyLimitAroundThePreviousClose()
    {
        limits.collar = 1.0;
        final PreTradeRisk risk = risk();

        assertEquals(OUTSIDE_DAILY_LIMIT, buyA(risk, 1, "131"));
        assertEquals(NONE, buyA(risk, 1, "130"));
    }

    @Test
    void collarAroundTheReferencePrice()
    {
        final PreTradeRisk risk = risk();

        // 2% of 99.5 is 1.99: 102 is 2.5 away, 101 is 1.5.
        assertEquals(OUTSIDE_COLLAR, buyA(risk, 1, "102"));
        assertEquals(NONE, buyA(risk, 1, "101"));
    }

    @Test
    void anAtTheCloseOrderIsBoundedByTheDailyLimitNotTheCollar()
    {
        final PreTradeRisk risk = risk();

        assertEquals(NONE, risk.checkOrder(a, Side.BUY, 1, px("129"), TimeInForce.AT_THE_CLOSE, px("99.5"), false,
            NOW));
        assertEquals(OUTSIDE_DAILY_LIMIT, risk.checkOrder(a, Side.BUY, 1, px("131"), TimeInForce.AT_THE_CLOSE,
            px("99.5"), false, NOW));
    }

    @Test
    void maximumOrderQuantity()
    {
        limits.maxOrderQuantity = 10;
        final PreTradeRisk risk = risk();

        assertEquals(MAX_ORDER_QUANTITY, buyA(risk, 11, "100"));
        assertEquals(NONE, buyA(risk, 10, "100"));
    }

    @Test
    void maximumOrderNotional()
    {
        limits.maxOrderNotional = 1_000;
        final PreTradeRisk risk = risk();

        assertEquals(MAX_ORDER_NOTIONAL, buyA(risk, 11, "100"));
        assertEquals(NONE, buyA(risk, 10, "100"));
    }

    @Test
    void positionLimitCountsThePositionAlreadyHeld()
    {
        positions.book(a, Side.BUY, 5, px("100"));
        limits.maxInstrumentNotional = 1_500;
        final PreTradeRisk risk = risk();

        assertEquals(POSITION_LIMIT, buyA(risk, 11, "100"));
        assertEquals(NONE, buyA(risk, 10, "100"));
    }

    @Test
    void selfTradeAgainstTheEnginesOwnWorkingOrder()
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.REVERSE, ProgramKind.MANUAL, NOW);
        tracker.addBasketLeg(program, a, Side.SELL_SHORT, 5, px("101"));
        final PreTradeRisk risk = risk();

        assertEquals(SELF_TRADE, buyA(risk, 1, "101"));
        assertEquals(NONE, buyA(risk, 1, "100"));
    }

    @Test
    void aSaleOfStockNotHeldMustBeMarkedShortAndOnlyThen()
    {
        final PreTradeRisk risk = risk();
        assertEquals(SHORT_SALE_MARKING, risk.checkOrder(a, Side.SELL, 5, px("99"), DAY, px("99.5"), true, NOW));
        assertEquals(NONE, risk.checkOrder(a, Side.SELL_SHORT, 5, px("99"), DAY, px("99.5"), true, NOW));

        positions.book(a, Side.BUY, 10, px("100"));
        assertEquals(SHORT_SALE_MARKING, risk.checkOrder(a, Side.SELL_SHORT, 5, px("99"), DAY, px("99.5"), true,
            NOW));
        assertEquals(NONE, risk.checkOrder(a, Side.SELL, 5, px("99"), DAY, px("99.5"), true, NOW));
    }

    @Test
    void shortSalesNeedBorrow()
    {
        final PreTradeRisk risk = risk();
        risk.borrowable(a, 4);

        assertEquals(NO_BORROW, risk.checkOrder(a, Side.SELL_SHORT, 5, px("99"), DAY, px("99.5"), true, NOW));
        assertEquals(NONE, risk.checkOrder(a, Side.SELL_SHORT, 4, px("99"), DAY, px("99.5"), true, NOW));

        limits.allowShortSales = false;
        assertEquals(NO_BORROW, risk().checkOrder(a, Side.SELL_SHORT, 1, px("99"), DAY, px("99.5"), true, NOW));
    }

    @Test
    void theSameOrderTwiceInTheDuplicateWindow()
    {
        final PreTradeRisk risk = risk();
        risk.onOrderSent(a, Side.BUY, 10, px("100"), NOW);

        assertEquals(DUPLICATE_ORDER, buyA(risk, 10, "100"));
        assertEquals(NONE, buyA(risk, 9, "100"));
        assertEquals(NONE, risk.checkOrder(a, Side.BUY, 10, px("100"), DAY, px("99.5"), true,
            NOW + limits.duplicateWindowNs));
    }

    @Test
    void anInvalidModelRefusesPrograms()
    {
        final Valuation invalid = valuation(new ModelLimits(-0.01, 0.2, 0.1, 0.1));

        assertEquals(MODEL_INVALID, risk().checkProgram(invalid, 1, 100, 2004, 1, 0.998, 3, NOW));
    }

    @Test
    void aLossBeyondTheLimitRefusesAndTripsTheKillSwitch()
    {
        // Bought 10 A at 110, now marked at 99.5: a loss of 105 before costs.
        positions.book(a, Side.BUY, 10, px("110"));
        limits.maxLoss = 100;
        final PreTradeRisk risk = risk();

        assertEquals(LOSS_LIMIT, program(risk, 2004, 1, 3));
        assertEquals(TradingState.HALTED, killSwitch.state());
        assertEquals(LOSS_LIMIT, killSwitch.automaticReason());

        limits.maxLoss = 110;
        killSwitch.resume(KillScope.ALL, 0);
        assertEquals(NONE, program(risk(), 2004, 1, 3));
    }

    @Test
    void aDrawdownFromThePeakBeyondTheLimitRefusesAndTripsTheKillSwitch()
    {
        // Long 10 A bought at 99.5: at the mid of 104.5 the P&L peaks near +50, then A falls back to 99.5.
        positions.book(a, Side.BUY, 10, px("99.5"));
        limits.maxDrawdown = 40;
        final PreTradeRisk risk = risk();
        level(a, true, 0, "104", 8);
        level(a, false, 0, "105", 6);
        level(a, false, 1, "106", 10);
        assertEquals(NONE, program(risk, 2004, 1, 3), "at the peak");

        level(a, true, 0, "99", 8);
        level(a, false, 0, "100", 6);
        level(a, false, 1, "101", 10);
        assertEquals(DRAWDOWN_LIMIT, program(risk, 2004, 1, 3));
        assertEquals(DRAWDOWN_LIMIT, killSwitch.automaticReason());
    }

    @Test
    void aResentProgramSubmissionIsRefused()
    {
        final PreTradeRisk risk = risk();

        assertEquals(NONE, risk.checkSubmission(41));
        assertEquals(NONE, risk.checkSubmission(42));
        assertEquals(DUPLICATE_PROGRAM, risk.checkSubmission(41));
    }

    @Test
    void maximumBasketNotional()
    {
        limits.maxBasketNotional = 2_000;
        final PreTradeRisk risk = risk();

        assertEquals(MAX_BASKET_NOTIONAL, program(risk, 2004, 1, 3));
        assertEquals(NONE, program(risk, 2000, 1, 3));
    }

    @Test
    void aBasketFarFromTheIntendedNotionalIsAQuantityTypo()
    {
        final PreTradeRisk risk = risk();

        // Intended n·M·S = 1 * 100 * 19.925 = 1992.5; 5% either way is allowed.
        assertEquals(BASKET_NOTIONAL_MISMATCH, program(risk, 2_100, 1, 3));
        assertEquals(NONE, program(risk, 2_090, 1, 3));
    }

    @Test
    void theFuturesLegMustHedgeTheBasket()
    {
        final PreTradeRisk risk = risk();

        assertEquals(HEDGE_INCONSISTENT, program(risk, 2004, 2, 3));
        assertEquals(NONE, program(risk, 2004, 1, 3));
    }

    @Test
    void grossExposureCountsPositionsAndTheNewProgram()
    {
        positions.book(a, Side.BUY, 10, px("100"));
        // Held 10 A marked at 99.5 = 995; program 2004 + one future at 20.55 * 100 = 2055.
        limits.maxGrossNotional = 995 + 2004 + 2055 - 1;
        assertEquals(GROSS_EXPOSURE_LIMIT, program(risk(), 2004, 1, 3));

        limits.maxGrossNotional = 995 + 2004 + 2055 + 1;
        assertEquals(NONE, program(risk(), 2004, 1, 3));
    }

    @Test
    void orderThrottle()
    {
        limits.maxOrdersPerWindow = 3;
        final PreTradeRisk risk = risk();

        assertEquals(ORDER_RATE, program(risk, 2004, 1, 4));
        assertEquals(NONE, program(risk, 2004, 1, 3));
    }

    @Test
    void cancelThrottle()
    {
        limits.maxCancelsPerWindow = 2;
        final PreTradeRisk risk = risk();

        assertTrue(risk.tryCancel(NOW));
        assertTrue(risk.tryCancel(NOW));
        assertTrue(!risk.tryCancel(NOW + 1));
        assertEquals(1, risk.count(CANCEL_RATE.ordinal()));
        assertTrue(risk.tryCancel(NOW + limits.throttleWindowNs));
    }

    @Test
    void aRejectStormTripsTheKillSwitch()
    {
        limits.maxRejectsPerWindow = 3;
        final PreTradeRisk risk = risk();

        risk.onReject(NOW);
        risk.onReject(NOW + 1);
        risk.onReject(NOW + 2);
        assertEquals(TradingState.ACTIVE, killSwitch.state());
        risk.onReject(NOW + 3);

        assertEquals(TradingState.HALTED, killSwitch.state());
        assertEquals(REJECT_STORM, killSwitch.automaticReason());
    }

    @Test
    void aFillStormTripsTheKillSwitch()
    {
        limits.maxFillsPerWindow = 2;
        final PreTradeRisk risk = risk();

        risk.onFill(NOW);
        risk.onFill(NOW + limits.throttleWindowNs);
        risk.onFill(NOW + 2 * limits.throttleWindowNs);
        assertEquals(TradingState.ACTIVE, killSwitch.state(), "fills spread over windows are normal");
        risk.onFill(NOW + 2 * limits.throttleWindowNs + 1);
        risk.onFill(NOW + 2 * limits.throttleWindowNs + 2);

        assertEquals(TradingState.HALTED, killSwitch.state());
        assertEquals(FILL_STORM, killSwitch.automaticReason());
    }
}
