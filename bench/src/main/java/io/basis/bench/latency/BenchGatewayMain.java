package io.basis.bench.latency;

import io.basis.gateway.GatewayMain;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The gateway of the full-path latency run as its own process: {@code GatewayMain} itself, with a
 * {@link GatewayStageProbe} stamping the gateway's hops into the logs the harness reads.
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
        final GatewayStageProbe probe = new GatewayStageProbe(Path.of(args[0]));
        System.exit(GatewayMain.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err, true, probe));
    }
}
