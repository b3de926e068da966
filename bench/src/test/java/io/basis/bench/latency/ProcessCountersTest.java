package io.basis.bench.latency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counters a process publishes for the harness, and the per-order table the harness makes of them.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProcessCountersTest
{
    private static final int MEGABYTE = 1 << 20;

    private static volatile byte[] sink;

    @Test
    void theHarnessSeesWhatTheAgentThreadAllocatedInItsWindow(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve(ProcessCounters.GATEWAY);
        final CountDownLatch allocate = new CountDownLatch(1);
        final CountDownLatch stop = new CountDownLatch(1);
        final Thread agent = new Thread(() ->
        {
            await(allocate);
            for (int i = 0; i < 8; i++)
            {
                sink = new byte[MEGABYTE];
            }
            await(stop);
        }, "test-agent");
        try (ProcessCounters counter = ProcessCounters.create(file))
        {
            agent.start();
            final Thread publisher = ProcessCounters.publish(file, "test-agent");
            try
            {
                Await.until("the agent thread to be counted", () -> counter.totalBytes() > 0);
                final ProcessCosts.Window window =
                    ProcessCosts.open(List.of(new ProcessCosts.Meter("gateway", "test-agent", counter)), 100);
                allocate.countDown();
                Await.until("the agent's 8 MB", () -> counter.agentBytes() >= 8L * MEGABYTE);

                final ProcessCosts costs = window.close(1_100);
                assertEquals(1_000, costs.orders());
                final ProcessCosts.Process gateway = costs.processes().get(0);
                assertTrue(gateway.agentBytes() >= 8L * MEGABYTE, () -> "agent " + gateway.agentBytes());
                assertTrue(gateway.totalBytes() >= gateway.agentBytes(), () -> "total " + gateway.totalBytes());
                assertTrue(costs.table().startsWith("| process | CPU µs per order | bytes per order, all threads |"));
                assertTrue(costs.table().contains("| gateway | "), costs.table());
            }
            finally
            {
                stop.countDown();
                publisher.interrupt();
                publisher.join();
                agent.join();
            }
        }
    }

    private static void await(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
