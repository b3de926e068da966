package io.basis.engine;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.basis.engine.book.OrderBook;
import io.basis.engine.gateway.GatewayListener;
import io.basis.engine.gateway.GatewayMessageHandler;
import io.basis.engine.gateway.GatewayPublisher;
import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.order.ProgramDirection;
import io.basis.engine.order.ProgramOrder;
import io.basis.engine.position.Positions;
import io.basis.engine.pricing.BasketValuation;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.pricing.ValuationListener;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.strategy.EdgeStrategy;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import io.basis.protocol.sbe.TradeDecoder;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

import java.util.List;

/**
 * The engine's duty cycle: consume the gateway's stream, keep the books and the valuation current at every tick,
 * let the strategy decide, send program orders, track them to terminal states and book fills; also the operator's
 * control stream and program timeouts. Single-threaded; garbage-free after start.
 */
public final class EngineAgent implements Agent, GatewayListener
{
    private static final int GATEWAY_FRAGMENT_LIMIT = 64;
    private static final int CONTROL_FRAGMENT_LIMIT = 4;
    private static final int SEND_ATTEMPTS = 1_000;

    private final ReferenceData referenceData;
    private final List<Instrument> instruments;
    private final OrderBook[] books;
    private final Valuation valuation;
    private final EdgeStrategy strategy;
    private final OrderTracker tracker;
    private final Positions positions;
    private final GatewayPublisher publisher;
    private final Subscription gatewaySubscription;
    private final Subscription controlSubscription;
    private final GatewayMessageHandler gatewayHandler;
    private final FragmentHandler controlHandler;
    private final EngineStatus status;
    private final NanoClock clock;
    private final TimeInForce timeInForce;
    private final long programTimeoutNs;
    private final int futureId;
    private final long futuresHedge;
    private final ValuationListener valuationListener;

    private boolean halted;
    private boolean gatewayConnected;
    private int nextDefinition;
    private long marketDataUpdates;
    private long sendFailures;
    private long lastExchangeTimestampNs;

    EngineAgent(
        final EngineConfig config,
        final ReferenceData referenceData,
        final Publication gatewayPublication,
        final Subscription gatewaySubscription,
        final Subscription controlSubscription,
        final EngineStatus status,
        final OrderTracker tracker,
        final Positions positions,
        final NanoClock clock)
    {
        this.referenceData = referenceData;
        this.instruments = referenceData.instruments();
        this.gatewaySubscription = gatewaySubscription;
        this.controlSubscription = controlSubscription;
        this.status = status;
        this.tracker = tracker;
        this.positions = positions;
        this.clock = clock;
        this.timeInForce = config.timeInForce;
        this.programTimeoutNs = config.programTimeoutMs * 1_000_000L;
        this.futureId = referenceData.future().id();
        this.valuationListener = config.valuationListener;
        books = new OrderBook[instruments.size()];
        for (int i = 0; i < books.length; i++)
        {
            books[i] = new OrderBook(config.bookDepth);
        }
        valuation = Valuation.forTradeDate(referenceData, config.tradeDate, config.contracts, config.modelLimits);
        strategy = new EdgeStrategy(config.edgeThreshold, config.maxNetPrograms);
        // Daily margining makes a hedge of n contracts slightly oversized: hedge n / (1 + r·τ), at least one.
        futuresHedge = Math.max(1, Math.round(valuation.fairValueModel().tailedHedge(config.contracts)));
        publisher = new GatewayPublisher(gatewayPublication);
        gatewayHandler = new GatewayMessageHandler(this);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AdminCommandDecoder command = new AdminCommandDecoder();
        controlHandler = (buffer, offset, length, ignored) ->
        {
            header.wrap(buffer, offset);
            if (header.schemaId() == MessageHeaderDecoder.SCHEMA_ID &&
                header.templateId() == AdminCommandDecoder.TEMPLATE_ID)
            {
                command.wrapAndApplyHeader(buffer, offset, header);
                onAdminCommand(command);
            }
        };
    }

    @Override
    public String roleName()
    {
        return "basis-engine";
    }

    @Override
    public int doWork()
    {
        int work = gatewaySubscription.poll(gatewayHandler, GATEWAY_FRAGMENT_LIMIT);
        work += controlSubscription.poll(controlHandler, CONTROL_FRAGMENT_LIMIT);
        work += publishDefinitions();
        work += cancelOverduePrograms(clock.nanoTime());
        publishStatus();
        return work;
    }

    /**
     * Send every instrument definition once per gateway connection, so a restarted gateway learns them again.
     */
    private int publishDefinitions()
    {
        final boolean connected = publisher.isConnected();
        if (connected != gatewayConnected)
        {
            gatewayConnected = connected;
            nextDefinition = 0;
        }
        int work = 0;
        while (connected && nextDefinition < instruments.size())
        {
            if (publisher.sendInstrumentDefinition(instruments.get(nextDefinition)) < 0)
            {
                break;
            }
            nextDefinition++;
            work++;
        }
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
        book.stamp(update.exchangeSeq(), update.receiveTimestampNs());
        valuation.onBookUpdate(instrumentId, book);
        marketDataUpdates++;
        lastExchangeTimestampNs = update.exchangeTimestampNs();
        if (valuationListener != null)
        {
            valuationListener.onValuation(instrumentId, valuation);
        }
        evaluate();
    }

    private void evaluate()
    {
        final ProgramDirection direction = strategy.decide(valuation, heldPrograms());
        if (direction != null && !halted && tracker.openProgramCount() == 0)
        {
            sendProgram(direction);
        }
    }

    private void sendProgram(final ProgramDirection direction)
    {
        final ProgramOrder program = tracker.openProgram(direction, clock.nanoTime());
        if (program == null)
        {
            return;
        }
        final boolean buyBasket = direction == ProgramDirection.CASH_AND_CARRY;
        final BasketValuation basket = valuation.basket();
        final int constituents = basket.constituentCount();
        for (int i = 0; i < constituents; i++)
        {
            final long quantity = basket.quantity(i);
            if (quantity > 0)
            {
                final int instrumentId = referenceData.constituents().get(i).instrument().id();
                final Side side = buyBasket ? Side.BUY :
                    positions.quantity(instrumentId) >= quantity ? Side.SELL : Side.SELL_SHORT;
                sendLeg(program, instrumentId, side, quantity);
            }
        }
        sendLeg(program, futureId, buyBasket ? Side.SELL : Side.BUY, futuresHedge);
    }

    /**
     * Programs held, from fills: the futures hedge sold by cash-and-carry (bought by reverse) in program units.
     */
    private long heldPrograms()
    {
        return -positions.quantity(futureId) / futuresHedge;
    }

    private void sendLeg(final ProgramOrder program, final int instrumentId, final Side side, final long quantity)
    {
        // Limit at the last level the quantity reaches: the executable price the valuation used.
        final long price = books[instrumentId].sweepPrice(side != Side.BUY, quantity);
        final ChildOrder order = tracker.addLeg(program, instrumentId, side, quantity, price);
        long result = Publication.BACK_PRESSURED;
        for (int attempt = 0; attempt < SEND_ATTEMPTS && isRetryable(result); attempt++)
        {
            result = publisher.sendNewOrder(order, timeInForce, ProgramFlag.INDEX_ARBITRAGE, lastExchangeTimestampNs);
        }
        if (result < 0)
        {
            // Never sent: the order ends here, in a known state, and the program still completes.
            sendFailures++;
            tracker.onReject(order.orderId());
        }
    }

    private static boolean isRetryable(final long result)
    {
        return result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION;
    }

    private int cancelOverduePrograms(final long nowNs)
    {
        int work = 0;
        for (int i = 0; i < tracker.openProgramCount(); i++)
        {
            final ProgramOrder program = tracker.openProgram(i);
            if (nowNs - program.startNs() > programTimeoutNs)
            {
                work += cancelWorkingLegs(program);
            }
        }
        return work;
    }

    private int cancelWorkingLegs(final ProgramOrder program)
    {
        int sent = 0;
        for (int leg = 0; leg < program.legCount(); leg++)
        {
            final ChildOrder order = program.leg(leg);
            final long cancelId = tracker.requestCancel(order);
            if (cancelId != 0)
            {
                long result = Publication.BACK_PRESSURED;
                for (int attempt = 0; attempt < SEND_ATTEMPTS && isRetryable(result); attempt++)
                {
                    result = publisher.sendCancel(cancelId, order);
                }
                if (result < 0)
                {
                    // Not sent: put the order back to working so that the next duty cycle tries again.
                    sendFailures++;
                    tracker.onCancelReject(order.orderId());
                }
                sent++;
            }
        }
        return sent;
    }

    private void onAdminCommand(final AdminCommandDecoder command)
    {
        switch (command.command())
        {
            case HALT_NEW_PROGRAMS:
                halted = true;
                break;
            case CANCEL_ALL:
                halted = true;
                for (int i = 0; i < tracker.openProgramCount(); i++)
                {
                    cancelWorkingLegs(tracker.openProgram(i));
                }
                break;
            case RESUME:
                halted = false;
                break;
            default:
                break;
        }
    }

    @Override
    public void onTrade(final TradeDecoder trade)
    {
        marketDataUpdates++;
    }

    @Override
    public void onExecutionReport(final ExecutionReportDecoder report)
    {
        tracker.onExecutionReport(
            report.orderId(), report.execType(), report.ordStatus(), report.lastQty(), report.lastPx(),
            report.cumQty());
        // Once the basket is held a reverse trade sells it rather than borrowed stock: no borrow fee.
        valuation.borrowNeeded(heldPrograms() <= 0);
        if (tracker.fillMismatches() > 0)
        {
            // The engine's record of fills no longer matches the exchange's: stop opening programs.
            halted = true;
        }
    }

    @Override
    public void onOrderReject(final OrderRejectDecoder reject)
    {
        tracker.onReject(reject.orderId());
    }

    @Override
    public void onCancelReject(final CancelRejectDecoder reject)
    {
        tracker.onCancelReject(reject.orderId());
    }

    @Override
    public void onSessionStatus(final SessionStatusDecoder sessionStatus)
    {
        final long up = sessionStatus.state() == SessionState.LOGGED_ON ? 1 : 0;
        status.set(sessionStatus.role() == SessionRole.ORDER_ENTRY ?
            EngineCounters.ORDER_SESSION_UP : EngineCounters.MARKET_DATA_SESSION_UP, up);
    }

    private void publishStatus()
    {
        status.set(EngineCounters.PROGRAMS_SENT, tracker.programsOpened());
        status.set(EngineCounters.PROGRAMS_COMPLETED, tracker.programsCompleted());
        status.set(EngineCounters.CHILD_ORDERS_SENT, tracker.childOrdersSent());
        status.set(EngineCounters.WORKING_ORDERS, tracker.workingOrders());
        status.set(EngineCounters.FILLS, positions.fills());
        status.set(EngineCounters.REJECTS, tracker.rejects());
        status.set(EngineCounters.FUTURE_POSITION, positions.quantity(futureId));
        status.set(EngineCounters.BASKET_POSITION, heldPrograms());
        status.set(EngineCounters.HALTED, halted ? 1 : 0);
        status.set(EngineCounters.MARKET_DATA_UPDATES, marketDataUpdates);
        status.set(EngineCounters.MODEL_STATE, valuation.modelState().ordinal());
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
     * @return the current valuation, read on the engine thread.
     */
    Valuation valuation()
    {
        return valuation;
    }

    long sendFailures()
    {
        return sendFailures;
    }
}
