package io.basis.demo;

import io.basis.engine.EngineConfig;

import java.nio.file.Path;
import java.time.LocalDate;
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
    /**
     * Trading date given to both the simulator and the engine: it picks the rate and the dividends of the fair
     * value, and the simulator centres its market on the engine's fair value only if both use the same date.
     */
    LocalDate tradeDate = new EngineConfig().tradeDate;
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
    /**
     * One crash of the drill: a role killed at a second of trading, or the engine killed at a point of a working
     * basket the drill brings about with the simulator's faults.
     *
     * @param role     engine or gateway.
     * @param atSecond second of trading, or -1 for a point.
     * @param point    the point, or null for a second.
     */
    record Crash(String role, int atSecond, CrashPoint point)
    {
        Crash(final String role, final int atSecond)
        {
            this(role, atSecond, null);
        }

        static Crash parse(final String text)
        {
            final int at = text.indexOf('@');
            final String role = at < 0 ? "" : text.substring(0, at);
            if (!role.equals("engine") && !role.equals("gateway"))
            {
                throw new IllegalArgumentException("--crash takes engine@SECOND, gateway@SECOND or engine@POINT, " +
                    "not '" + text + "'");
            }
            final String when = text.substring(at + 1);
            final CrashPoint point = CrashPoint.named(when);
            if (point != null)
            {
                if (!role.equals("engine"))
                {
                    throw new IllegalArgumentException("--crash points are for the engine: '" + text + "'");
                }
                return new Crash(role, -1, point);
            }
            try
            {
                return new Crash(role, Integer.parseInt(when), null);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("--crash needs a whole second or a point (" +
                    CrashPoint.names() + ") after '@', not '" + text + "'");
            }
        }

        /**
         * @return how the report names when it happened: the second, or the point.
         */
        String when()
        {
            return point != null ? point.label() : Integer.toString(atSecond);
        }
    }

    int quiesceSeconds()
    {
        return Math.max(2, Math.min(5, seconds / 5));
    }
}
