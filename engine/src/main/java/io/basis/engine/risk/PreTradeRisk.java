package io.basis.engine.risk;

import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.RiskStateDecoder;
import io.basis.engine.snapshot.sbe.RiskStateEncoder;
import io.basis.engine.book.OrderBook;
import io.basis.engine.market.MarketState;
import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.position.Positions;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.ValuationView;
import io.basis.engine.refdata.Instrument;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import io.basis.protocol.sbe.MarketPhase;

import java.util.List;

/**
 * The checks every order and every program pass before anything leaves the engine, each refusal a
 * {@link RiskReason} with its own counter. The lessons behind them: Hanmag (a wrong model input), Knight (orders
 * and fills never counted), Everbright (no basket limit), Citigroup (quantity typed as notional), Samsung
 * Securities (shares booked instead of currency). Single-threaded, garbage-free.
 */
public final class PreTradeRisk
{
    /** While true, day orders are admitted into an auction: the calls of an opening auction take them. */
    private boolean auctionOrders;

    private final List<Instrument> instruments;
    private final OrderBook[] books;
    private final Positions positions;
    private final OrderTracker tracker;
    private final MarketState market;
    private final KillSwitch killSwitch;
    private final RiskLimits limits;
    private final RateLimiter orders;
    private final RateLimiter cancels;
    private final RateLimiter rejectsSeen;
    private final RateLimiter fillsSeen;
    private final long[] counts = new long[RiskReason.values().length];
    private final long[] borrowable;
    private final long[] marks;
    private final long[] lastOrderNs;
    private final long[] lastOrderQuantity;
    private final long[] lastOrderPrice;
    private final Side[] lastOrderSide;
    private final long[] recentSubmissions = new long[64];
    private int nextSubmission;
    private double peakPnl;

    /**
     * @param instruments instruments, indexed by engine id.
     * @param books       live books, indexed by engine id.
     * @param positions   the account's positions.
     * @param tracker     working orders.
     * @param market      trading phases and sidecar.
     * @param killSwitch  the kill switch.
     * @param limits      limits.
     */
    public PreTradeRisk(
        final List<Instrument> instruments,
        final OrderBook[] books,
        final Positions positions,
        final OrderTracker tracker,
        final MarketState market,
        final KillSwitch killSwitch,
        final RiskLimits limits)
    {
        this.instruments = instruments;
        this.books = books;
        this.positions = positions;
        this.tracker = tracker;
        this.market = market;
        this.killSwitch = killSwitch;
        this.limits = limits;
        orders = new RateLimiter(limits.maxOrdersPerWindow, limits.throttleWindowNs);
        cancels = new RateLimiter(limits.maxCancelsPerWindow, limits.throttleWindowNs);
        rejectsSeen = new RateLimiter(limits.maxRejectsPerWindow, limits.throttleWindowNs);
        fillsSeen = new RateLimiter(limits.maxFillsPerWindow, limits.throttleWindowNs);
        final int count = instruments.size();
        borrowable = new long[count];
        java.util.Arrays.fill(borrowable, Long.MAX_VALUE);
        marks = new long[count];
        lastOrderNs = new long[count];
        lastOrderQuantity = new long[count];
        lastOrderPrice = new long[count];
        lastOrderSide = new Side[count];
    }

    /**
     * Checks that apply to a program as a whole, before any of its legs.
     *
     * @param valuation        the current valuation (model state, fair value, index level).
     * @param contracts        contracts n of the program.
     * @param multiplier       currency per index point.
     * @param basketNotional   Σ legs' quantity × limit price, currency.
     * @param hedgeQuantity    contracts of the futures leg.
     * @param expectedHedge    the tailed hedge n / (1 + r·τ) the basket calls for.
     * @param legs             child orders the program will send.
     * @param nowNs            host clock.
     * @return NONE or the first reason to refuse.
     */
    public RiskReason checkProgram(
        final ValuationView valuation,
        final long contracts,
        final double multiplier,
        final double basketNotional,
        final long hedgeQuantity,
        final double expectedHedge,
        final int legs,
        final long nowNs)
    {
        RiskReason reason = RiskReason.NONE;
        final double intended = contracts * multiplier * valuation.indexMid();
        refreshMarks();
        final double pnl = pnlAtMarks();
        if (killSwitch.state() == TradingState.HALTED)
        {
            reason = RiskReason.KILL_SWITCH;
        }
        else if (valuation.modelState() != ModelState.VALID)
        {
            reason = RiskReason.MODEL_INVALID;
        }
        else if (pnl < -limits.maxLoss)
        {
            reason = RiskReason.LOSS_LIMIT;
            killSwitch.trip(RiskReason.LOSS_LIMIT);
        }
        else if (pnl < peakPnl - limits.maxDrawdown)
        {
            reason = RiskReason.DRAWDOWN_LIMIT;
            killSwitch.trip(RiskReason.DRAWDOWN_LIMIT);
        }
        else if (basketNotional > limits.maxBasketNotional)
        {
            reason = RiskReason.MAX_BASKET_NOTIONAL;
        }
        else if (Math.abs(basketNotional - intended) > limits.basketNotionalTolerance * intended)
        {
            reason = RiskReason.BASKET_NOTIONAL_MISMATCH;
        }
        else if (Math.abs(hedgeQuantity - expectedHedge) >= 1.0)
        {
            reason = RiskReason.HEDGE_INCONSISTENT;
        }
        else if (grossExposure() + basketNotional + hedgeQuantity * multiplier * valuation.futureMid() >
            limits.maxGrossNotional)
        {
            reason = RiskReason.GROSS_EXPOSURE_LIMIT;
        }
        else if (!orders.allows(nowNs, legs))
        {
            reason = RiskReason.ORDER_RATE;
        }
        return count(reason);
    }

    /**
     * Admit day orders into an auction, for the orders of one decision: an opening auction's call takes limit
     * orders (the closing auction takes at-the-close orders without this).
     *
     * @param admit true while checking the orders of an opening-auction unwind.
     */
    public void admitAuctionOrders(final boolean admit)
    {
        auctionOrders = admit;
    }

    /**
     * Checks that apply to one order.
     *
     * @param instrumentId  engine instrument id.
     * @param side          side (SELL_SHORT for a sale of stock not held).
     * @param quantity      quantity.
     * @param price         scaled limit price.
     * @param timeInForce   time in force.
     * @param reference     scaled reference price for the collar (stock mid, or F* for the future).
     * @param programOrder  true for a leg of an index-arbitrage program (subject to the sidecar).
     * @param nowNs         host clock.
     * @return NONE or the first reason to refuse.
     */
    public RiskReason checkOrder(
        final int instrumentId,
        final Side side,
        final long quantity,
        final long price,
        final TimeInForce timeInForce,
        final long reference,
        final boolean programOrder,
        final long nowNs)
    {
        return count(orderReason(instrumentId, side, quantity, price, timeInForce, reference, programOrder, nowNs));
    }

    private RiskReason orderReason(
        final int instrumentId,
        final Side side,
        final long quantity,
        final long price,
        final TimeInForce timeInForce,
        final long reference,
        final boolean programOrder,
        final long nowNs)
    {
        if (instrumentId < 0 || instrumentId >= instruments.size())
        {
            return RiskReason.UNKNOWN_INSTRUMENT;
        }
        final Instrument instrument = instruments.get(instrumentId);
        final boolean buy = side == Side.BUY;
        final long position = positions.quantity(instrumentId);
        if (killSwitch.isKilled(instrumentId))
        {
            return RiskReason.KILL_SWITCH;
        }
        if (killSwitch.state() == TradingState.REDUCING &&
            (position == 0 || buy == (position > 0) || quantity > Math.abs(position)))
        {
            return RiskReason.REDUCE_ONLY;
        }
        final MarketPhase phase = market.state(instrumentId);
        final boolean atTheClose = timeInForce == TimeInForce.AT_THE_CLOSE;
        if (!(phase == MarketPhase.TRADING || (phase == MarketPhase.AUCTION && (atTheClose || auctionOrders))))
        {
            return RiskReason.INSTRUMENT_NOT_TRADING;
        }
        if (programOrder && instrument.kind() == InstrumentKind.STOCK &&
            (buy ? market.programBuySuspended() : market.programSellSuspended()))
        {
            return RiskReason.SIDECAR;
        }
        final OrderBook book = books[instrumentId];
        final boolean auctionOrder = atTheClose || auctionOrders && phase == MarketPhase.AUCTION;
        if (!auctionOrder)
        {
            if (book.isStale(nowNs, limits.maxBookAgeNs))
            {
                return RiskReason.STALE_BOOK;
            }
            if (!book.isTwoSided() || book.isCrossed())
            {
                return RiskReason.CROSSED_BOOK;
            }
        }
        if (quantity <= 0 || quantity % instrument.lot() != 0)
        {
            return RiskReason.NOT_LOT_MULTIPLE;
        }
        if (!instrument.tickTable().isOnTick(price))
        {
            return RiskReason.OFF_TICK;
        }
        final double dailyLimit = instrument.kind() == InstrumentKind.STOCK ?
            limits.stockDailyLimit : limits.futureDailyLimit;
        if (Math.abs(price - instrument.prevClose()) > dailyLimit * instrument.prevClose())
        {
            return RiskReason.OUTSIDE_DAILY_LIMIT;
        }
        // An auction order (at the close, or a day order admitted into an opening auction's call) trades at the
        // uncrossing price, bounded by the daily limit alone.
        if (!auctionOrder && (reference <= 0 || Math.abs(price - reference) > limits.collar * reference))
        {
            return RiskReason.OUTSIDE_COLLAR;
        }
        if (quantity > limits.maxOrderQuantity)
        {
            return RiskReason.MAX_ORDER_QUANTITY;
        }
        final double notional = Prices.toDouble(price) * quantity * instrument.multiplier();
        if (notional > limits.maxOrderNotional)
        {
            return RiskReason.MAX_ORDER_NOTIONAL;
        }
        final long after = position + (buy ? quantity : -quantity);
        if (Math.abs(after) * Prices.toDouble(price) * instrument.multiplier() > limits.maxInstrumentNotional &&
            Math.abs(after) > Math.abs(position))
        {
            return RiskReason.POSITION_LIMIT;
        }
        if (crossesOwnOrder(instrumentId, buy, price))
        {
            return RiskReason.SELF_TRADE;
        }
        if (!buy && instrument.kind() == InstrumentKind.STOCK)
        {
            final boolean covered = position >= quantity;
            if (covered == (side == Side.SELL_SHORT))
            {
                return RiskReason.SHORT_SALE_MARKING;
            }
            if (side == Side.SELL_SHORT && (!limits.allowShortSales ||
                quantity - Math.max(position, 0) > borrowable[instrumentId]))
            {
                return RiskReason.NO_BORROW;
            }
        }
        if (nowNs - lastOrderNs[instrumentId] < limits.duplicateWindowNs && lastOrderSide[instrumentId] == side &&
            lastOrderQuantity[instrumentId] == quantity && lastOrderPrice[instrumentId] == price)
        {
            return RiskReason.DUPLICATE_ORDER;
        }
        return RiskReason.NONE;
    }

    private boolean crossesOwnOrder(final int instrumentId, final boolean buy, final long price)
    {
        for (ChildOrder order = tracker.firstWorking(instrumentId); order != null; order = order.nextWorking())
        {
            final boolean otherBuy = order.side() == Side.BUY;
            if (otherBuy != buy && (buy ? price >= order.price() : price <= order.price()))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Record an order that passed and is being sent: for the throttle and the duplicate check.
     *
     * @param instrumentId engine instrument id.
     * @param side         side.
     * @param quantity     quantity.
     * @param price        scaled price.
     * @param nowNs        host clock.
     */
    public void onOrderSent(
        final int instrumentId, final Side side, final long quantity, final long price, final long nowNs)
    {
        orders.record(nowNs, 1);
        lastOrderNs[instrumentId] = nowNs;
        lastOrderSide[instrumentId] = side;
        lastOrderQuantity[instrumentId] = quantity;
        lastOrderPrice[instrumentId] = price;
    }

    /**
     * @param nowNs host clock.
     * @return true if a cancel may be sent now; records it if so.
     */
    public boolean tryCancel(final long nowNs)
    {
        if (!cancels.allows(nowNs, 1))
        {
            count(RiskReason.CANCEL_RATE);
            return false;
        }
        cancels.record(nowNs, 1);
        return true;
    }

    /**
     * A reject arrived from the gateway or the exchange; a storm of them trips the kill switch.
     *
     * @param nowNs host clock.
     */
    public void onReject(final long nowNs)
    {
        if (rejectsSeen.recordAndExceeds(nowNs))
        {
            killSwitch.trip(RiskReason.REJECT_STORM);
        }
    }

    /**
     * A fill arrived; more fills than any program could produce trips the kill switch (a runaway loop).
     *
     * @param nowNs host clock.
     */
    public void onFill(final long nowNs)
    {
        if (fillsSeen.recordAndExceeds(nowNs))
        {
            killSwitch.trip(RiskReason.FILL_STORM);
        }
    }

    /**
     * @param instrumentId engine instrument id.
     * @param quantity     shares that can be borrowed for short sales.
     */
    public void borrowable(final int instrumentId, final long quantity)
    {
        borrowable[instrumentId] = quantity;
    }

    /**
     * A program submitted by an operator or embedding code: a command seen before (a resend of the same
     * correlation id) is refused.
     *
     * @param correlationId the command's correlation id, unique per sender.
     * @return NONE or DUPLICATE_PROGRAM.
     */
    public RiskReason checkSubmission(final long correlationId)
    {
        for (final long seen : recentSubmissions)
        {
            if (seen == correlationId && correlationId != 0)
            {
                return count(RiskReason.DUPLICATE_PROGRAM);
            }
        }
        recentSubmissions[nextSubmission] = correlationId;
        nextSubmission = (nextSubmission + 1) % recentSubmissions.length;
        return RiskReason.NONE;
    }

    /**
     * @return realized plus unrealized P&L, net of commissions and taxes, marked at book mids; also moves the
     *         peak from which drawdown is measured.
     */
    public double pnl()
    {
        refreshMarks();
        return pnlAtMarks();
    }

    private double pnlAtMarks()
    {
        final double pnl = positions.realizedPnl() + positions.unrealizedPnl(marks) - positions.commissions() -
            positions.taxes();
        peakPnl = Math.max(peakPnl, pnl);
        return pnl;
    }

    /**
     * Positions and open orders at the marks of the last {@link #refreshMarks()}.
     */
    private double grossExposure()
    {
        double open = 0;
        for (int i = 0; i < books.length; i++)
        {
            for (ChildOrder order = tracker.firstWorking(i); order != null; order = order.nextWorking())
            {
                open += Prices.toDouble(order.price()) * order.leavesQty() * positions.multiplier(i);
            }
        }
        return positions.grossNotional(marks) + open;
    }

    private void refreshMarks()
    {
        for (int i = 0; i < books.length; i++)
        {
            final OrderBook book = books[i];
            marks[i] = book.isTwoSided() ? (book.bestBid() + book.bestAsk()) >> 1 : 0;
        }
    }

    private RiskReason count(final RiskReason reason)
    {
        counts[reason.ordinal()]++;
        return reason;
    }

    /**
     * Count a refusal the engine decided itself before any check ran (no depth for the size, no program slot
     * free), so that every refused program or order shows in the same counters.
     *
     * @param reason why.
     * @return the reason.
     */
    public RiskReason refuse(final RiskReason reason)
    {
        return count(reason);
    }

    /**
     * @param reason a reason.
     * @return how often it refused (or, for NONE, passed).
     */
    public long count(final int reason)
    {
        return counts[reason];
    }

    /**
     * @return refusals of every reason but NONE.
     */
    public long totalRejects()
    {
        long total = 0;
        for (int i = 1; i < counts.length; i++)
        {
            total += counts[i];
        }
        return total;
    }

    /**
     * Write what the checks remember to a snapshot: per-instrument memory, counts, recent submissions, throttles.
     *
     * @param writer  the snapshot.
     * @param encoder reused encoder.
     */
    public void snapshotTo(final SnapshotWriter writer, final RiskStateEncoder encoder)
    {
        writer.begin(encoder).nextSubmission(nextSubmission).peakPnl(peakPnl);
        final RiskStateEncoder.InstrumentsEncoder rows = encoder.instrumentsCount(borrowable.length);
        for (int i = 0; i < borrowable.length; i++)
        {
            rows.next()
                .borrowable(borrowable[i])
                .mark(marks[i])
                .lastOrderNs(lastOrderNs[i])
                .lastOrderQuantity(lastOrderQuantity[i])
                .lastOrderPrice(lastOrderPrice[i])
                .lastOrderSide((byte)(lastOrderSide[i] == null ? -1 : lastOrderSide[i].ordinal()));
        }
        final RiskStateEncoder.ReasonsEncoder reasons = encoder.reasonsCount(counts.length);
        for (final long count : counts)
        {
            reasons.next().rejects(count);
        }
        final RiskStateEncoder.SubmissionsEncoder submissions = encoder.submissionsCount(recentSubmissions.length);
        for (final long correlationId : recentSubmissions)
        {
            submissions.next().correlationId(correlationId);
        }
        final RiskStateEncoder.ThrottlesEncoder throttles = encoder.throttlesCount(4);
        orders.snapshotTo(throttles.next());
        cancels.snapshotTo(throttles.next());
        rejectsSeen.snapshotTo(throttles.next());
        fillsSeen.snapshotTo(throttles.next());
    }

    /**
     * Load what the checks remember from a snapshot.
     *
     * @param reader  the snapshot.
     * @param decoder reused decoder.
     */
    public void restoreFrom(final SnapshotReader reader, final RiskStateDecoder decoder)
    {
        reader.next(decoder);
        nextSubmission = decoder.nextSubmission();
        peakPnl = decoder.peakPnl();
        final RiskStateDecoder.InstrumentsDecoder rows = decoder.instruments();
        if (rows.count() != borrowable.length)
        {
            throw new SnapshotException("risk state of " + rows.count() + " instruments, the engine has " +
                borrowable.length);
        }
        for (int i = 0; i < borrowable.length; i++)
        {
            rows.next();
            borrowable[i] = rows.borrowable();
            marks[i] = rows.mark();
            lastOrderNs[i] = rows.lastOrderNs();
            lastOrderQuantity[i] = rows.lastOrderQuantity();
            lastOrderPrice[i] = rows.lastOrderPrice();
            lastOrderSide[i] = rows.lastOrderSide() < 0 ? null : Side.values()[rows.lastOrderSide()];
        }
        final RiskStateDecoder.ReasonsDecoder reasons = decoder.reasons();
        if (reasons.count() != counts.length)
        {
            throw new SnapshotException(reasons.count() + " risk reasons, the engine has " + counts.length);
        }
        for (int i = 0; i < counts.length; i++)
        {
            counts[i] = reasons.next().rejects();
        }
        final RiskStateDecoder.SubmissionsDecoder recent = decoder.submissions();
        if (recent.count() != recentSubmissions.length || nextSubmission < 0 ||
            nextSubmission >= recentSubmissions.length)
        {
            throw new SnapshotException(recent.count() + " recent submissions, the engine keeps " +
                recentSubmissions.length);
        }
        for (int i = 0; i < recentSubmissions.length; i++)
        {
            recentSubmissions[i] = recent.next().correlationId();
        }
        final RiskStateDecoder.ThrottlesDecoder throttles = decoder.throttles();
        if (throttles.count() != 4)
        {
            throw new SnapshotException(throttles.count() + " throttles, the engine has 4");
        }
        orders.restoreFrom(throttles.next());
        cancels.restoreFrom(throttles.next());
        rejectsSeen.restoreFrom(throttles.next());
        fillsSeen.restoreFrom(throttles.next());
    }
}
