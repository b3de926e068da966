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
     * Sends through QuickFIX/J's session registry, only to logged-on sessions: with ResetOnLogon nothing queued
     * for a disconnected session would ever be delivered.
     *
     * @return the sender.
     */
    static MessageSender quickFixJ()
    {
        return (message, sessionId) ->
        {
            final quickfix.Session session = quickfix.Session.lookupSession(sessionId);
            return session != null && session.isLoggedOn() && session.send(message);
        };
    }
}
