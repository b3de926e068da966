package io.basis.bench.latency;

import java.util.List;

/**
 * One system under test, set up once and then measured at one or more rates.
 */
public interface Scenario extends AutoCloseable
{
    /**
     * @return short name used in files and tables, e.g. {@code basis-engine}.
     */
    String name();

    /**
     * Set up: drivers, processes, sessions, snapshots. Called once before the first {@link #run}.
     *
     * @throws Exception if the scenario cannot start.
     */
    void start() throws Exception;

    /**
     * Drive ticks at a fixed rate and measure.
     *
     * @param rate      ticks a second.
     * @param warmupNs  warm-up, not recorded.
     * @param measureNs measurement window.
     * @return one measurement per series of the scenario.
     */
    List<Measurement> run(int rate, long warmupNs, long measureNs);

    /**
     * Stop everything started, deleting what was created on disk.
     */
    @Override
    void close();
}
