package io.basis.simulator.control;

import io.basis.simulator.fix.ListenCheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The runtime control port of the standalone simulator: a line protocol on a loopback TCP port. Each line is a
 * command ({@link io.basis.simulator.fault.FaultCommands}), each answer one line {@code ok ...} or
 * {@code error <reason>}. Try it with {@code nc 127.0.0.1 PORT}. Any number of clients; each connection has its
 * own daemon thread; commands themselves run on the exchange thread, so they are serialised.
 */
public final class ControlServer implements AutoCloseable
{
    private static final int MAX_LINE = 4096;

    private final ServerSocket server;
    private final Function<String, String> commands;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(final ServerSocket server, final Function<String, String> commands)
    {
        this.server = server;
        this.commands = commands;
        this.acceptor = new Thread(this::acceptLoop, "simulator-control");
        acceptor.setDaemon(true);
    }

    /**
     * @param port     port on 127.0.0.1, 0 for any free one.
     * @param commands executes one command line and returns the answer line.
     * @return the listening server.
     * @throws UncheckedIOException if the port cannot be bound.
     */
    public static ControlServer start(final int port, final Function<String, String> commands)
    {
        try
        {
            final ServerSocket socket = new ServerSocket(port, 8, InetAddress.getLoopbackAddress());
            final ControlServer server = new ControlServer(socket, commands);
            server.acceptor.start();
            return server;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(
                ListenCheck.failure(InetAddress.getLoopbackAddress().getHostAddress(), port, "control", ex), ex);
        }
    }

    /**
     * @return the port listened on.
     */
    public int port()
    {
        return server.getLocalPort();
    }

    /**
     * Stop listening and close every client connection. Idempotent.
     */
    @Override
    public void close()
    {
        closed = true;
        try
        {
            server.close();
        }
        catch (final IOException ex)
        {
            // Closing: nothing to recover.
        }
        for (final Socket client : clients)
        {
            try
            {
                client.close();
            }
            catch (final IOException ex)
            {
                // Closing: nothing to recover.
            }
        }
    }

    private void acceptLoop()
    {
        while (!closed)
        {
            try
            {
                final Socket client = server.accept();
                clients.add(client);
                final Thread thread = new Thread(() -> serve(client), "simulator-control-client");
                thread.setDaemon(true);
                thread.start();
            }
            catch (final IOException ex)
            {
                if (!closed)
                {
                    System.err.println("simulator: control port accept failed: " + ex.getMessage());
                }
                return;
            }
        }
    }

    private void serve(final Socket client)
    {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                 StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                if (line.isBlank())
                {
                    continue;
                }
                final String answer = line.length() > MAX_LINE ? "error line too long" : answer(line);
                out.write(answer.replace('\n', ' ') + "\n");
                out.flush();
            }
        }
        catch (final IOException ex)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            clients.remove(client);
        }
    }

    private String answer(final String line)
    {
        try
        {
            return commands.apply(line);
        }
        catch (final RuntimeException ex)
        {
            return "error " + ex;
        }
    }
}
