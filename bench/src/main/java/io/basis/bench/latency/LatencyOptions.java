package io.basis.bench.latency;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code basis bench latency} was asked to run.
 *
 * @param rate          fixed rate in ticks a second, or 0 to step up {@link #LADDER} until saturation.
 * @param seconds       measurement per step.
 * @param warmupSeconds warm-up before every step, not recorded (and once more, untimed, when a scenario starts).
 * @param path          which Basis path, with its baselines.
 * @param idle          idle mode of every thread.
 * @param pin           CPU list the child JVMs (gateway, engine, echo) are pinned to with taskset, or null.
 * @param out           results directory.
 * @param refdata       reference data set (its sample books open the market).
 * @param spin          roles ({@code engine}, {@code gateway}) each given a variant of the full path in which that
 *                      role's thread busy-spins while every other thread keeps {@link #idle()}, run right after
 *                      the full path at the same rates; empty for none.
 */
public record LatencyOptions(
    int rate, int seconds, int warmupSeconds, PathChoice path, Idle idle, Path out, Path refdata, String pin,
    List<String> spin)
{
    /** Roles {@code --spin} accepts: the two Basis threads that poll Aeron. */
    public static final List<String> SPIN_ROLES = List.of("engine", "gateway");

    /** Rates stepped through when none is given, ticks a second. */
    public static final int[] LADDER = {10, 20, 50, 100, 200, 500, 1_000, 2_000};

    /** Which Basis paths to measure. */
    public enum PathChoice
    {
        /** Engine only, with the raw Aeron IPC baseline. */
        ENGINE,
        /** Gateway and engine behind a FIX exchange, with the QuickFIX/J and naive OMS baselines. */
        FULL,
        /** Both. */
        ALL
    }

    /**
     * @return the words that start a child JVM pinned to {@link #pin()}, or none.
     */
    public List<String> launcher()
    {
        return pin == null ? List.of() : List.of("taskset", "-c", pin);
    }

    /**
     * @param args the arguments after {@code latency}.
     * @return the options, defaults filled in.
     * @throws IllegalArgumentException on an unknown option or a bad value.
     */
    public static LatencyOptions parse(final List<String> args)
    {
        int rate = 0;
        int seconds = 5;
        int warmup = 2;
        PathChoice path = PathChoice.ALL;
        Idle idle = Idle.BACKOFF;
        Path out = null;
        Path refdata = Path.of("refdata", "kospi200");
        String pin = null;
        List<String> spin = List.of();
        for (int i = 0; i < args.size(); i++)
        {
            final String option = args.get(i);
            if (i + 1 >= args.size())
            {
                throw new IllegalArgumentException(option.startsWith("--") ?
                    option + " needs a value" : "unexpected argument " + option);
            }
            final String value = args.get(++i);
            switch (option)
            {
                case "--rate" -> rate = positive(option, value);
                case "--seconds" -> seconds = positive(option, value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--path" -> path = PathChoice.valueOf(value.toUpperCase(Locale.ROOT));
                case "--idle" -> idle = Idle.parse(value);
                case "--out" -> out = Path.of(value);
                case "--refdata" -> refdata = Path.of(value);
                case "--pin" -> pin = value;
                case "--spin" -> spin = spinRoles(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (warmup < 0)
        {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (out == null)
        {
            out = Path.of("bench", "results",
                "latency-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return new LatencyOptions(rate, seconds, warmup, path, idle, out, refdata, pin, spin);
    }

    private static List<String> spinRoles(final String value)
    {
        final List<String> roles = List.of(value.toLowerCase(Locale.ROOT).split(","));
        for (final String role : roles)
        {
            if (!SPIN_ROLES.contains(role))
            {
                throw new IllegalArgumentException("--spin takes a comma list of " + SPIN_ROLES + ", not " + value);
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(roles));
    }

    private static int positive(final String option, final String value)
    {
        final int number = Integer.parseInt(value);
        if (number <= 0)
        {
            throw new IllegalArgumentException(option + " must be positive, was " + value);
        }
        return number;
    }

    /**
     * @return the rates to step through: the one given, or the ladder.
     */
    public int[] rates()
    {
        return rate > 0 ? new int[]{rate} : LADDER.clone();
    }
}
