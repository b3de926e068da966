package io.basis.backtest.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The backtest's progress on the terminal: cycles done of the total, market events per second and the time left.
 * On a terminal one line is rewritten in place ({@code \r}) at most ten times a second; otherwise (output to a file
 * or a pipe) a plain line is printed each time another tenth of the run is done, so that logs stay short.
 * <p>
 * {@link #update(double, long)} is cheap enough to call per cycle or per day: between prints it reads the clock
 * and compares. Not thread-safe: call it from the backtest's thread.
 */
public final class ProgressBar
{
    private static final long MIN_NANOS_BETWEEN_LINES = 100_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final int totalCycles;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastPrintNanos;
    private boolean printed;
    private int lastTenth;
    private int lastLineLength;
    private boolean finished;

    /**
     * @param out         where to print.
     * @param terminal    whether {@code out} is a terminal (rewrite one line) or not (a line per tenth).
     * @param totalCycles cycles the run will trade.
     * @param nanoClock   monotonic time in nanoseconds, {@link System#nanoTime()} outside tests.
     */
    public ProgressBar(final PrintStream out, final boolean terminal, final int totalCycles,
        final LongSupplier nanoClock)
    {
        if (totalCycles < 1)
        {
            throw new IllegalArgumentException("progress needs at least one cycle, was " + totalCycles);
        }
        this.out = out;
        this.terminal = terminal;
        this.totalCycles = totalCycles;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /**
     * A progress bar on standard error, rewritten in place when the process has a console.
     *
     * @param totalCycles cycles the run will trade.
     * @return the progress bar.
     */
    public static ProgressBar onConsole(final int totalCycles)
    {
        return new ProgressBar(System.err, System.console() != null, totalCycles, System::nanoTime);
    }

    /**
     * Reports progress; prints only if it is time to.
     *
     * @param cyclesDone cycles done so far, with a fraction for the cycle under way (for example 4.5 halfway
     *                   through the fifth).
     * @param events     market events processed so far.
     */
    public void update(final double cyclesDone, final long events)
    {
        if (finished)
        {
            return;
        }
        final long now = nanoClock.getAsLong();
        if (printed && now - lastPrintNanos < MIN_NANOS_BETWEEN_LINES)
        {
            return;
        }
        final double fraction = Math.min(1.0, Math.max(0.0, cyclesDone / totalCycles));
        if (!terminal)
        {
            final int tenth = (int)Math.floor(fraction * 10 + 1e-9);
            if (tenth <= lastTenth)
            {
                return;
            }
            lastTenth = tenth;
        }
        print(line(cyclesDone, fraction, events, now), now);
    }

    /**
     * Prints the final line (all cycles, the run's average speed) and ends the terminal's line. Later updates are
     * ignored.
     *
     * @param events market events processed over the run.
     */
    public void finish(final long events)
    {
        if (finished)
        {
            return;
        }
        final long now = nanoClock.getAsLong();
        if (terminal || lastTenth < 10)
        {
            print(line(totalCycles, 1.0, events, now), now);
        }
        if (terminal)
        {
            out.print('\n');
            out.flush();
        }
        finished = true;
    }

    /**
     * @param cyclesDone cycles done, with the fraction of the one under way.
     * @param fraction   the part of the run done, 0 to 1.
     * @param events     events so far.
     * @param nowNanos   the clock now.
     * @return the progress line, without line ending.
     */
    String line(final double cyclesDone, final double fraction, final long events, final long nowNanos)
    {
        final double seconds = (nowNanos - startNanos) / 1e9;
        final int filled = (int)Math.round(fraction * BAR_WIDTH);
        final StringBuilder line = new StringBuilder(96);
        line.append("backtest [");
        for (int i = 0; i < BAR_WIDTH; i++)
        {
            line.append(i < filled ? '#' : '.');
        }
        line.append("] ").append((int)Math.floor(Math.min(cyclesDone, totalCycles) + 1e-9)).append('/')
            .append(totalCycles).append(" cycles ");
        line.append(String.format(Locale.ROOT, "%3d%%", (int)Math.floor(fraction * 100 + 1e-9)));
        line.append(", ").append(seconds > 0 ? rate(events / seconds) : "-").append(" events/s");
        if (fraction >= 1.0)
        {
            line.append(", done in ").append(duration(seconds));
        }
        else
        {
            line.append(", ETA ").append(fraction > 0 ? duration(seconds * (1 - fraction) / fraction) : "-");
        }
        return line.toString();
    }

    private void print(final String line, final long now)
    {
        if (terminal)
        {
            // Pad over the rest of a longer previous line, then return to the line's start for the next one.
            out.print('\r');
            out.print(line);
            for (int i = line.length(); i < lastLineLength; i++)
            {
                out.print(' ');
            }
            lastLineLength = line.length();
        }
        else
        {
            out.println(line);
        }
        out.flush();
        printed = true;
        lastPrintNanos = now;
    }

    static String rate(final double perSecond)
    {
        if (perSecond >= 1e6)
        {
            return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        }
        if (perSecond >= 1e3)
        {
            return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    static String duration(final double seconds)
    {
        final long whole = Math.round(seconds);
        if (whole >= 3600)
        {
            return String.format(Locale.ROOT, "%dh%02dm", whole / 3600, whole % 3600 / 60);
        }
        if (whole >= 60)
        {
            return String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
        }
        return whole + "s";
    }
}
