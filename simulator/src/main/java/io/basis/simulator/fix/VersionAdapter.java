package io.basis.simulator.fix;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.MsgType;

/**
 * Adapts the exchange's messages, rendered once in FIX 4.4 terms, to the version of the session they go to.
 * FIXT 1.1 / FIX 5.0SP2 needs nothing (the session sets the header; the fields used are the same). FIX 4.2
 * execution reports need ExecTransType(20)=0, ExecType 1/2 (partial fill / fill) instead of F, and the reject
 * reasons 4.2 does not define (13, 99 and above) become 0 "broker option" (the Text keeps the detail).
 */
public final class VersionAdapter implements MessageSender
{
    private final MessageSender sender;

    /**
     * @param sender where adapted messages go.
     */
    public VersionAdapter(final MessageSender sender)
    {
        this.sender = sender;
    }

    @Override
    public boolean send(final Message message, final SessionID sessionId)
    {
        if (SessionDefinition.FIX42.equals(sessionId.getBeginString()))
        {
            try
            {
                toFix42(message);
            }
            catch (final FieldNotFound ex)
            {
                throw new IllegalStateException("malformed outgoing message: " + ex.getMessage(), ex);
            }
        }
        return sender.send(message, sessionId);
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
