package io.basis.simulator.fix;

import quickfix.Message;
import quickfix.SessionID;

/**
 * Sends an application message on a session. Separate from QuickFIX/J's static session registry so rendering can
 * be tested without sockets.
 */
@FunctionalInterface
public interface MessageSender
{
    /**
     * @param message   the message; the sender fills the header.
     * @param sessionId the session.
     * @return true if the message was handed to a logged-on session.
     */
    boolean send(Message message, SessionID sessionId);

    /**
     * Sends through QuickFIX/J's session registry. A logged-off order-entry session (memory store) still takes the
     * message: QuickFIX/J stores it under the next sequence number and resends it when the client logs on again
     * without resetting sequence numbers, as an exchange does. A client that resets on logon discards it. Other
     * sessions (market data, no store) only send while logged on.
     *
     * @return the sender.
     */
    static MessageSender quickFixJ()
    {
        return (message, sessionId) ->
        {
            final quickfix.Session session = quickfix.Session.lookupSession(sessionId);
            if (session == null)
            {
                return false;
            }
            if (session.isLoggedOn())
            {
                return session.send(message);
            }
            if (session.getStore() instanceof quickfix.MemoryStore)
            {
                session.send(message);
            }
            return false;
        };
    }
}
