package io.basis.simulator.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain TCP connection to a FIX port that writes whatever bytes it is given, however broken, and reads
 * everything that comes back on a daemon thread (so the peer never blocks on a full socket), noting whether the
 * peer answered with a Logon and whether it closed the connection.
 */
public final class RawConnection implements AutoCloseable
{
    private static final byte[] LOGON = "\u000135=A\u0001".getBytes(StandardCharsets.ISO_8859_1);

    private final Socket socket;
    private final OutputStream out;
    private volatile boolean loggedOn;
    private volatile boolean closed;

    /**
     * Connect to 127.0.0.1.
     *
     * @param port the port.
     * @throws IOException if the connection is refused.
     */
    public RawConnection(final int port) throws IOException
    {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        final Thread reader = new Thread(this::read, "raw-connection-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param bytes what to write; a failed write marks the connection closed.
     * @return true if the bytes were handed to the connection, false if it is closed.
     */
    public boolean write(final byte[] bytes)
    {
        if (closed)
        {
            return false;
        }
        try
        {
            out.write(bytes);
            return true;
        }
        catch (final IOException ex)
        {
            closed = true;
            return false;
        }
    }

    /**
     * @param timeoutMs how long to wait.
     * @return true if the peer answered with a Logon within the time, false if not or if it closed.
     */
    public boolean awaitLogon(final long timeoutMs)
    {
        try
        {
            Poll.until(() -> loggedOn || closed, timeoutMs, "a Logon answer");
        }
        catch (final AssertionError timedOut)
        {
            return false;
        }
        return loggedOn;
    }

    /**
     * @return true once the peer closed the connection or a write failed.
     */
    public boolean closed()
    {
        return closed;
    }

    @Override
    public void close()
    {
        closed = true;
        try
        {
            socket.close();
        }
        catch (final IOException ignored)
        {
            // Closing a broken connection: nothing left to do.
        }
    }

    private void read()
    {
        final byte[] buffer = new byte[8192];
        int matched = 0;
        try (InputStream in = socket.getInputStream())
        {
            int read;
            while ((read = in.read(buffer)) > 0)
            {
                for (int i = 0; i < read && !loggedOn; i++)
                {
                    matched = buffer[i] == LOGON[matched] ? matched + 1 : (buffer[i] == LOGON[0] ? 1 : 0);
                    if (matched == LOGON.length)
                    {
                        loggedOn = true;
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            // Reset by the peer or closed by us: either way the connection is over.
        }
        closed = true;
    }
}
