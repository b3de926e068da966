package io.basis.demo;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.basis.engine.admin.EngineStatusReader;
import io.basis.protocol.EngineCounters;

/**
 * A point of a working basket at which the crash drill kills the engine. Each is brought about with a fault of the
 * simulator, armed while nothing is working and lifted once the new engine runs, and recognised from the engine's
 * counters.
 */
enum CrashPoint
{
    /** A program is at the exchange and no report has come back: the exchange holds every report. */
    UNREPORTED("unreported", "hold-reports account %1$s", "release-reports"),
    /** Some legs have filled, one is still working: the exchange holds the fills of the heaviest stock. */
    MID_FILL("mid-fill", "hold-fills %2$s", "release-fills %2$s"),
    /** The engine has cancelled the lagging leg to send it again at the current level. */
    REPRICE("reprice", "hold-fills %2$s", "release-fills %2$s"),
    /** The engine has sent the futures hedge of what a legged program left unhedged. */
    HEDGE("hedge", "hold-fills %2$s", "release-fills %2$s");

    private final String label;
    private final String arm;
    private final String lift;

    CrashPoint(final String label, final String arm, final String lift)
    {
        this.label = label;
        this.arm = arm;
        this.lift = lift;
    }

    static CrashPoint named(final String label)
    {
        for (final CrashPoint point : values())
        {
            if (point.label.equals(label))
            {
                return point;
            }
        }
        return null;
    }

    static String names()
    {
        return Arrays.stream(values()).map(CrashPoint::label).collect(Collectors.joining(", "));
    }

    String label()
    {
        return label;
    }

    /**
     * @return contracts of the program submitted to meet the point: a hedge needs a program large enough that the
     *         held stock's share of it rounds to a whole contract.
     */
    long contracts()
    {
        return this == HEDGE ? 2 : 1;
    }

    /**
     * @param account the engine's account at the exchange.
     * @param symbol  the basket's heaviest stock.
     * @return the simulator control command that brings the point about.
     */
    String arm(final String account, final String symbol)
    {
        return String.format(arm, account, symbol);
    }

    /**
     * @param account the engine's account at the exchange.
     * @param symbol  the basket's heaviest stock.
     * @return the simulator control command that lifts the fault.
     */
    String lift(final String account, final String symbol)
    {
        return String.format(lift, account, symbol);
    }

    /**
     * @param status the engine's counters.
     * @return what {@link #reached} compares with, read as the fault is armed.
     */
    long baseline(final EngineStatusReader status)
    {
        return status.get(counter());
    }

    /**
     * @param status   the engine's counters.
     * @param baseline {@link #baseline} as the fault was armed.
     * @return true once the engine is at this point.
     */
    boolean reached(final EngineStatusReader status, final long baseline)
    {
        final boolean working = status.get(EngineCounters.WORKING_ORDERS) > 0;
        switch (this)
        {
            case UNREPORTED:
                return working;
            case MID_FILL:
                return working && status.get(EngineCounters.FILLS) > baseline;
            default:
                return status.get(counter()) > baseline;
        }
    }

    private int counter()
    {
        switch (this)
        {
            case REPRICE:
                return EngineCounters.REPRICED_LEGS;
            case HEDGE:
                return EngineCounters.HEDGES_SENT;
            default:
                return EngineCounters.FILLS;
        }
    }
}
