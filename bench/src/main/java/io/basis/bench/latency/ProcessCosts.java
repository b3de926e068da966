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
        private final long[] total;
        private final long[] agent;
        private final long[] collections;
        private final long[] gcMillis;
        private final long[] cpu;

        private Window(final List<Meter> meters, final long orders)
        {
            this.meters = meters;
            this.orders = orders;
            total = new long[meters.size()];
            agent = new long[meters.size()];
            collections = new long[meters.size()];
            gcMillis = new long[meters.size()];
            cpu = new long[meters.size()];
            for (int i = 0; i < meters.size(); i++)
            {
                final ProcessCounters counter = meters.get(i).counter();
                total[i] = counter.totalBytes();
                agent[i] = counter.agentBytes();
                collections[i] = counter.collections();
                gcMillis[i] = counter.collectionMillis();
                cpu[i] = counter.cpuNanos();
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
                final Meter meter = meters.get(i);
                final ProcessCounters counter = meter.counter();
                processes.add(new Process(meter.role(), meter.agentThread(), counter.totalBytes() - total[i],
                    counter.agentBytes() - agent[i], counter.collections() - collections[i],
                    counter.collectionMillis() - gcMillis[i], counter.cpuNanos() - cpu[i]));
            }
            return new ProcessCosts(ordersNow - orders, processes);
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
