package io.basis.simulator.fix;

import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MsgType;

/**
 * Brings a message the exchange rendered in the Basis dialect down to what the stock QuickFIX/J dictionary of a
 * session's FIX version allows, so a plain client with default validation accepts it: no user-defined tags, no
 * field its version does not define for the message, no value its version does not enumerate.
 * <ul>
 * <li>W and X: RptSeq(83) is not a message-level field in any version: dropped on FIX 4.2 and 4.4 (they have none
 * in W or X), moved into every NoMDEntries entry on FIX 5.0SP2 (where the dictionary puts it, after
 * MDEntryPositionNo). ExchangeSendNanos(21001) dropped.</li>
 * <li>h: ProgramTradingSuspended(21003) dropped; TradingSessionSubID(625) too on FIX 4.2, which lacks it.</li>
 * <li>f: SecurityTradingEvent(1174) is FIX 5.0SP2 only; FIX 4.2 also has no Text in f and no
 * SecurityTradingStatus 21, so a volatility interruption is 1 (opening delay) there.</li>
 * <li>d: MinPriceIncrement(969) is not in FIX 4.2 or 4.4, MaturityDate(541) and RoundLot(561) not in FIX 4.2,
 * RoundLot not in the FIX 5.0SP2 d.</li>
 * <li>N on FIX 4.2: a leg's OrdRejReason beyond 8 (13, 99) becomes 0, as on execution reports.</li>
 * <li>r on FIX 5.0SP2: MassActionReportID(1369) is required; it repeats the OrderID.</li>
 * <li>8 on FIX 4.2: no ExecType I; an order status answer is ExecTransType(20)=3 (status) with the order's status
 * as ExecType, as FIX 4.2 reports status.</li>
 * </ul>
 */
final class StandardMessages
{
    private static final int[] MARKET_DATA_EXTENSIONS = {FixTags.RPT_SEQ, FixTags.EXCHANGE_SEND_NANOS};
    /** SecurityTradingStatus 21: pre-open, what the exchange sends in a volatility interruption. */
    private static final int SECURITY_TRADING_STATUS_PRE_OPEN = 21;
    /** SecurityTradingStatus 1: opening delay, the nearest FIX 4.2 value. */
    private static final int SECURITY_TRADING_STATUS_OPENING_DELAY = 1;
    private static final char EXEC_TYPE_ORDER_STATUS = 'I';
    /** OrdRejReason values FIX 4.2 defines end at 8; the others become 0, broker option (Text keeps the detail). */
    private static final int LAST_FIX42_ORD_REJ_REASON = 8;
    private static final int ORD_REJ_REASON_BROKER_OPTION = 0;
    private static final char EXEC_TRANS_TYPE_STATUS = '3';

    private StandardMessages()
    {
    }

    /**
     * Conform a message, in place, to the stock dictionary of a version.
     *
     * @param message     an outgoing message, already adapted to the version ({@link VersionAdapter}).
     * @param beginString the session's BeginString.
     * @throws FieldNotFound if a required field of the exchange's own rendering is missing (a bug).
     */
    static void conform(final Message message, final String beginString) throws FieldNotFound
    {
        final boolean fix42 = SessionDefinition.FIX42.equals(beginString);
        final boolean fixt = SessionDefinition.FIXT11.equals(beginString);
        switch (message.getHeader().getString(MsgType.FIELD))
        {
            case MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH, MsgType.MARKET_DATA_INCREMENTAL_REFRESH ->
            {
                final String rptSeq = message.isSetField(FixTags.RPT_SEQ) ? message.getString(FixTags.RPT_SEQ) : null;
                for (final int tag : MARKET_DATA_EXTENSIONS)
                {
                    message.removeField(tag);
                }
                // hasGroup first: asking an empty message for its groups would drop its NoMDEntries=0.
                if (fixt && rptSeq != null && message.hasGroup(FixTags.NO_MD_ENTRIES))
                {
                    for (final Group entry : message.getGroups(FixTags.NO_MD_ENTRIES))
                    {
                        entry.setString(FixTags.RPT_SEQ, rptSeq);
                    }
                }
            }
            case MsgType.TRADING_SESSION_STATUS ->
            {
                message.removeField(FixTags.PROGRAM_TRADING_SUSPENDED);
                if (fix42)
                {
                    message.removeField(FixTags.TRADING_SESSION_SUB_ID);
                }
            }
            case MsgType.SECURITY_STATUS ->
            {
                if (!fixt)
                {
                    message.removeField(FixTags.SECURITY_TRADING_EVENT);
                }
                if (fix42)
                {
                    message.removeField(FixTags.TEXT);
                    if (message.getInt(FixTags.SECURITY_TRADING_STATUS) == SECURITY_TRADING_STATUS_PRE_OPEN)
                    {
                        message.setInt(FixTags.SECURITY_TRADING_STATUS, SECURITY_TRADING_STATUS_OPENING_DELAY);
                    }
                }
            }
            case MsgType.SECURITY_DEFINITION ->
            {
                if (!fixt)
                {
                    message.removeField(FixTags.MIN_PRICE_INCREMENT);
                }
                if (fix42)
                {
                    message.removeField(FixTags.MATURITY_DATE);
                }
                if (fix42 || fixt)
                {
                    message.removeField(FixTags.ROUND_LOT);
                }
            }
            case MsgType.LIST_STATUS ->
            {
                if (fix42 && message.hasGroup(FixTags.NO_ORDERS))
                {
                    for (final Group leg : message.getGroups(FixTags.NO_ORDERS))
                    {
                        if (leg.isSetField(FixTags.ORD_REJ_REASON) &&
                            leg.getInt(FixTags.ORD_REJ_REASON) > LAST_FIX42_ORD_REJ_REASON)
                        {
                            leg.setInt(FixTags.ORD_REJ_REASON, ORD_REJ_REASON_BROKER_OPTION);
                        }
                    }
                }
            }
            case MsgType.ORDER_MASS_CANCEL_REPORT ->
            {
                if (fixt)
                {
                    // Required in 5.0SP2: the report's id, the OrderID the exchange gives the mass cancel.
                    message.setString(FixTags.MASS_ACTION_REPORT_ID, message.getString(FixTags.ORDER_ID));
                }
            }
            case MsgType.EXECUTION_REPORT ->
            {
                if (fix42 && message.getChar(FixTags.EXEC_TYPE) == EXEC_TYPE_ORDER_STATUS)
                {
                    message.setChar(FixTags.EXEC_TRANS_TYPE, EXEC_TRANS_TYPE_STATUS);
                    message.setChar(FixTags.EXEC_TYPE, message.getChar(FixTags.ORD_STATUS));
                }
            }
            default ->
            {
            }
        }
    }
}
