package io.basis.simulator.fix;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import quickfix.mina.CriticalProtocolCodecException;
import quickfix.mina.SessionConnector;

import java.io.IOException;

/**
 * First filter of every acceptor connection: turns the connection errors QuickFIX/J would log with a stack trace
 * into one line of the {@link SessionEventLog}. A connection reset or a write to a closed connection, and bytes
 * the FIX decoder cannot frame, are what a misbehaving client causes, not faults of the exchange. An I/O error or
 * a critical codec error closes the connection, as QuickFIX/J would; a decoding error of one frame does not.
 */
final class ConnectionErrors extends IoFilterAdapter
{
    private final SessionEventLog log;

    /**
     * @param log where the lines go.
     */
    ConnectionErrors(final SessionEventLog log)
    {
        this.log = log;
    }

    @Override
    public void exceptionCaught(final NextFilter nextFilter, final IoSession connection, final Throwable cause)
    {
        final Throwable realCause = realCause(cause);
        // The session may be let go of on another thread at any moment, so it is read once, and QuickFIX/J's
        // handler, which would read it again and log with a stack trace if it is gone, is not called at all.
        final Object session = connection.getAttribute(SessionConnector.QF_SESSION);
        final String where = session instanceof quickfix.Session ?
            ((quickfix.Session)session).getSessionID() + " " + connection.getRemoteAddress() :
            String.valueOf(connection.getRemoteAddress());
        log.connectionError(where, describe(realCause));
        if (realCause instanceof IOException || realCause instanceof CriticalProtocolCodecException)
        {
            // Closing fires sessionClosed, on which QuickFIX/J disconnects the session as it would have here.
            connection.closeNow();
        }
    }

    /**
     * The cause as QuickFIX/J's own handler picks it: a decoder's cause, or the first I/O error in the chain.
     */
    private static Throwable realCause(final Throwable cause)
    {
        if (cause instanceof ProtocolDecoderException && cause.getCause() != null)
        {
            return cause.getCause();
        }
        for (Throwable chain = cause; chain != null; chain = chain.getCause())
        {
            if (chain instanceof IOException)
            {
                return chain;
            }
        }
        return cause;
    }

    private static String describe(final Throwable cause)
    {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() :
            cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
