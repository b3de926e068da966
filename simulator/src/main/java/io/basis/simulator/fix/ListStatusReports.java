package io.basis.simulator.fix;

import io.basis.simulator.matching.Order;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.program.ListOrderStatus;
import io.basis.simulator.program.ListStatusSink;
import io.basis.simulator.program.ProgramList;
import quickfix.Group;
import quickfix.SessionID;
import quickfix.field.TransactTime;
import quickfix.fix44.ListStatus;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Renders program state as ListStatus (N): ListID, ListStatusType, ListOrderStatus, TotNoOrders, ListStatusText
 * and one NoOrders entry per leg (ClOrdID, CumQty, OrdStatus, LeavesQty, CxlQty, AvgPx; OrdRejReason and Text
 * for rejected legs). Runs on the exchange thread.
 */
public final class ListStatusReports implements ListStatusSink
{
    private static final char ORD_STATUS_PENDING_NEW = 'A';
    private static final char ORD_STATUS_REJECTED = '8';

    private final MessageSender sender;

    /**
     * @param sender sends to a session.
     */
    public ListStatusReports(final MessageSender sender)
    {
        this.sender = sender;
    }

    @Override
    public void onListStatus(final ProgramList list, final int listStatusType, final String text)
    {
        if (!(list.owner() instanceof SessionID session))
        {
            return;
        }
        final ListStatus message = header(list.listId(), listStatusType, list.status().fixCode(),
            list.legs().size(), text);
        for (final ProgramList.Leg leg : list.legs())
        {
            final Group entry = new ListStatus.NoOrders();
            entry.setString(FixTags.CL_ORD_ID, leg.request().clOrdId());
            final Order order = leg.order();
            if (order == null)
            {
                final boolean rejected = leg.rejectText() != null;
                entry.setString(FixTags.CUM_QTY, "0");
                entry.setChar(FixTags.ORD_STATUS, rejected ? ORD_STATUS_REJECTED : ORD_STATUS_PENDING_NEW);
                entry.setString(FixTags.LEAVES_QTY, "0");
                entry.setString(FixTags.CXL_QTY, "0");
                entry.setString(FixTags.AVG_PX, "0");
                if (rejected)
                {
                    entry.setInt(FixTags.ORD_REJ_REASON, leg.rejectCode());
                    entry.setString(FixTags.TEXT, leg.rejectText());
                }
            }
            else
            {
                entry.setString(FixTags.CUM_QTY, Long.toString(order.cumQuantity()));
                entry.setChar(FixTags.ORD_STATUS, order.status().fixCode());
                entry.setString(FixTags.LEAVES_QTY, Long.toString(order.leavesQuantity()));
                entry.setString(FixTags.CXL_QTY, Long.toString(order.status().isLive() ? 0 :
                    order.quantity() - order.cumQuantity()));
                entry.setString(FixTags.AVG_PX, FixedPoint.format(order.averagePrice()));
            }
            message.addGroup(entry);
        }
        sender.send(message, session);
    }

    @Override
    public void onListReject(final Object owner, final String listId, final String text)
    {
        if (owner instanceof SessionID session)
        {
            final ListStatus message = header(listId, RESPONSE, ListOrderStatus.REJECT.fixCode(), 0, text);
            message.setInt(FixTags.NO_ORDERS, 0);
            sender.send(message, session);
        }
    }

    private static ListStatus header(
        final String listId, final int listStatusType, final int listOrderStatus, final int totNoOrders,
        final String text)
    {
        final ListStatus message = new ListStatus();
        message.setString(FixTags.LIST_ID, listId);
        message.setInt(FixTags.LIST_STATUS_TYPE, listStatusType);
        message.setInt(FixTags.NO_RPTS, 1);
        message.setInt(FixTags.LIST_ORDER_STATUS, listOrderStatus);
        message.setInt(FixTags.RPT_SEQ, 1);
        message.setString(FixTags.LIST_STATUS_TEXT, text);
        message.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        message.setInt(FixTags.TOT_NO_ORDERS, totNoOrders);
        return message;
    }
}
