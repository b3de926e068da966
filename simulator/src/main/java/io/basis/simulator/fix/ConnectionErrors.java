package io.basis.simulator.fix;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import quickfix.mina.CriticalProtocolCodecException;
import quickfix.mina.SessionConnector;

import java.io.IOException;

/**
 * First filter of every acceptor connection: turns the connection errors QuickFIX/J would log with a stack trace
 * into one line of the {@link SessionEventLog}. A connection reset or a write to a closed connection before logon
 * (or after the session let go of it), and bytes the FIX decoder cannot frame, are what a misbehaving client
 * causes, not faults of the exchange. Errors of a logged-on session that QuickFIX/J handles by disconnecting it
 * (an I/O error, a critical codec error) still go to QuickFIX/J, which logs them as one line.
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
        final boolean fatal = realCause instanceof IOException || realCause instanceof CriticalProtocolCodecException;
        if (fatal && connection.getAttribute(SessionConnector.QF_SESSION) != null)
        {
            nextFilter.exceptionCaught(connection, cause);
            return;
        }
        log.connectionError(String.valueOf(connection.getRemoteAddress()), describe(realCause));
        if (fatal)
        {
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
