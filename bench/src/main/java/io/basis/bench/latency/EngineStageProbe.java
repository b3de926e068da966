package io.basis.bench.latency;

import io.basis.engine.EngineListener;
import io.basis.engine.order.ProgramOrder;
import io.basis.engine.pricing.ValuationListener;
import io.basis.engine.pricing.ValuationView;

import java.nio.file.Path;

/**
 * The engine's hops of the full-path breakdown, taken from outside its decisions through the listeners it offers
 * embedding code (both on the engine thread): when the triggering book update had been applied and valued
 * (the valuation listener, just before the strategy decides) and when the program was opened (its legs are
 * offered right after). The engine knows a tick by its clock, the gateway's receive time, so these logs are keyed
 * by it; the harness maps them back to the tick through the gateway's log. Nothing here reaches the engine's
 * state, and appending allocates nothing.
 */
final class EngineStageProbe implements EngineListener, ValuationListener
{
    static final String VALUED = "engine-valued";
    static final String DECIDED = "engine-decided";

    private final StageLog valued;
    private final StageLog decided;
    private long valuedNs;

    /**
     * @param dir where the harness created the logs.
     */
    EngineStageProbe(final Path dir)
    {
        valued = StageLog.open(dir.resolve(VALUED));
        decided = StageLog.open(dir.resolve(DECIDED));
    }

    @Override
    public void onValuation(final int instrumentId, final ValuationView valuation)
    {
        valuedNs = System.nanoTime();
    }

    @Override
    public void onProgramOpened(final ProgramOrder program)
    {
        final long nowNs = System.nanoTime();
        // The program opened on the last book update valued: the engine's time is that update's receive time.
        valued.append(program.startNs(), valuedNs);
        decided.append(program.startNs(), nowNs);
    }
}
