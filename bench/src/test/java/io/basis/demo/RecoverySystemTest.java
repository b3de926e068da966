package io.basis.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.basis.engine.live.Engine;
import io.basis.engine.EngineConfig;
import io.basis.engine.EngineListener;
import io.basis.engine.status.EngineReport;
import io.basis.engine.admin.AdminClient;
import io.basis.engine.order.ProgramOrder;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.sbe.Direction;
import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.market.MarketParameters;
import io.basis.simulator.record.OrderRecord;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost, nothing doubled: the gateway killed with -9 in the middle of a working basket and restarted, the
 * engine stopped while fills arrive and started again, and the exchange dropping the order-entry session. The
 * simulator and a standalone media driver run in this JVM (so that they outlive the processes killed), the gateway
 * in its own JVM with the order-entry session keeping its sequence numbers (ResetOnLogon=N), as against an
 * exchange; the engine in this JVM. Every run ends with the engine's positions equal to the exchange's record.
 */
@Timeout(180)
class RecoverySystemTest
{
    private static final String ACCOUNT = "BASIS1";
    private static final String SAMSUNG = "005930";
    private static final Path REFDATA = Path.of("..", "refdata", "kospi200");

    @TempDir
    Path dir;

    private final Queue<String> completed = new ConcurrentLinkedQueue<>();
    private Simulator simulator;
    private MediaDriver driver;
    private ChildProcess gateway;
    private Path gatewaySettings;
    private Engine engine;
    private Aeron operator;
    private AdminClient admin;
    private int gatewayStarts;

    @BeforeEach
    void setUp() throws IOException
    {
        final int oePort = Demo.freePort();
        final int mdPort = Demo.freePort();
        simulator = Simulator.start(new SimulatorConfig()
            .referenceDataDirectory(REFDATA)
            .orderEntryPort(oePort)
            .marketDataPort(mdPort)
            .logSessionEvents(false)
            .market(new MarketParameters().seed(17)));
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        gatewaySettings = Demo.writeGatewaySettings(dir, oePort, mdPort, true);
        startGateway();
        operator = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        admin = AdminClient.withDefaultKeys(operator);
        engine = launchEngine();
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.quietCloseAll(admin, operator, engine);
        if (gateway != null)
        {
            gateway.stop(10_000);
        }
        CloseHelper.quietCloseAll(simulator, driver);
    }

    @Test
    void aGatewayKilledMidBasketIsRestartedAndEveryOrderIsReconciledOnce()
    {
        simulator.faults().holdFills(SAMSUNG);
        submitProgram();
        awaitTrue("Samsung's leg working, the rest filled", () -> workingOrders() == 1);

        assertTrue(gateway.kill(), "gateway killed");
        // Fills while the gateway is dead: the exchange stores their reports for resend.
        awaitTrue("released", () -> simulator.faults().releaseFills(SAMSUNG) > 0);
        awaitTrue("Samsung filled on the exchange", () -> simulator.record().liveOrders(ACCOUNT).isEmpty());
        startGateway();

        awaitTrue("the program completed", () -> completed.contains("MANUAL COMPLETE"));
        awaitTrue("the restarted gateway asked the status of the open order",
            () -> gatewayCounter("order status requests") >= 1);
        final EngineReport report = closeEngine();
        assertEquals(0, report.fillMismatches(), "every fill booked once, in order");
        assertReconciled(report);
        assertNoClOrdIdUsedTwice();
    }

    @Test
    void anEngineStoppedWhileFillsArriveLearnsThemWhenItRestarts()
    {
        simulator.faults().holdFills(SAMSUNG);
        submitProgram();
        awaitTrue("Samsung's leg working, the rest filled", () -> workingOrders() == 1);
        engine.close();
        final EngineReport first = engine.report();

        // Fills arrive while no engine is connected: the gateway keeps their reports.
        awaitTrue("released", () -> simulator.faults().releaseFills(SAMSUNG) > 0);
        awaitTrue("Samsung filled on the exchange", () -> simulator.record().liveOrders(ACCOUNT).isEmpty());
        engine = launchEngine();

        awaitTrue("the restarted engine adopted the order and booked its fills",
            () -> engine.status().get(EngineCounters.FILLS) > 0 && workingOrders() == 0);
        final EngineReport second = closeEngine();
        assertTrue(second.positions().get(SAMSUNG) > 0, "Samsung's fills reached the second engine");
        for (final Map.Entry<String, Long> position : second.positions().entrySet())
        {
            final String symbol = position.getKey();
            assertEquals(simulator.record().netPosition(ACCOUNT, symbol),
                first.positions().get(symbol) + position.getValue(),
                "fills of " + symbol + " booked exactly once across the two engines");
        }
        assertNoClOrdIdUsedTwice();
    }

    @Test
    void theExchangeDroppingTheSessionMidBasketIsToldToTheEngineAndRecovered()
    {
        simulator.faults().holdFills(SAMSUNG);
        submitProgram();
        awaitTrue("Samsung's leg working, the rest filled", () -> workingOrders() == 1);

        assertEquals(1, simulator.faults().dropSession("OE", true));
        awaitTrue("the engine was told the order session is down",
            () -> engine.status().get(EngineCounters.ORDER_SESSION_UP) == 0);
        awaitTrue("released", () -> simulator.faults().releaseFills(SAMSUNG) > 0);
        awaitTrue("the gateway logged on again", () -> engine.status().get(EngineCounters.ORDER_SESSION_UP) == 1);

        awaitTrue("the program completed", () -> completed.contains("MANUAL COMPLETE"));
        final EngineReport report = closeEngine();
        assertEquals(0, report.fillMismatches());
        assertReconciled(report);
        assertNoClOrdIdUsedTwice();
    }

    private Engine launchEngine()
    {
        final EngineConfig config = new EngineConfig();
        config.refdataDir = REFDATA;
        config.aeronDir = driver.aeronDirectoryName();
        config.strategy = "edge";
        config.edgeThreshold = 1.0e9;
        // Legging control stays out of the way: only the recovery is under test.
        config.riskLimits.maxLeggedNs = TimeUnit.MINUTES.toNanos(5);
        config.programTimeoutMs = 300_000;
        config.listener = new EngineListener()
        {
            @Override
            public void onProgramCompleted(final ProgramOrder program)
            {
                completed.add(program.kind() + " " + program.state());
            }
        };
        final Engine launched = Engine.launch(config);
        Await.until("market data valued", () -> launched.status().get(EngineCounters.MODEL_STATE) == 0 &&
            launched.status().get(EngineCounters.ORDER_SESSION_UP) == 1, () -> "model " +
            launched.status().get(EngineCounters.MODEL_STATE) + ", order session " +
            launched.status().get(EngineCounters.ORDER_SESSION_UP) + ", updates " +
            launched.status().get(EngineCounters.MARKET_DATA_UPDATES) + ", gateway backlog " +
            gatewayCounter("bytes buffered for the engine") + ", to engine " + gatewayCounter("messages to engine") +
            ", gateway: " + gateway.tail());
        return launched;
    }

    private void startGateway()
    {
        gatewayStarts++;
        gateway = ChildProcess.start("gateway", Path.of(System.getProperty("java.class.path")), dir,
            "io.basis.gateway.GatewayMain", List.of("--settings", gatewaySettings.toString(),
                "--aeron-dir", driver.aeronDirectoryName(), "--account", ACCOUNT));
    }

    private void submitProgram()
    {
        awaitTrue("the engine took the program", () -> admin.submitProgram(Direction.CASH_AND_CARRY, 1) > 0);
    }

    private long workingOrders()
    {
        return engine.status().get(EngineCounters.WORKING_ORDERS);
    }

    private long gatewayCounter(final String label)
    {
        final long[] value = {-1};
        operator.countersReader().forEach((counterId, typeId, keyBuffer, counterLabel) ->
        {
            if (typeId == GatewayCounters.TYPE_ID && counterLabel.equals(GatewayCounters.LABEL_PREFIX + label))
            {
                value[0] = operator.countersReader().getCounterValue(counterId);
            }
        });
        return value[0];
    }

    private EngineReport closeEngine()
    {
        engine.close();
        final EngineReport report = engine.report();
        assertEquals(0, report.workingOrders());
        return report;
    }

    private void assertReconciled(final EngineReport report)
    {
        ExchangeReconciliation.assertPositionsEqualTheExchange(simulator, ACCOUNT, report, this::state);
    }

    private void assertNoClOrdIdUsedTwice()
    {
        final Set<String> seen = new HashSet<>();
        for (final OrderRecord order : simulator.record().orders(ACCOUNT))
        {
            assertTrue(seen.add(order.clOrdId()), "ClOrdID " + order.clOrdId() + " reached the exchange twice");
        }
    }

    private String state()
    {
        return "completed " + completed + ", working " + workingOrders() + ", fills " +
            engine.status().get(EngineCounters.FILLS) + ", gateway starts " + gatewayStarts + ", gateway: " +
            gateway.tail();
    }

    private void awaitTrue(final String what, final BooleanSupplier condition)
    {
        Await.until(what, condition, this::state);
    }
}
