package io.basis.simulator.fix;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The acceptor's session log: no messages, session events (logon, logout, disconnects) if asked for, and every
 * error as one line. QuickFIX/J appends a stack trace to some errors (a reject it cannot send, an exception in a
 * callback); a client sending garbage must not make the exchange print stack traces, so only the first line is
 * kept. The line format is QuickFIX/J's screen log's.
 */
final class SessionEventLog implements LogFactory
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");

    private final PrintStream out;
    private final boolean events;

    /**
     * @param out    where lines go.
     * @param events true to print session events too, not only errors.
     */
    SessionEventLog(final PrintStream out, final boolean events)
    {
        this.out = out;
        this.events = events;
    }

    @Override
    public Log create(final SessionID sessionId)
    {
        final String session = sessionId.toString();
        return new Log()
        {
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
                if (events)
                {
                    print(session, "event", text);
                }
            }

            @Override
            public void onErrorEvent(final String text)
            {
                print(session, "error", text);
            }
        };
    }

    /**
     * Print an error that belongs to no session (a connection that never logged on).
     *
     * @param where the remote address.
     * @param text  what went wrong.
     */
    void connectionError(final String where, final String text)
    {
        print(where, "error", text);
    }

    private void print(final String where, final String kind, final String text)
    {
        final int newline = text.indexOf('\n');
        out.println("<" + TIME.format(LocalDateTime.now(ZoneOffset.UTC)) + ", " + where + ", " + kind + "> (" +
            (newline < 0 ? text : text.substring(0, newline).stripTrailing()) + ")");
    }
}
