package io.basis.demo;

import io.aeron.Aeron;
import io.basis.engine.live.Engine;
import io.basis.engine.EngineConfig;
import io.basis.engine.status.EngineReport;
import io.basis.engine.admin.AdminClient;
import io.basis.engine.pricing.ModelState;
import io.basis.gateway.Gateway;
import io.basis.gateway.GatewayConfig;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.market.MarketParameters;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline in one JVM through the embedding APIs: the simulator's FIX acceptor, the gateway's QuickFIX/J
 * sessions over loopback TCP on free ports with its media driver, and the engine over Aeron IPC.
 */
@Timeout(120)
class PipelineSystemTest
{
    private static final String ACCOUNT = "BASIS1";

    @TempDir
    Path dir;

    private Simulator simulator;
    private Gateway gateway;
    private Engine engine;
    private Aeron operator;

    @AfterEach
    void tearDown()
    {
        CloseHelper.quietCloseAll(operator, engine, gateway, simulator);
    }

    @Test
    void programsTradeToTerminalStatesAndEnginePositionsEqualTheExchangeRecord() throws Exception
    {
        final Path refdata = Path.of("..", "refdata", "kospi200");
        final int oePort = Demo.freePort();
        final int mdPort = Demo.freePort();
        simulator = Simulator.start(new SimulatorConfig()
            .referenceDataDirectory(refdata)
            .orderEntryPort(oePort)
            .marketDataPort(mdPort)
            .logSessionEvents(false)
            // A wide mispricing so that the bounds are crossed within seconds.
            .market(new MarketParameters().seed(7).mispricingStdPoints(3.0).mispricingHalfLifeSeconds(3.0)));
        gateway = Gateway.launch(GatewayConfig.builder()
            .settingsFile(Demo.writeGatewaySettings(dir, oePort, mdPort))
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .embeddedDriver(true)
            .account(ACCOUNT)
            .build());

        final AtomicLong validValuations = new AtomicLong();
        final EngineConfig config = new EngineConfig();
        config.refdataDir = refdata;
        config.aeronDir = gateway.aeronDirectoryName();
        config.valuationListener = (instrumentId, valuation) ->
        {
            if (valuation.modelState() == ModelState.VALID)
            {
                validValuations.lazySet(validValuations.get() + 1);
            }
        };
        engine = Engine.launch(config);

        Await.until("a program completed",
            () -> engine.status().get(EngineCounters.PROGRAMS_COMPLETED) >= 1, () -> "");
        assertTrue(validValuations.get() > 0, "the embedding listener saw valid valuations");

        operator = Aeron.connect(new Aeron.Context().aeronDirectoryName(gateway.aeronDirectoryName()));
        try (AdminClient admin = AdminClient.withDefaultKeys(operator))
        {
            Await.until("the engine took CANCEL_ALL", () -> admin.send(AdminCommandType.CANCEL_ALL) > 0, () -> "");
        }
        Await.until("no working orders", () -> engine.status().get(EngineCounters.WORKING_ORDERS) == 0 &&
            engine.status().get(EngineCounters.TRADING_STATE) == 2, () -> "");
        engine.close();

        final EngineReport report = engine.report();
        assertTrue(report.programsSent() >= 1);
        assertEquals(report.programsSent(), report.programsCompleted(), "every program has all legs terminal");
        assertEquals(0, report.workingOrders());
        assertEquals(0, report.fillMismatches());
        assertTrue(report.fills() > 0);
        Await.until("the exchange has no live order of the engine",
            () -> simulator.record().liveOrders(ACCOUNT).isEmpty(), () -> "");
        for (final Map.Entry<String, Long> position : report.positions().entrySet())
        {
            assertEquals(simulator.record().netPosition(ACCOUNT, position.getKey()), position.getValue(),
                "position in " + position.getKey());
        }
    }


}
