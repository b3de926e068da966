package io.basis.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    /** Processes to kill with SIGKILL during the run and start again, in order of their second. */
    final List<Crash> crashes = new ArrayList<>();

    /**
     * A crash of the drill: the role's process is killed at that second of trading and started again.
     *
     * @param role     {@code engine} or {@code gateway}.
     * @param atSecond second of the trading window.
     */
    record Crash(String role, int atSecond)
    {
        /**
         * @param text {@code ROLE@SECOND}.
         * @return the crash.
         * @throws IllegalArgumentException if malformed.
         */
        static Crash parse(final String text)
        {
            final int at = text.indexOf('@');
            final String role = at < 0 ? "" : text.substring(0, at);
            if (!role.equals("engine") && !role.equals("gateway"))
            {
                throw new IllegalArgumentException("--crash takes engine@SECOND or gateway@SECOND, not '" + text + "'");
            }
            try
            {
                return new Crash(role, Integer.parseInt(text.substring(at + 1)));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("--crash needs a whole second after '@', not '" + text + "'");
            }
        }
    }

    /**
     * @return seconds before the end at which the engine stops opening programs and cancels what is working.
     */
    int quiesceSeconds()
    {
        return Math.max(2, Math.min(5, seconds / 5));
    }
}
