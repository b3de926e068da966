package io.basis.simulator.fix;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.MsgType;

import java.util.Map;

/**
 * Adapts the exchange's messages, rendered once in FIX 4.4 terms, to the version of the session they go to.
 * FIXT 1.1 / FIX 5.0SP2 needs one change (the session sets the header; the other fields used are the same):
 * TradingSessionID(336), free text in FIX 4.4, is an enumeration in 5.0SP2, so the exchange's {@code DAY} goes out
 * as 1 (Day); a client validating against the standard FIX50SP2 dictionary rejects anything else. FIX 4.2
 * execution reports need ExecTransType(20)=0, ExecType 1/2 (partial fill / fill) instead of F, and the reject
 * reasons 4.2 does not define (13, 99 and above) become 0 "broker option" (the Text keeps the detail); only FIX 4.2
 * keeps TotalNumSecurities(393) on d. Then, unless the session asked for the
 * {@link SessionExtensions#BASIS Basis extensions}, {@link StandardMessages} removes whatever the stock dictionary
 * of its version does not allow.
 */
public final class VersionAdapter implements MessageSender
{
    /** TradingSessionID(336) 1 = Day, the FIX 5.0SP2 value for the exchange's one daily session. */
    static final String FIX50SP2_TRADING_SESSION_DAY = "1";

    private final MessageSender sender;
    private final Map<SessionID, SessionDefinition> sessions;

    /**
     * @param sender   where adapted messages go.
     * @param sessions every session's definition: its version, and whether it asked for the Basis extensions
     *                 (the others get only what their version's stock dictionary allows, {@link StandardMessages}).
     */
    public VersionAdapter(final MessageSender sender, final Map<SessionID, SessionDefinition> sessions)
    {
        this.sender = sender;
        this.sessions = Map.copyOf(sessions);
    }

    @Override
    public boolean send(final Message message, final SessionID sessionId)
    {
        try
        {
            if (SessionDefinition.FIXT11.equals(sessionId.getBeginString()))
            {
                toFix50Sp2(message);
            }
            else if (SessionDefinition.FIX42.equals(sessionId.getBeginString()))
            {
                toFix42(message);
            }
            if (!SessionDefinition.FIX42.equals(sessionId.getBeginString()))
            {
                // TotalNumSecurities is a FIX 4.2 field of d only.
                message.removeField(FixTags.TOTAL_NUM_SECURITIES);
            }
            final SessionDefinition definition = sessions.get(sessionId);
            if (definition == null || definition.extensions() == SessionExtensions.STANDARD)
            {
                StandardMessages.conform(message, sessionId.getBeginString());
            }
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException("malformed outgoing message: " + ex.getMessage(), ex);
        }
        return sender.send(message, sessionId);
    }

    private static void toFix50Sp2(final Message message) throws FieldNotFound
    {
        if (message.isSetField(FixTags.TRADING_SESSION_ID) &&
            MarketStatusService.TRADING_SESSION_ID.equals(message.getString(FixTags.TRADING_SESSION_ID)))
        {
            message.setString(FixTags.TRADING_SESSION_ID, FIX50SP2_TRADING_SESSION_DAY);
        }
    }

    private static void toFix42(final Message message) throws FieldNotFound
    {
        final String msgType = message.getHeader().getString(MsgType.FIELD);
        if (MsgType.EXECUTION_REPORT.equals(msgType))
        {
            message.setChar(FixTags.EXEC_TRANS_TYPE, '0');
            if (message.getChar(FixTags.EXEC_TYPE) == 'F')
            {
                message.setChar(FixTags.EXEC_TYPE, message.getChar(FixTags.ORD_STATUS) == '2' ? '2' : '1');
            }
            if (message.isSetField(FixTags.ORD_REJ_REASON) && message.getInt(FixTags.ORD_REJ_REASON) > 8)
            {
                message.setInt(FixTags.ORD_REJ_REASON, 0);
            }
        }
        else if (MsgType.ORDER_CANCEL_REJECT.equals(msgType))
        {
            if (message.getInt(FixTags.CXL_REJ_REASON) > 3)
            {
                message.setInt(FixTags.CXL_REJ_REASON, 2);
            }
        }
    }
}
