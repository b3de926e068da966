package io.basis.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.basis.protocol.sbe.SessionRole;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.basis.gateway.SimulatorHarness.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway as an operator runs it: every bad argument is one line and exit 2; an exchange it cannot reach is one
 * line per attempt and, when the attempts run out before any logon, one more line and exit 1; a media driver that
 * goes away while sessions log out is one line and exit 1, never a JVM crash. No stack trace in any of them.
 */
@Timeout(60)
class GatewayMainTest
{
    @TempDir
    Path dir;

    static Stream<List<String>> badArguments()
    {
        return Stream.of(
            List.of("--bogus"),
            List.of("--settings"),
            List.of(),
            List.of("--settings", "gateway.cfg", "--connect-attempts", "-1"),
            List.of("--settings", "gateway.cfg", "--connect-attempts", "three"),
            List.of("--settings", "gateway.cfg", "--engine-backlog-bytes", "99999999999"),
            List.of("--settings", "gateway.cfg", "--idle", "sometimes"),
            List.of("--settings", "no-such-file.cfg"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void aBadArgumentIsOneLineAndExitCode2(final List<String> args) throws Exception
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        final int exitCode = GatewayMain.run(args.toArray(new String[0]), print(out), print(err), false);

        assertEquals(GatewayMain.EXIT_USAGE, exitCode);
        final List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), () -> "one line, got: " + lines);
        assertTrue(lines.get(0).startsWith("basis-gateway: "), lines.get(0));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnreachableExchangeIsOneLinePerAttemptThenExitCode1() throws Exception
    {
        final Path settings = new GatewaySettings(dir, freePort(), freePort()).write();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream systemErr = System.err;
        final int exitCode;
        final long startNs = System.nanoTime();
        // The gateway's own threads log to standard error.
        System.setErr(print(err));
        try
        {
            exitCode = GatewayMain.run(new String[]{ "--settings", settings.toString(), "--embedded-driver",
                "--aeron-dir", dir.resolve("aeron").toString(), "--connect-attempts", "3" },
                print(new ByteArrayOutputStream()), System.err, false);
        }
        finally
        {
            System.setErr(systemErr);
        }

        final String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(GatewayMain.EXIT_FAILURE, exitCode, log);
        assertTrue(System.nanoTime() - startNs < TimeUnit.SECONDS.toNanos(20), "bounded: " + log);
        assertTrue(log.contains("cannot connect to order entry FIX.4.4:BASIS-OE->SIM 127.0.0.1:") &&
            log.contains("connection refused; attempt 1 of 3, next in 1 s"), log);
        assertTrue(log.contains("; attempt 2 of 3, next in 1 s"), log);
        assertTrue(log.lines().anyMatch(line -> line.startsWith("basis-gateway: cannot connect to ") &&
            line.endsWith("gave up after 3 attempts (--connect-attempts 3)")), log);
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
        assertFalse(log.contains(" during connection to "), "QuickFIX/J's own line is not repeated: " + log);
    }

    @Test
    void aMediaDriverThatGoesAwayWhileSessionsLogOutStopsTheGatewayWithOneLineNotACrash() throws Exception
    {
        final int orderEntryPort = freePort();
        final int marketDataPort = freePort();
        final TestAcceptor exchange = new TestAcceptor(orderEntryPort, marketDataPort);
        final MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        Process gateway = null;
        try
        {
            final Path settings = new GatewaySettings(dir, orderEntryPort, marketDataPort).write();
            gateway = childGateway(settings, driver.aeronDirectoryName());
            try (AeronEngineEndpoint engine = new AeronEngineEndpoint(driver.aeronDirectoryName(), this::childLog))
            {
                engine.awaitLoggedOn(SessionRole.ORDER_ENTRY);
                engine.awaitLoggedOn(SessionRole.MARKET_DATA);
            }

            // The driver goes; at the same moment the exchange drops both sessions, so QuickFIX/J's logout
            // callbacks run while the gateway's Aeron client is losing its driver.
            driver.close();
            exchange.close();

            assertTrue(gateway.waitFor(30, TimeUnit.SECONDS), () -> "the gateway did not stop; " + childLog());
            final String log = childLog();
            assertNotEquals(134, gateway.exitValue(), "SIGABRT: the JVM crashed; " + log);
            assertEquals(GatewayMain.EXIT_FAILURE, gateway.exitValue(), log);
            assertTrue(log.lines().anyMatch(line -> line.startsWith("basis-gateway: ") &&
                line.contains("media driver")), log);
            assertFalse(log.contains("\tat "), "no stack trace: " + log);
            try (Stream<Path> files = Files.list(dir))
            {
                assertTrue(files.noneMatch(file -> file.getFileName().toString().startsWith("hs_err")),
                    "no JVM crash report; " + log);
            }
        }
        finally
        {
            if (gateway != null && gateway.isAlive())
            {
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            CloseHelper.quietCloseAll(exchange, driver);
        }
    }

    /** The gateway in its own JVM, as deployed, with a short driver timeout so the test is quick. */
    private Process childGateway(final Path settings, final String aeronDirectoryName) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-Daeron.driver.timeout=2000");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GatewayMain.class.getName());
        command.addAll(List.of("--settings", settings.toString(), "--aeron-dir", aeronDirectoryName,
            "--connect-attempts", "0"));
        return new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("gateway.out").toFile())
            .redirectError(dir.resolve("gateway.err").toFile())
            .start();
    }

    private String childLog()
    {
        try
        {
            return "stderr:\n" + Files.readString(dir.resolve("gateway.err")) + "stdout:\n" +
                Files.readString(dir.resolve("gateway.out"));
        }
        catch (final IOException ex)
        {
            return "no child log: " + ex;
        }
    }

    private static PrintStream print(final ByteArrayOutputStream bytes)
    {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
