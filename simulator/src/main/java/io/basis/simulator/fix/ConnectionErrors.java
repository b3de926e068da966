package io.basis.simulator.fix;

import org.apache.mina.core.service.IoHandler;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import quickfix.mina.CriticalProtocolCodecException;
import quickfix.mina.SessionConnector;

import java.io.IOException;

/**
 * QuickFIX/J's connection handler with its error reporting replaced: a connection error becomes one line of the
 * {@link SessionEventLog} where QuickFIX/J would log it with a stack trace. A connection reset, a write to a closed
 * connection (MINA reports those after the connection's filters are gone, so only the handler sees them) and bytes
 * the FIX decoder cannot frame are what a misbehaving client causes, not faults of the exchange. An I/O error or a
 * critical codec error closes the connection, as QuickFIX/J would; closing tells QuickFIX/J, which disconnects the
 * session. Everything else goes to QuickFIX/J's handler unchanged.
 */
final class ConnectionErrors implements IoHandler
{
    private final IoHandler quickFixJ;
    private final SessionEventLog log;

    /**
     * @param quickFixJ QuickFIX/J's handler.
     * @param log       where the lines go.
     */
    ConnectionErrors(final IoHandler quickFixJ, final SessionEventLog log)
    {
        this.quickFixJ = quickFixJ;
        this.log = log;
    }

    @Override
    public void exceptionCaught(final IoSession connection, final Throwable cause)
    {
        final Throwable realCause = realCause(cause);
        final Object session = connection.getAttribute(SessionConnector.QF_SESSION);
        final String where = session instanceof quickfix.Session ?
            ((quickfix.Session)session).getSessionID() + " " + connection.getRemoteAddress() :
            String.valueOf(connection.getRemoteAddress());
        log.connectionError(where, describe(realCause));
        if (realCause instanceof IOException || realCause instanceof CriticalProtocolCodecException)
        {
            connection.closeNow();
        }
    }

    @Override
    public void sessionCreated(final IoSession connection) throws Exception
    {
        quickFixJ.sessionCreated(connection);
    }

    @Override
    public void sessionOpened(final IoSession connection) throws Exception
    {
        quickFixJ.sessionOpened(connection);
    }

    @Override
    public void sessionClosed(final IoSession connection) throws Exception
    {
        quickFixJ.sessionClosed(connection);
    }

    @Override
    public void sessionIdle(final IoSession connection, final IdleStatus status) throws Exception
    {
        quickFixJ.sessionIdle(connection, status);
    }

    @Override
    public void messageReceived(final IoSession connection, final Object message) throws Exception
    {
        quickFixJ.messageReceived(connection, message);
    }

    @Override
    public void messageSent(final IoSession connection, final Object message) throws Exception
    {
        quickFixJ.messageSent(connection, message);
    }

    @Override
    public void inputClosed(final IoSession connection) throws Exception
    {
        quickFixJ.inputClosed(connection);
    }

    @Override
    public void event(final IoSession connection, final FilterEvent event) throws Exception
    {
        quickFixJ.event(connection, event);
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
