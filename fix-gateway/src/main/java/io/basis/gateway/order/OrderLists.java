package io.basis.gateway.order;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.FixSession;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.RejectReason;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.NanoClock;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.BidType;
import quickfix.field.ListExecInstType;
import quickfix.field.ListID;
import quickfix.field.ListSeqNo;
import quickfix.field.MsgType;
import quickfix.field.ProgRptReqs;
import quickfix.field.TotNoOrders;

/**
 * List mode ({@link Dialect.OrderMode#LIST}): the listed legs of a program (SBE {@code NewOrder} with
 * {@code listSeqNo} 1..{@code listSize}) are held until all {@code listSize} of them have arrived, then leave as
 * ONE NewOrderList (E): ListID (66) = the program id, BidType (394) = 3 (no bidding process), ProgRptReqs (414) =
 * 3 (real-time execution reports: the engine tracks each leg by its own reports), ListExecInstType (433) from the
 * dialect, TotNoOrders (68) and one NoOrders (73) entry per leg in ListSeqNo order. Each entry carries exactly
 * the fields the leg's NewOrderSingle would have carried (built by {@link OrderTranslator#newOrderSingle}, so the
 * dialect's account tag, short-sale marking, program flag, ExDestination and constant tags apply unchanged) plus
 * ListSeqNo (67). ClOrdID stays the engine order id, so execution reports of the legs need no translation.
 * <p>
 * A list is never sent partially. If its missing legs have not arrived within {@code list.assemblyTimeoutMs}
 * (measured from its first leg, and only checked while nothing from the engine is waiting unread, see
 * {@link #expire()}), the held legs are rejected back to the engine ({@code OrderReject} INVALID_MESSAGE) with
 * {@link Alarm#LIST_INCOMPLETE}; legs of that list that still arrive within another timeout are rejected at once.
 * A list that contradicts itself (a repeated ListSeqNo, a different listSize) is rejected the same way.
 * <p>
 * Sent lists are registered in {@link #sent()}, where the {@link ListStatusTranslator} finds the legs of a list
 * the exchange refuses. Gateway agent thread only.
 */
public final class OrderLists
{
    private final FixSession orderEntry;
    private final SbeSink sink;
    private final Alarms alarms;
    private final Dialect dialect;
    private final boolean fix42;
    private final OrderJournal journal;
    private final NanoClock clock;
    private final long assemblyTimeoutNs;
    private final SentLists sent = new SentLists();
    private final List<PendingList> pending = new ArrayList<>();
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(64);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final OrderRejectEncoder orderRejectEncoder = new OrderRejectEncoder();

    /**
     * @param orderEntry  the order-entry session.
     * @param sink        receives the rejects of legs that cannot be sent.
     * @param alarms      for incomplete lists and refused sends.
     * @param dialect     the order-entry session's dialect (list keys, ListExecInstType).
     * @param beginString the order-entry session's BeginString: the NoOrders field order follows its dictionary.
     * @param journal     where a leg rejected here is recorded done (it was recorded new before it was held).
     * @param clock       host monotonic clock for the assembly timeout.
     */
    public OrderLists(
        final FixSession orderEntry,
        final SbeSink sink,
        final Alarms alarms,
        final Dialect dialect,
        final String beginString,
        final OrderJournal journal,
        final NanoClock clock)
    {
        this.orderEntry = orderEntry;
        this.sink = sink;
        this.alarms = alarms;
        this.dialect = dialect;
        this.fix42 = "FIX.4.2".equals(beginString);
        this.journal = journal;
        this.clock = clock;
        this.assemblyTimeoutNs = TimeUnit.MILLISECONDS.toNanos(dialect.listAssemblyTimeoutMs());
    }

    /**
     * Take one listed leg. The leg's NewOrderSingle was built and journaled by the {@link OrderTranslator}; its
     * fields become the leg's NoOrders entry. When this leg completes its list, the NewOrderList is sent.
     *
     * @param order          the SBE order, {@code listSeqNo} &gt; 0.
     * @param newOrderSingle the NewOrderSingle the order would have been sent as.
     * @return true if this leg completed its list and the NewOrderList was handed to the session; false if the
     * leg is held for the rest of its list, or was rejected to the engine.
     */
    public boolean onLeg(final NewOrderDecoder order, final Message newOrderSingle)
    {
        final long orderId = order.orderId();
        final int instrumentId = order.instrumentId();
        final long programId = order.programId();
        final int seqNo = order.listSeqNo();
        final int size = order.listSize();
        PendingList list = find(programId);
        if (list != null && list.failed)
        {
            // Its list was given up already: a leg cannot be sent on its own.
            reject(orderId, instrumentId, RejectReason.INVALID_MESSAGE);
            if (++list.accounted >= list.size)
            {
                pending.remove(list);
            }
            return false;
        }
        if (programId <= 0 || seqNo < 1 || seqNo > size || list != null && (size != list.size || list.has(seqNo)))
        {
            alarms.raise(Alarm.BAD_ENGINE_MESSAGE, "NewOrder " + orderId + ": listSeqNo " + seqNo + " of " + size +
                " in program " + programId + (list == null ? "" : " (list of " + list.size + ")"));
            reject(orderId, instrumentId, RejectReason.INVALID_MESSAGE);
            if (list != null)
            {
                giveUp(list);
                list.accounted++;
            }
            return false;
        }
        if (list == null)
        {
            list = new PendingList(programId, size, clock.nanoTime());
            pending.add(list);
        }
        list.add(seqNo, orderId, instrumentId, leg(newOrderSingle, seqNo, fix42));
        if (list.received < list.size)
        {
            return false;
        }
        pending.remove(list);
        return send(list);
    }

    /**
     * Give up the lists whose missing legs have not come within the assembly timeout, and forget given-up lists
     * whose late legs are no longer expected. Call only when everything the engine published so far has been
     * read: a leg still waiting unread in the stream must not fail its list because the gateway was descheduled.
     *
     * @return lists given up or forgotten.
     */
    public int expire()
    {
        if (pending.isEmpty())
        {
            return 0;
        }
        final long nowNs = clock.nanoTime();
        int work = 0;
        for (int i = pending.size() - 1; i >= 0; i--)
        {
            final PendingList list = pending.get(i);
            if (nowNs - list.sinceNs < assemblyTimeoutNs)
            {
                continue;
            }
            if (list.failed)
            {
                pending.remove(i);
            }
            else
            {
                alarms.raise(Alarm.LIST_INCOMPLETE, "program " + list.programId + ": " + list.received + " of " +
                    list.size + " legs after " + dialect.listAssemblyTimeoutMs() + " ms");
                giveUp(list);
                list.sinceNs = nowNs;
            }
            work++;
        }
        return work;
    }

    /**
     * @return lists collecting legs (or given up and still absorbing late legs).
     */
    public int pendingCount()
    {
        return pending.size();
    }

    /**
     * @return the lists sent and not yet answered, shared with the {@link ListStatusTranslator}.
     */
    public SentLists sent()
    {
        return sent;
    }

    /**
     * Build a NewOrderList (E).
     *
     * @param listId  ListID (66).
     * @param legs    NoOrders entries in ListSeqNo order.
     * @param dialect for ListExecInstType (433).
     * @return the FIX message, header left to the session.
     */
    public static Message newOrderList(final String listId, final Group[] legs, final Dialect dialect)
    {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.ORDER_LIST);
        message.setString(ListID.FIELD, listId);
        message.setInt(BidType.FIELD, BidType.NO_BIDDING_PROCESS);
        message.setInt(ProgRptReqs.FIELD, ProgRptReqs.REAL_TIME_EXECUTION_REPORTS);
        if (dialect.listExecInst() != 0)
        {
            message.setChar(ListExecInstType.FIELD, dialect.listExecInst());
        }
        message.setInt(TotNoOrders.FIELD, legs.length);
        for (final Group leg : legs)
        {
            message.addGroup(leg);
        }
        return message;
    }

    /**
     * Build one NoOrders entry of a NewOrderList (E) from a leg's NewOrderSingle fields.
     *
     * @param newOrderSingle the leg as a NewOrderSingle would carry it.
     * @param seqNo          ListSeqNo (67).
     * @param fix42          true on a FIX 4.2 session (its dictionary's field order), else FIX 4.4's.
     * @return the entry.
     */
    public static Group leg(final Message newOrderSingle, final int seqNo, final boolean fix42)
    {
        // The version's own NoOrders carries its dictionary's field order, which the receiving engine checks.
        final Group leg = fix42 ? new quickfix.fix42.NewOrderList.NoOrders() :
            new quickfix.fix44.NewOrderList.NoOrders();
        leg.setFields(newOrderSingle);
        leg.setInt(ListSeqNo.FIELD, seqNo);
        return leg;
    }

    private boolean send(final PendingList list)
    {
        final String listId = Long.toString(list.programId);
        final Message message = newOrderList(listId, list.legs, dialect);
        final SentLists.SentList sentList = new SentLists.SentList(listId, list.orderIds, list.instrumentIds);
        // Registered first: a list that cannot be sent is forgotten again; its answer is handled on this thread.
        sent.register(sentList);
        for (int i = 0; i < list.size; i++)
        {
            journal.release(list.orderIds[i]);
        }
        if (!orderEntry.send(message))
        {
            sent.forget(sentList);
            alarms.raise(Alarm.ORDER_NOT_SENT, "list " + listId + " on " + orderEntry);
            for (int i = 0; i < list.size; i++)
            {
                reject(list.orderIds[i], list.instrumentIds[i], RejectReason.SESSION_DOWN);
            }
            return false;
        }
        return true;
    }

    private void giveUp(final PendingList list)
    {
        for (int i = 0; i < list.size; i++)
        {
            if (list.legs[i] != null)
            {
                reject(list.orderIds[i], list.instrumentIds[i], RejectReason.INVALID_MESSAGE);
                list.legs[i] = null;
            }
        }
        list.failed = true;
        list.accounted = list.received;
    }

    private PendingList find(final long programId)
    {
        for (int i = 0, size = pending.size(); i < size; i++)
        {
            final PendingList list = pending.get(i);
            if (list.programId == programId)
            {
                return list;
            }
        }
        return null;
    }

    private void reject(final long orderId, final int instrumentId, final RejectReason reason)
    {
        // Journaled as new before it was held: it ends here.
        journal.recordDone(orderId);
        orderRejectEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId)
            .instrumentId(instrumentId)
            .reason(reason);
        sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + orderRejectEncoder.encodedLength(),
            SbeSink.Delivery.WAIT_FOR_ENGINE);
    }

    /** The legs of one program's list received so far, by ListSeqNo. */
    private static final class PendingList
    {
        final long programId;
        final int size;
        final Group[] legs;
        final long[] orderIds;
        final int[] instrumentIds;
        long sinceNs;
        int received;
        int accounted;
        boolean failed;

        PendingList(final long programId, final int size, final long sinceNs)
        {
            this.programId = programId;
            this.size = size;
            this.legs = new Group[size];
            this.orderIds = new long[size];
            this.instrumentIds = new int[size];
            this.sinceNs = sinceNs;
        }

        boolean has(final int seqNo)
        {
            return legs[seqNo - 1] != null;
        }

        void add(final int seqNo, final long orderId, final int instrumentId, final Group leg)
        {
            legs[seqNo - 1] = leg;
            orderIds[seqNo - 1] = orderId;
            instrumentIds[seqNo - 1] = instrumentId;
            received++;
        }
    }
}
