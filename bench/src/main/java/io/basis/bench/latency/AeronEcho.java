package io.basis.bench.latency;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.concurrent.IdleStrategy;

/**
 * The echo side of the Aeron ping-pong baseline, in its own JVM: connects to the harness's media driver and sends
 * every ping straight back. Runs until the process is stopped.
 */
public final class AeronEcho
{
    private AeronEcho()
    {
    }

    /**
     * @param args the Aeron directory, the ping and pong stream ids, and the idle mode (backoff, brief or busy).
     */
    public static void main(final String[] args)
    {
        final String aeronDir = args[0];
        final int pingStream = Integer.parseInt(args[1]);
        final int pongStream = Integer.parseInt(args[2]);
        final IdleStrategy idle = Idle.parse(args[3]).newStrategy();
        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir)))
        {
            final Subscription pingIn = aeron.addSubscription("aeron:ipc", pingStream);
            final ExclusivePublication pongOut = aeron.addExclusivePublication("aeron:ipc", pongStream);
            final FragmentHandler echo = (buffer, offset, length, header) ->
            {
                while (pongOut.offer(buffer, offset, length) < 0)
                {
                    Thread.onSpinWait();
                }
            };
            System.out.println("echo: ready");
            while (!Thread.currentThread().isInterrupted() && !pingIn.isClosed())
            {
                idle.idle(pingIn.poll(echo, 16));
            }
        }
    }
}
