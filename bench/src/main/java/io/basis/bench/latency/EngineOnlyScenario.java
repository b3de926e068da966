package io.basis.bench.latency;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.basis.engine.live.Engine;
import io.basis.engine.EngineConfig;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.Streams;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;

import java.nio.file.Path;
import java.util.List;

/**
 * Basis engine only: an embedded media driver, the real engine ({@link Engine#launch}) on its own thread, and the
 * harness on the calling thread playing the gateway over Aeron IPC. The harness publishes the opening snapshots,
 * then one future {@code BookUpdate} per tick, stamped with the tick's intended send time as exchange timestamp;
 * the engine copies that timestamp into every {@code NewOrder} of the program it triggers, so the latency of a leg
 * is its arrival at the harness minus the intended send time. Two hops of Aeron IPC plus the engine's work.
 * Recorded, the engine also journals every input and decision into an Aeron Archive in its process, as
 * {@code ./basis engine} does by default: the difference between the two is what recording costs.
 */
public final class EngineOnlyScenario implements Scenario
{
    private final MarketScript script;
    private final Idle idle;
    private final boolean recorded;
    private Path archiveDir;
    private MediaDriver driver;
    private Aeron aeron;
    private Engine engine;
    private ExclusivePublication publication;
    private Subscription subscription;

    /**
     * @param script   market to play.
     * @param idle     idle mode of the harness and the engine.
     * @param recorded whether the engine records its journal in an Aeron Archive.
     */
    public EngineOnlyScenario(final MarketScript script, final Idle idle, final boolean recorded)
    {
        this.script = script;
        this.idle = idle;
        this.recorded = recorded;
    }

    @Override
    public String name()
    {
        return recorded ? "basis-engine-recorded" : "basis-engine";
    }

    @Override
    public void start()
    {
        driver = EmbeddedDriver.launch();
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        publication = aeron.addExclusivePublication(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
        subscription = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);
        final EngineConfig config = BenchEngine.config(script.refdataDir(), driver.aeronDirectoryName(), idle);
        if (recorded)
        {
            archiveDir = TempDirs.create("basis-bench-archive-");
            config.archiveDir = archiveDir;
        }
        engine = Engine.launch(config);
        Await.until("the engine to connect", () -> publication.isConnected() && subscription.isConnected());
    }

    @Override
    public List<Measurement> run(final int rate, final long warmupNs, final long measureNs)
    {
        final LatencyRecorder firstLeg = new LatencyRecorder();
        final LatencyRecorder lastLeg = new LatencyRecorder();
        final int instruments = script.referenceData().instruments().size();
        final SbeGatewayPeer gatewayPeer = new SbeGatewayPeer(
            publication, instruments, script.legsPerProgram(), firstLeg, lastLeg);
        final long updatesBefore = engine.status().get(EngineCounters.MARKET_DATA_UPDATES);
        final long nowNs = System.nanoTime();
        for (int id = 0; id < instruments; id++)
        {
            gatewayPeer.sendSnapshot(id, script.openingBook(id), nowNs);
        }
        final IdleStrategy idleStrategy = idle.newStrategy();
        // Take the engine's answers to the snapshots (none expected: the future opens at fair value) before ticking.
        Await.until("the engine to value the snapshots", () ->
        {
            subscription.poll(gatewayPeer, 256);
            return engine.status().get(EngineCounters.MARKET_DATA_UPDATES) >= updatesBefore + instruments &&
                engine.status().get(EngineCounters.MODEL_STATE) == 0;
        });
        final int futureId = script.referenceData().future().id();
        final OpenLoop.Pacing pacing = OpenLoop.run(new OpenLoop.Injector()
        {
            private long tick;

            @Override
            public void inject(final long intendedNs)
            {
                gatewayPeer.sendFuture(futureId, script.futureAt(tick++), intendedNs);
            }

            @Override
            public int poll()
            {
                return subscription.poll(gatewayPeer, 256);
            }

            @Override
            public boolean drained(final long lastIntendedNs)
            {
                return gatewayPeer.lastTriggerNs() >= lastIntendedNs && engineIdle();
            }
        }, rate, warmupNs, measureNs, idleStrategy, firstLeg, lastLeg);
        // Let the last program complete so the next rate starts from a quiet engine.
        Await.until("the last program to complete", () ->
        {
            subscription.poll(gatewayPeer, 256);
            return engineIdle();
        });
        if (gatewayPeer.lostSends() > 0)
        {
            throw new IllegalStateException(gatewayPeer.lostSends() + " messages to the engine could not be sent");
        }
        final String what = "BookUpdate due (intended send) -> NewOrder polled by the harness; " +
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
        CloseHelper.quietCloseAll(engine, aeron, driver);
        TempDirs.deleteQuietly(archiveDir);
    }
}
