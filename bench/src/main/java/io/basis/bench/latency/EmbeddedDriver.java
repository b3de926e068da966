package io.basis.bench.latency;

import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * A media driver in this process, configured as Basis runs it: SHARED threading (one thread for conductor, sender
 * and receiver) with a backoff idle strategy, in a fresh directory deleted on close. The driver stays on backoff even
 * when the harness busy-spins: IPC data never passes through the driver thread, and a third spinning thread on two
 * cores would only steal time from the measured ones.
 */
final class EmbeddedDriver
{
    private EmbeddedDriver()
    {
    }

    static MediaDriver launch()
    {
        return MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(CommonContext.generateRandomDirName())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
    }
}
