package io.basis.demo;

import io.basis.engine.EngineConfig;
import io.basis.engine.EngineOptions;
import io.basis.engine.journal.ReplayMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline as three operating-system processes started from the distribution jar: the simulator, the
 * gateway with its media driver, and the engine, over loopback FIX on free ports and Aeron IPC.
 */
@Timeout(180)
class DemoProcessesIT
{
    @TempDir
    Path runDir;

    @Test
    void aNormalRunEntersAndExitsTradesProgramsToTerminalStatesAndReconcilesWithTheExchange() throws Exception
    {
        // The demo as a user runs it: 60 seconds, the default seed 42 (the market's path is fixed; only when the
        // engine starts on it varies). The simulator's mispricing is centred on the engine's fair value, so
        // positions are closed as well as opened.
        final DemoConfig config = config(60, runDir.resolve("run"));
        config.reportFile = runDir.resolve("report.json");
        config.live = false;

        final DemoReport report;
        try (Demo demo = new Demo(config, System.out))
        {
            report = demo.run();
        }
        System.out.println(report.summary());

        assertTrue(report.failures().isEmpty(), () -> "failures: " + report.failures());
        assertTrue(report.programOrders() >= 1, "at least one program order");
        assertTrue(report.entries() >= 1, () -> "an entry: " + report.summary());
        assertTrue(report.exits() >= 1, () -> "a program in the other direction closed a position: " +
            report.summary());
        assertTrue(Long.parseLong(report.realizedPnl()) != 0, () -> "an exit realizes P&L: " + report.summary());
        assertEquals(report.programOrders(), report.completedPrograms(), "every program has all legs terminal");
        assertTrue(report.reconciled(), "engine positions equal the exchange's record");
        assertEquals(0, report.exchangeLiveOrders(), "no order of the engine's account is left on the exchange");
        final String json = report.toJson();
        assertTrue(json.contains("\"role\": \"simulator\"") && json.contains("\"role\": \"gateway\"") &&
            json.contains("\"role\": \"engine\""), json);
        assertTrue(json.contains("\"warmUpPrograms\": 1") && json.contains("\"firstLeg\": {\"count\": ") &&
            json.contains("\"lastLeg\": {\"count\": "), json);
        report.write(config.reportFile);
        assertTrue(Files.size(config.reportFile) > 0);

        final ReplayMain.Result replay = ReplayMain.replay(config.runDir.resolve("basis-archive"), Long.MIN_VALUE,
            Long.MAX_VALUE, commandLine -> engineConfig(commandLine));
        assertTrue(replay.replay().identical(), replay.toJson());
        assertTrue(replay.replay().outputs() >= report.programOrders(), replay.toJson());
    }

    @Test
    void aCrashDrillKillsTheEngineAndTheGatewayMidRunAndEverythingStillReconciles() throws Exception
    {
        final DemoConfig config = config(30, runDir.resolve("crash"));
        config.live = false;
        config.crashes.add(new DemoConfig.Crash("engine", 8));
        config.crashes.add(new DemoConfig.Crash("gateway", 16));

        final DemoReport report;
        try (Demo demo = new Demo(config, System.out))
        {
            report = demo.run();
        }
        System.out.println(report.summary());

        assertTrue(report.failures().isEmpty(), () -> "failures: " + report.failures());
        assertTrue(report.reconciled(), "engine positions equal the exchange's record across both crashes");
        assertEquals(0, report.exchangeLiveOrders(), "no order of the engine's account is left on the exchange");
        final String json = report.toJson();
        assertTrue(json.contains("{\"role\": \"engine\", \"atSecond\": 8, \"restartedAfterMs\": ") &&
            json.contains("{\"role\": \"gateway\", \"atSecond\": 16, \"restartedAfterMs\": "), json);

        final ReplayMain.Result replay = ReplayMain.replay(config.runDir.resolve("basis-archive"), Long.MIN_VALUE,
            Long.MAX_VALUE, commandLine -> engineConfig(commandLine));
        assertTrue(replay.replay().identical(), replay.toJson());
        assertEquals(2, replay.replay().runs(), "the run before the crash and the run that continued it");
    }

    @Test
    void anEngineKilledAtEachPointOfAWorkingBasketRestartsWithEveryOrderKnownAndNoClOrdIdTwice() throws Exception
    {
        // Kept after the run (under target/), for the logs and the archive if it fails.
        final DemoConfig config = config(60, Path.of("target", "crash-points-" + System.currentTimeMillis()));
        config.live = false;
        for (final CrashPoint point : CrashPoint.values())
        {
            config.crashes.add(new DemoConfig.Crash("engine", -1, point));
        }

        final DemoReport report;
        try (Demo demo = new Demo(config, System.out))
        {
            report = demo.run();
        }
        System.out.println(report.summary());

        assertTrue(report.failures().isEmpty(), () -> "failures: " + report.failures());
        final String json = report.toJson();
        for (final CrashPoint point : CrashPoint.values())
        {
            assertTrue(json.contains("\"point\": \"" + point.label() + "\""), json);
        }
        assertTrue(report.reconciled(), "engine positions equal the exchange's record across four crashes");
        assertEquals(0, report.exchangeLiveOrders(), "no order of the engine's account is left on the exchange");
        assertEquals(report.programOrders(), report.completedPrograms(), "every program has all legs terminal");
        final Properties exchange = new Properties();
        try (Reader reader = Files.newBufferedReader(config.runDir.resolve("exchange-record.properties")))
        {
            exchange.load(reader);
        }
        assertEquals("0", exchange.getProperty("account." + Demo.ACCOUNT + ".rejects"),
            "the exchange refused no order: no ClOrdID was sent twice");

        final ReplayMain.Result replay = ReplayMain.replay(config.runDir.resolve("basis-archive"), Long.MIN_VALUE,
            Long.MAX_VALUE, commandLine -> engineConfig(commandLine));
        assertTrue(replay.replay().identical(), replay.toJson());
        assertEquals(1 + CrashPoint.values().length, replay.replay().runs());
    }

    private static DemoConfig config(final int seconds, final Path runDir)
    {
        final DemoConfig config = new DemoConfig();
        config.seconds = seconds;
        config.refdataDir = Path.of("..", "refdata", "kospi200");
        config.jar = Path.of(System.getProperty("basis.jar"));
        config.runDir = runDir;
        return config;
    }

    /**
     * The engine's settings as it parsed them from the recorded command line; its reference data path is relative
     * to where the demo started it, the module directory.
     */
    private static EngineConfig engineConfig(final String commandLine)
    {
        return EngineOptions.parse(commandLine.split("\n"));
    }
}
