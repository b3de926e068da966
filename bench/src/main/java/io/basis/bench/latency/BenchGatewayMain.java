package io.basis.bench.latency;

import io.basis.gateway.GatewayMain;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The gateway of the full-path latency run as its own process: {@code GatewayMain} itself, with a
 * {@link GatewayStageProbe} stamping the gateway's hops into the logs the harness reads, and its CPU time and
 * allocation published for the harness ({@link ProcessCounters}).
 */
public final class BenchGatewayMain
{
    private BenchGatewayMain()
    {
    }

    /**
     * @param args the directory of the stage logs, then {@code GatewayMain}'s arguments.
     * @throws InterruptedException if interrupted while running.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final Path stageDir = Path.of(args[0]);
        final GatewayStageProbe probe = new GatewayStageProbe(stageDir);
        ProcessCounters.publish(stageDir.resolve(ProcessCounters.GATEWAY), "basis-gateway");
        System.exit(GatewayMain.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err, true, probe));
    }
}
