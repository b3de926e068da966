package io.basis.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A FIX counterparty of another implementation running as a child process, and what it recorded on stdout: one
 * line per event, {@code READY ...} once it listens, {@code IN <raw>} for every message it received (before its
 * validation), {@code OUT <raw>} for every message it sent, {@code APP <MsgType> <id>} for every application
 * message that passed its validation (see the sources in {@code src/test/interop}). Raw messages have '|' for SOH.
 * <p>
 * The child exits when its stdin closes, so it cannot outlive this JVM; {@link #close()} closes stdin, waits a
 * little, then kills it and anything it started.
 */
final class CounterpartyProcess implements AutoCloseable
{
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path stderr;
    private final Thread reader;
    private final List<String> lines = new ArrayList<>();

    private CounterpartyProcess(final String name, final Process process, final Path stderr)
    {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        reader = new Thread(this::readStdout, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Start a counterparty and wait until it says READY.
     *
     * @param name      for failure messages.
     * @param command   the command line.
     * @param directory its working directory; its stderr goes to {@code stderr.txt} there.
     * @param within    how long it may take to listen.
     * @return the running counterparty.
     */
    static CounterpartyProcess start(
        final String name, final List<String> command, final Path directory, final Duration within) throws IOException
    {
        final Path stderr = directory.resolve(name + "-stderr.txt");
        final Process process = new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectError(stderr.toFile())
            .start();
        final CounterpartyProcess counterparty = new CounterpartyProcess(name, process, stderr);
        try
        {
            counterparty.awaitLine(line -> line.startsWith("READY"), within, "READY");
        }
        catch (final RuntimeException | Error ex)
        {
            counterparty.close();
            throw ex;
        }
        return counterparty;
    }

    /**
     * Wait for a recorded line, failing early if the process exits.
     *
     * @return the first line that matches.
     */
    String awaitLine(final Predicate<String> matches, final Duration within, final String what)
    {
        final long deadline = System.nanoTime() + within.toNanos();
        synchronized (lines)
        {
            int checked = 0;
            while (true)
            {
                for (; checked < lines.size(); checked++)
                {
                    if (matches.test(lines.get(checked)))
                    {
                        return lines.get(checked);
                    }
                }
                final long remainingNs = deadline - System.nanoTime();
                if (remainingNs <= 0 || (!process.isAlive() && !reader.isAlive()))
                {
                    throw new AssertionError(name + ": no " + what + " within " + within +
                        (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")") + "\n" + transcript());
                }
                try
                {
                    // Woken by every new line; the timeout only bounds the wait for a process that went quiet.
                    TimeUnit.NANOSECONDS.timedWait(lines, Math.min(remainingNs, TimeUnit.MILLISECONDS.toNanos(100)));
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(name + ": interrupted waiting for " + what, ex);
                }
            }
        }
    }

    /**
     * Wait until the counterparty's application has taken a message.
     *
     * @param msgType FIX MsgType.
     * @param id      its ClOrdID (or request id).
     */
    void awaitApplicationMessage(final String msgType, final String id, final Duration within)
    {
        awaitLine(("APP " + msgType + " " + id)::equals, within, "application message " + msgType + " " + id);
    }

    /**
     * @return every raw message the counterparty received, before its validation.
     */
    List<String> received()
    {
        return messages("IN ");
    }

    /**
     * @return every raw message the counterparty sent.
     */
    List<String> sent()
    {
        return messages("OUT ");
    }

    /**
     * @return "MsgType id" of every application message that passed validation and reached the application.
     */
    List<String> applicationMessages()
    {
        return messages("APP ");
    }

    /**
     * @param raw a recorded message.
     * @return its MsgType (35).
     */
    static String msgType(final String raw)
    {
        return field(raw, 35);
    }

    /**
     * @return the value of the tag in a recorded message, or null.
     */
    static String field(final String raw, final int tag)
    {
        final String key = tag + "=";
        for (final String field : raw.split("\\|"))
        {
            if (field.startsWith(key))
            {
                return field.substring(key.length());
            }
        }
        return null;
    }

    /**
     * @return everything the counterparty recorded and wrote to stderr, for failure messages.
     */
    String transcript()
    {
        final String recorded;
        synchronized (lines)
        {
            recorded = String.join("\n", lines);
        }
        String errors;
        try
        {
            errors = Files.isRegularFile(stderr) ? Files.readString(stderr) : "";
        }
        catch (final IOException ex)
        {
            errors = "(cannot read " + stderr + ": " + ex + ")";
        }
        return "--- " + name + " recorded ---\n" + recorded + "\n--- " + name + " stderr ---\n" + errors;
    }

    private List<String> messages(final String prefix)
    {
        synchronized (lines)
        {
            return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .collect(Collectors.toList());
        }
    }

    private void readStdout()
    {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                synchronized (lines)
                {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        }
        catch (final IOException ignored)
        {
            // The process ended or was killed: what it recorded so far is kept.
        }
        finally
        {
            synchronized (lines)
            {
                lines.notifyAll();
            }
        }
    }

    @Override
    public void close()
    {
        try
        {
            process.getOutputStream().close();
        }
        catch (final IOException ignored)
        {
            // Already gone.
        }
        try
        {
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS))
            {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            reader.join(EXIT_WAIT.toMillis());
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString()
    {
        return name + " (pid " + process.pid() + ")";
    }
}
