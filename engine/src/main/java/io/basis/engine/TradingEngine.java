package io.basis.engine;


import io.basis.engine.book.OrderBook;
import io.basis.engine.gateway.GatewayListener;
import io.basis.engine.market.MarketState;
import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.OrderPort;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.order.ProgramDirection;
import io.basis.engine.order.ProgramKind;
import io.basis.engine.order.ProgramOrder;
import io.basis.engine.order.ProgramState;
import io.basis.engine.position.Positions;
import io.basis.engine.order.ProgramLedger;
import io.basis.engine.pricing.BasketValuation;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.pricing.ValuationListener;
import io.basis.engine.pricing.ValuationView;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.refdata.SettlementStyle;
import io.basis.engine.risk.KillSwitch;
import io.basis.engine.risk.PreTradeRisk;
import io.basis.engine.risk.RiskReason;
import io.basis.engine.risk.TradingState;
import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.BookStateDecoder;
import io.basis.engine.snapshot.sbe.BookStateEncoder;
import io.basis.engine.snapshot.sbe.ClockStateDecoder;
import io.basis.engine.snapshot.sbe.ClockStateEncoder;
import io.basis.engine.snapshot.sbe.KillSwitchStateDecoder;
import io.basis.engine.snapshot.sbe.KillSwitchStateEncoder;
import io.basis.engine.snapshot.sbe.LedgerStateDecoder;
import io.basis.engine.snapshot.sbe.LedgerStateEncoder;
import io.basis.engine.snapshot.sbe.MarketPhaseStateDecoder;
import io.basis.engine.snapshot.sbe.MarketPhaseStateEncoder;
import io.basis.engine.snapshot.sbe.OpenProgramStateDecoder;
import io.basis.engine.snapshot.sbe.OpenProgramStateEncoder;
import io.basis.engine.snapshot.sbe.PositionStateDecoder;
import io.basis.engine.snapshot.sbe.PositionStateEncoder;
import io.basis.engine.snapshot.sbe.RiskStateDecoder;
import io.basis.engine.snapshot.sbe.RiskStateEncoder;
import io.basis.engine.snapshot.sbe.StrategyStateDecoder;
import io.basis.engine.snapshot.sbe.StrategyStateEncoder;
import io.basis.engine.snapshot.sbe.TrackerStateDecoder;
import io.basis.engine.snapshot.sbe.TrackerStateEncoder;
import io.basis.engine.snapshot.sbe.TradingStateDecoder;
import io.basis.engine.snapshot.sbe.TradingStateEncoder;
import io.basis.engine.snapshot.sbe.ValuationStateDecoder;
import io.basis.engine.snapshot.sbe.ValuationStateEncoder;
import io.basis.engine.status.EngineStatus;
import io.basis.engine.strategy.Strategy;
import io.basis.engine.strategy.MeanBasisStrategy;
import io.basis.engine.strategy.EdgeStrategy;
import io.basis.engine.order.OrderIds;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.EngineStartedDecoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentStatusDecoder;
import io.basis.protocol.sbe.KillScope;
import io.basis.protocol.sbe.MarketPhase;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.StartOfDayPositionDecoder;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import io.basis.protocol.sbe.TradeDecoder;

import java.util.List;

/**
 * The engine's decisions as a plain single-threaded state machine, with no Aeron in it: keep the books and the
 * valuation current at every tick, let the strategy decide, pass every program and leg through pre-trade risk, send
 * program orders through an {@link OrderPort}, track them to terminal states, book fills, control legging, and
 * obey operator commands and the kill switch.
 * <p>
 * It has one input method per message type (the {@link GatewayListener} methods, {@link #onAdminCommand} and
 * {@link #onTimer}) and takes time only from its inputs, through an {@link EngineClock}: the gateway's receive
 * timestamps and timer events. Fed the same inputs, it takes the same decisions. {@link EngineAgent} feeds it
 * from Aeron; tests feed it directly. Garbage-free after construction.
 */
public final class TradingEngine implements GatewayListener
{

    private final ReferenceData referenceData;
    private final OrderPort port;
    private final EngineClock clock;
    private final List<Instrument> instruments;
    private final OrderBook[] books;
    private final Valuation valuation;
    private final Strategy strategy;
    private final OrderTracker tracker;
    private final Positions positions;
    private final PreTradeRisk risk;
    private final KillSwitch killSwitch;
    private final MarketState market;
    private final EngineConfig config;
    private final TimeInForce timeInForce;
    private final long programTimeoutNs;
    private final int futureId;
    private final long futuresHedge;
    private final ValuationListener valuationListener;
    private final EngineListener listener;
    private final ProgramLedger ledger = new ProgramLedger(100_000);
    private final int[] draftInstrument;
    private final Side[] draftSide;
    private final long[] draftQuantity;
    private final long[] draftPrice;

    private boolean gatewayReplaced;
    private boolean settleUnacknowledged;
    private boolean orderSessionUp;
    private boolean marketDataSessionUp;
    private final OrderTracker.CancelSender cancelSender = this::sendCancel;
    private long gatewayId;
    private long marketDataUpdates;
    private long lastExchangeTimestampNs;
    private long pendingHedgeContracts;
    private long leggedPrograms;
    private long hedgesSent;
    private long repricedLegs;
    private TradingState lastState = TradingState.ACTIVE;
    private boolean continuousTradingSeen;
    private boolean expiryUnwindDue;
    private boolean expiryUnwound;
    private SnapshotCodecs snapshotCodecs;

    /**
     * @param config        settings.
     * @param referenceData instruments, basket, rates and costs.
     * @param tracker       the program and order book-keeping.
     * @param positions     positions, filled from the tracker's fills.
     * @param strategy      decides when to open a program.
     * @param port          where orders and cancels go.
     * @param clock         the engine's time, advanced by its inputs.
     */
    public TradingEngine(
        final EngineConfig config,
        final ReferenceData referenceData,
        final OrderTracker tracker,
        final Positions positions,
        final Strategy strategy,
        final OrderPort port,
        final EngineClock clock)
    {
        this.config = config;
        this.referenceData = referenceData;
        this.instruments = referenceData.instruments();
        this.tracker = tracker;
        this.positions = positions;
        this.strategy = strategy;
        this.clock = clock;
        this.port = port;
        this.timeInForce = config.timeInForce;
        this.programTimeoutNs = config.programTimeoutMs * 1_000_000L;
        this.futureId = referenceData.future().id();
        this.valuationListener = config.valuationListener;
        this.listener = config.listener != null ? config.listener : new EngineListener()
        {
        };
        final int count = instruments.size();
        books = new OrderBook[count];
        for (int i = 0; i < count; i++)
        {
            books[i] = new OrderBook(config.bookDepth);
        }
        valuation = Valuation.forTradeDate(referenceData, config.tradeDate, config.contracts, config.modelLimits);
        // Daily margining makes a hedge of n contracts slightly oversized: hedge n / (1 + r·τ), at least one.
        futuresHedge = hedgeFor(config.contracts);
        killSwitch = new KillSwitch(count);
        market = new MarketState(count);
        risk = new PreTradeRisk(instruments, books, positions, tracker, market, killSwitch, config.riskLimits);
        draftInstrument = new int[count];
        draftSide = new Side[count];
        draftQuantity = new long[count];
        draftPrice = new long[count];
        tracker.programListener(this::onProgramComplete);
        tracker.repriceListener(this::onRepriceReady);
    }

    private long hedgeFor(final long contracts)
    {
        return Math.max(1, Math.round(valuation.fairValueModel().tailedHedge(contracts)));
    }

    /**
     * The first input of every engine run: from here the run issues ids from its own base. A run that continues
     * the state of the one before (a restart) settles, once the order-entry session is up, every order that
     * state holds unacknowledged: the run before may have decided them without the gateway ever receiving them.
     *
     * @param started the run's start.
     */
    public void onEngineStarted(final EngineStartedDecoder started)
    {
        if (started.continued() == BooleanType.TRUE)
        {
            clock.restartAt(started.timestampNs());
            settleUnacknowledged = true;
            tracker.continueAs(started.idBase());
        }
        else
        {
            // A fresh state was built with this run's ids; every earlier id is unknown to it.
            clock.advanceTo(started.timestampNs());
        }
    }

    /**
     * A position held from before this fresh start (the positions file), applied before any other input of the run.
     *
     * @param position the position.
     */
    public void onStartOfDayPosition(final StartOfDayPositionDecoder position)
    {
        final int instrumentId = position.instrumentId();
        if (instrumentId >= 0 && instrumentId < books.length)
        {
            positions.open(instrumentId, position.quantity(), position.averagePrice());
            valuation.borrowNeeded(heldPrograms() <= 0);
        }
    }

    /**
     * A timer event: time passes with no market data or report, and what depends on time alone happens now
     * (overdue and legged programs, the residual hedge, kill-switch enforcement).
     *
     * @param timestampNs the event's time; never moves the engine's clock backwards.
     * @return units of work done.
     */
    public int onTimer(final long timestampNs)
    {
        final long nowNs = clock.advanceTo(timestampNs);
        int work = superviseOpenPrograms(nowNs);
        work += sendPendingHedge(nowNs);
        work += enforceTradingState(nowNs);
        work += unwindAtExpiry(nowNs);
        return work;
    }

    @Override
    public void onBookUpdate(final BookUpdateDecoder update)
    {
        final int instrumentId = update.instrumentId();
        if (instrumentId < 0 || instrumentId >= books.length)
        {
            return;
        }
        final OrderBook book = books[instrumentId];
        if (update.snapshot() == BooleanType.TRUE)
        {
            book.clear();
        }
        final BookUpdateDecoder.LevelsDecoder levels = update.levels();
        while (levels.hasNext())
        {
            levels.next();
            book.setLevel(levels.side() == BookSide.BID, levels.level(), levels.price(), levels.size());
        }
        // Staleness is judged by when the engine heard of the book: the gateway's receive time.
        final long nowNs = clock.advanceTo(update.receiveTimestampNs());
        book.stamp(update.exchangeSeq(), nowNs);
        valuation.onBookUpdate(instrumentId, book);
        marketDataUpdates++;
        lastExchangeTimestampNs = update.exchangeTimestampNs();
        if (valuationListener != null)
        {
            valuationListener.onValuation(instrumentId, valuation);
        }
        evaluate(nowNs);
    }

    private void evaluate(final long nowNs)
    {
        if (expiryUnwindDue || expiryUnwound)
        {
            // The contract's last auction is the strategy's end: nothing new is opened until the next contract.
            return;
        }
        final ProgramDirection direction = strategy.decide(valuation, heldPrograms(), nowNs);
        if (direction != null && killSwitch.state() == TradingState.ACTIVE && tracker.openProgramCount() == 0)
        {
            sendProgram(direction, ProgramKind.ARBITRAGE, config.contracts, nowNs);
        }
    }

    /**
     * Programs held, from fills: the futures hedge sold by cash-and-carry (bought by reverse) in program units.
     */
    private long heldPrograms()
    {
        return -positions.quantity(futureId) / futuresHedge;
    }

    /**
     * Draft every leg, pass the program and each leg through risk, and only then open and send it: a program is
     * sent whole or not at all.
     */
    private RiskReason sendProgram(
        final ProgramDirection direction, final ProgramKind kind, final long contracts, final long nowNs)
    {
        final boolean buyBasket = direction == ProgramDirection.CASH_AND_CARRY;
        final BasketValuation basket = valuation.basket();
        final int constituents = basket.constituentCount();
        int legs = 0;
        double basketNotional = 0;
        for (int i = 0; i < constituents; i++)
        {
            final long quantity = basket.quantityFor(i, contracts);
            if (quantity > 0)
            {
                final int instrumentId = basket.instrumentId(i);
                final long sweep = books[instrumentId].sweepPrice(!buyBasket, quantity);
                if (sweep <= 0)
                {
                    return reject(risk.refuse(RiskReason.INSUFFICIENT_DEPTH));
                }
                final long price = instruments.get(instrumentId).ticksAway(
                    sweep, buyBasket ? config.limitTicks : -config.limitTicks);
                draftInstrument[legs] = instrumentId;
                draftSide[legs] = buyBasket ? Side.BUY :
                    positions.quantity(instrumentId) >= quantity ? Side.SELL : Side.SELL_SHORT;
                draftQuantity[legs] = quantity;
                draftPrice[legs] = price;
                basketNotional += Prices.toDouble(price) * quantity;
                legs++;
            }
        }
        final long hedge = hedgeFor(contracts);
        final long hedgeSweep = books[futureId].sweepPrice(buyBasket, hedge);
        if (hedgeSweep <= 0)
        {
            return reject(risk.refuse(RiskReason.INSUFFICIENT_DEPTH));
        }
        final long hedgePrice = referenceData.future().ticksAway(
            hedgeSweep, buyBasket ? -config.limitTicks : config.limitTicks);
        final double multiplier = referenceData.future().multiplier();
        RiskReason reason = risk.checkProgram(valuation, contracts, multiplier, basketNotional, hedge,
            valuation.fairValueModel().tailedHedge(contracts), legs + 1, nowNs);
        for (int leg = 0; leg < legs && reason == RiskReason.NONE; leg++)
        {
            final int id = draftInstrument[leg];
            reason = risk.checkOrder(id, draftSide[leg], draftQuantity[leg], draftPrice[leg], timeInForce,
                mid(id), true, nowNs);
        }
        if (reason == RiskReason.NONE)
        {
            reason = risk.checkOrder(futureId, buyBasket ? Side.SELL : Side.BUY, hedge, hedgePrice, timeInForce,
                Prices.fromDouble(valuation.fairValue()), true, nowNs);
        }
        if (reason != RiskReason.NONE)
        {
            return reject(reason);
        }

        final ProgramOrder program = tracker.openProgram(direction, kind, nowNs);
        if (program == null)
        {
            return RiskReason.NONE;
        }
        listener.onProgramOpened(program);
        // The future first: one order in the most liquid book, sent before the basket's fan-out has moved it.
        send(tracker.addHedge(program, futureId, buyBasket ? Side.SELL : Side.BUY, hedge, hedgePrice),
            timeInForce, nowNs);
        for (int leg = 0; leg < legs; leg++)
        {
            final ChildOrder order = tracker.addBasketLeg(
                program, draftInstrument[leg], draftSide[leg], draftQuantity[leg], draftPrice[leg]);
            // The basket is the program's list (legs 1..N of N): a list-mode gateway sends it as one NewOrderList.
            send(order, timeInForce, nowNs, leg + 1, legs);
        }
        return RiskReason.NONE;
    }

    private RiskReason reject(final RiskReason reason)
    {
        listener.onRiskReject(reason);
        return reason;
    }

    private long mid(final int instrumentId)
    {
        final OrderBook book = books[instrumentId];
        return book.isTwoSided() ? (book.bestBid() + book.bestAsk()) >> 1 : 0;
    }

    private void send(final ChildOrder order, final TimeInForce tif, final long nowNs)
    {
        send(order, tif, nowNs, 0, 0);
    }

    /**
     * Send an order; a basket leg of a program's first wave carries its place in the list. A leg that cannot be
     * sent leaves its list incomplete: a list-mode gateway then rejects the legs it holds rather than send part.
     */
    private void send(
        final ChildOrder order, final TimeInForce tif, final long nowNs, final int listSeqNo, final int listSize)
    {
        risk.onOrderSent(order.instrumentId(), order.side(), order.quantity(), order.price(), nowNs);
        final long result = port.sendNewOrder(
            order, tif, ProgramFlag.INDEX_ARBITRAGE, lastExchangeTimestampNs, listSeqNo, listSize);
        if (result < 0)
        {
            // Never sent: the order ends here, in a known state, and the program still completes.
            tracker.onReject(order.orderId());
        }
    }

    /**
     * Cancel what a program still has working when it is overdue or legged beyond the limits; a legged program's
     * futures residual is hedged once its legs have ended ({@link #onProgramComplete}).
     */
    private int superviseOpenPrograms(final long nowNs)
    {
        int work = 0;
        final double maxUnhedged = config.riskLimits.maxUnhedgedNotional;
        for (int i = 0; i < tracker.openProgramCount(); i++)
        {
            final ProgramOrder program = tracker.openProgram(i);
            // A liquidation's orders wait for their auction's uncross by design: no timeout, no legging.
            if (program.isCancelRequested() || program.kind() == ProgramKind.LIQUIDATION)
            {
                continue;
            }
            final boolean overdue = nowNs - program.startNs() > programTimeoutNs;
            final long leggedSince = program.leggedSinceNs();
            final boolean leggedTooLong = leggedSince != 0 && nowNs - leggedSince > config.riskLimits.maxLeggedNs;
            final double unhedged = unhedgedNotional(program);
            final boolean tooUnhedged = unhedged > maxUnhedged;
            if (unhedged > config.riskLimits.killUnhedgedNotional)
            {
                killSwitch.trip(RiskReason.LEG_IMBALANCE);
            }
            if (overdue || leggedTooLong || tooUnhedged)
            {
                work += cancelWorkingLegs(program, nowNs);
            }
            else if (leggedSince != 0 && !program.isRepriced() &&
                nowNs - leggedSince > config.riskLimits.maxLeggedNs / 2)
            {
                work += repriceLaggingLegs(program, nowNs);
            }
        }
        return work;
    }

    /**
     * Halfway to the legging limit, cancel the working legs of the side that lags so that each can be sent again
     * at the current executable level (within the collar) once its cancel is confirmed.
     */
    private int repriceLaggingLegs(final ProgramOrder program, final long nowNs)
    {
        final boolean basketLags = program.basketFilledFraction() < program.hedgeFilledFraction();
        int sent = 0;
        for (int leg = 0; leg < program.legCount() && program.legCount() + sent < program.capacity(); leg++)
        {
            final ChildOrder order = program.leg(leg);
            if (order.state().isTerminal() || order.isHedge() == basketLags || !risk.tryCancel(nowNs))
            {
                continue;
            }
            final long cancelId = tracker.requestReprice(order);
            if (cancelId != 0)
            {
                sendCancel(cancelId, order);
                sent++;
            }
        }
        return sent;
    }

    private void sendCancel(final long cancelId, final ChildOrder order)
    {
        if (port.sendCancel(cancelId, order) < 0)
        {
            // Not sent: the order is back to working and will be asked again.
            tracker.onCancelReject(order.orderId(), RejectReason.SESSION_DOWN);
        }
    }

    private void onRepriceReady(final ChildOrder order)
    {
        final ProgramOrder program = order.program();
        final int instrumentId = order.instrumentId();
        final long rest = order.quantity() - order.cumQty();
        final boolean buy = order.side() == Side.BUY;
        final long sweep = books[instrumentId].sweepPrice(!buy, rest);
        if (sweep <= 0 || program.legCount() == program.capacity())
        {
            reject(risk.refuse(RiskReason.INSUFFICIENT_DEPTH));
            return;
        }
        final long price = instruments.get(instrumentId).ticksAway(sweep, buy ? config.limitTicks : -config.limitTicks);
        final long reference = order.isHedge() ? Prices.fromDouble(valuation.fairValue()) : mid(instrumentId);
        final long nowNs = clock.nowNs();
        final RiskReason reason = risk.checkOrder(
            instrumentId, order.side(), rest, price, timeInForce, reference, true, nowNs);
        if (reason != RiskReason.NONE)
        {
            reject(reason);
            return;
        }
        final ChildOrder replacement = tracker.addReplacement(order, price);
        repricedLegs++;
        send(replacement, timeInForce, nowNs);
    }

    private double unhedgedNotional(final ProgramOrder program)
    {
        return program.committedGap() * program.hedgeTarget() * referenceData.future().multiplier() *
            valuation.futureMid();
    }

    private int cancelWorkingLegs(final ProgramOrder program, final long nowNs)
    {
        tracker.markCancelRequested(program);
        int sent = 0;
        for (int leg = 0; leg < program.legCount(); leg++)
        {
            final ChildOrder order = program.leg(leg);
            if (order.state().isTerminal() || !risk.tryCancel(nowNs))
            {
                continue;
            }
            final long cancelId = tracker.requestCancel(order);
            if (cancelId != 0)
            {
                sendCancel(cancelId, order);
                sent++;
            }
        }
        return sent;
    }

    private void onProgramComplete(final ProgramOrder program)
    {
        ledger.record(program);
        final boolean twoSided = program.kind() == ProgramKind.ARBITRAGE || program.kind() == ProgramKind.MANUAL;
        if (twoSided && program.state() == ProgramState.LEGGED)
        {
            leggedPrograms++;
            // Futures that hedge what the basket actually filled, less what the hedge already did.
            final long needed = Math.round(program.basketFilledFraction() * program.hedgeTarget());
            final long residual = needed - program.hedgeFilled();
            final boolean shortFutures = program.direction() == ProgramDirection.CASH_AND_CARRY;
            pendingHedgeContracts += shortFutures ? -residual : residual;
        }
        listener.onProgramCompleted(program);
    }

    /**
     * Send the futures residual of legged programs as a hedge program: a marketable order at the collar.
     */
    private int sendPendingHedge(final long nowNs)
    {
        if (pendingHedgeContracts == 0 || tracker.openProgramCount() > 0 || killSwitch.isKilled(futureId) ||
            expiryUnwindDue || expiryUnwound)
        {
            // Once the expiry auction has begun the future is left to settle: a residual is not hedged in it.
            return 0;
        }
        final boolean buy = pendingHedgeContracts > 0;
        final long quantity = Math.abs(pendingHedgeContracts);
        final long reference = Prices.fromDouble(valuation.futureMid());
        final long collar = (long)(reference * config.riskLimits.collar * 0.5);
        final long price = referenceData.future().floorToTick(buy ? reference + collar : reference - collar);
        final Side side = buy ? Side.BUY : Side.SELL;
        final RiskReason reason = risk.checkOrder(futureId, side, quantity, price, TimeInForce.IOC, reference, false,
            nowNs);
        pendingHedgeContracts = 0;
        if (reason != RiskReason.NONE)
        {
            reject(reason);
            return 0;
        }
        final ProgramOrder program = tracker.openProgram(
            buy ? ProgramDirection.REVERSE : ProgramDirection.CASH_AND_CARRY, ProgramKind.HEDGE, nowNs);
        listener.onProgramOpened(program);
        send(tracker.addHedge(program, futureId, side, quantity, price), TimeInForce.IOC, nowNs);
        hedgesSent++;
        return 1;
    }

    /**
     * On the future's last trading day, the auction that sets its final settlement price is where the basket is
     * unwound: the closing auction (the first market-wide auction after continuous trading) for a closing-price
     * settlement, the opening auction (a market-wide auction before any continuous trading) for a special opening
     * quotation. An average-price settlement is left to the operator.
     */
    private void onMarketPhase(final MarketPhase phase, final long nowNs)
    {
        if (phase == MarketPhase.TRADING)
        {
            continuousTradingSeen = true;
        }
        final SettlementStyle style = referenceData.settlementStyle();
        if (phase == MarketPhase.AUCTION && referenceData.isExpiryDay() && !expiryUnwindDue && !expiryUnwound &&
            (style == SettlementStyle.CLOSING_AUCTION && continuousTradingSeen ||
            style == SettlementStyle.OPENING_QUOTATION && !continuousTradingSeen))
        {
            expiryUnwindDue = true;
            // A program still working when the settling auction begins is cut short: what it filled is unwound
            // with the rest once its cancels are confirmed.
            for (int i = 0; i < tracker.openProgramCount(); i++)
            {
                cancelWorkingLegs(tracker.openProgram(i), nowNs);
            }
            unwindAtExpiry(nowNs);
        }
    }

    /**
     * The expiry unwind, once no program is open (one still working was cut short when the auction began).
     */
    private int unwindAtExpiry(final long nowNs)
    {
        if (!expiryUnwindDue || tracker.openProgramCount() > 0)
        {
            return 0;
        }
        expiryUnwindDue = false;
        expiryUnwound = true;
        liquidate(nowNs, referenceData.settlementStyle() == SettlementStyle.CLOSING_AUCTION ?
            TimeInForce.AT_THE_CLOSE : TimeInForce.DAY);
        return 1;
    }

    /**
     * @return true once the basket has been unwound for the contract's expiry (or is about to be).
     */
    public boolean expiryUnwound()
    {
        return expiryUnwindDue || expiryUnwound;
    }

    /**
     * Sell (or buy back) every stock position with orders for the expiry auction (at-the-close orders in the
     * closing auction, day orders in the opening one); the future settles in cash at the index, so it is left to
     * expire.
     */
    private void liquidate(final long nowNs, final TimeInForce tif)
    {
        final ProgramOrder program = tracker.openProgram(ProgramDirection.REVERSE, ProgramKind.LIQUIDATION, nowNs);
        if (program == null)
        {
            reject(risk.refuse(RiskReason.PROGRAM_SLOTS_FULL));
            return;
        }
        listener.onProgramOpened(program);
        // Day orders are the opening auction's; the closing auction takes at-the-close ones as they are.
        risk.admitAuctionOrders(tif == TimeInForce.DAY);
        final BasketValuation basket = valuation.basket();
        for (int i = 0; i < basket.constituentCount(); i++)
        {
            final int id = basket.instrumentId(i);
            final long position = positions.quantity(id);
            if (position == 0)
            {
                continue;
            }
            final Side side = position > 0 ? Side.SELL : Side.BUY;
            // A marketable limit at the daily limit: the auction fills it at the uncrossing price.
            final Instrument instrument = instruments.get(id);
            final long limit = (long)(instrument.prevClose() * config.riskLimits.stockDailyLimit * 0.99);
            long price = instrument.floorToTick(
                position > 0 ? instrument.prevClose() - limit : instrument.prevClose() + limit);
            if (instrument.prevClose() - price > limit)
            {
                // Rounding a sell down can cross the lower limit where a tick is coarse for the price: one up.
                price = instrument.ticksAway(price, 1);
            }
            final RiskReason reason = risk.checkOrder(id, side, Math.abs(position), price, tif,
                instrument.prevClose(), false, nowNs);
            if (reason == RiskReason.NONE)
            {
                send(tracker.addBasketLeg(program, id, side, Math.abs(position), price), tif, nowNs);
            }
            else
            {
                reject(reason);
            }
        }
        risk.admitAuctionOrders(false);
        if (program.legCount() == 0)
        {
            // Nothing to liquidate: an empty program completes at once.
            tracker.completeEmpty(program);
        }
    }

    private int enforceTradingState(final long nowNs)
    {
        final TradingState state = killSwitch.state();
        if (state != lastState)
        {
            lastState = state;
            listener.onTradingState(state, killSwitch.automaticReason());
        }
        int work = 0;
        if (!killSwitch.isAnyActive())
        {
            return work;
        }
        // Anything working that a kill covers is cancelled, once per program.
        for (int i = 0; i < tracker.openProgramCount(); i++)
        {
            final ProgramOrder program = tracker.openProgram(i);
            if (!program.isCancelRequested() && coveredByKill(program))
            {
                work += cancelWorkingLegs(program, nowNs);
            }
        }
        return work;
    }

    private boolean coveredByKill(final ProgramOrder program)
    {
        for (int leg = 0; leg < program.legCount(); leg++)
        {
            final ChildOrder order = program.leg(leg);
            if (!order.state().isTerminal() && killSwitch.isKilled(order.instrumentId()))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * An operator command that passed authentication ({@code CommandGate}).
     *
     * @param command the command.
     */
    public void onAdminCommand(final AdminCommandDecoder command)
    {
        final long nowNs = clock.nowNs();
        switch (command.command())
        {
            case HALT_NEW_PROGRAMS:
                killSwitch.kill(KillScope.STRATEGY, 0);
                break;
            case CANCEL_ALL:
            case KILL:
                final KillScope scope = command.command() == AdminCommandType.CANCEL_ALL ?
                    KillScope.ALL : command.scope();
                if (scope != null && scope != KillScope.NULL_VAL)
                {
                    killSwitch.kill(scope, command.target());
                }
                break;
            case RESUME:
                final KillScope resumeScope = command.scope();
                killSwitch.resume(
                    resumeScope == null || resumeScope == KillScope.NULL_VAL ? KillScope.ALL : resumeScope,
                    command.target());
                break;
            case REDUCE_ONLY:
                killSwitch.reduceOnly(true);
                break;
            case SUBMIT_PROGRAM:
                final RiskReason duplicate = risk.checkSubmission(command.correlationId());
                if (duplicate != RiskReason.NONE)
                {
                    reject(duplicate);
                }
                else if (command.contracts() > 0 && tracker.openProgramCount() >= config.maxOpenPrograms)
                {
                    reject(risk.refuse(RiskReason.PROGRAM_SLOTS_FULL));
                }
                else if (command.contracts() > 0)
                {
                    sendProgram(command.direction() == Direction.REVERSE ?
                        ProgramDirection.REVERSE : ProgramDirection.CASH_AND_CARRY,
                        ProgramKind.MANUAL, command.contracts(), nowNs);
                }
                break;
            case CANCEL_PROGRAM:
                for (int i = 0; i < tracker.openProgramCount(); i++)
                {
                    final ProgramOrder program = tracker.openProgram(i);
                    if (program.programId() == command.programId())
                    {
                        cancelWorkingLegs(program, nowNs);
                    }
                }
                break;
            case LIQUIDATE_AT_CLOSE:
                liquidate(nowNs, TimeInForce.AT_THE_CLOSE);
                break;
            default:
                break;
        }
    }

    @Override
    public void onTrade(final TradeDecoder trade)
    {
        clock.advanceTo(trade.receiveTimestampNs());
        marketDataUpdates++;
    }

    @Override
    public void onExecutionReport(final ExecutionReportDecoder report)
    {
        final long nowNs = clock.advanceTo(report.receiveTimestampNs());
        final long fillsBefore = positions.fills();
        final long orderId = report.orderId();
        if (tracker.isUnadoptedEarlierOrder(orderId))
        {
            adopt(report, nowNs);
        }
        else if (report.execType() == ExecType.ORDER_STATUS)
        {
            tracker.onOrderStatus(orderId, report.ordStatus(), report.cumQty(), report.avgPx(), nowNs);
        }
        else
        {
            tracker.onExecutionReport(
                orderId, report.execType(), report.ordStatus(), report.lastQty(), report.lastPx(), report.cumQty(),
                nowNs);
        }
        if (positions.fills() != fillsBefore)
        {
            risk.onFill(nowNs);
        }
        if (report.execType() == ExecType.REJECTED)
        {
            risk.onReject(nowNs);
        }
        if (tracker.fillMismatches() > 0)
        {
            // The engine's record of fills no longer matches the exchange's: stop everything.
            killSwitch.trip(RiskReason.FILL_MISMATCH);
        }
        // Once the basket is held a reverse trade sells it rather than borrowed stock: no borrow fee.
        valuation.borrowNeeded(heldPrograms() <= 0);
    }

    /**
     * An order of an earlier run of the engine (reported by the gateway after this engine connected): its fills
     * are booked, and if it still works it is cancelled, since no program of this run owns it.
     */
    private void adopt(final ExecutionReportDecoder report, final long nowNs)
    {
        final int instrumentId = report.instrumentId();
        if (instrumentId < 0 || instrumentId >= instruments.size())
        {
            // The gateway could not name the instrument: nothing can be booked or cancelled from here.
            return;
        }
        final ChildOrder order = tracker.adopt(report.orderId(), instrumentId, report.side(), report.ordStatus(),
            report.cumQty(), report.leavesQty(), report.avgPx(), nowNs);
        if (order != null)
        {
            final long cancelId = tracker.requestCancel(order);
            if (cancelId != 0)
            {
                sendCancel(cancelId, order);
            }
        }
    }

    @Override
    public void onOrderReject(final OrderRejectDecoder reject)
    {
        if (reject.reason() == RejectReason.STATUS_UNRESOLVED)
        {
            // Not a refusal: the exchange cannot say what became of the order, so it leaves the engine's control.
            tracker.onUnresolved(reject.orderId());
            return;
        }
        tracker.onReject(reject.orderId());
        risk.onReject(clock.nowNs());
    }

    @Override
    public void onCancelReject(final CancelRejectDecoder reject)
    {
        tracker.onCancelReject(reject.orderId(), reject.reason());
    }

    @Override
    public void onInstrumentStatus(final InstrumentStatusDecoder instrumentStatus)
    {
        final long nowNs = clock.advanceTo(instrumentStatus.timestampNs());
        market.state(instrumentStatus.instrumentId(), instrumentStatus.phase());
        market.sidecar(instrumentStatus.programBuySuspended() == BooleanType.TRUE,
            instrumentStatus.programSellSuspended() == BooleanType.TRUE);
        if (instrumentStatus.instrumentId() == -1)
        {
            onMarketPhase(instrumentStatus.phase(), nowNs);
        }
    }

    @Override
    public void onSessionStatus(final SessionStatusDecoder sessionStatus)
    {
        clock.advanceTo(sessionStatus.timestampNs());
        final long gatewayId = sessionStatus.gatewayId();
        if (gatewayId != this.gatewayId)
        {
            // A gateway restarted after a crash shares the publication its predecessor left, so the connection
            // never dropped: only its id tells that it is new.
            gatewayReplaced = this.gatewayId != 0;
            this.gatewayId = gatewayId;
        }
        if ((gatewayReplaced || settleUnacknowledged) && sessionStatus.role() == SessionRole.ORDER_ENTRY &&
            sessionStatus.state() == SessionState.LOGGED_ON)
        {
            // Orders sent to a gateway that died, or decided by an engine run that died, may never have reached
            // the gateway's journal, let alone the exchange: cancelling them settles each (cancelled, or rejected
            // as unknown to the exchange).
            final boolean engineRestarted = settleUnacknowledged;
            gatewayReplaced = false;
            settleUnacknowledged = false;
            tracker.cancelUnacknowledged(cancelSender);
            if (engineRestarted)
            {
                // Reports the gateway published while the run before was dying went to it: ask about every
                // order still working, so that what happened to each is learned (and each fill booked once).
                tracker.requestStatusOfWorking(port);
            }
        }
        final boolean up = sessionStatus.state() == SessionState.LOGGED_ON;
        if (sessionStatus.role() == SessionRole.ORDER_ENTRY)
        {
            orderSessionUp = up;
        }
        else
        {
            marketDataSessionUp = up;
        }
    }

    /**
     * @return true if a timer event would do something now: programs are open (timeouts, legging, kill
     * enforcement), a residual hedge waits, or the trading state changed.
     */
    public boolean needsTimer()
    {
        return tracker.openProgramCount() > 0 || pendingHedgeContracts != 0 || killSwitch.state() != lastState ||
            expiryUnwindDue;
    }

    /**
     * @return the engine's time: the latest input's.
     */
    public long nowNs()
    {
        return clock.nowNs();
    }

    /**
     * @return the id of the gateway the engine last heard from (its start, epoch microseconds), 0 before any.
     */
    public long gatewayId()
    {
        return gatewayId;
    }

    /**
     * Write the engine's state to its counters.
     *
     * @param status the counters.
     */
    public void writeStatus(final EngineStatus status)
    {
        status.set(EngineCounters.PROGRAMS_SENT, tracker.programsOpened());
        status.set(EngineCounters.PROGRAMS_COMPLETED, tracker.programsCompleted());
        status.set(EngineCounters.CHILD_ORDERS_SENT, tracker.childOrdersSent());
        status.set(EngineCounters.WORKING_ORDERS, tracker.workingOrders());
        status.set(EngineCounters.FILLS, positions.fills());
        status.set(EngineCounters.REJECTS, tracker.rejects());
        status.set(EngineCounters.FUTURE_POSITION, positions.quantity(futureId));
        status.set(EngineCounters.BASKET_POSITION, heldPrograms());
        status.set(EngineCounters.TRADING_STATE, killSwitch.state().ordinal());
        status.set(EngineCounters.MARKET_DATA_UPDATES, marketDataUpdates);
        status.set(EngineCounters.MODEL_STATE, valuation.modelState().ordinal());
        status.set(EngineCounters.RISK_REJECTS, risk.totalRejects());
        status.set(EngineCounters.ORDER_SESSION_UP, orderSessionUp ? 1 : 0);
        status.set(EngineCounters.MARKET_DATA_SESSION_UP, marketDataSessionUp ? 1 : 0);
        status.set(EngineCounters.UNRESOLVED_ORDERS, tracker.unresolvedOrders());
        status.set(EngineCounters.UNKNOWN_REPORTS, tracker.unknownReports());
        status.set(EngineCounters.DUPLICATE_REPORTS, tracker.duplicateReports());
        status.set(EngineCounters.RECOVERED_FILLS, tracker.recoveredFills());
        status.set(EngineCounters.ADOPTED_ORDERS, tracker.adoptedOrders());
        status.set(EngineCounters.LEGGED_PROGRAMS, leggedPrograms);
        status.set(EngineCounters.HEDGES_SENT, hedgesSent);
        status.set(EngineCounters.REPRICED_LEGS, repricedLegs);
        if (valuation.modelState() == ModelState.VALID)
        {
            // The bounds in basis terms: cash-and-carry pays above F_upper − S_ask, reverse below F_lower − S_bid.
            status.set(EngineCounters.BASIS_CASH_AND_CARRY, scaled(valuation.execBasisCashAndCarry()));
            status.set(EngineCounters.BASIS_REVERSE, scaled(valuation.execBasisReverse()));
            status.set(EngineCounters.BAND_UPPER, scaled(valuation.upperBound() - valuation.indexAskExec()));
            status.set(EngineCounters.BAND_LOWER, scaled(valuation.lowerBound() - valuation.indexBidExec()));
        }
    }

    private static long scaled(final double points)
    {
        return Math.round(points * Prices.SCALE);
    }

    /**
     * @return the current valuation, read on the engine thread (or by a replay between entries).
     */
    public ValuationView valuationView()
    {
        return valuation;
    }

    /**
     * @return the current valuation, read on the engine thread.
     */
    public Valuation valuation()
    {
        return valuation;
    }

    /**
     * @return the pre-trade checks and their counts (engine thread, or after it stopped).
     */
    public PreTradeRisk risk()
    {
        return risk;
    }

    /**
     * @return the kill switch (engine thread, or after it stopped).
     */
    public KillSwitch killSwitch()
    {
        return killSwitch;
    }

    /**
     * @return every completed program (engine thread, or after it stopped).
     */
    public ProgramLedger ledger()
    {
        return ledger;
    }

    /**
     * @return programs that ended legged since start.
     */
    public long leggedPrograms()
    {
        return leggedPrograms;
    }

    /**
     * @return residual futures hedges sent since start.
     */
    public long hedgesSent()
    {
        return hedgesSent;
    }

    /**
     * @return legs cancelled to be sent again at the current level since start.
     */
    public long repricedLegs()
    {
        return repricedLegs;
    }

    /**
     * Write the engine's whole state to a snapshot: its own fields, clock, books, valuation, positions, risk, kill
     * switch, market phases, orders and programs, ledger and strategy. Call between two inputs.
     *
     * @param writer the snapshot, after its header.
     */
    public void snapshotTo(final SnapshotWriter writer)
    {
        final SnapshotCodecs codecs = snapshotCodecs();
        writer.begin(codecs.tradingState)
            .gatewayId(gatewayId)
            .marketDataUpdates(marketDataUpdates)
            .lastExchangeTimestampNs(lastExchangeTimestampNs)
            .pendingHedgeContracts(pendingHedgeContracts)
            .leggedPrograms(leggedPrograms)
            .hedgesSent(hedgesSent)
            .repricedLegs(repricedLegs)
            .lastState((byte)lastState.ordinal())
            .gatewayReplaced(flag(gatewayReplaced))
            .settleUnacknowledged(flag(settleUnacknowledged))
            .orderSessionUp(flag(orderSessionUp))
            .marketDataSessionUp(flag(marketDataSessionUp))
            .continuousTradingSeen(flag(continuousTradingSeen))
            .expiryUnwindDue(flag(expiryUnwindDue))
            .expiryUnwound(flag(expiryUnwound));
        writer.begin(codecs.clockState).nowNs(clock.nowNs());
        for (int id = 0; id < books.length; id++)
        {
            final OrderBook book = books[id];
            final BookStateEncoder.LevelsEncoder levels = writer.begin(codecs.bookState)
                .instrumentId(id)
                .lastUpdateNs(book.lastUpdateNs())
                .exchangeSeq(book.exchangeSeq())
                .levelsCount(book.depth());
            for (int level = 0; level < book.depth(); level++)
            {
                levels.next()
                    .bidPrice(book.price(true, level))
                    .bidSize(book.size(true, level))
                    .askPrice(book.price(false, level))
                    .askSize(book.size(false, level));
            }
        }
        valuation.snapshotTo(writer, codecs.valuationState);
        positions.snapshotTo(writer, codecs.positionState);
        risk.snapshotTo(writer, codecs.riskState);
        killSwitch.snapshotTo(writer, codecs.killSwitchState);
        market.snapshotTo(writer, codecs.marketPhaseState);
        tracker.snapshotTo(writer, codecs.trackerState, codecs.openProgramState);
        ledger.snapshotTo(writer, codecs.ledgerState);
        strategy.snapshotTo(writer, codecs.strategyState);
    }

    /**
     * Load the engine's whole state from a snapshot written by {@link #snapshotTo}, into an engine built with the
     * same settings and reference data that has taken no input yet.
     *
     * @param reader the snapshot, after its header.
     * @throws SnapshotException if the snapshot does not fit this engine.
     */
    public void restoreFrom(final SnapshotReader reader)
    {
        final SnapshotCodecs codecs = snapshotCodecs();
        final TradingStateDecoder trading = reader.next(codecs.tradingStateDecoder);
        gatewayId = trading.gatewayId();
        marketDataUpdates = trading.marketDataUpdates();
        lastExchangeTimestampNs = trading.lastExchangeTimestampNs();
        pendingHedgeContracts = trading.pendingHedgeContracts();
        leggedPrograms = trading.leggedPrograms();
        hedgesSent = trading.hedgesSent();
        repricedLegs = trading.repricedLegs();
        lastState = TradingState.values()[trading.lastState()];
        gatewayReplaced = trading.gatewayReplaced() == 1;
        settleUnacknowledged = trading.settleUnacknowledged() == 1;
        orderSessionUp = trading.orderSessionUp() == 1;
        marketDataSessionUp = trading.marketDataSessionUp() == 1;
        continuousTradingSeen = trading.continuousTradingSeen() == 1;
        expiryUnwindDue = trading.expiryUnwindDue() == 1;
        expiryUnwound = trading.expiryUnwound() == 1;
        clock.restartAt(reader.next(codecs.clockStateDecoder).nowNs());
        for (int id = 0; id < books.length; id++)
        {
            final BookStateDecoder state = reader.next(codecs.bookStateDecoder);
            final OrderBook book = books[id];
            final BookStateDecoder.LevelsDecoder levels = state.levels();
            if (state.instrumentId() != id || levels.count() != book.depth())
            {
                throw new SnapshotException("book " + state.instrumentId() + " of " + levels.count() +
                    " levels where the engine has book " + id + " of " + book.depth() + " (--book-depth)");
            }
            book.clear();
            for (int level = 0; level < book.depth(); level++)
            {
                levels.next();
                book.setLevel(true, level, levels.bidPrice(), levels.bidSize());
                book.setLevel(false, level, levels.askPrice(), levels.askSize());
            }
            book.stamp(state.exchangeSeq(), state.lastUpdateNs());
        }
        valuation.restoreFrom(reader, codecs.valuationStateDecoder, books);
        positions.restoreFrom(reader, codecs.positionStateDecoder);
        risk.restoreFrom(reader, codecs.riskStateDecoder);
        killSwitch.restoreFrom(reader, codecs.killSwitchStateDecoder);
        market.restoreFrom(reader, codecs.marketPhaseStateDecoder);
        tracker.restoreFrom(reader, codecs.trackerStateDecoder, codecs.openProgramStateDecoder);
        ledger.restoreFrom(reader, codecs.ledgerStateDecoder);
        strategy.restoreFrom(reader, codecs.strategyStateDecoder);
    }

    private static short flag(final boolean value)
    {
        return (short)(value ? 1 : 0);
    }

    private SnapshotCodecs snapshotCodecs()
    {
        if (snapshotCodecs == null)
        {
            snapshotCodecs = new SnapshotCodecs();
        }
        return snapshotCodecs;
    }

    /**
     * The snapshot's encoders and decoders, made on the first snapshot and reused.
     */
    private static final class SnapshotCodecs
    {
        final TradingStateEncoder tradingState = new TradingStateEncoder();
        final ClockStateEncoder clockState = new ClockStateEncoder();
        final BookStateEncoder bookState = new BookStateEncoder();
        final ValuationStateEncoder valuationState = new ValuationStateEncoder();
        final PositionStateEncoder positionState = new PositionStateEncoder();
        final RiskStateEncoder riskState = new RiskStateEncoder();
        final KillSwitchStateEncoder killSwitchState = new KillSwitchStateEncoder();
        final MarketPhaseStateEncoder marketPhaseState = new MarketPhaseStateEncoder();
        final TrackerStateEncoder trackerState = new TrackerStateEncoder();
        final OpenProgramStateEncoder openProgramState = new OpenProgramStateEncoder();
        final LedgerStateEncoder ledgerState = new LedgerStateEncoder();
        final StrategyStateEncoder strategyState = new StrategyStateEncoder();
        final TradingStateDecoder tradingStateDecoder = new TradingStateDecoder();
        final ClockStateDecoder clockStateDecoder = new ClockStateDecoder();
        final BookStateDecoder bookStateDecoder = new BookStateDecoder();
        final ValuationStateDecoder valuationStateDecoder = new ValuationStateDecoder();
        final PositionStateDecoder positionStateDecoder = new PositionStateDecoder();
        final RiskStateDecoder riskStateDecoder = new RiskStateDecoder();
        final KillSwitchStateDecoder killSwitchStateDecoder = new KillSwitchStateDecoder();
        final MarketPhaseStateDecoder marketPhaseStateDecoder = new MarketPhaseStateDecoder();
        final TrackerStateDecoder trackerStateDecoder = new TrackerStateDecoder();
        final OpenProgramStateDecoder openProgramStateDecoder = new OpenProgramStateDecoder();
        final LedgerStateDecoder ledgerStateDecoder = new LedgerStateDecoder();
        final StrategyStateDecoder strategyStateDecoder = new StrategyStateDecoder();
    }

    /**
     * The program and order book-keeping of an engine: sized from the settings, ids from {@code idBase} up.
     *
     * @param config        settings.
     * @param referenceData instruments and basket.
     * @param positions     positions to book fills into.
     * @param idBase        the run's first order, cancel and program id.
     * @return the tracker.
     */
    public static OrderTracker newTracker(
        final EngineConfig config, final ReferenceData referenceData, final Positions positions, final long idBase)
    {
        return new OrderTracker(
            config.maxOpenPrograms,
            // Room for every leg to be replaced once when repriced.
            2 * (referenceData.constituents().size() + 1),
            referenceData.instruments().size(),
            positions,
            new OrderIds(idBase));
    }

    /**
     * @param config settings.
     * @return the strategy they name.
     */
    public static Strategy newStrategy(final EngineConfig config)
    {
        switch (config.strategy)
        {
            case "edge":
                return new EdgeStrategy(config.edgeThreshold, config.maxNetPrograms);
            case "paper":
                return new MeanBasisStrategy(config.basisWindow, config.basisSampleIntervalNs, config.maxNetPrograms,
                    config.edgeThreshold, config.basisMeasure, config.entryLevel, config.exitLevel);
            default:
                throw new IllegalArgumentException("strategy must be 'paper' or 'edge', was '" + config.strategy + "'");
        }
    }
}
