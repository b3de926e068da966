package io.basis.engine.order;

import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.OpenProgramStateDecoder;
import io.basis.engine.snapshot.sbe.OpenProgramStateEncoder;
import io.basis.engine.snapshot.sbe.TrackerStateDecoder;
import io.basis.engine.snapshot.sbe.TrackerStateEncoder;
import io.basis.engine.position.Positions;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/**
 * Tracks every child order of every open program to a terminal state and books each fill exactly once.
 * <p>
 * Fills are booked from the exchange's cumulative quantity: a report whose CumQty does not exceed what is already
 * booked is a duplicate and books nothing; a report whose CumQty is not the booked quantity plus LastQty means a
 * fill was missed or invented (the Knight Capital failure), so the difference is booked to stay equal to the
 * exchange and the tracker raises {@link #fillMismatches()}, on which the engine halts trading.
 * <p>
 * Programs and their legs are pre-allocated; single-threaded, garbage-free.
 */
public final class OrderTracker
{
    private final ProgramOrder[] programs;
    private final ChildOrder[] workingByInstrument;
    private final Long2ObjectHashMap<ChildOrder> ordersById;
    private final Positions positions;
    private final OrderIds ids;
    private ProgramListener listener = program -> { };
    private RepriceListener repriceListener = order -> { };
    private int openPrograms;

    private long programsOpened;
    private long programsCompleted;
    private long childOrdersSent;
    private long workingOrders;
    private long rejects;
    private long duplicateReports;
    private long unknownReports;
    private long fillMismatches;
    private long recoveredFills;
    private long adoptedOrders;
    private long unresolvedOrders;
    private final LongHashSet adopted = new LongHashSet();
    private ProgramOrder recovered;
    private long recoveredProgramId;

    /**
     * @param maxOpenPrograms programs that may be open at once.
     * @param maxLegs         legs per program (constituents + 1).
     * @param instrumentCount instruments, indexed by engine id.
     * @param positions       positions to book fills into.
     * @param ids             id source.
     */
    public OrderTracker(
        final int maxOpenPrograms,
        final int maxLegs,
        final int instrumentCount,
        final Positions positions,
        final OrderIds ids)
    {
        workingByInstrument = new ChildOrder[instrumentCount];
        programs = new ProgramOrder[maxOpenPrograms];
        for (int i = 0; i < maxOpenPrograms; i++)
        {
            programs[i] = new ProgramOrder(maxLegs);
        }
        ordersById = new Long2ObjectHashMap<>(Math.max(64, maxOpenPrograms * maxLegs * 2), 0.5f);
        this.positions = positions;
        this.ids = ids;
    }

    /**
     * Open a program if a slot is free.
     *
     * @param direction direction of the trade.
     * @param kind      why it is opened.
     * @param nowNs     host clock.
     * @return the program, or null if {@code maxOpenPrograms} are open.
     */
    public ProgramOrder openProgram(final ProgramDirection direction, final ProgramKind kind, final long nowNs)
    {
        if (openPrograms == programs.length)
        {
            return null;
        }
        final ProgramOrder program = programs[openPrograms++];
        program.init(ids.next(), direction, kind, nowNs);
        if (kind != ProgramKind.RECOVERED)
        {
            // A program that only holds orders adopted from an earlier run is no program this run decided.
            programsOpened++;
        }
        return program;
    }

    /**
     * Add a leg to a program about to be sent; the leg starts PENDING_NEW and is indexed as working.
     *
     * @param program      the program.
     * @param instrumentId engine instrument id.
     * @param side         side.
     * @param quantity     quantity.
     * @param price        scaled limit price.
     * @return the leg, with its fresh order id.
     */
    ChildOrder addLeg(
        final ProgramOrder program, final int instrumentId, final Side side, final long quantity, final long price)
    {
        final ChildOrder order = program.nextLeg();
        order.init(ids.next(), program, instrumentId, side, quantity, price);
        ordersById.put(order.orderId, order);
        final ChildOrder head = workingByInstrument[instrumentId];
        order.nextWorking = head;
        if (head != null)
        {
            head.prevWorking = order;
        }
        workingByInstrument[instrumentId] = order;
        childOrdersSent++;
        workingOrders++;
        return order;
    }

    /**
     * Add the futures hedge of a program about to be sent.
     *
     * @param program      the program.
     * @param instrumentId the future.
     * @param side         side.
     * @param quantity     contracts.
     * @param price        scaled limit price.
     * @return the leg.
     */
    public ChildOrder addHedge(
        final ProgramOrder program, final int instrumentId, final Side side, final long quantity, final long price)
    {
        final ChildOrder order = addLeg(program, instrumentId, side, quantity, price);
        order.hedge = true;
        program.hedgeTarget += quantity;
        return order;
    }

    /**
     * Add the replacement of a leg cancelled for repricing: the same instrument, side and role for what the leg
     * left unfilled, at a new price. The program's targets are unchanged and its fills are valued at the original
     * leg's price, so that the basket's filled share stays exact.
     *
     * @param original the cancelled leg.
     * @param price    scaled new limit price.
     * @return the replacement.
     */
    public ChildOrder addReplacement(final ChildOrder original, final long price)
    {
        final ChildOrder order = addLeg(
            original.program, original.instrumentId, original.side, original.quantity - original.cumQty, price);
        order.hedge = original.hedge;
        order.valuePrice = original.valuePrice;
        return order;
    }

    /**
     * Add a basket leg of a program about to be sent.
     *
     * @param program      the program.
     * @param instrumentId the stock.
     * @param side         side.
     * @param quantity     shares.
     * @param price        scaled limit price.
     * @return the leg.
     */
    public ChildOrder addBasketLeg(
        final ProgramOrder program, final int instrumentId, final Side side, final long quantity, final long price)
    {
        final ChildOrder order = addLeg(program, instrumentId, side, quantity, price);
        program.basketTargetValue += quantity * price;
        return order;
    }

    /**
     * @param instrumentId engine instrument id.
     * @return the first working order of the instrument (follow {@link ChildOrder#nextWorking()}), or null.
     */
    public ChildOrder firstWorking(final int instrumentId)
    {
        return workingByInstrument[instrumentId];
    }

    /**
     * Mark a leg rejected without an exchange report: it could not be sent, or the gateway refused it.
     *
     * @param orderId engine order id.
     * @return true if the order was known and working.
     */
    public boolean onReject(final long orderId)
    {
        return end(orderId, OrderState.REJECTED);
    }

    /**
     * The gateway gave up asking the exchange about an order (see {@link OrderState#UNRESOLVED}): it ends unresolved
     * rather than working forever.
     *
     * @param orderId engine order id.
     * @return true if the order was known and not yet terminal.
     */
    public boolean onUnresolved(final long orderId)
    {
        return end(orderId, OrderState.UNRESOLVED);
    }

    private boolean end(final long orderId, final OrderState state)
    {
        final ChildOrder order = ordersById.get(orderId);
        if (order == null)
        {
            unknownReports++;
            return false;
        }
        if (order.state.isTerminal())
        {
            duplicateReports++;
            return false;
        }
        if (state == OrderState.REJECTED)
        {
            rejects++;
        }
        else
        {
            unresolvedOrders++;
        }
        terminate(order, state);
        return true;
    }

    /**
     * Apply an execution report.
     *
     * @param orderId   engine order id (ClOrdID, or OrigClOrdID for cancels).
     * @param execType  execution type.
     * @param ordStatus order status after the report.
     * @param lastQty   quantity of this fill.
     * @param lastPx    scaled price of this fill.
     * @param cumQty    cumulative filled quantity.
     * @param nowNs     host clock, to time how long a program stays legged.
     */
    public void onExecutionReport(
        final long orderId,
        final ExecType execType,
        final OrdStatus ordStatus,
        final long lastQty,
        final long lastPx,
        final long cumQty,
        final long nowNs)
    {
        final ChildOrder order = ordersById.get(orderId);
        if (order == null)
        {
            unknownReports++;
            return;
        }

        if (execType == ExecType.TRADE && lastQty > 0)
        {
            if (cumQty <= order.cumQty)
            {
                duplicateReports++;
                return;
            }
            final long booked = cumQty - order.cumQty;
            if (booked != lastQty)
            {
                fillMismatches++;
            }
            book(order, booked, lastPx, nowNs);
        }
        applyStatus(order, ordStatus);
    }

    /**
     * Apply an order status report: the exchange's whole state of an order, sent in answer to the gateway's
     * status request after a reconnect or restart. Fills the engine missed meanwhile are booked from the
     * cumulative quantity, at the price that makes the order's average the exchange's average.
     *
     * @param orderId   engine order id.
     * @param ordStatus order status.
     * @param cumQty    cumulative filled quantity.
     * @param avgPx     scaled average fill price.
     * @param nowNs     host clock.
     */
    public void onOrderStatus(
        final long orderId, final OrdStatus ordStatus, final long cumQty, final long avgPx, final long nowNs)
    {
        final ChildOrder order = ordersById.get(orderId);
        if (order == null)
        {
            unknownReports++;
            return;
        }
        if (cumQty > order.cumQty)
        {
            final long missed = cumQty - order.cumQty;
            recoveredFills++;
            book(order, missed, (avgPx * cumQty - order.filledValue) / missed, nowNs);
        }
        applyStatus(order, ordStatus);
    }

    /**
     * A new engine run continues this state (a restart): it issues ids from its own base, and an order of a run
     * before it that this state does not hold is adopted from its reports as before.
     *
     * @param idBase the new run's first id.
     */
    public void continueAs(final long idBase)
    {
        ids.rebase(idBase);
    }

    /**
     * Whether a report names an order a previous run of the engine sent and this run has not adopted yet.
     *
     * @param orderId engine order id of a report.
     * @return true if {@link #adopt} should take it over.
     */
    public boolean isUnadoptedEarlierOrder(final long orderId)
    {
        return ids.isUnknownFromEarlierRun(orderId) && !ordersById.containsKey(orderId) &&
            !adopted.contains(orderId);
    }

    /**
     * Take over an order a previous run of the engine left at the exchange, from the first report of it that
     * this run receives (a report the gateway kept while no engine was connected, or the answer to its status
     * request). Its fills so far are booked at its average price; later reports are applied as for any order.
     * Adopted orders belong to a {@link ProgramKind#RECOVERED} program; the engine cancels those still working.
     *
     * @param orderId      engine order id, from an earlier run.
     * @param instrumentId engine instrument id.
     * @param side         side.
     * @param ordStatus    order status.
     * @param cumQty       cumulative filled quantity.
     * @param leavesQty    quantity still working.
     * @param avgPx        scaled average fill price.
     * @param nowNs        host clock.
     * @return the adopted order, or null if no program slot is free (counted in {@link #unknownReports()}).
     */
    public ChildOrder adopt(
        final long orderId,
        final int instrumentId,
        final Side side,
        final OrdStatus ordStatus,
        final long cumQty,
        final long leavesQty,
        final long avgPx,
        final long nowNs)
    {
        if (recovered == null || recovered.programId() != recoveredProgramId || recovered.isComplete() ||
            recovered.legCount() == recovered.capacity())
        {
            recovered = openProgram(ProgramDirection.CASH_AND_CARRY, ProgramKind.RECOVERED, nowNs);
            if (recovered == null)
            {
                unknownReports++;
                return null;
            }
            recoveredProgramId = recovered.programId();
        }
        adopted.add(orderId);
        adoptedOrders++;
        final ChildOrder order = addLeg(recovered, instrumentId, side, cumQty + leavesQty, avgPx);
        // addLeg gave it a fresh id and counted it as sent by this run; it is neither.
        ordersById.remove(order.orderId);
        order.orderId = orderId;
        ordersById.put(orderId, order);
        childOrdersSent--;
        if (cumQty > 0)
        {
            book(order, cumQty, avgPx, nowNs);
        }
        order.state = OrderState.NEW;
        applyStatus(order, ordStatus);
        return order;
    }

    private void book(final ChildOrder order, final long quantity, final long price, final long nowNs)
    {
        final ProgramOrder program = order.program;
        program.costs += positions.book(order.instrumentId, order.side, quantity, price);
        final double value = Prices.toDouble(price) * quantity * positions.multiplier(order.instrumentId);
        program.cashFlow += order.side == Side.BUY ? -value : value;
        order.cumQty += quantity;
        order.filledValue += quantity * price;
        if (order.hedge)
        {
            program.hedgeFilled += quantity;
        }
        else
        {
            program.basketFilledValue += quantity * order.valuePrice;
        }
        updateLegging(program, nowNs);
    }

    private void applyStatus(final ChildOrder order, final OrdStatus ordStatus)
    {
        order.acknowledged = true;
        if (order.state.isTerminal())
        {
            return;
        }
        final OrderState next = stateOf(ordStatus, order.state);
        if (next.isTerminal())
        {
            if (next == OrderState.REJECTED)
            {
                rejects++;
            }
            terminate(order, next);
        }
        else
        {
            order.state = next;
        }
    }

    /**
     * The exchange refused a cancel: the order keeps working (or has already ended), unless it is unknown to the
     * exchange and was never acknowledged, in which case it never reached the exchange and is rejected.
     *
     * @param orderId engine order id.
     * @param reason  why the cancel was refused.
     */
    public void onCancelReject(final long orderId, final RejectReason reason)
    {
        final ChildOrder order = ordersById.get(orderId);
        if (order == null || order.state != OrderState.PENDING_CANCEL)
        {
            return;
        }
        if (reason == RejectReason.UNKNOWN_ORDER && !order.acknowledged)
        {
            // The exchange never had it: sent into a gateway that died before the order reached the wire.
            rejects++;
            terminate(order, OrderState.REJECTED);
            return;
        }
        order.state = order.cumQty > 0 ? OrderState.PARTIALLY_FILLED :
            order.acknowledged ? OrderState.NEW : OrderState.PENDING_NEW;
    }

    /**
     * Cancel every order the exchange has not acknowledged yet: after a gateway restart those sent to its
     * predecessor may never have reached the exchange. The exchange cancels those it has and answers the others
     * as unknown, which ends them (see {@link #onCancelReject}).
     *
     * @param canceller sends each cancel.
     * @return cancels requested.
     */
    public int cancelUnacknowledged(final CancelSender canceller)
    {
        int requested = 0;
        for (int p = 0; p < openPrograms; p++)
        {
            final ProgramOrder program = programs[p];
            for (int i = 0; i < program.legCount; i++)
            {
                final ChildOrder order = program.leg(i);
                if (order.state == OrderState.PENDING_NEW)
                {
                    final long cancelId = requestCancel(order);
                    if (cancelId != 0)
                    {
                        canceller.sendCancel(cancelId, order);
                        requested++;
                    }
                }
            }
        }
        return requested;
    }

    /**
     * Ask the exchange about every order still working, acknowledged or not: after the engine restarts, their last
     * reports may have gone to the run that died (the gateway delivered them to a subscription that was about to
     * close), and the gateway does not ask about orders it saw end.
     *
     * @param port sends each request.
     * @return requests sent.
     */
    public int requestStatusOfWorking(final OrderPort port)
    {
        int requested = 0;
        for (int p = 0; p < openPrograms; p++)
        {
            final ProgramOrder program = programs[p];
            for (int i = 0; i < program.legCount; i++)
            {
                final ChildOrder order = program.leg(i);
                if (!order.state.isTerminal() && port.sendStatusRequest(order) >= 0)
                {
                    requested++;
                }
            }
        }
        return requested;
    }

    /**
     * Sends a cancel the tracker requested.
     */
    @FunctionalInterface
    public interface CancelSender
    {
        /**
         * @param cancelId fresh id of the cancel.
         * @param order    the order to cancel.
         */
        void sendCancel(long cancelId, ChildOrder order);
    }

    /**
     * Mark a working leg as cancel-pending and give it a fresh cancel id.
     *
     * @param order the order.
     * @return the cancel id, or 0 if the order is terminal or a cancel is already pending.
     */
    public long requestCancel(final ChildOrder order)
    {
        if (order.state.isTerminal() || order.state == OrderState.PENDING_CANCEL)
        {
            return 0;
        }
        order.state = OrderState.PENDING_CANCEL;
        order.lastCancelId = ids.next();
        return order.lastCancelId;
    }

    private static OrderState stateOf(final OrdStatus ordStatus, final OrderState current)
    {
        switch (ordStatus)
        {
            case NEW:
                return current == OrderState.PENDING_CANCEL ? current : OrderState.NEW;
            case PARTIALLY_FILLED:
                return current == OrderState.PENDING_CANCEL ? current : OrderState.PARTIALLY_FILLED;
            case FILLED:
                return OrderState.FILLED;
            case CANCELED:
                return OrderState.CANCELED;
            case PENDING_CANCEL:
                return OrderState.PENDING_CANCEL;
            case REJECTED:
                return OrderState.REJECTED;
            case EXPIRED:
                return OrderState.EXPIRED;
            default:
                return current;
        }
    }

    private static void updateLegging(final ProgramOrder program, final long nowNs)
    {
        if (program.basketTargetValue == 0 || program.hedgeTarget == 0)
        {
            return;
        }
        final boolean legged = Math.abs(program.basketFilledFraction() - program.hedgeFilledFraction()) >= 0.005;
        if (!legged)
        {
            program.leggedSinceNs = 0;
        }
        else if (program.leggedSinceNs == 0)
        {
            program.leggedSinceNs = nowNs;
        }
    }

    private void terminate(final ChildOrder order, final OrderState state)
    {
        order.state = state;
        workingOrders--;
        boolean replaced = false;
        if (order.repricePending)
        {
            order.repricePending = false;
            if (state == OrderState.CANCELED && order.cumQty < order.quantity && !order.program.cancelRequested)
            {
                // The replacement joins the program before the program can count as complete.
                final int legsBefore = order.program.legCount;
                repriceListener.onRepriceReady(order);
                replaced = order.program.legCount > legsBefore;
            }
        }
        final long unfilled = order.quantity - order.cumQty;
        if (unfilled > 0 && !replaced)
        {
            if (order.hedge)
            {
                order.program.hedgeLost += unfilled;
            }
            else
            {
                order.program.basketLostValue += unfilled * order.valuePrice;
            }
        }
        if (order.prevWorking != null)
        {
            order.prevWorking.nextWorking = order.nextWorking;
        }
        else
        {
            workingByInstrument[order.instrumentId] = order.nextWorking;
        }
        if (order.nextWorking != null)
        {
            order.nextWorking.prevWorking = order.prevWorking;
        }
        order.prevWorking = null;
        order.nextWorking = null;
        final ProgramOrder program = order.program;
        program.terminalLegs++;
        if (program.isComplete())
        {
            completeProgram(program);
        }
    }

    /**
     * @param listener told of every program whose legs have all ended, before it is recycled.
     */
    public void programListener(final ProgramListener listener)
    {
        this.listener = listener;
    }

    /**
     * Complete a program that was opened but sent no leg.
     *
     * @param program the program.
     */
    public void completeEmpty(final ProgramOrder program)
    {
        if (program.legCount() == 0)
        {
            completeProgram(program);
        }
    }

    /**
     * @param repriceListener told when a leg cancelled for repricing has ended, to send its replacement.
     */
    public void repriceListener(final RepriceListener repriceListener)
    {
        this.repriceListener = repriceListener;
    }

    /**
     * Cancel a working leg so that its unfilled rest can be sent again at a new price once the cancel is
     * confirmed (never before: both could fill).
     *
     * @param order the leg.
     * @return the cancel id, or 0 if the order is terminal or a cancel is already pending.
     */
    public long requestReprice(final ChildOrder order)
    {
        final long cancelId = requestCancel(order);
        if (cancelId != 0)
        {
            order.repricePending = true;
            order.program.repriced = true;
        }
        return cancelId;
    }

    /**
     * Mark a program's working legs as being cancelled, so that timers do not ask again.
     *
     * @param program the program.
     */
    public void markCancelRequested(final ProgramOrder program)
    {
        program.cancelRequested = true;
    }

    private void completeProgram(final ProgramOrder program)
    {
        listener.onProgramComplete(program);
        for (int i = 0; i < program.legCount; i++)
        {
            ordersById.remove(program.leg(i).orderId);
        }
        if (program.kind() != ProgramKind.RECOVERED)
        {
            programsCompleted++;
        }
        // Keep open programs packed at the front of the pool so that iteration and slot search stay trivial.
        for (int i = 0; i < openPrograms; i++)
        {
            if (programs[i] == program)
            {
                programs[i] = programs[openPrograms - 1];
                programs[openPrograms - 1] = program;
                openPrograms--;
                break;
            }
        }
    }

    /**
     * @return programs currently open (some leg not terminal).
     */
    public int openProgramCount()
    {
        return openPrograms;
    }

    /**
     * @param index 0 .. {@link #openProgramCount()} - 1.
     * @return an open program.
     */
    public ProgramOrder openProgram(final int index)
    {
        return programs[index];
    }

    /**
     * @return programs opened since start.
     */
    public long programsOpened()
    {
        return programsOpened;
    }

    /**
     * @return programs whose every leg reached a terminal state.
     */
    public long programsCompleted()
    {
        return programsCompleted;
    }

    /**
     * @return child orders created since start.
     */
    public long childOrdersSent()
    {
        return childOrdersSent;
    }

    /**
     * @return child orders not yet terminal.
     */
    public long workingOrders()
    {
        return workingOrders;
    }

    /**
     * @return child orders rejected.
     */
    public long rejects()
    {
        return rejects;
    }

    /**
     * @return reports that repeated an already booked state or fill.
     */
    public long duplicateReports()
    {
        return duplicateReports;
    }

    /**
     * @return fills booked from an order status report because their own reports never arrived.
     */
    public long recoveredFills()
    {
        return recoveredFills;
    }

    /**
     * @return orders of an earlier engine run taken over by {@link #adopt}.
     */
    public long adoptedOrders()
    {
        return adoptedOrders;
    }

    /**
     * @return orders ended {@link OrderState#UNRESOLVED}.
     */
    public long unresolvedOrders()
    {
        return unresolvedOrders;
    }

    /**
     * @return reports for orders the tracker does not know.
     */
    public long unknownReports()
    {
        return unknownReports;
    }

    /**
     * @return fills whose LastQty disagreed with the change in CumQty.
     */
    public long fillMismatches()
    {
        return fillMismatches;
    }

    /**
     * Write the book-keeping to a snapshot: a {@code TrackerState} (counters, ids, adopted orders, the order in
     * which working orders are walked), then one {@code OpenProgramState} per open program, in slot order.
     *
     * @param writer         the snapshot.
     * @param trackerState   reused encoder.
     * @param openProgram    reused encoder.
     */
    public void snapshotTo(
        final SnapshotWriter writer, final TrackerStateEncoder trackerState, final OpenProgramStateEncoder openProgram)
    {
        writer.begin(trackerState)
            .openPrograms(openPrograms)
            .firstId(ids.first())
            .nextId(ids.peekNext())
            .unknownFromId(ids.unknownFrom())
            .recoveredProgramId(recoveredProgramId)
            .programsOpened(programsOpened)
            .programsCompleted(programsCompleted)
            .childOrdersSent(childOrdersSent)
            .workingOrders(workingOrders)
            .rejects(rejects)
            .duplicateReports(duplicateReports)
            .unknownReports(unknownReports)
            .fillMismatches(fillMismatches)
            .recoveredFills(recoveredFills)
            .adoptedOrders(adoptedOrders)
            .unresolvedOrders(unresolvedOrders);
        // Sorted, so that two engines in the same state write the same bytes whatever their hash sets' history.
        final long[] adoptedIds = new long[adopted.size()];
        final LongHashSet.LongIterator iterator = adopted.iterator();
        for (int i = 0; i < adoptedIds.length; i++)
        {
            adoptedIds[i] = iterator.nextValue();
        }
        java.util.Arrays.sort(adoptedIds);
        final TrackerStateEncoder.AdoptedEncoder adoptedRows = trackerState.adoptedCount(adoptedIds.length);
        for (final long orderId : adoptedIds)
        {
            adoptedRows.next().orderId(orderId);
        }
        int working = 0;
        for (final ChildOrder head : workingByInstrument)
        {
            for (ChildOrder order = head; order != null; order = order.nextWorking)
            {
                working++;
            }
        }
        final TrackerStateEncoder.WorkingEncoder workingRows = trackerState.workingCount(working);
        for (final ChildOrder head : workingByInstrument)
        {
            for (ChildOrder order = head; order != null; order = order.nextWorking)
            {
                workingRows.next().orderId(order.orderId);
            }
        }
        for (int p = 0; p < openPrograms; p++)
        {
            final ProgramOrder program = programs[p];
            final OpenProgramStateEncoder.LegsEncoder legs = writer.begin(openProgram)
                .programId(program.programId)
                .direction((byte)program.direction.ordinal())
                .kind((byte)program.kind.ordinal())
                .startNs(program.startNs)
                .terminalLegs(program.terminalLegs)
                .cancelRequested((short)(program.cancelRequested ? 1 : 0))
                .repriced((short)(program.repriced ? 1 : 0))
                .basketTargetValue(program.basketTargetValue)
                .basketFilledValue(program.basketFilledValue)
                .hedgeTarget(program.hedgeTarget)
                .hedgeFilled(program.hedgeFilled)
                .leggedSinceNs(program.leggedSinceNs)
                .cashFlow(program.cashFlow)
                .costs(program.costs)
                .basketLostValue(program.basketLostValue)
                .hedgeLost(program.hedgeLost)
                .legsCount(program.legCount);
            for (int i = 0; i < program.legCount; i++)
            {
                final ChildOrder leg = program.leg(i);
                legs.next()
                    .orderId(leg.orderId)
                    .instrumentId(leg.instrumentId)
                    .side((byte)leg.side.ordinal())
                    .state((byte)leg.state.ordinal())
                    .quantity(leg.quantity)
                    .price(leg.price)
                    .valuePrice(leg.valuePrice)
                    .cumQty(leg.cumQty)
                    .filledValue(leg.filledValue)
                    .lastCancelId(leg.lastCancelId)
                    .hedge((short)(leg.hedge ? 1 : 0))
                    .repricePending((short)(leg.repricePending ? 1 : 0))
                    .acknowledged((short)(leg.acknowledged ? 1 : 0));
            }
        }
    }

    /**
     * Load the book-keeping from a snapshot written by {@link #snapshotTo}, into a tracker that has opened nothing.
     *
     * @param reader       the snapshot.
     * @param trackerState reused decoder.
     * @param openProgram  reused decoder.
     */
    public void restoreFrom(
        final SnapshotReader reader, final TrackerStateDecoder trackerState, final OpenProgramStateDecoder openProgram)
    {
        reader.next(trackerState);
        if (trackerState.openPrograms() < 0 || trackerState.openPrograms() > programs.length)
        {
            throw new SnapshotException(trackerState.openPrograms() + " open programs, the engine allows " +
                programs.length + " (--max-open-programs)");
        }
        ids.restore(trackerState.firstId(), trackerState.nextId(), trackerState.unknownFromId());
        recoveredProgramId = trackerState.recoveredProgramId();
        programsOpened = trackerState.programsOpened();
        programsCompleted = trackerState.programsCompleted();
        childOrdersSent = trackerState.childOrdersSent();
        workingOrders = trackerState.workingOrders();
        rejects = trackerState.rejects();
        duplicateReports = trackerState.duplicateReports();
        unknownReports = trackerState.unknownReports();
        fillMismatches = trackerState.fillMismatches();
        recoveredFills = trackerState.recoveredFills();
        adoptedOrders = trackerState.adoptedOrders();
        unresolvedOrders = trackerState.unresolvedOrders();
        adopted.clear();
        for (final TrackerStateDecoder.AdoptedDecoder row : trackerState.adopted())
        {
            adopted.add(row.orderId());
        }
        final TrackerStateDecoder.WorkingDecoder workingRows = trackerState.working();
        final long[] working = new long[workingRows.count()];
        for (int i = 0; i < working.length; i++)
        {
            working[i] = workingRows.next().orderId();
        }
        ordersById.clear();
        java.util.Arrays.fill(workingByInstrument, null);
        recovered = null;
        openPrograms = trackerState.openPrograms();
        for (int p = 0; p < openPrograms; p++)
        {
            restoreProgram(programs[p], reader.next(openProgram));
        }
        final ChildOrder[] tails = new ChildOrder[workingByInstrument.length];
        for (final long orderId : working)
        {
            final ChildOrder order = ordersById.get(orderId);
            if (order == null || order.state.isTerminal())
            {
                throw new SnapshotException("working order " + orderId + " is not a working leg of an open program");
            }
            final ChildOrder tail = tails[order.instrumentId];
            if (tail == null)
            {
                workingByInstrument[order.instrumentId] = order;
            }
            else
            {
                tail.nextWorking = order;
                order.prevWorking = tail;
            }
            tails[order.instrumentId] = order;
        }
    }

    private void restoreProgram(final ProgramOrder program, final OpenProgramStateDecoder state)
    {
        program.init(state.programId(), ProgramDirection.values()[state.direction()],
            ProgramKind.values()[state.kind()], state.startNs());
        program.terminalLegs = state.terminalLegs();
        program.cancelRequested = state.cancelRequested() == 1;
        program.repriced = state.repriced() == 1;
        program.basketTargetValue = state.basketTargetValue();
        program.basketFilledValue = state.basketFilledValue();
        program.hedgeTarget = state.hedgeTarget();
        program.hedgeFilled = state.hedgeFilled();
        program.leggedSinceNs = state.leggedSinceNs();
        program.cashFlow = state.cashFlow();
        program.costs = state.costs();
        program.basketLostValue = state.basketLostValue();
        program.hedgeLost = state.hedgeLost();
        final OpenProgramStateDecoder.LegsDecoder legs = state.legs();
        if (legs.count() > program.capacity())
        {
            throw new SnapshotException("program " + program.programId + " has " + legs.count() +
                " legs, the engine allows " + program.capacity());
        }
        for (final OpenProgramStateDecoder.LegsDecoder row : legs)
        {
            final ChildOrder leg = program.nextLeg();
            leg.init(row.orderId(), program, row.instrumentId(), Side.values()[row.side()], row.quantity(),
                row.price());
            leg.state = OrderState.values()[row.state()];
            leg.valuePrice = row.valuePrice();
            leg.cumQty = row.cumQty();
            leg.filledValue = row.filledValue();
            leg.lastCancelId = row.lastCancelId();
            leg.hedge = row.hedge() == 1;
            leg.repricePending = row.repricePending() == 1;
            leg.acknowledged = row.acknowledged() == 1;
            ordersById.put(leg.orderId, leg);
        }
        if (program.kind == ProgramKind.RECOVERED && program.programId == recoveredProgramId)
        {
            recovered = program;
        }
    }
}
