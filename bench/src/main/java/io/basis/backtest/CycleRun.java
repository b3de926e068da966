package io.basis.backtest;

import io.basis.backtest.report.BasisPoint;
import io.basis.backtest.report.TradeMark;
import io.basis.backtest.report.View;
import io.basis.backtest.report.ViewResult;
import io.basis.engine.EngineClock;
import io.basis.engine.EngineConfig;
import io.basis.engine.EngineListener;
import io.basis.engine.TradingEngine;
import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.OrderPort;
import io.basis.engine.order.ProgramDirection;
import io.basis.engine.order.ProgramKind;
import io.basis.engine.order.ProgramOrder;
import io.basis.engine.position.Positions;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.pricing.ValuationView;
import io.basis.engine.refdata.Costs;
import io.basis.engine.refdata.Dividend;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.refdata.SettlementStyle;
import io.basis.engine.risk.RiskReason;
import io.basis.engine.strategy.BasisMeasure;
import io.basis.engine.strategy.Strategy;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.EngineStartedDecoder;
import io.basis.protocol.sbe.EngineStartedEncoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.ExecutionReportEncoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.InstrumentStatusDecoder;
import io.basis.protocol.sbe.InstrumentStatusEncoder;
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
import io.basis.protocol.sbe.StartOfDayPositionDecoder;
import io.basis.protocol.sbe.StartOfDayPositionEncoder;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One expiry cycle traded by the production engine over the synthetic market in virtual time. Each trading day is
 * a fresh {@link TradingEngine}, as a live engine starts each morning: the day's reference data (its front contract,
 * tick tables, rates and costs; previous closes from the market), the positions held overnight as start-of-day
 * positions, the strategy carried over. Its inputs are the SBE messages a gateway would send: book updates, reports
 * from the in-process exchange, market phases and timers. The three views price the same decisions: the study's at
 * the mid with no costs, the top of book's at the touch with every cost, the executable one at the exchange's fills.
 */
final class CycleRun implements MarketSource.BookListener, SimulatedExchange.Reports, OrderPort, EngineListener
{
    private static final long SECOND = Session.SECOND_NS;
    private static final long CLOSING_AUCTION_SECONDS = Session.CLOSING_AUCTION_NS / SECOND;
    private static final long OPENING_AUCTION_SECONDS = 60;
    private static final long CHART_SAMPLE_NS = 300 * SECOND;

    private final BacktestData data;
    private final MarketSource market;
    private final SimulatedExchange exchange;
    private final EngineConfig config;
    private final Strategy strategy;
    private final BasisMeasure measure;
    private final double entryLevel;
    private final double exitLevel;
    private final long latencyNs;
    private final boolean chart;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BookUpdateEncoder bookEncoder = new BookUpdateEncoder();
    private final BookUpdateDecoder bookDecoder = new BookUpdateDecoder();
    private final ExecutionReportEncoder reportEncoder = new ExecutionReportEncoder();
    private final ExecutionReportDecoder reportDecoder = new ExecutionReportDecoder();
    private final Set<Long> legsBooked = new HashSet<>();
    private final List<BasisPoint> points = new ArrayList<>();
    private final List<TradeMark> trades = new ArrayList<>();
    private final ViewLedger[] ledgers = new ViewLedger[View.values().length];
    private final double[] mids;
    private final long[] closes;
    private final boolean[] stock;
    private TradingEngine engine;
    private Positions positions;
    private ReferenceData day;
    private Costs costs;
    private long nowNs;
    private long events;
    private long exchangeSeq;
    private int entries;
    private int exits;
    private int unwinds;
    private long leggedNs;
    private String failure;
    private RiskReason lastRiskReject;
    private final long[] riskRejects = new long[RiskReason.values().length];

    /**
     * The result of one cycle.
     *
     * @param views       one per view, in view order.
     * @param events      book events the engine took.
     * @param riskRejects the engine's pre-trade refusals, by {@link RiskReason} ordinal.
     * @param equity      per day, net P&amp;L so far per view, marked at the day's close.
     * @param points      the basis and its bands through the cycle (when charted).
     * @param trades      the executable view's trades (when charted).
     * @param failure     null, or why the cycle did not end flat and reconciled.
     */
    record Outcome(List<ViewResult> views, long events, long[] riskRejects, List<double[]> equity,
        List<BasisPoint> points, List<TradeMark> trades, String failure)
    {
    }

    CycleRun(
        final BacktestData data,
        final MarketSource market,
        final EngineConfig config,
        final long latencyNs,
        final boolean fillAtMid,
        final boolean chart)
    {
        this.data = data;
        this.market = market;
        this.config = config;
        this.measure = config.basisMeasure;
        this.entryLevel = config.entryLevel;
        this.exitLevel = config.exitLevel;
        this.latencyNs = latencyNs;
        this.chart = chart;
        this.exchange = new SimulatedExchange(market, this, fillAtMid);
        config.listener = this;
        this.strategy = TradingEngine.newStrategy(config);
        final ReferenceData any = data.day(data.cycles().get(0).days().get(0));
        final int count = any.instruments().size();
        mids = new double[count];
        closes = new long[count];
        stock = new boolean[count];
        final double[] multiplier = new double[count];
        for (final Instrument instrument : any.instruments())
        {
            stock[instrument.id()] = instrument.kind() == InstrumentKind.STOCK;
            multiplier[instrument.id()] = instrument.multiplier();
        }
        for (final View view : View.values())
        {
            ledgers[view.ordinal()] = new ViewLedger(view, multiplier, stock);
        }
    }

    /**
     * @param cycle       the cycle.
     * @param start       the market's state at its first day.
     * @param firstCloses the previous closes of its first day, or null for the reference data's.
     * @return what the three views made of it.
     */
    Outcome run(final BacktestData.Cycle cycle, final Object start, final long[] firstCloses)
    {
        market.rewind(start);
        if (firstCloses != null)
        {
            System.arraycopy(firstCloses, 0, closes, 0, firstCloses.length);
        }
        final List<double[]> equity = new ArrayList<>();
        long[] carriedQuantity = new long[mids.length];
        double[] carriedPrice = new double[mids.length];
        final List<LocalDate> days = cycle.days();
        for (int d = 0; d < days.size(); d++)
        {
            final LocalDate date = days.get(d);
            day = data.day(date).withPreviousCloses(closes);
            costs = day.costs();
            openEngine(date, d, carriedQuantity, carriedPrice);
            tradeDay(date, days.size() - 1 - d);
            final boolean expiry = d == days.size() - 1;
            exchange.closeDay();
            exchange.deliver();
            engine.onTimer(nowNs);
            reconcile(date, expiry);
            carriedQuantity = new long[mids.length];
            carriedPrice = new double[mids.length];
            for (int id = 0; id < mids.length; id++)
            {
                closes[id] = Prices.fromDouble(mids[id]);
                if (!(expiry && id == day.future().id()))
                {
                    carriedQuantity[id] = positions.quantity(id);
                    carriedPrice[id] = positions.averagePrice(id);
                }
            }
            if (!expiry)
            {
                final int nights = (int)ChronoUnit.DAYS.between(date, days.get(d + 1));
                for (final ViewLedger ledger : ledgers)
                {
                    ledger.overnight(nights, mids, day.rates(), ledger == ledgers[View.STUDY.ordinal()] ? null : costs);
                }
            }
            final double[] marked = new double[ledgers.length];
            for (int v = 0; v < ledgers.length; v++)
            {
                marked[v] = ledgers[v].netMarked(mids);
            }
            equity.add(marked);
        }
        for (final ViewLedger ledger : ledgers)
        {
            for (int id = 0; id < mids.length && failure == null; id++)
            {
                if (ledger.position(id) != 0)
                {
                    failure = "cycle " + cycle.number() + " (" + cycle.contract() + "): the " + ledger.view() +
                        " view still holds " + ledger.position(id) + " of " + day.instruments().get(id).symbol() +
                        " after the expiry unwind (last risk reject: " + lastRiskReject + ", last exchange " +
                        "reject: " + exchange.lastReject() + ")";
                }
            }
        }
        final List<ViewResult> results = new ArrayList<>();
        for (final ViewLedger ledger : ledgers)
        {
            results.add(ledger.result(entries, exits, unwinds, leggedNs / 1e6));
        }
        return new Outcome(results, events, riskRejects, equity, points, trades, failure);
    }

    private void openEngine(final LocalDate date, final int dayIndex, final long[] quantity, final double[] price)
    {
        config.tradeDate = date;
        positions = new Positions(day.instruments(), costs);
        final long idBase = (dayIndex + 1) * 10_000_000L;
        engine = new TradingEngine(config, day, TradingEngine.newTracker(config, day, positions, idBase), positions,
            strategy, this, new EngineClock());
        exchange.openDay(day);
        legsBooked.clear();
        nowNs = Session.openNs(date);
        new EngineStartedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .engineId(dayIndex + 1).idBase(idBase).timestampNs(nowNs).continued(BooleanType.FALSE).commandLine("");
        engine.onEngineStarted(new EngineStartedDecoder().wrapAndApplyHeader(buffer, 0, header));
        final StartOfDayPositionEncoder held = new StartOfDayPositionEncoder();
        final StartOfDayPositionDecoder heldDecoder = new StartOfDayPositionDecoder();
        for (int id = 0; id < quantity.length; id++)
        {
            if (quantity[id] != 0)
            {
                held.wrapAndApplyHeader(buffer, 0, headerEncoder).instrumentId(id).quantity(quantity[id])
                    .averagePrice(price[id]);
                engine.onStartOfDayPosition(heldDecoder.wrapAndApplyHeader(buffer, 0, header));
            }
        }
        for (final SessionRole role : new SessionRole[] {SessionRole.ORDER_ENTRY, SessionRole.MARKET_DATA})
        {
            new SessionStatusEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .role(role).state(SessionState.LOGGED_ON).timestampNs(nowNs).gatewayId(1);
            engine.onSessionStatus(new SessionStatusDecoder().wrapAndApplyHeader(buffer, 0, header));
        }
        for (final Dividend dividend : day.dividends())
        {
            if (dividend.exDate().equals(date))
            {
                for (final ViewLedger ledger : ledgers)
                {
                    ledger.dividend(dividend.instrument().id(), Prices.toDouble(dividend.perShare()));
                }
            }
        }
    }

    private void tradeDay(final LocalDate date, final int daysToExpiry)
    {
        final long open = nowNs;
        final boolean expiry = daysToExpiry == 0;
        final boolean openingSettlement = expiry && day.settlementStyle() == SettlementStyle.OPENING_QUOTATION;
        if (openingSettlement)
        {
            // The special opening quotation: the basket is unwound in the opening auction, the future settles at it.
            exchange.startOpeningAuction();
            phase(MarketPhase.AUCTION);
        }
        market.openDay(day, Valuation.forTradeDate(day, date, config.contracts, config.modelLimits)
            .fairValueModel(), daysToExpiry, open, this);
        if (openingSettlement)
        {
            settleInFlight();
            auctionClock(OPENING_AUCTION_SECONDS);
            exchange.uncross();
            settleInFlight();
            settleAtExpiry();
        }
        phase(MarketPhase.TRADING);
        final long close = open + Session.CONTINUOUS_NS;
        long nextSampleNs = open + CHART_SAMPLE_NS;
        for (long next = market.nextEventNs(); next < close; next = market.nextEventNs())
        {
            nowNs = Math.max(nowNs, next);
            market.advance(this);
            settleInFlight();
            if (chart && nowNs >= nextSampleNs)
            {
                nextSampleNs += CHART_SAMPLE_NS;
                sample();
            }
        }
        nowNs = Math.max(nowNs, close);
        exchange.startClosingAuction();
        phase(MarketPhase.AUCTION);
        settleInFlight();
        auctionClock(CLOSING_AUCTION_SECONDS);
        if (expiry && day.settlementStyle() == SettlementStyle.CLOSING_AUCTION)
        {
            exchange.uncross();
            settleInFlight();
            settleAtExpiry();
        }
    }

    /**
     * The auction's minutes pass second by second, so that what depends on time alone happens in them: a program
     * still working when the expiry auction opens times out, and only then is the basket unwound.
     */
    private void auctionClock(final long seconds)
    {
        for (long second = 0; second < seconds; second++)
        {
            nowNs += SECOND;
            settleInFlight();
        }
    }

    /**
     * Orders and cancels reach the exchange after the latency; the engine's answers to what comes back go too.
     */
    private void settleInFlight()
    {
        do
        {
            nowNs += latencyNs;
            exchange.deliver();
            if (engine.needsTimer())
            {
                engine.onTimer(nowNs);
            }
        }
        while (exchange.deliver() > 0);
    }

    private void settleAtExpiry()
    {
        final double settlement = market.settle();
        final int futureId = day.future().id();
        for (final View view : View.values())
        {
            final ViewLedger ledger = ledgers[view.ordinal()];
            if (view != View.EXECUTABLE)
            {
                // The study's and the top of book's views unwind their own basket in the closing auction.
                for (int id = 0; id < mids.length; id++)
                {
                    final long held = ledger.position(id);
                    if (held != 0 && stock[id])
                    {
                        final double price = view == View.STUDY ? mids[id] :
                            Prices.toDouble(held > 0 ? market.bidPrice(id, 0) : market.askPrice(id, 0));
                        ledger.trade(id, held < 0, Math.abs(held), price, mids[id], view == View.STUDY ? null : costs);
                    }
                }
            }
            ledger.settle(futureId, settlement);
        }
        if (chart)
        {
            trades.add(new TradeMark(nowNs / 1_000_000L, View.EXECUTABLE, TradeMark.UNWIND, basis()));
        }
    }

    private void reconcile(final LocalDate date, final boolean expiry)
    {
        final ViewLedger executable = ledgers[View.EXECUTABLE.ordinal()];
        for (int id = 0; id < mids.length && failure == null; id++)
        {
            final long engineHeld = expiry && id == day.future().id() ? 0 : positions.quantity(id);
            if (engineHeld != executable.position(id))
            {
                failure = date + ": the engine holds " + engineHeld + " of " + day.instruments().get(id).symbol() +
                    ", the exchange filled " + executable.position(id);
            }
        }
    }

    private void phase(final MarketPhase phase)
    {
        new InstrumentStatusEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(-1).phase(phase).programBuySuspended(BooleanType.FALSE)
            .programSellSuspended(BooleanType.FALSE).timestampNs(nowNs);
        engine.onInstrumentStatus(new InstrumentStatusDecoder().wrapAndApplyHeader(buffer, 0, header));
    }

    @Override
    public void onBook(final int instrumentId)
    {
        mids[instrumentId] = market.midOf(instrumentId);
        exchange.onBook(instrumentId);
        if (engine == null)
        {
            return;
        }
        final BookUpdateEncoder.LevelsEncoder levels = bookEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId).exchangeSeq(++exchangeSeq).exchangeTimestampNs(nowNs)
            .receiveTimestampNs(nowNs).snapshot(BooleanType.TRUE).levelsCount(2 * market.levels());
        for (int level = 0; level < market.levels(); level++)
        {
            levels.next().side(BookSide.BID).level((short)level).price(market.bidPrice(instrumentId, level))
                .size(market.bidSize(instrumentId, level));
            levels.next().side(BookSide.ASK).level((short)level).price(market.askPrice(instrumentId, level))
                .size(market.askSize(instrumentId, level));
        }
        engine.onBookUpdate(bookDecoder.wrapAndApplyHeader(buffer, 0, header));
        events++;
    }

    @Override
    public void onReport(
        final long orderId, final int instrumentId, final ExecType execType, final OrdStatus ordStatus,
        final Side side, final long lastQty, final long lastPx, final long cumQty, final long leavesQty,
        final long avgPx, final RejectReason reason)
    {
        reportEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder).orderId(orderId).instrumentId(instrumentId)
            .execType(execType).ordStatus(ordStatus).side(side).lastQty(lastQty).lastPx(lastPx).cumQty(cumQty)
            .leavesQty(leavesQty).avgPx(avgPx).rejectReason(reason).receiveTimestampNs(nowNs);
        engine.onExecutionReport(reportDecoder.wrapAndApplyHeader(buffer, 0, header));
    }

    @Override
    public void onFill(final int instrumentId, final boolean buy, final long quantity, final long price)
    {
        final ViewLedger executable = ledgers[View.EXECUTABLE.ordinal()];
        executable.trade(instrumentId, buy, quantity, Prices.toDouble(price), mids[instrumentId], costs);
        executable.markExposure(mids);
    }

    @Override
    public long sendNewOrder(
        final ChildOrder order, final TimeInForce timeInForce, final ProgramFlag programFlag,
        final long triggerTimestampNs, final int listSeqNo, final int listSize)
    {
        final ProgramOrder program = order.program();
        final ProgramKind kind = program.kind();
        // The paper views trade each leg of a decision once, whole, at once; hedges of legging and the expiry
        // unwind's orders are the executable view's alone (the paper views unwind themselves at the close).
        if ((kind == ProgramKind.ARBITRAGE || kind == ProgramKind.MANUAL) &&
            legsBooked.add(program.programId() * 1_000_003L + order.instrumentId()))
        {
            final int id = order.instrumentId();
            final boolean buy = order.side() == Side.BUY;
            ledgers[View.STUDY.ordinal()].trade(id, buy, order.quantity(), mids[id], mids[id], null);
            ledgers[View.TOP_OF_BOOK.ordinal()].trade(id, buy, order.quantity(),
                Prices.toDouble(buy ? market.askPrice(id, 0) : market.bidPrice(id, 0)), mids[id], costs);
        }
        return exchange.sendNewOrder(order, timeInForce, programFlag, triggerTimestampNs, listSeqNo, listSize);
    }

    @Override
    public long sendCancel(final long cancelId, final ChildOrder order)
    {
        return exchange.sendCancel(cancelId, order);
    }

    @Override
    public long sendStatusRequest(final ChildOrder order)
    {
        return exchange.sendStatusRequest(order);
    }

    @Override
    public void onProgramOpened(final ProgramOrder program)
    {
        if (program.kind() != ProgramKind.ARBITRAGE && program.kind() != ProgramKind.MANUAL)
        {
            return;
        }
        final long heldFutures = positions.quantity(day.future().id());
        final boolean exit = heldFutures < 0 && program.direction() == ProgramDirection.REVERSE ||
            heldFutures > 0 && program.direction() == ProgramDirection.CASH_AND_CARRY;
        if (exit)
        {
            exits++;
        }
        else
        {
            entries++;
        }
        if (chart)
        {
            trades.add(new TradeMark(nowNs / 1_000_000L, View.EXECUTABLE, exit ? TradeMark.EXIT : TradeMark.ENTRY,
                basis()));
        }
    }

    @Override
    public void onRiskReject(final RiskReason reason)
    {
        lastRiskReject = reason;
        riskRejects[reason.ordinal()]++;
    }

    @Override
    public void onProgramCompleted(final ProgramOrder program)
    {
        if (program.kind() == ProgramKind.LIQUIDATION && program.legCount() > 0)
        {
            unwinds++;
        }
        else if (program.kind() == ProgramKind.ARBITRAGE || program.kind() == ProgramKind.MANUAL)
        {
            leggedNs += engine.nowNs() - program.startNs();
        }
    }

    private double basis()
    {
        final ValuationView valuation = engine.valuationView();
        return valuation.futureMid() - valuation.indexMid() - measure.offset(valuation);
    }

    private void sample()
    {
        final ValuationView valuation = engine.valuationView();
        final double offset = valuation.indexMid() + measure.offset(valuation);
        if (!Double.isFinite(valuation.upperBound()) || !Double.isFinite(valuation.futureMid()))
        {
            return;
        }
        points.add(new BasisPoint(nowNs / 1_000_000L, valuation.futureMid() - offset,
            Double.isNaN(entryLevel) ? 0 : entryLevel, Double.isNaN(exitLevel) ? 0 : exitLevel,
            valuation.upperBound() - offset, valuation.lowerBound() - offset));
    }
}
