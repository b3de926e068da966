package io.basis.simulator.fix;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks that an address can be listened on before a server binds it, and says in one line why not.
 * <p>
 * QuickFIX/J binds its acceptor ports on a MINA thread and logs a failure with a stack trace before it reports
 * it; probing first turns the common case, a port already in use, into one clear sentence.
 */
public final class ListenCheck
{
    private ListenCheck()
    {
    }

    /**
     * Bind and release the address.
     *
     * @param host    address to bind, e.g. 127.0.0.1.
     * @param port    port to bind.
     * @param purpose what listens there, e.g. "order entry".
     * @throws IllegalStateException {@code cannot listen on HOST:PORT (PURPOSE): REASON} if it cannot be bound.
     */
    public static void requireFree(final String host, final int port, final String purpose)
    {
        final InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved())
        {
            throw new IllegalStateException(failure(host, port, purpose, new UnknownHostException(host)));
        }
        try (ServerSocket probe = new ServerSocket())
        {
            probe.setReuseAddress(true);
            probe.bind(address);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(failure(host, port, purpose, ex), ex);
        }
    }

    /**
     * @param host    address that could not be bound.
     * @param port    its port.
     * @param purpose what was to listen there.
     * @param cause   why not.
     * @return {@code cannot listen on HOST:PORT (PURPOSE): REASON}, the reason in lower case as the OS says it.
     */
    public static String failure(final String host, final int port, final String purpose, final IOException cause)
    {
        final String reason;
        if (cause instanceof UnknownHostException)
        {
            reason = "unknown host";
        }
        else if (cause.getMessage() == null || cause.getMessage().isEmpty())
        {
            reason = cause.getClass().getSimpleName();
        }
        else
        {
            // "Address already in use" and the like; some JDKs append " (Bind failed)".
            reason = cause.getMessage().replace(" (Bind failed)", "").toLowerCase(Locale.ROOT);
        }
        return "cannot listen on " + host + ":" + port + " (" + purpose + "): " + reason;
    }
}
