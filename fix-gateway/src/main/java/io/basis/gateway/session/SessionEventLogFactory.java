package io.basis.gateway.session;

import java.io.PrintStream;
import java.time.Instant;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * QuickFIX/J logging of session events only (logon, logout, resends, errors), one line each on a stream, prefixed
 * with the time and session id. Incoming and outgoing messages are deliberately not logged: at market-data rates a
 * per-message log would cost more than the translation itself, and the FileStore already keeps order-entry traffic.
 */
public final class SessionEventLogFactory implements LogFactory
{
    /** What QuickFIX/J's error line about a failed connection attempt contains. */
    private static final String CONNECT_FAILURE = " during connection to ";

    private final PrintStream out;

    /**
     * Log to standard error.
     */
    public SessionEventLogFactory()
    {
        this(System.err);
    }

    /**
     * @param out where event lines go.
     */
    public SessionEventLogFactory(final PrintStream out)
    {
        this.out = out;
    }

    @Override
    public Log create(final SessionID sessionId)
    {
        return new EventLog(sessionId.toString(), out);
    }

    private static final class EventLog implements Log
    {
        private final String sessionId;
        private final PrintStream out;

        EventLog(final String sessionId, final PrintStream out)
        {
            this.sessionId = sessionId;
            this.out = out;
        }

        @Override
        public void clear()
        {
        }

        @Override
        public void onIncoming(final String message)
        {
        }

        @Override
        public void onOutgoing(final String message)
        {
        }

        @Override
        public void onEvent(final String text)
        {
            out.println(Instant.now() + " " + sessionId + " " + text);
        }

        @Override
        public void onErrorEvent(final String text)
        {
            if (text.contains(CONNECT_FAILURE))
            {
                // Said once, in the gateway's words, by ConnectionAttempts: a second line per attempt is noise.
                return;
            }
            out.println(Instant.now() + " " + sessionId + " ERROR " + text);
        }
    }
}
