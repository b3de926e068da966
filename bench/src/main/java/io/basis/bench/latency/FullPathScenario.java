package io.basis.bench.latency;

import io.basis.engine.Engine;
import io.basis.gateway.Gateway;
import io.basis.gateway.GatewayConfig;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.sbe.SessionRole;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Basis end to end, in one process through the embedding APIs: the {@link TickExchange} (QuickFIX/J acceptor),
 * the real gateway ({@link Gateway#launch}: QuickFIX/J initiator, embedded media driver) and the real engine
 * ({@link Engine#launch}) over Aeron IPC. Ticks go out open-loop as FIX incrementals stamped with their intended
 * send time; the gateway turns each into a {@code BookUpdate}, the engine's orders come back through the gateway
 * as NewOrderSingle with TriggerNanos, and the exchange measures arrival minus intended send time: FIX, Aeron, the
 * engine, Aeron, FIX. The gateway's order-entry session keeps its FileStore, as in production.
 * <p>
 * In-process rather than three JVMs: the hops are the same (TCP loopback and Aeron IPC through a shared driver),
 * and one JVM keeps a 2-core machine from running three JITs and three GCs at once.
 */
public final class FullPathScenario implements Scenario
{
    private final MarketScript script;
    private final Idle idle;
    private Path dir;
    private TickExchange exchange;
    private Gateway gateway;
    private Engine engine;

    /**
     * @param script market to play.
     * @param idle   idle mode of the harness, the gateway and the engine.
     */
    public FullPathScenario(final MarketScript script, final Idle idle)
    {
        this.script = script;
        this.idle = idle;
    }

    @Override
    public String name()
    {
        return "basis-full";
    }

    @Override
    public void start() throws Exception
    {
        dir = TempDirs.create("basis-latency-full");
        final int orderEntryPort = Fix.freePort();
        final int marketDataPort = Fix.freePort();
        exchange = new TickExchange(script, orderEntryPort, marketDataPort);
        exchange.start();
        gateway = Gateway.launch(GatewayConfig.builder()
            .settingsFile(gatewaySettings(orderEntryPort, marketDataPort))
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .embeddedDriver(true)
            .idleMode(idle.gatewayMode())
            .build());
        engine = Engine.launch(BenchEngine.config(script.refdataDir(), gateway.aeronDirectoryName(), idle));
        Await.until("the gateway to subscribe every instrument", exchange::allSubscribed);
        Await.until("the engine to value the snapshots", () ->
            engine.status().get(EngineCounters.MODEL_STATE) == 0 && gateway.isLoggedOn(SessionRole.ORDER_ENTRY));
    }

    private Path gatewaySettings(final int orderEntryPort, final int marketDataPort) throws IOException
    {
        // The sample config/gateway.cfg with this run's ports and store, as the demo writes it.
        final Path settings = dir.resolve("gateway.cfg");
        Files.writeString(settings, String.join(System.lineSeparator(),
            "[DEFAULT]",
            "ConnectionType=initiator",
            "BeginString=" + Fix.BEGIN_STRING,
            "TargetCompID=" + Fix.EXCHANGE,
            "SocketConnectHost=127.0.0.1",
            "HeartBtInt=30",
            "ReconnectInterval=1",
            "ResetOnLogon=Y",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "SocketTcpNoDelay=Y",
            "FileStorePath=" + dir.resolve("fix-store"),
            "UseDataDictionary=Y",
            "ValidateUserDefinedFields=N",
            "",
            "[SESSION]",
            "BasisRole=ORDER_ENTRY",
            "SenderCompID=" + Fix.ORDER_ENTRY,
            "SocketConnectPort=" + orderEntryPort,
            "",
            "[SESSION]",
            "BasisRole=MARKET_DATA",
            "SenderCompID=" + Fix.MARKET_DATA,
            "SocketConnectPort=" + marketDataPort,
            "AllowUnknownMsgFields=Y",
            ""));
        return settings;
    }

    @Override
    public List<Measurement> run(final int rate, final long warmupNs, final long measureNs)
    {
        final LatencyRecorder firstLeg = new LatencyRecorder();
        final LatencyRecorder lastLeg = new LatencyRecorder();
        exchange.recorders(firstLeg, lastLeg);
        final OpenLoop.Pacing pacing = OpenLoop.run(new OpenLoop.Injector()
        {
            @Override
            public void inject(final long intendedNs)
            {
                exchange.inject(intendedNs);
            }

            @Override
            public boolean drained(final long lastIntendedNs)
            {
                return exchange.lastTriggerNs() >= lastIntendedNs && engineIdle();
            }
        }, rate, warmupNs, measureNs, idle.newStrategy(), firstLeg, lastLeg);
        Await.until("the last program to complete", this::engineIdle);
        final String what = "FIX X due (intended send) -> NewOrderSingle parsed by the exchange; gateway + engine; " +
            script.legsPerProgram() + " legs a program";
        return List.of(
            new Measurement(name(), "first-leg", true, rate, firstLeg.histogram(), pacing.ticks(), pacing.sendLag(),
                what + ", the future first"),
            new Measurement(name(), "last-leg", true, rate, lastLeg.histogram(), pacing.ticks(), pacing.sendLag(),
                what + ", the last basket leg"));
    }

    private boolean engineIdle()
    {
        return engine.status().get(EngineCounters.WORKING_ORDERS) == 0 &&
            engine.status().get(EngineCounters.PROGRAMS_SENT) == engine.status().get(EngineCounters.PROGRAMS_COMPLETED);
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(engine, gateway, exchange);
        TempDirs.deleteQuietly(dir);
    }
}
