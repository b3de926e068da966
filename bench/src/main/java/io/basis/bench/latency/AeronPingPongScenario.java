package io.basis.bench.latency;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Baseline (a), the floor of the engine-only path: raw Aeron IPC ping-pong between two threads of one process
 * over an embedded driver configured like Basis's. The harness thread sends a 64-byte ping at the fixed rate
 * carrying its intended send time; an echo thread with the engine's idle strategy sends it straight back; the
 * latency is the pong's arrival minus the intended time. Same two hops as tick-to-order in the engine-only path,
 * with no work in between.
 */
public final class AeronPingPongScenario implements Scenario
{
    private static final int PING_STREAM = 2001;
    private static final int PONG_STREAM = 2002;
    private static final int MESSAGE_LENGTH = 64;

    private final Idle idle;
    private MediaDriver driver;
    private Aeron aeron;
    private ExclusivePublication ping;
    private Subscription pong;
    private AgentRunner echo;

    /**
     * @param idle idle mode of both threads.
     */
    public AeronPingPongScenario(final Idle idle)
    {
        this.idle = idle;
    }

    @Override
    public String name()
    {
        return "baseline-aeron-ipc";
    }

    @Override
    public void start()
    {
        driver = EmbeddedDriver.launch();
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        ping = aeron.addExclusivePublication("aeron:ipc", PING_STREAM);
        pong = aeron.addSubscription("aeron:ipc", PONG_STREAM);
        final Subscription pingIn = aeron.addSubscription("aeron:ipc", PING_STREAM);
        final ExclusivePublication pongOut = aeron.addExclusivePublication("aeron:ipc", PONG_STREAM);
        final FragmentHandler echoHandler = (buffer, offset, length, header) ->
        {
            while (pongOut.offer(buffer, offset, length) < 0)
            {
                Thread.onSpinWait();
            }
        };
        echo = new AgentRunner(idle.newStrategy(), Throwable::printStackTrace, null, new Agent()
        {
            @Override
            public int doWork()
            {
                return pingIn.poll(echoHandler, 16);
            }

            @Override
            public String roleName()
            {
                return "latency-echo";
            }
        });
        AgentRunner.startOnThread(echo);
        Await.until("ping-pong publications to connect", () -> ping.isConnected() && pongOut.isConnected());
    }

    @Override
    public List<Measurement> run(final int rate, final long warmupNs, final long measureNs)
    {
        final LatencyRecorder recorder = new LatencyRecorder();
        final UnsafeBuffer out = new UnsafeBuffer(ByteBuffer.allocateDirect(MESSAGE_LENGTH));
        final long[] lastEchoed = {0};
        final FragmentHandler pongHandler = (buffer, offset, length, header) ->
        {
            final long intendedNs = buffer.getLong(offset);
            recorder.record(intendedNs, System.nanoTime());
            lastEchoed[0] = intendedNs;
        };
        final OpenLoop.Pacing pacing = OpenLoop.run(new OpenLoop.Injector()
        {
            @Override
            public void inject(final long intendedNs)
            {
                out.putLong(0, intendedNs);
                long result;
                while ((result = ping.offer(out, 0, MESSAGE_LENGTH)) < 0)
                {
                    if (result != Publication.BACK_PRESSURED && result != Publication.ADMIN_ACTION)
                    {
                        throw new IllegalStateException("ping not sent: " + result);
                    }
                    pong.poll(pongHandler, 16);
                }
            }

            @Override
            public int poll()
            {
                return pong.poll(pongHandler, 16);
            }

            @Override
            public boolean drained(final long lastIntendedNs)
            {
                return lastEchoed[0] >= lastIntendedNs;
            }
        }, rate, warmupNs, measureNs, idle.newStrategy(), recorder);
        return List.of(new Measurement(name(), "round-trip", false, rate, recorder.histogram(), pacing.ticks(),
            pacing.sendLag(), "64-byte ping due -> pong polled; two threads, one process, two IPC hops"));
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(echo, aeron, driver);
    }
}
