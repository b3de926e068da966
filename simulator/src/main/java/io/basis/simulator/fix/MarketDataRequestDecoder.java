package io.basis.simulator.fix;

import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a MarketDataRequest (V).
 */
final class MarketDataRequestDecoder
{
    /** SubscriptionRequestType(263) 0: snapshot only. */
    static final char SNAPSHOT = '0';
    /** SubscriptionRequestType(263) 1: snapshot plus updates. */
    static final char SUBSCRIBE = '1';
    /** SubscriptionRequestType(263) 2: stop updates. */
    static final char UNSUBSCRIBE = '2';

    private MarketDataRequestDecoder()
    {
    }

    /**
     * A decoded request.
     *
     * @param mdReqId          MDReqID(262).
     * @param subscriptionType SubscriptionRequestType(263).
     * @param symbols          Symbol(55) of each NoRelatedSym entry, in order.
     * @param depth            MarketDepth(264): 0 full book, 1 top of book, N levels.
     */
    record Request(String mdReqId, char subscriptionType, List<String> symbols, int depth)
    {
    }

    static Request decode(final Message message) throws FieldNotFound
    {
        final List<String> symbols = new ArrayList<>();
        for (final Group group : message.getGroups(FixTags.NO_RELATED_SYM))
        {
            symbols.add(group.getString(FixTags.SYMBOL));
        }
        return new Request(
            message.getString(FixTags.MD_REQ_ID), message.getChar(FixTags.SUBSCRIPTION_REQUEST_TYPE), symbols,
            message.isSetField(FixTags.MARKET_DEPTH) ? Math.max(0, message.getInt(FixTags.MARKET_DEPTH)) : 0);
    }
}
