package io.basis.gateway.session;

import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;

/**
 * A {@link FixSession} backed by a QuickFIX/J {@link Session}, looked up by id on every call because the session
 * object only exists once the initiator has started (after the gateway agent).
 */
public final class QfjFixSession implements FixSession
{
    private final SessionID sessionId;

    /**
     * @param sessionId the QuickFIX/J session.
     */
    public QfjFixSession(final SessionID sessionId)
    {
        this.sessionId = sessionId;
    }

    @Override
    public boolean isLoggedOn()
    {
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.isLoggedOn();
    }

    @Override
    public boolean send(final Message message)
    {
        // Session.send serialises senders under QuickFIX/J's own lock: the agent's orders and the timer thread's
        // heartbeats never interleave on the wire. Not a lock of the gateway's state.
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.send(message);
    }

    @Override
    public String toString()
    {
        return sessionId.toString();
    }
}
