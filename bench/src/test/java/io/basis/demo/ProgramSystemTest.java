package io.basis.demo;

import io.aeron.Aeron;
import io.basis.engine.live.Engine;
import io.basis.engine.EngineConfig;
import io.basis.engine.EngineListener;
import io.basis.engine.status.EngineReport;
import io.basis.engine.admin.AdminClient;
import io.basis.engine.order.ProgramKind;
import io.basis.engine.order.ProgramOrder;
import io.basis.engine.order.ProgramState;
import io.basis.engine.risk.RiskReason;
import io.basis.gateway.Gateway;
import io.basis.gateway.GatewayConfig;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.KillScope;
import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.market.MarketParameters;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Program orders against the exchange simulator over real FIX and Aeron, driven as an operator would: submitted
 * over the control stream, with the simulator misbehaving on demand. The engine's own strategy is switched off
 * (an edge no market reaches) so that only the submitted programs trade.
 */
@Timeout(120)
class ProgramSystemTest
{
    private static final String ACCOUNT = "BASIS1";
    private static final String SAMSUNG = "005930";

    @TempDir
    Path dir;

    private final Queue<String> completed = new ConcurrentLinkedQueue<>();
    private final Queue<RiskReason> refused = new ConcurrentLinkedQueue<>();
    private final Queue<long[]> manualFills = new ConcurrentLinkedQueue<>();
    private Simulator simulator;
    private Gateway gateway;
    private Engine engine;
    private Aeron operator;
    private AdminClient admin;

    @BeforeEach
    void setUp() throws IOException
    {
        final Path refdata = Path.of("..", "refdata", "kospi200");
        final int oePort = Demo.freePort();
        final int mdPort = Demo.freePort();
        simulator = Simulator.start(new SimulatorConfig()
            .referenceDataDirectory(refdata)
            .orderEntryPort(oePort)
            .marketDataPort(mdPort)
            .logSessionEvents(false)
            .market(new MarketParameters().seed(11)));
        gateway = Gateway.launch(GatewayConfig.builder()
            .settingsFile(Demo.writeGatewaySettings(dir, oePort, mdPort))
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .embeddedDriver(true)
            .account(ACCOUNT)
            .build());

        final EngineConfig config = new EngineConfig();
        config.refdataDir = refdata;
        config.aeronDir = gateway.aeronDirectoryName();
        config.strategy = "edge";
        config.edgeThreshold = 1.0e9;
        config.riskLimits.maxLeggedNs = TimeUnit.MILLISECONDS.toNanos(500);
        config.programTimeoutMs = 10_000;
        config.listener = new EngineListener()
        {
            @Override
            public void onProgramCompleted(final ProgramOrder program)
            {
                if (program.kind() == ProgramKind.MANUAL)
                {
                    // Contracts that hedge what the basket filled, and contracts the hedge leg filled.
                    manualFills.add(new long[]
                    {
                        Math.round(program.basketFilledFraction() * program.hedgeTarget()), program.hedgeFilled()
                    });
                }
                completed.add(program.kind() + " " + program.state());
            }

            @Override
            public void onRiskReject(final RiskReason reason)
            {
                refused.add(reason);
            }
        };
        engine = Engine.launch(config);
        operator = Aeron.connect(new Aeron.Context().aeronDirectoryName(gateway.aeronDirectoryName()));
        admin = AdminClient.withDefaultKeys(operator);
        awaitTrue("market data valued", () -> engine.status().get(EngineCounters.MODEL_STATE) == 0 &&
            engine.status().get(EngineCounters.MARKET_DATA_UPDATES) > 500);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.quietCloseAll(admin, operator, engine, gateway, simulator);
    }

    @Test
    void aProgramFillsFullyAndCompletes()
    {
        submit(Direction.CASH_AND_CARRY, 2);

        awaitTrue("the program completed", () -> completed.contains("MANUAL COMPLETE"));
        final EngineReport report = closeEngine();
        assertEquals(-2, report.positions().get("K200F"));
        assertTrue(report.positions().get(SAMSUNG) > 0);
        assertReconciled(report);
    }

    @Test
    void aProgramThatLegsIsHedgedForWhatTheBasketFilled()
    {
        // Samsung is about a quarter of the index: with its fills held the basket fills about three quarters.
        simulator.faults().holdFills(SAMSUNG);

        submit(Direction.CASH_AND_CARRY, 4);

        awaitTrue("the program ended legged", () -> completed.contains("MANUAL LEGGED"));
        final long[] fills = manualFills.peek();
        final long needed = fills[0];
        if (needed != fills[1])
        {
            awaitTrue("the residual hedged", () -> completed.contains("HEDGE COMPLETE"));
        }
        final EngineReport report = closeEngine();
        assertEquals(0, report.positions().get(SAMSUNG), "the held leg was cancelled unfilled");
        assertTrue(needed < 4, "the basket filled only in part");
        assertEquals(-needed, report.positions().get("K200F"), "futures sold = what hedges the basket filled");
        assertEquals(needed != fills[1] ? 1 : 0, report.hedgesSent());
        assertTrue(report.repricedLegs() >= 1, "halfway to the legging limit the lagging leg was repriced");
        assertReconciled(report);
    }

    @Test
    void theKillSwitchCancelsEveryWorkingOrderAndBlocksNewOnes()
    {
        simulator.faults().holdFills(SAMSUNG);
        simulator.faults().holdFills("000660");
        submit(Direction.CASH_AND_CARRY, 1);
        awaitTrue("held legs working", () -> engine.status().get(EngineCounters.WORKING_ORDERS) >= 2);

        awaitTrue("kill taken", () -> admin.send(AdminCommandType.KILL, KillScope.ALL, 0) > 0);

        awaitTrue("halted with nothing working", () -> engine.status().get(EngineCounters.TRADING_STATE) == 2 &&
            engine.status().get(EngineCounters.WORKING_ORDERS) == 0);
        awaitTrue("nothing live on the exchange", () -> simulator.record().liveOrders(ACCOUNT).isEmpty());
        final long programs = engine.status().get(EngineCounters.PROGRAMS_SENT);
        awaitTrue("submission taken", () -> admin.submitProgram(Direction.CASH_AND_CARRY, 1) > 0);
        awaitTrue("refused by the kill switch", () -> refused.contains(RiskReason.KILL_SWITCH));
        assertEquals(programs, engine.status().get(EngineCounters.PROGRAMS_SENT));
        assertReconciled(closeEngine());
    }

    @Test
    void anExpiryUnwindLiquidatesTheBasketInTheClosingAuction()
    {
        submit(Direction.CASH_AND_CARRY, 1);
        awaitTrue("the program completed", () -> completed.contains("MANUAL COMPLETE"));
        long bought = 0;
        int stocksHeld = 0;
        for (final String symbol : engine.referenceData().instruments().stream()
            .map(i -> i.symbol()).filter(symbol -> !symbol.equals("K200F")).toList())
        {
            final long position = simulator.record().netPosition(ACCOUNT, symbol);
            bought += position;
            stocksHeld += position != 0 ? 1 : 0;
        }
        final int ordersExpected = stocksHeld;

        simulator.phases().startClosingAuction();
        awaitTrue("liquidation taken", () -> admin.send(AdminCommandType.LIQUIDATE_AT_CLOSE) > 0);
        awaitTrue("an at-the-close order per stock held resting on the exchange",
            () -> simulator.record().liveOrders(ACCOUNT).size() == ordersExpected);
        simulator.phases().uncross();

        awaitTrue("the liquidation ended", () -> completed.stream().anyMatch(p -> p.startsWith("LIQUIDATION")));
        assertTrue(simulator.phases().lastClose().closingIndex() > 0, "the close fixed a closing index");
        final EngineReport report = closeEngine();
        long left = 0;
        for (final Map.Entry<String, Long> position : report.positions().entrySet())
        {
            if (!position.getKey().equals("K200F"))
            {
                assertTrue(position.getValue() >= 0, "never oversold: " + position.getKey());
                left += position.getValue();
            }
        }
        assertEquals(0, left, "every one of the " + bought + " shares bought was sold in the closing auction");
        assertTrue(completed.contains("LIQUIDATION COMPLETE"), completed::toString);
        assertEquals(-1, report.positions().get("K200F"), "the future is left to settle in cash");
        assertReconciled(report);
    }

    private void submit(final Direction direction, final long contracts)
    {
        awaitTrue("the engine took the program", () -> admin.submitProgram(direction, contracts) > 0);
    }

    private EngineReport closeEngine()
    {
        engine.close();
        final EngineReport report = engine.report();
        assertEquals(report.programsSent(), report.programsCompleted(), "every program has all legs terminal");
        assertEquals(0, report.workingOrders());
        assertEquals(0, report.fillMismatches());
        return report;
    }

    private void assertReconciled(final EngineReport report)
    {
        ExchangeReconciliation.assertPositionsEqualTheExchange(simulator, ACCOUNT, report, this::engineState);
    }


    private String engineState()
    {
        return "state " + engine.status().get(EngineCounters.TRADING_STATE) + ", completed " + completed +
            ", refused " + refused + ", working " +
            engine.status().get(EngineCounters.WORKING_ORDERS) + ", fills " + engine.status().get(EngineCounters.FILLS);
    }

    private void awaitTrue(final String what, final BooleanSupplier condition)
    {
        Await.until(what, condition, this::engineState);
    }
}
