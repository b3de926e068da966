package io.basis.bench.latency;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.CncFileDescriptor;
import io.basis.demo.ChildProcess;
import io.basis.engine.admin.EngineStatusReader;
import io.basis.protocol.EngineCounters;
import org.agrona.CloseHelper;
import org.agrona.collections.Long2LongHashMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Basis end to end as it is deployed: the {@link TickExchange} (QuickFIX/J acceptor) in the harness, the real
 * gateway ({@code GatewayMain}: QuickFIX/J initiator, embedded media driver) and the real engine
 * ({@link BenchEngineMain}) each in its own JVM, over loopback FIX and Aeron IPC. Ticks go out open-loop as FIX
 * incrementals stamped with their intended send time; the gateway turns each into a {@code BookUpdate}, the
 * engine's orders come back through the gateway as NewOrderSingle with TriggerNanos, and the exchange measures
 * arrival minus intended send time: FIX, Aeron, the engine, Aeron, FIX. The gateway's order-entry session keeps
 * its FileStore, as in production. The harness follows the engine through its Aeron counters.
 * <p>
 * The gateway runs as {@link BenchGatewayMain} (GatewayMain with a {@link GatewayStageProbe}) and the engine with an
 * {@link EngineStageProbe}: both stamp their hops into stage logs this harness created and maps, so the first leg
 * comes with a per-stage breakdown. The probes take a clock reading and write two longs into memory, once per tick.
 */
public final class FullPathScenario implements Scenario
{
    private final MarketScript script;
    private final Idle idle;
    private final List<String> launcher;
    private final String spinning;
    private final List<StageLog> logs = new ArrayList<>();
    private Path dir;
    private TickExchange exchange;
    private ChildProcess gateway;
    private ChildProcess engine;
    private Aeron aeron;
    private EngineStatusReader status;
    private StageLog fixParsed;
    private StageLog sbeOffered;
    private StageLog engineValued;
    private StageLog engineDecided;
    private StageLog orderPolled;
    private StageLog fixWritten;
    private Path aeronDir;
    private ProcessCounters gatewayCosts;
    private ProcessCounters engineCosts;

    /**
     * @param script market to play.
     * @param idle     idle mode of the harness, the gateway and the engine.
     * @param launcher command words before {@code java} for the gateway and the engine (core pinning), or empty.
     */
    public FullPathScenario(final MarketScript script, final Idle idle, final List<String> launcher)
    {
        this(script, idle, launcher, null);
    }

    /**
     * @param script   market to play.
     * @param idle     idle mode of the harness, the gateway and the engine.
     * @param launcher command words before {@code java} for the gateway and the engine (core pinning), or empty.
     * @param spinning {@code engine} or {@code gateway}: that role's thread busy-spins whatever {@code idle} says;
     *                 null for none.
     */
    public FullPathScenario(final MarketScript script, final Idle idle, final List<String> launcher,
        final String spinning)
    {
        this.script = script;
        this.idle = idle;
        this.launcher = launcher;
        this.spinning = spinning;
    }

    @Override
    public String name()
    {
        return spinning == null ? "basis-full" : "basis-full-spin-" + spinning;
    }

    private Idle idleOf(final String role)
    {
        return role.equals(spinning) ? Idle.BUSY : idle;
    }

    @Override
    public void start() throws Exception
    {
        dir = TempDirs.create("basis-latency-full");
        final int orderEntryPort = Fix.freePort();
        final int marketDataPort = Fix.freePort();
        exchange = new TickExchange(script, orderEntryPort, marketDataPort);
        exchange.start();
        // Aeron's default place, a tmpfs on Linux (/dev/shm) as for the other scenarios: log buffers in files on a
        // disk would fault pages in and write them back under the gateway and the engine.
        aeronDir = Path.of(CommonContext.generateRandomDirName());
        final Path classPath = Path.of(System.getProperty("java.class.path"));
        final Path stageDir = Files.createDirectories(dir.resolve("stages"));
        fixParsed = log(stageDir, GatewayStageProbe.FIX_PARSED);
        sbeOffered = log(stageDir, GatewayStageProbe.SBE_OFFERED);
        engineValued = log(stageDir, EngineStageProbe.VALUED);
        engineDecided = log(stageDir, EngineStageProbe.DECIDED);
        orderPolled = log(stageDir, GatewayStageProbe.ORDER_POLLED);
        fixWritten = log(stageDir, GatewayStageProbe.FIX_WRITTEN);
        gatewayCosts = ProcessCounters.create(stageDir.resolve(ProcessCounters.GATEWAY));
        engineCosts = ProcessCounters.create(stageDir.resolve(ProcessCounters.ENGINE));
        gateway = ChildProcess.start("gateway", classPath, dir, BenchGatewayMain.class.getName(), List.of(
            stageDir.toString(), "--settings", gatewaySettings(orderEntryPort, marketDataPort).toString(),
            "--aeron-dir", aeronDir.toString(), "--embedded-driver", "--idle", idleOf("gateway").engineName()),
            launcher);
        Await.until("the gateway's media driver",
            () -> Files.exists(aeronDir.resolve(CncFileDescriptor.CNC_FILE)) && gateway.hasStarted() ||
                !gateway.isAlive());
        requireAlive(gateway);
        engine = ChildProcess.start("engine", classPath, dir, BenchEngineMain.class.getName(), List.of(
            script.refdataDir().toString(), aeronDir.toString(), idleOf("engine").name(), stageDir.toString()),
            launcher);
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir.toString()));
        status = new EngineStatusReader(aeron.countersReader());
        Await.until("the engine's counters", () -> status.refresh() || !engine.isAlive());
        requireAlive(engine);
        Await.until("the gateway to subscribe every instrument", exchange::allSubscribed);
        Await.until("the engine to value the snapshots", () ->
            status.get(EngineCounters.MODEL_STATE) == 0 && status.get(EngineCounters.ORDER_SESSION_UP) == 1);
    }

    private StageLog log(final Path stageDir, final String name)
    {
        final StageLog log = StageLog.create(stageDir.resolve(name), StageLog.DEFAULT_CAPACITY);
        logs.add(log);
        return log;
    }

    /**
     * The hops between the exchange's send and its receipt of the first order, by tick. The engine's logs are
     * keyed by the gateway's receive time (the engine's clock), mapped back to the tick by the gateway's log.
     */
    private List<StageTimes> stages()
    {
        final Long2LongHashMap received = fixParsed.snapshot();
        return List.of(
            new StageTimes("gateway FIX parsed", received),
            new StageTimes("gateway SBE offered", sbeOffered.snapshot()),
            new StageTimes("engine valued", StageBreakdown.rekey(engineValued.snapshot(), received)),
            new StageTimes("engine decided", StageBreakdown.rekey(engineDecided.snapshot(), received)),
            new StageTimes("gateway order polled", orderPolled.snapshot()),
            new StageTimes("gateway FIX written", fixWritten.snapshot()));
    }

    private static void requireAlive(final ChildProcess process)
    {
        if (!process.isAlive())
        {
            throw new IllegalStateException(process.role() + " exited with code " + process.exitValue() + ":" +
                System.lineSeparator() + process.tail());
        }
    }

    private Path gatewaySettings(final int orderEntryPort, final int marketDataPort) throws IOException
    {
        // The sample config/gateway.cfg with this run's ports and store, as the demo writes it.
        final Path settings = dir.resolve("gateway.cfg");
        // The exchange measures tick-to-order from TriggerNanos, which the default dialect leaves out.
        final Path dialect = dir.resolve("dialect-tick-exchange.properties");
        Files.writeString(dialect, "triggerNanos.tag=" + Fix.TRIGGER_NANOS + System.lineSeparator());
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
            "BasisDialect=" + dialect,
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
        return exchange.measureProgramLegs(
            name(), true, rate, warmupNs, measureNs, idle.newStrategy(), this::engineIdle,
            spinning == null ? "gateway + engine" : "gateway + engine, the " + spinning + " busy-spinning",
            this::stages, List.of(
                new ProcessCosts.Meter("gateway", "basis-gateway", gatewayCosts),
                new ProcessCosts.Meter("engine", "basis-engine", engineCosts)));
    }

    private boolean engineIdle()
    {
        return status.get(EngineCounters.WORKING_ORDERS) == 0 &&
            status.get(EngineCounters.PROGRAMS_SENT) == status.get(EngineCounters.PROGRAMS_COMPLETED);
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(aeron);
        // The engine first, then the gateway and its media driver; each gets a SIGTERM and time to stop.
        if (engine != null)
        {
            engine.stop(10_000);
        }
        if (gateway != null)
        {
            gateway.stop(10_000);
        }
        CloseHelper.quietClose(exchange);
        logs.forEach(StageLog::close);
        CloseHelper.quietCloseAll(gatewayCosts, engineCosts);
        TempDirs.deleteQuietly(dir);
        TempDirs.deleteQuietly(aeronDir);
    }
}
