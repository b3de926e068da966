package io.basis.simulator.fix;

import io.basis.simulator.matching.CancelRejectReason;
import io.basis.simulator.matching.CancelRequest;
import io.basis.simulator.matching.ExecutionListener;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.OrderType;
import io.basis.simulator.matching.RejectReason;
import io.basis.simulator.matching.ReplaceRequest;
import io.basis.simulator.price.FixedPoint;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderCancelReject;
import quickfix.fix44.OrderMassCancelReport;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Renders engine events on client orders as ExecutionReport (8) and OrderCancelReject (9), exactly as
 * docs/fix-dialect.md describes, and sends them to the session that owns the order. Orders without a FIX session
 * (internal liquidity) produce no reports.
 */
public final class OrderEntryReports implements ExecutionListener
{
    private static final char EXEC_TYPE_NEW = '0';
    private static final char EXEC_TYPE_CANCELED = '4';
    private static final char EXEC_TYPE_REPLACED = '5';
    private static final char EXEC_TYPE_ORDER_STATUS = 'I';
    private static final char EXEC_TYPE_REJECTED = '8';
    private static final char EXEC_TYPE_TRADE = 'F';
    private static final char ORD_STATUS_REJECTED = '8';

    private final MessageSender sender;

    /**
     * @param sender sends to a session.
     */
    public OrderEntryReports(final MessageSender sender)
    {
        this.sender = sender;
    }

    @Override
    public void onRejected(
        final OrderRequest request, final long orderId, final long execId, final RejectReason reason, final String text)
    {
        if (!(request.owner() instanceof SessionID))
        {
            return;
        }
        final ExecutionReport report = new ExecutionReport();
        report.setString(FixTags.ORDER_ID, Long.toString(orderId));
        report.setString(FixTags.EXEC_ID, Long.toString(execId));
        report.setString(FixTags.CL_ORD_ID, request.clOrdId());
        report.setChar(FixTags.EXEC_TYPE, EXEC_TYPE_REJECTED);
        report.setChar(FixTags.ORD_STATUS, ORD_STATUS_REJECTED);
        report.setString(FixTags.ACCOUNT, request.account());
        report.setChar(FixTags.SIDE, request.side().fixCode());
        report.setString(FixTags.SYMBOL, request.symbol());
        report.setString(FixTags.ORDER_QTY, Long.toString(Math.max(request.quantity(), 0)));
        if (request.type() == OrderType.LIMIT)
        {
            report.setString(FixTags.PRICE, FixedPoint.format(request.price()));
        }
        report.setString(FixTags.LAST_QTY, "0");
        report.setString(FixTags.LAST_PX, "0");
        report.setString(FixTags.CUM_QTY, "0");
        report.setString(FixTags.LEAVES_QTY, "0");
        report.setString(FixTags.AVG_PX, "0");
        report.setInt(FixTags.ORD_REJ_REASON, reason.fixCode());
        report.setString(FixTags.TEXT, text);
        report.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        sender.send(report, (SessionID)request.owner());
    }

    @Override
    public void onAccepted(final Order order, final long execId)
    {
        if (order.owner() instanceof SessionID)
        {
            send(order, report(order, execId, EXEC_TYPE_NEW));
        }
    }

    @Override
    public void onFill(
        final Order order, final long quantity, final long price, final long execId, final boolean aggressor)
    {
        if (order.owner() instanceof SessionID)
        {
            final ExecutionReport report = report(order, execId, EXEC_TYPE_TRADE);
            report.setString(FixTags.LAST_QTY, Long.toString(quantity));
            report.setString(FixTags.LAST_PX, FixedPoint.format(price));
            send(order, report);
        }
    }

    @Override
    public void onCanceled(final Order order, final long execId, final String cancelClOrdId, final String reason)
    {
        if (order.owner() instanceof SessionID)
        {
            final ExecutionReport report = report(order, execId, EXEC_TYPE_CANCELED);
            if (cancelClOrdId != null)
            {
                report.setString(FixTags.CL_ORD_ID, cancelClOrdId);
                report.setString(FixTags.ORIG_CL_ORD_ID, order.clOrdId());
            }
            report.setString(FixTags.TEXT, reason);
            send(order, report);
        }
    }

    @Override
    public void onCancelRejected(final CancelRequest request, final Order order, final CancelRejectReason reason)
    {
        if (!(request.owner() instanceof SessionID))
        {
            return;
        }
        final OrderCancelReject reject = new OrderCancelReject();
        reject.setString(FixTags.ORDER_ID, order == null ? "NONE" : Long.toString(order.orderId()));
        reject.setString(FixTags.CL_ORD_ID, request.clOrdId());
        reject.setString(FixTags.ORIG_CL_ORD_ID, request.origClOrdId());
        reject.setChar(FixTags.ORD_STATUS, order == null ? ORD_STATUS_REJECTED : order.status().fixCode());
        reject.setChar(FixTags.CXL_REJ_RESPONSE_TO, '1');
        reject.setInt(FixTags.CXL_REJ_REASON, reason.fixCode());
        if (order != null)
        {
            reject.setString(FixTags.ACCOUNT, order.account());
        }
        reject.setString(FixTags.TEXT, reason == CancelRejectReason.UNKNOWN_ORDER ?
            "unknown order " + request.origClOrdId() :
            "too late to cancel: order " + request.origClOrdId() + " is " + order.status());
        sender.send(reject, (SessionID)request.owner());
    }

    @Override
    public void onReplaced(final Order order, final long execId, final String origClOrdId)
    {
        if (order.owner() instanceof SessionID)
        {
            final ExecutionReport report = report(order, execId, EXEC_TYPE_REPLACED);
            report.setString(FixTags.ORIG_CL_ORD_ID, origClOrdId);
            send(order, report);
        }
    }

    @Override
    public void onReplaceRejected(
        final ReplaceRequest request, final Order order, final CancelRejectReason reason, final String text)
    {
        if (!(request.owner() instanceof SessionID))
        {
            return;
        }
        final OrderCancelReject reject = new OrderCancelReject();
        reject.setString(FixTags.ORDER_ID, order == null ? "NONE" : Long.toString(order.orderId()));
        reject.setString(FixTags.CL_ORD_ID, request.clOrdId());
        reject.setString(FixTags.ORIG_CL_ORD_ID, request.origClOrdId());
        reject.setChar(FixTags.ORD_STATUS, order == null ? ORD_STATUS_REJECTED : order.status().fixCode());
        reject.setChar(FixTags.CXL_REJ_RESPONSE_TO, '2');
        reject.setInt(FixTags.CXL_REJ_REASON, reason.fixCode());
        if (order != null)
        {
            reject.setString(FixTags.ACCOUNT, order.account());
        }
        reject.setString(FixTags.TEXT, text);
        sender.send(reject, (SessionID)request.owner());
    }

    @Override
    public void onOrderStatus(final Object owner, final String clOrdId, final Order order, final long execId)
    {
        if (!(owner instanceof SessionID session))
        {
            return;
        }
        final ExecutionReport report;
        if (order == null)
        {
            report = new ExecutionReport();
            report.setString(FixTags.ORDER_ID, "NONE");
            report.setString(FixTags.EXEC_ID, Long.toString(execId));
            report.setString(FixTags.CL_ORD_ID, clOrdId);
            report.setChar(FixTags.EXEC_TYPE, EXEC_TYPE_ORDER_STATUS);
            report.setChar(FixTags.ORD_STATUS, ORD_STATUS_REJECTED);
            report.setInt(FixTags.ORD_REJ_REASON, 5);
            report.setString(FixTags.SYMBOL, "NONE");
            report.setChar(FixTags.SIDE, '1');
            report.setString(FixTags.LEAVES_QTY, "0");
            report.setString(FixTags.CUM_QTY, "0");
            report.setString(FixTags.AVG_PX, "0");
            report.setString(FixTags.TEXT, "unknown order " + clOrdId);
        }
        else
        {
            report = report(order, execId, EXEC_TYPE_ORDER_STATUS);
        }
        sender.send(report, session);
    }

    @Override
    public void onMassCanceled(final Object owner, final String clOrdId, final String symbol, final int canceled)
    {
        if (!(owner instanceof SessionID session))
        {
            return;
        }
        final OrderMassCancelReport report = new OrderMassCancelReport();
        report.setString(FixTags.CL_ORD_ID, clOrdId);
        report.setString(FixTags.ORDER_ID, clOrdId);
        final char type = symbol == null ? '7' : '1';
        report.setChar(FixTags.MASS_CANCEL_REQUEST_TYPE, type);
        // The response echoes the scope: 1 orders for a security, 7 all orders.
        report.setChar(FixTags.MASS_CANCEL_RESPONSE, type);
        report.setInt(FixTags.TOTAL_AFFECTED_ORDERS, canceled);
        if (symbol != null)
        {
            report.setString(FixTags.SYMBOL, symbol);
        }
        sender.send(report, session);
    }

    private void send(final Order order, final Message report)
    {
        sender.send(report, (SessionID)order.owner());
    }

    private static ExecutionReport report(final Order order, final long execId, final char execType)
    {
        final ExecutionReport report = new ExecutionReport();
        report.setString(FixTags.ORDER_ID, Long.toString(order.orderId()));
        report.setString(FixTags.EXEC_ID, Long.toString(execId));
        report.setString(FixTags.CL_ORD_ID, order.clOrdId());
        report.setChar(FixTags.EXEC_TYPE, execType);
        report.setChar(FixTags.ORD_STATUS, order.status().fixCode());
        report.setString(FixTags.ACCOUNT, order.account());
        report.setChar(FixTags.SIDE, order.side().fixCode());
        report.setString(FixTags.SYMBOL, order.instrument().symbol());
        report.setString(FixTags.ORDER_QTY, Long.toString(order.quantity()));
        report.setChar(FixTags.ORD_TYPE, order.type().fixCode());
        report.setChar(FixTags.TIME_IN_FORCE, order.timeInForce().fixCode());
        if (order.listId() != null)
        {
            report.setString(FixTags.LIST_ID, order.listId());
        }
        if (order.type() == OrderType.LIMIT)
        {
            report.setString(FixTags.PRICE, FixedPoint.format(order.price()));
        }
        report.setString(FixTags.LAST_QTY, "0");
        report.setString(FixTags.LAST_PX, "0");
        report.setString(FixTags.CUM_QTY, Long.toString(order.cumQuantity()));
        report.setString(FixTags.LEAVES_QTY, Long.toString(order.leavesQuantity()));
        report.setString(FixTags.AVG_PX, FixedPoint.format(order.averagePrice()));
        report.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        return report;
    }
}
