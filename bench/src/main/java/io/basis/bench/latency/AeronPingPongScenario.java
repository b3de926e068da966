package io.basis.bench.latency;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Baseline (a), the floor of one hop between two Basis processes: raw Aeron IPC ping-pong between this process and
 * an echo process ({@link AeronEcho}) on an embedded driver configured like Basis's. The harness thread sends a
 * 64-byte ping at the fixed rate carrying its intended send time; the echo process, with the engine's idle
 * strategy, sends it straight back; the latency is the pong's arrival minus the intended time. Same two hops as
 * tick-to-order in the engine-only path, across a process boundary, with no work in between.
 */
public final class AeronPingPongScenario implements Scenario
{
    private static final int PING_STREAM = 2001;
    private static final int PONG_STREAM = 2002;
    private static final int MESSAGE_LENGTH = 64;

    private final Idle idle;
    private final List<String> launcher;
    private MediaDriver driver;
    private Aeron aeron;
    private ExclusivePublication ping;
    private Subscription pong;
    private Process echo;

    /**
     * @param idle     idle mode of both sides.
     * @param launcher command words before {@code java} for the echo process (core pinning), or empty.
     */
    public AeronPingPongScenario(final Idle idle, final List<String> launcher)
    {
        this.idle = idle;
        this.launcher = launcher;
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
        echo = startEcho(driver.aeronDirectoryName());
        Await.until("the echo process to connect", () -> ping.isConnected() && pong.isConnected());
    }

    private Process startEcho(final String aeronDir)
    {
        final List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"),
            AeronEcho.class.getName(), aeronDir, Integer.toString(PING_STREAM), Integer.toString(PONG_STREAM),
            idle.name()));
        try
        {
            return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start the echo process", ex);
        }
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
            pacing.sendLag(), "64-byte ping due -> pong polled; two processes, two IPC hops"));
    }

    @Override
    public void close()
    {
        if (echo != null)
        {
            echo.destroy();
            try
            {
                if (!echo.waitFor(5, TimeUnit.SECONDS))
                {
                    echo.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                echo.destroyForcibly();
            }
        }
        CloseHelper.quietCloseAll(aeron, driver);
    }
}
