package io.basis.simulator.fault;

import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.fix.SessionRole;
import quickfix.Responder;
import quickfix.Session;
import quickfix.SessionID;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Transport-level faults on the exchange's FIX sessions: drop a session (logout or plain disconnect), skip an
 * outgoing MsgSeqNum (the client must ask for a resend and gets a gap fill), garble the next application message
 * (bad checksum: discarded by the client, then resent on its resend request).
 * <p>
 * Run on the exchange thread, which is where reports and market data are sent, so a fault never lands in the
 * middle of another message.
 */
public final class SessionFaults
{
    private static final long REENABLE_POLL_MILLIS = 20;

    private final Map<SessionID, SessionRole> roles;
    private final ExchangeLoop loop;

    /**
     * @param roles every acceptor session and its role.
     * @param loop  the exchange thread, to re-enable logged-out sessions.
     */
    public SessionFaults(final Map<SessionID, SessionRole> roles, final ExchangeLoop loop)
    {
        this.roles = Map.copyOf(roles);
        this.loop = loop;
    }

    /**
     * Select the logged-on sessions a fault applies to.
     *
     * @param target "OE" / "MD" (every session of the role) or a client CompID.
     * @return the logged-on sessions matching.
     * @throws IllegalArgumentException if the target names no configured session.
     */
    public List<Session> loggedOn(final String target)
    {
        final List<Session> sessions = new ArrayList<>();
        boolean known = false;
        for (final Map.Entry<SessionID, SessionRole> entry : roles.entrySet())
        {
            if (matches(target, entry.getKey(), entry.getValue()))
            {
                known = true;
                final Session session = Session.lookupSession(entry.getKey());
                if (session != null && session.isLoggedOn())
                {
                    sessions.add(session);
                }
            }
        }
        if (!known)
        {
            throw new IllegalArgumentException("no session " + target + " (OE, MD or a client CompID)");
        }
        return sessions;
    }

    /**
     * @param target     "OE", "MD" or a client CompID.
     * @param disconnect true to drop the TCP connection without a Logout, false to log out.
     * @return sessions dropped.
     */
    public int drop(final String target, final boolean disconnect)
    {
        final List<Session> sessions = loggedOn(target);
        for (final Session session : sessions)
        {
            if (disconnect)
            {
                try
                {
                    session.disconnect("simulator: connection dropped by fault control", false);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }
            else
            {
                session.logout("simulator: session dropped by fault control");
                reenableWhenLoggedOut(session);
            }
        }
        return sessions.size();
    }

    /**
     * QuickFIX/J disables a session it logs out, refusing later logons; a dropped session must be able to come
     * back, so enable it again once the logout has completed.
     */
    private void reenableWhenLoggedOut(final Session session)
    {
        loop.schedule(() ->
        {
            if (session.isLoggedOn() || session.hasResponder())
            {
                reenableWhenLoggedOut(session);
            }
            else
            {
                session.logon();
            }
        }, REENABLE_POLL_MILLIS);
    }

    /**
     * Skip the next outgoing MsgSeqNum on the target sessions.
     *
     * @param target "OE", "MD" or a client CompID.
     * @return sessions affected.
     */
    public int gap(final String target)
    {
        final List<Session> sessions = loggedOn(target);
        for (final Session session : sessions)
        {
            try
            {
                session.setNextSenderMsgSeqNum(session.getExpectedSenderNum() + 1);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return sessions.size();
    }

    /**
     * Garble the next application message sent on the target sessions.
     *
     * @param target "OE", "MD" or a client CompID.
     * @return sessions affected.
     */
    public int garble(final String target)
    {
        final List<Session> sessions = loggedOn(target);
        for (final Session session : sessions)
        {
            final Responder responder = session.getResponder();
            if (responder instanceof GarblingResponder garbling)
            {
                garbling.arm();
            }
            else if (responder != null)
            {
                session.setResponder(new GarblingResponder(responder));
            }
        }
        return sessions.size();
    }

    private static boolean matches(final String target, final SessionID id, final SessionRole role)
    {
        return switch (target.toUpperCase(Locale.ROOT))
        {
            case "OE" -> role == SessionRole.ORDER_ENTRY;
            case "MD" -> role == SessionRole.MARKET_DATA;
            default -> id.getTargetCompID().equals(target);
        };
    }
}
