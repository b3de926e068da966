package io.basis.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Basis role (simulator, gateway, engine) running as its own JVM: its output goes to a log file, the first
 * line that starts with its role name marks it started, and it is stopped with SIGTERM so its shutdown hook runs.
 */
public final class ChildProcess
{
    private static final int TAIL_LINES = 20;

    private final String role;
    private final Process process;
    private final Path logFile;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile boolean started;

    private ChildProcess(final String role, final Process process, final Path logFile)
    {
        this.role = role;
        this.process = process;
        this.logFile = logFile;
        final Thread pump = new Thread(this::pumpOutput, role + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Start a role's JVM with Basis's JVM flags.
     *
     * @param role      role name; the first output line starting with it marks the process started.
     * @param jar       class path of the JVM.
     * @param runDir    directory for its log file.
     * @param mainClass main class.
     * @param args      arguments.
     * @return the running process.
     */
    public static ChildProcess start(
        final String role, final Path jar, final Path runDir, final String mainClass, final List<String> args)
    {
        return start(role, jar, runDir, mainClass, args, List.of());
    }

    /**
     * Start a role's JVM with Basis's JVM flags, under a launcher such as {@code taskset -c 1}.
     *
     * @param role      role name; the first output line starting with it marks the process started.
     * @param jar       class path of the JVM.
     * @param runDir    directory for its log file.
     * @param mainClass main class.
     * @param args      arguments.
     * @param launcher  command words put before {@code java}, or empty.
     * @return the running process.
     */
    public static ChildProcess start(
        final String role,
        final Path jar,
        final Path runDir,
        final String mainClass,
        final List<String> args,
        final List<String> launcher)
    {
        final List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(jar.toString());
        command.add(mainClass);
        command.addAll(args);
        final Path logFile = uniqueLogFile(runDir, role);
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new ChildProcess(role, process, logFile);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start " + role, ex);
        }
    }

    /**
     * {@code role.log}, or {@code role-2.log}, {@code role-3.log}... for a role started again (a crash drill).
     */
    private static Path uniqueLogFile(final Path runDir, final String role)
    {
        Path logFile = runDir.resolve(role + ".log");
        for (int run = 2; Files.exists(logFile); run++)
        {
            logFile = runDir.resolve(role + "-" + run + ".log");
        }
        return logFile;
    }

    /**
     * @param prefix how the line starts.
     * @return the first line of the process's output so far that starts with it, or null.
     */
    public String firstLineStartingWith(final String prefix)
    {
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8))
        {
            return lines.filter(line -> line.startsWith(prefix)).findFirst().orElse(null);
        }
        catch (final IOException | UncheckedIOException ex)
        {
            return null;
        }
    }

    private void pumpOutput()
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                log.println(line);
                synchronized (tail)
                {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES)
                    {
                        tail.removeFirst();
                    }
                }
                if (!started && line.startsWith(role))
                {
                    started = true;
                }
            }
        }
        catch (final IOException ignored)
        {
            // The process ended; its exit code tells the story.
        }
    }

    /**
     * @return the role name.
     */
    public String role()
    {
        return role;
    }

    /**
     * @return the process id.
     */
    public long pid()
    {
        return process.pid();
    }

    Path logFile()
    {
        return logFile;
    }

    /**
     * @return true once a line starting with the role name was printed.
     */
    public boolean hasStarted()
    {
        return started;
    }

    /**
     * @return true while the process runs.
     */
    public boolean isAlive()
    {
        return process.isAlive();
    }

    /**
     * @return the last lines the process printed.
     */
    public String tail()
    {
        synchronized (tail)
        {
            return String.join(System.lineSeparator(), tail);
        }
    }

    /**
     * Ask the process to stop (SIGTERM) and wait; kill it if it does not stop in time.
     *
     * @param timeoutMs how long to wait for a clean exit.
     * @return true if it exited cleanly in time: 0, or the JVM's status after running its shutdown hooks on
     *         SIGINT (130) or SIGTERM (143).
     */
    public boolean stop(final long timeoutMs)
    {
        if (process.isAlive())
        {
            process.destroy();
        }
        try
        {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return false;
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
        final int exit = process.exitValue();
        return exit == 0 || exit == 130 || exit == 143;
    }

    /**
     * Kill the process at once (SIGKILL): no shutdown hook runs, as in a crash.
     *
     * @return true if it is gone within five seconds.
     */
    public boolean kill()
    {
        process.destroyForcibly();
        try
        {
            return process.waitFor(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @return the exit code, or -1 while running.
     */
    public int exitValue()
    {
        return process.isAlive() ? -1 : process.exitValue();
    }
}
