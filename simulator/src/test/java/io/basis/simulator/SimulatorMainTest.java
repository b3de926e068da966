package io.basis.simulator;

import io.basis.simulator.fault.FaultCommands;
import io.basis.simulator.fix.SessionDefinition;
import io.basis.simulator.fix.SessionExtensions;
import io.basis.simulator.fix.SessionRole;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.ConsoleCapture;
import io.basis.simulator.support.TestReferenceData;
import io.basis.simulator.trading.DaySchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class SimulatorMainTest
{
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void defaults() throws Exception
    {
        final SimulatorConfig config = CommandLine.parse(new String[0]);
        assertEquals(Path.of("refdata", "kospi200"), config.referenceDataDirectory());
        assertEquals(9878, config.orderEntryPort());
        assertEquals(9879, config.marketDataPort());
        assertEquals(42, config.market().seed());
        assertEquals(50, config.market().tickMillis());
        assertEquals("BASIS-OE", config.orderEntryCompId());
        assertEquals("BASIS-MD", config.marketDataCompId());
        assertEquals("SIM", config.exchangeCompId());
        assertNull(config.recordFile());
    }

    @Test
    void parsesEveryOption() throws Exception
    {
        final SimulatorConfig config = CommandLine.parse(new String[]{
            "--refdata", "data", "--oe-port", "7001", "--md-port=7002", "--seed", "-3", "--tick-ms", "10",
            "--record", "r.properties", "--oe-comp-id", "OE", "--md-comp-id", "MD", "--exchange-comp-id", "X",
            "--trade-date", "2025-01-02", "--quiet"});
        assertEquals(Path.of("data"), config.referenceDataDirectory());
        assertEquals(7001, config.orderEntryPort());
        assertEquals(7002, config.marketDataPort());
        assertEquals(-3, config.market().seed());
        assertEquals(10, config.market().tickMillis());
        assertEquals(Path.of("r.properties"), config.recordFile());
        assertEquals("OE", config.orderEntryCompId());
        assertEquals("MD", config.marketDataCompId());
        assertEquals("X", config.exchangeCompId());
        assertEquals(LocalDate.of(2025, 1, 2), config.tradingDate());
        assertEquals(LocalDate.of(2024, 3, 4),
            CommandLine.parse(new String[]{"--trading-date", "2024-03-04"}).tradingDate(), "the older name");
        assertTrue(!config.logSessionEvents());
        assertNull(CommandLine.parse(new String[]{"--seed", "1", "--help"}));
    }

    @Test
    void parsesFaultSessionAndMarketOptions() throws Exception
    {
        final Path replay = Files.writeString(directory.resolve("r.csv"), "symbol,side,level,price,size\n");
        final SimulatorConfig config = CommandLine.parse(new String[]{
            "--control-port", "0", "--fault", "reject-fraction 0.1", "--fault=hold-fills 005930",
            "--fault-seed", "9", "--vi-seconds", "30", "--session", "oe:OE2:4.2:ACC2",
            "--session", "md:MD5:5.0SP2::u:p", "--no-default-sessions", "--replay", replay.toString(),
            "--day-schedule", "10,300,30"});
        assertEquals(0, config.controlPort());
        assertEquals(List.of("reject-fraction 0.1", "hold-fills 005930"), config.faults());
        assertEquals(9, config.faultSeed());
        assertEquals(Duration.ofSeconds(30), config.volatilityInterruption());
        assertEquals(List.of(
            new SessionDefinition(SessionRole.ORDER_ENTRY, "OE2", "FIX.4.2", "ACC2", null, null),
            new SessionDefinition(SessionRole.MARKET_DATA, "MD5", "FIXT.1.1", "MD5", "u", "p")), config.sessions());
        assertEquals(replay, config.replayFile());
        assertEquals(new DaySchedule(Duration.ofSeconds(10), Duration.ofSeconds(300), Duration.ofSeconds(30)),
            config.daySchedule());
    }

    @Test
    void theDefaultSessionsGetTheBasisExtensionsAndAddedSessionsOnlyIfTheyAsk() throws Exception
    {
        assertEquals(List.of(
            new SessionDefinition(SessionRole.ORDER_ENTRY, "BASIS-OE", "FIX.4.4", "BASIS-OE", null, null,
                SessionExtensions.BASIS),
            new SessionDefinition(SessionRole.MARKET_DATA, "BASIS-MD", "FIX.4.4", "BASIS-MD", null, null,
                SessionExtensions.BASIS),
            new SessionDefinition(SessionRole.MARKET_DATA, "PLAIN", "FIX.4.4", "PLAIN", null, null,
                SessionExtensions.STANDARD),
            new SessionDefinition(SessionRole.MARKET_DATA, "GW2", "FIXT.1.1", "GW2", null, null,
                SessionExtensions.BASIS),
            new SessionDefinition(SessionRole.ORDER_ENTRY, "OE3", "FIX.4.2", "OE3", null, null,
                SessionExtensions.STANDARD)),
            CommandLine.parse(new String[]{"--session", "md:PLAIN", "--session", "MD+Basis:GW2:5.0SP2",
                "--session", "oe+standard:OE3:4.2"}).sessions());
        assertEquals(List.of(SessionExtensions.STANDARD, SessionExtensions.STANDARD),
            CommandLine.parse(new String[]{"--standard-default-sessions"}).sessions().stream()
                .map(SessionDefinition::extensions).toList());
    }

    @Test
    void rejectsBadFaultAndSessionArguments()
    {
        assertUsage("session extensions must be +basis or +standard: md+fancy", "--session", "md+fancy:A");
        assertUsage("session role takes one +basis or +standard: md+basis+standard", "--session",
            "md+basis+standard:A");
        assertUsage("session role must be oe or md: xx", "--session", "xx:A");
        assertUsage("session version must be 4.2, 4.4 or 5.0SP2: 4.3", "--session", "oe:A:4.3");
        assertUsage("day schedule needs PRE,CONTINUOUS,CLOSING seconds: 1,2", "--day-schedule", "1,2");
        assertUsage("--control-port must be in 0..65535, got -1", "--control-port", "-1");
        assertEquals(2, run("--fault", "frobnicate", "--oe-port", "1", "--md-port", "2", "--refdata",
            TestReferenceData.kospi200Directory().toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("fault 'frobnicate': error unknown command"),
            err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsBadArguments()
    {
        assertUsage("unknown option: --nope", "--nope");
        assertUsage("--oe-port needs a value", "--oe-port");
        assertUsage("--oe-port must be in 1..65535, got 0", "--oe-port", "0");
        assertUsage("--tick-ms needs a whole number, got 'fast'", "--tick-ms", "fast");
        assertUsage("order-entry and market-data ports must differ: 9000", "--oe-port", "9000", "--md-port", "9000");
        assertUsage("--trading-date needs a date YYYY-MM-DD, got '23/11/2026'", "--trading-date", "23/11/2026");
    }

    @Test
    void helpPrintsEveryOptionAndExitsZero()
    {
        assertEquals(0, run("--help"));
        final String help = out.toString(StandardCharsets.UTF_8);
        for (final String option : new String[]{"--refdata", "--trade-date", "--trading-date", "--oe-port",
            "--md-port", "--seed", "--tick-ms", "--record", "--oe-comp-id", "--md-comp-id", "--exchange-comp-id",
            "--control-port", "--fault", "--fault-seed", "--vi-seconds", "--session", "--no-default-sessions",
            "--standard-default-sessions",
            "--tls-keystore", "--tls-password", "--replay", "--day-schedule", "--definitions-on-logon", "--quiet",
            "--help"})
        {
            assertTrue(help.contains(option), option);
        }
        for (final String command : FaultCommands.HELP)
        {
            assertTrue(help.contains(command), command);
        }
    }

    @Test
    void exitsTwoOnBadArgumentsOrReferenceData() throws Exception
    {
        assertEquals(2, run("--seed", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--seed needs a whole number"));
        err.reset();

        Files.writeString(directory.resolve("tick-tables.csv"), "table,effectiveFrom,fromPrice,tick\nKRX,x,0,1\n");
        assertEquals(2, run("--refdata", directory.toString(), "--oe-port", "1", "--md-port", "2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
            "tick-tables.csv:2: field effectiveFrom: not an ISO date (yyyy-mm-dd): 'x'"), err.toString());
    }

    @Test
    void aBusyOrderEntryPortIsOneLineAndExitCodeOneWithoutAStackTrace() throws Exception
    {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ConsoleCapture console = new ConsoleCapture())
        {
            final int marketDataPort = FixClient.freePort();
            assertEquals(1, run("--quiet", "--refdata", TestReferenceData.kospi200Directory().toString(),
                "--oe-port", Integer.toString(busy.getLocalPort()), "--md-port", Integer.toString(marketDataPort)));
            assertEquals("simulator: cannot listen on 127.0.0.1:" + busy.getLocalPort() +
                " (order entry): address already in use\n", err.toString(StandardCharsets.UTF_8));
            assertFalse(console.hasStackTrace(), console.err() + console.out());
        }
    }

    @Test
    void aBusyMarketDataOrControlPortIsOneLineAndExitCodeOne() throws Exception
    {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ConsoleCapture console = new ConsoleCapture())
        {
            final String refdata = TestReferenceData.kospi200Directory().toString();
            final String port = Integer.toString(busy.getLocalPort());
            assertEquals(1, run("--quiet", "--refdata", refdata, "--oe-port",
                Integer.toString(FixClient.freePort()), "--md-port", port));
            assertEquals("simulator: cannot listen on 127.0.0.1:" + port + " (market data): address already in use\n",
                err.toString(StandardCharsets.UTF_8));
            err.reset();
            assertEquals(1, run("--quiet", "--refdata", refdata, "--oe-port", Integer.toString(FixClient.freePort()),
                "--md-port", Integer.toString(FixClient.freePort()), "--control-port", port));
            assertEquals("simulator: cannot listen on 127.0.0.1:" + port + " (control): address already in use\n",
                err.toString(StandardCharsets.UTF_8));
            assertFalse(console.hasStackTrace(), console.err() + console.out());
        }
    }

    @Test
    void aBadArgumentIsOneLineAndExitCodeTwo()
    {
        assertEquals(2, run("--md-port", "http"));
        assertEquals("simulator: --md-port needs a whole number, got 'http' (run with --help for the options)\n",
            err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileThatIsNotAKeyStoreIsOneLineAndExitCodeTwo() throws Exception
    {
        final Path notAKeyStore = Files.writeString(directory.resolve("simulator.p12"), "not a key store\n");
        try (ConsoleCapture console = new ConsoleCapture())
        {
            assertEquals(2, run("--quiet", "--tls-keystore", notAKeyStore.toString(), "--tls-password", "x"));
            final String line = err.toString(StandardCharsets.UTF_8);
            assertTrue(line.startsWith("simulator: TLS key store " + notAKeyStore + " cannot be opened: "), line);
            assertEquals(1, line.lines().count(), line);
            assertFalse(console.hasStackTrace(), console.err() + console.out());
        }
    }

    private int run(final String... args)
    {
        return SimulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static void assertUsage(final String message, final String... args)
    {
        final CommandLine.UsageException ex = assertThrows(CommandLine.UsageException.class,
            () -> CommandLine.parse(args));
        assertEquals(message, ex.getMessage());
    }
}
