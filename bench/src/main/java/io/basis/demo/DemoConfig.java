package io.basis.demo;

import java.nio.file.Path;

/**
 * Settings of one demo run.
 */
final class DemoConfig
{
    /** Length of the trading window. */
    int seconds = 60;
    /** JSON report file, or null. */
    Path reportFile;
    /** Reference data directory shared by the simulator and the engine. */
    Path refdataDir = Path.of("refdata", "kospi200");
    /** Seed of the simulator's synthetic market. */
    long seed = 42;
    /** Jar holding every role. */
    Path jar;
    /** Directory for logs, settings, the Aeron directory and the processes' own reports. */
    Path runDir;
    /** Print the live status line every second. */
    boolean live = true;

    /**
     * @return seconds before the end at which the engine stops opening programs and cancels what is working.
     */
    int quiesceSeconds()
    {
        return Math.max(2, Math.min(5, seconds / 5));
    }
}
