package io.basis.bench.latency;

import java.util.ArrayList;
import java.util.List;

/**
 * What Basis's processes consumed over a measurement window, per order the exchange received in it (each order with
 * its two execution reports and its share of the ticks): CPU time and heap allocation, every thread of the process
 * counted, and the garbage collections that allocation caused.
 *
 * @param orders    orders the exchange received between the window's opening and closing.
 * @param processes what each process consumed in the window.
 */
public record ProcessCosts(long orders, List<Process> processes)
{
    /**
     * What one process consumed in the window.
     *
     * @param role        the process, e.g. {@code gateway}.
     * @param agentThread name of its agent thread.
     * @param totalBytes  bytes allocated by all its threads.
     * @param agentBytes  bytes allocated by its agent thread.
     * @param collections garbage collections it ran.
     * @param gcMillis    milliseconds its collectors took.
     * @param cpuNanos    CPU time of all its threads.
     */
    public record Process(
        String role, String agentThread, long totalBytes, long agentBytes, long collections, long gcMillis,
        long cpuNanos)
    {
    }

    /**
     * A child process whose costs are counted.
     *
     * @param role        the process, e.g. {@code gateway}.
     * @param agentThread name of its agent thread.
     * @param counter     what it publishes.
     */
    public record Meter(String role, String agentThread, ProcessCounters counter)
    {
    }

    /**
     * The counts when a window opened.
     */
    public static final class Window
    {
        private final List<Meter> meters;
        private final long orders;
        private final List<Process> opened = new ArrayList<>();

        private Window(final List<Meter> meters, final long orders)
        {
            this.meters = meters;
            this.orders = orders;
            for (final Meter meter : meters)
            {
                opened.add(reading(meter));
            }
        }

        /**
         * @param ordersNow orders the exchange has received by now.
         * @return what was consumed since the window opened.
         */
        public ProcessCosts close(final long ordersNow)
        {
            final List<Process> processes = new ArrayList<>();
            for (int i = 0; i < meters.size(); i++)
            {
                final Process now = reading(meters.get(i));
                final Process then = opened.get(i);
                processes.add(new Process(now.role(), now.agentThread(), now.totalBytes() - then.totalBytes(),
                    now.agentBytes() - then.agentBytes(), now.collections() - then.collections(),
                    now.gcMillis() - then.gcMillis(), now.cpuNanos() - then.cpuNanos()));
            }
            return new ProcessCosts(ordersNow - orders, processes);
        }

        private static Process reading(final Meter meter)
        {
            final ProcessCounters counter = meter.counter();
            return new Process(meter.role(), meter.agentThread(), counter.totalBytes(), counter.agentBytes(),
                counter.collections(), counter.collectionMillis(), counter.cpuNanos());
        }
    }

    /**
     * @param meters the processes counted.
     * @param orders orders the exchange has received by now.
     * @return the counts now.
     */
    public static Window open(final List<Meter> meters, final long orders)
    {
        return new Window(meters, orders);
    }

    /**
     * @return a markdown table by process: CPU time per order, bytes per order (all threads, the agent thread, the
     * others) and the collections.
     */
    public String table()
    {
        final StringBuilder md = new StringBuilder(
            "| process | CPU µs per order | bytes per order, all threads | agent thread | other threads | " +
            "MB in the window | GCs in the window | their time, ms |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Process process : processes)
        {
            md.append("| ").append(process.role()).append(" | ")
                .append(orders == 0 ? "-" : String.format("%,.1f", process.cpuNanos() / 1e3 / orders))
                .append(" | ").append(perOrder(process.totalBytes()))
                .append(" | ").append(perOrder(process.agentBytes())).append(" (`").append(process.agentThread())
                .append("`) | ").append(perOrder(process.totalBytes() - process.agentBytes()))
                .append(" | ").append(String.format("%,.1f", process.totalBytes() / 1e6))
                .append(" | ").append(process.collections()).append(" | ").append(process.gcMillis()).append(" |\n");
        }
        return md.toString();
    }

    private String perOrder(final long bytes)
    {
        return orders == 0 ? "-" : String.format("%,d", Math.round((double)bytes / orders));
    }
}
