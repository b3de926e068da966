package io.basis.engine.live;

import io.aeron.CommonContext;
import io.aeron.exceptions.AeronException;
import io.basis.engine.control.OperatorKeysException;
import io.basis.engine.EngineConfig;
import io.basis.engine.EngineOptions;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.refdata.ReferenceDataException;
import io.basis.protocol.sbe.TimeInForce;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Command line of the engine process: {@code ./basis engine [options]}. Runs until SIGINT or SIGTERM.
 */
public final class EngineMain
{
    private EngineMain()
    {
    }

    /**
     * @param args command line.
     */
    public static void main(final String[] args)
    {
        final EngineConfig config;
        try
        {
            config = EngineOptions.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("engine: " + ex.getMessage());
            System.err.println(EngineOptions.USAGE);
            System.exit(2);
            return;
        }
        if (config == null)
        {
            System.out.println(EngineOptions.USAGE);
            return;
        }

        final Engine engine;
        try
        {
            engine = Engine.launch(config);
        }
        catch (final ReferenceDataException ex)
        {
            System.err.println("engine: bad reference data: " + ex.getMessage());
            System.exit(2);
            return;
        }
        catch (final OperatorKeysException ex)
        {
            System.err.println("engine: operator keys: " + ex.getMessage());
            System.exit(2);
            return;
        }
        catch (final IllegalArgumentException ex)
        {
            // A settings file that cannot be used (the positions file): its message names the file and line.
            System.err.println("engine: " + ex.getMessage());
            System.exit(2);
            return;
        }
        catch (final AeronException | UncheckedIOException | IllegalStateException ex)
        {
            // No media driver at the Aeron directory (or it stopped), or the command log cannot be opened.
            System.err.println("engine: cannot start: " + ex.getMessage());
            System.exit(1);
            return;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            engine.close();
            stopped.countDown();
        }, "engine-shutdown"));
        if (engine.restoredRuns() > 0)
        {
            System.out.println("engine: restored from " + engine.restoredRuns() + " recorded run(s), " +
                engine.restoredEvents() + " inputs" + (engine.restoredFromSnapshot() ?
                " (a snapshot of " + (engine.restoredEvents() - engine.replayedEvents()) + ", then " +
                engine.replayedEvents() + " replayed from the journal)" : " replayed from the journal"));
        }
        if (config.positionsFile != null)
        {
            System.out.println(engine.restoredRuns() > 0 ?
                "engine: --positions ignored: the state restored from the archive holds its positions" :
                "engine: " + engine.startOfDayPositions() + " start-of-day position(s) loaded from " +
                config.positionsFile);
        }
        System.out.println("engine: " + engine.referenceData().indexName() + ", " +
            engine.referenceData().constituents().size() + " constituents + " +
            engine.referenceData().future().symbol() + ", " + config.contracts + " contract(s) per program");
        try
        {
            stopped.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

}
