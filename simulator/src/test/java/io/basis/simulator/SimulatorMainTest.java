package io.basis.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            "--trading-date", "2025-01-02", "--days-to-expiry", "40", "--quiet"});
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
        assertEquals(40, config.market().daysToExpiry());
        assertTrue(!config.logSessionEvents());
        assertNull(CommandLine.parse(new String[]{"--seed", "1", "--help"}));
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
        for (final String option : new String[]{"--refdata", "--oe-port", "--md-port", "--seed", "--tick-ms",
            "--record", "--oe-comp-id", "--md-comp-id", "--help"})
        {
            assertTrue(help.contains(option), option);
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
