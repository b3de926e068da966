package io.basis.simulator.fix;

import io.basis.simulator.matching.CancelRequest;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.OrderType;
import io.basis.simulator.matching.RejectReason;
import io.basis.simulator.matching.ReplaceRequest;
import io.basis.simulator.matching.Side;
import io.basis.simulator.matching.TimeInForce;
import io.basis.simulator.price.FixedPoint;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.SessionID;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes order-entry messages into exchange requests. Values the exchange does not support but FIX allows
 * (say OrdType stop) become business rejects via {@link OrderRequest#decodeReject()}; values the session cannot
 * make sense of at all (an unsupported Side) raise {@link IncorrectTagValue} so QuickFIX/J answers with a session
 * Reject.
 */
final class OrderEntryDecoder
{
    private OrderEntryDecoder()
    {
    }

    /**
     * @param message   a NewOrderSingle.
     * @param sessionId      the session it came on.
     * @param defaultAccount account of an order without Account(1): the session's.
     * @return the request.
     */
    static OrderRequest newOrder(final FieldMap message, final SessionID sessionId, final String defaultAccount)
        throws FieldNotFound, IncorrectTagValue
    {
        final String account = message.isSetField(FixTags.ACCOUNT) ?
            message.getString(FixTags.ACCOUNT) : defaultAccount;
        final Side side = side(message);

        RejectReason reject = null;
        String rejectText = null;

        long quantity = 0;
        final String quantityText = message.getString(FixTags.ORDER_QTY);
        try
        {
            final long scaled = FixedPoint.parse(quantityText);
            if (scaled % FixedPoint.SCALE != 0)
            {
                reject = RejectReason.INCORRECT_QUANTITY;
                rejectText = "OrderQty must be a whole number: " + quantityText;
            }
            quantity = scaled / FixedPoint.SCALE;
        }
        catch (final NumberFormatException ex)
        {
            reject = RejectReason.INCORRECT_QUANTITY;
            rejectText = "OrderQty " + ex.getMessage();
        }

        final char typeCode = message.getChar(FixTags.ORD_TYPE);
        final OrderType type = OrderType.fromFixCode(typeCode);
        if (type == null && reject == null)
        {
            reject = RejectReason.OTHER;
            rejectText = "unsupported OrdType " + typeCode;
        }

        TimeInForce timeInForce = TimeInForce.DAY;
        if (message.isSetField(FixTags.TIME_IN_FORCE))
        {
            final char tifCode = message.getChar(FixTags.TIME_IN_FORCE);
            timeInForce = TimeInForce.fromFixCode(tifCode);
            if (timeInForce == null && reject == null)
            {
                reject = RejectReason.OTHER;
                rejectText = "unsupported TimeInForce " + tifCode;
            }
        }

        long price = 0;
        if (type == OrderType.LIMIT && reject == null)
        {
            if (!message.isSetField(FixTags.PRICE))
            {
                reject = RejectReason.OTHER;
                rejectText = "limit order without Price";
            }
            else
            {
                final String priceText = message.getString(FixTags.PRICE);
                try
                {
                    price = FixedPoint.parse(priceText);
                }
                catch (final NumberFormatException ex)
                {
                    reject = RejectReason.OTHER;
                    rejectText = "Price " + priceText + " not on tick grid: " + ex.getMessage();
                }
            }
        }

        return new OrderRequest(
            sessionId,
            account,
            message.getString(FixTags.CL_ORD_ID),
            message.getString(FixTags.SYMBOL),
            side,
            type,
            timeInForce,
            quantity,
            price,
            reject,
            rejectText,
            message.isSetField(FixTags.LIST_ID) ? message.getString(FixTags.LIST_ID) : null,
            restrictions(message),
            message.isSetField(FixTags.EXEC_INST) && message.getString(FixTags.EXEC_INST).contains("Q"));
    }

    /**
     * OrderRestrictions(529), or for FIX 4.2 clients the program codes of Rule80A(47) (D, J, M, U: program and
     * index-arbitrage capacities) as OrderRestrictions 2, so the sidecar sees them.
     */
    private static String restrictions(final FieldMap message) throws FieldNotFound
    {
        if (message.isSetField(FixTags.ORDER_RESTRICTIONS))
        {
            return message.getString(FixTags.ORDER_RESTRICTIONS);
        }
        if (message.isSetField(FixTags.RULE_80A))
        {
            return switch (message.getChar(FixTags.RULE_80A))
            {
                case 'D', 'J', 'M', 'U' -> "2";
                default -> null;
            };
        }
        return null;
    }

    /**
     * @param message   a NewOrderList.
     * @param sessionId      the session it came on.
     * @param defaultAccount account of an order without Account(1).
     * @return every order of the list, in ListSeqNo order as sent.
     */
    static List<OrderRequest> listOrders(final Message message, final SessionID sessionId, final String defaultAccount)
        throws FieldNotFound, IncorrectTagValue
    {
        final List<OrderRequest> legs = new ArrayList<>();
        for (final Group order : message.getGroups(FixTags.NO_ORDERS))
        {
            legs.add(newOrder(order, sessionId, defaultAccount));
        }
        return legs;
    }

    /**
     * @param message   an OrderCancelReplaceRequest.
     * @param sessionId the session it came on.
     * @return the request; a malformed OrderQty or Price becomes its decodeRejectText.
     */
    static ReplaceRequest replace(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        final Side side = message.isSetField(FixTags.SIDE) ? Side.fromFixCode(message.getChar(FixTags.SIDE)) : null;
        String problem = null;
        long quantity = 0;
        final String quantityText = message.getString(FixTags.ORDER_QTY);
        try
        {
            final long scaled = FixedPoint.parse(quantityText);
            if (scaled % FixedPoint.SCALE != 0)
            {
                problem = "OrderQty must be a whole number: " + quantityText;
            }
            quantity = scaled / FixedPoint.SCALE;
        }
        catch (final NumberFormatException ex)
        {
            problem = "OrderQty " + ex.getMessage();
        }
        long price = 0;
        if (message.isSetField(FixTags.PRICE))
        {
            final String priceText = message.getString(FixTags.PRICE);
            try
            {
                price = FixedPoint.parse(priceText);
            }
            catch (final NumberFormatException ex)
            {
                problem = problem != null ? problem : "Price " + priceText + " not on tick grid: " + ex.getMessage();
            }
        }
        else if (message.isSetField(FixTags.ORD_TYPE) && message.getChar(FixTags.ORD_TYPE) == '2')
        {
            problem = problem != null ? problem : "limit order without Price";
        }
        return new ReplaceRequest(
            sessionId,
            message.getString(FixTags.CL_ORD_ID),
            message.getString(FixTags.ORIG_CL_ORD_ID),
            message.isSetField(FixTags.SYMBOL) ? message.getString(FixTags.SYMBOL) : null,
            side,
            quantity,
            price,
            problem);
    }

    /**
     * @param message   an OrderCancelRequest.
     * @param sessionId the session it came on.
     * @return the request.
     */
    static CancelRequest cancel(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        final Side side = message.isSetField(FixTags.SIDE) ? Side.fromFixCode(message.getChar(FixTags.SIDE)) : null;
        return new CancelRequest(
            sessionId,
            message.getString(FixTags.CL_ORD_ID),
            message.getString(FixTags.ORIG_CL_ORD_ID),
            message.isSetField(FixTags.SYMBOL) ? message.getString(FixTags.SYMBOL) : null,
            side);
    }

    /**
     * @param message a NewOrderSingle.
     * @return TriggerNanos(21002), or {@link Long#MIN_VALUE} if absent or unparsable.
     */
    static long triggerNanos(final FieldMap message)
    {
        if (!message.isSetField(FixTags.TRIGGER_NANOS))
        {
            return Long.MIN_VALUE;
        }
        try
        {
            return Long.parseLong(message.getString(FixTags.TRIGGER_NANOS));
        }
        catch (final FieldNotFound | NumberFormatException ex)
        {
            return Long.MIN_VALUE;
        }
    }

    private static Side side(final FieldMap message) throws FieldNotFound, IncorrectTagValue
    {
        final char code = message.getChar(FixTags.SIDE);
        final Side side = Side.fromFixCode(code);
        if (side == null)
        {
            throw new IncorrectTagValue(FixTags.SIDE, String.valueOf(code));
        }
        return side;
    }
}
