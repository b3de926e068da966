package io.basis.bench.latency;

import io.basis.engine.live.Engine;
import io.basis.engine.EngineConfig;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The engine of the full-path latency run as its own process, with the benchmark's engine configuration
 * ({@link BenchEngine}: risk limits relaxed only where a fixed-rate run would trip them). Runs until stopped.
 */
public final class BenchEngineMain
{
    private BenchEngineMain()
    {
    }

    /**
     * @param args the reference data directory, the Aeron directory, the idle mode (backoff, brief or busy) and,
     *             optionally, the directory of the stage logs the engine's hops are stamped into.
     * @throws InterruptedException if interrupted while running.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final EngineConfig config = BenchEngine.config(Path.of(args[0]), args[1], Idle.parse(args[2]));
        if (args.length > 3)
        {
            final Path stageDir = Path.of(args[3]);
            final EngineStageProbe probe = new EngineStageProbe(stageDir);
            ProcessCounters.publish(stageDir.resolve(ProcessCounters.ENGINE), "basis-engine");
            config.listener = probe;
            config.valuationListener = probe;
        }
        final Engine engine = Engine.launch(config);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            engine.close();
            stopped.countDown();
        }, "bench-engine-shutdown"));
        System.out.println("engine: benchmark engine running");
        stopped.await();
    }
}
