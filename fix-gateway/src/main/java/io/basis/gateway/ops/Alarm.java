package io.basis.gateway.ops;

/**
 * Conditions the gateway survives but an operator must hear about. Each is counted; the first occurrence of each
 * is logged (see {@link Alarms}) so that a misbehaving counterparty cannot flood the log.
 */
public enum Alarm
{
    /** Market data or an execution report named a symbol the engine never defined. */
    UNKNOWN_SYMBOL("FIX message for a symbol the engine has not defined"),
    /** A W or X that could not be translated; it was dropped. */
    UNPARSABLE_MARKET_DATA("market data message could not be parsed and was dropped"),
    /** An 8, 9 or j that could not be translated; it was dropped. */
    UNPARSABLE_EXECUTION("order-entry message could not be parsed and was dropped"),
    /** A report names a ClOrdID this gateway never sent (nor carried over open); dropped, not forwarded. */
    UNKNOWN_CLORDID("report for a ClOrdID this gateway never sent; dropped"),
    /** ClOrdID or OrigClOrdID is not an engine order id in decimal; the message was dropped. */
    BAD_CLORDID("ClOrdID is not a decimal engine order id; message dropped"),
    /** The exchange refused a MarketDataRequest (Y). */
    MARKET_DATA_REQUEST_REJECTED("exchange rejected a market data request"),
    /** A business reject (j) the gateway cannot attribute to an order. */
    UNROUTABLE_BUSINESS_REJECT("business message reject that references no new order"),
    /** A session-level Reject (3) of nothing the gateway remembers sending (an admin message, or long ago). */
    SESSION_REJECT("exchange sent a session-level reject not attributable to an order"),
    /** The exchange refused a new order at session level (Reject 3): rejected to the engine. */
    ORDER_SESSION_REJECTED("exchange refused an order at session level (Reject 3); order rejected to the engine"),
    /** The exchange refused a cancel (Reject 3 or BusinessMessageReject j): cancel rejected, order status asked. */
    CANCEL_REFUSED("exchange refused a cancel; cancel rejected to the engine and the order's status asked"),
    /** An OrderCancelReject (9) says an order the gateway holds open is done or unknown: its status is asked. */
    ORDER_STATE_IN_DOUBT("cancel reject says an open order is done or unknown; its status is asked"),
    /** The exchange refused an OrderStatusRequest, or the dialect says it takes none: the order ends unresolved. */
    ORDER_STATUS_UNSUPPORTED("exchange cannot report an order's status; order ended UNRESOLVED, reconcile by hand"),
    /** An order's status was asked the dialect's maximum number of times without an answer: it ends unresolved. */
    ORDER_STATUS_UNRESOLVED("order status asked too often without an answer; order ended UNRESOLVED, reconcile"),
    /** The gateway's QuickFIX/J rejected a message from the exchange (Reject 3 sent): it was not translated. */
    SESSION_REJECT_SENT("message from the exchange failed validation and was rejected; not translated"),
    /** The exchange answered a Logon with a Logout: credentials, CompIDs or session hours. */
    LOGON_REFUSED("exchange refused the logon"),
    /** An unexpected application message type from the exchange. */
    UNEXPECTED_FIX_MESSAGE("unexpected FIX message type"),
    /** A message from the engine with an unknown template or schema, or undecodable fields. */
    BAD_ENGINE_MESSAGE("undecodable message from the engine"),
    /** The session dropped between the logged-on check and the send. */
    ORDER_NOT_SENT("QuickFIX/J refused to send an order after the logged-on check"),
    /** List mode: a program's listed legs did not all arrive in time; the ones held were rejected, nothing sent. */
    LIST_INCOMPLETE("incomplete order list from the engine; its legs were rejected, no partial list sent"),
    /** List mode: the exchange refused a NewOrderList (ListOrderStatus 7); its open legs were rejected. */
    LIST_REJECTED("exchange rejected an order list; its legs were rejected to the engine"),
    /** Messages for the engine have waited in the backlog longer than the publish timeout (still kept). */
    ENGINE_PUBLISH_TIMEOUT("messages waiting for the engine longer than the publish timeout; still buffered"),
    /** The backlog for an absent or slow engine is full: a report was dropped (recovered by status requests). */
    ENGINE_BACKLOG_FULL("backlog for the engine full; message dropped, order states re-requested on engine connect"),
    /** New orders refused while the backlog for the engine is over half full. */
    ENGINE_BACKLOG_CONGESTED("backlog for the engine over half full; new orders refused"),
    /** The publication is closed or at its maximum position. */
    PUBLICATION_FAILED("publication to the engine failed permanently; message dropped"),
    /** An exception escaped the gateway agent's duty cycle. */
    AGENT_ERROR("unexpected error in the gateway agent"),
    /** An instrument's RptSeq jumped: its book is cleared towards the engine and its snapshot re-requested. */
    MARKET_DATA_GAP("market data RptSeq gap: instrument marked stale, snapshot re-requested"),
    /** The market-data session's resend could not fill a MsgSeqNum gap: messages are lost for good. */
    MARKET_DATA_GAP_FILL("market data MsgSeqNum gap filled by a sequence reset: every instrument re-snapshotted"),
    /** A MarketDataRequest to recover a stale instrument could not be sent. */
    SNAPSHOT_REQUEST_FAILED("snapshot re-request could not be sent; retried on the next update or logon"),
    /** A SecurityStatus (f) or TradingSessionStatus (h) the gateway cannot map to a market phase. */
    UNKNOWN_MARKET_STATUS("market status the gateway cannot map; ignored"),
    /** The engine sent an order or cancel whose ClOrdID the gateway has used before; refused, never resent. */
    DUPLICATE_CLORDID("ClOrdID used before; order refused"),
    /** The order journal is full: orders are refused until the gateway restarts and compacts it. */
    JOURNAL_FULL("order journal full; orders refused until restart"),
    /** A trade bust or correction (FIX 4.2 ExecTransType 1 or 2), which the engine does not model. */
    EXECUTION_CORRECTION("trade bust or correction from the exchange; not forwarded, reconcile by hand"),
    /** An instrument no session of a role is routed to (BasisRoute). */
    NO_ROUTE("instrument routed to no session of a role; its orders are rejected or it is not subscribed");

    private final String description;

    Alarm(final String description)
    {
        this.description = description;
    }

    /**
     * What the alarm means.
     *
     * @return a one-line description.
     */
    public String description()
    {
        return description;
    }
}
