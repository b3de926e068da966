package io.basis.engine.live;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.basis.engine.EngineConfig;
import io.basis.engine.EngineOptions;
import io.basis.engine.status.EngineReport;
import io.basis.engine.status.EngineStatus;
import io.basis.engine.TradingEngine;
import io.basis.engine.control.CommandAuthenticator;
import io.basis.engine.control.CommandLog;
import io.basis.engine.control.OperatorKeys;
import io.aeron.logbuffer.FragmentHandler;
import io.basis.engine.journal.EngineSnapshot;
import io.basis.engine.journal.JournalArchive;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.journal.JournalReplay;
import io.basis.engine.order.OrderIds;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.order.ProgramDirection;
import io.basis.engine.order.ProgramKind;
import io.basis.engine.order.ProgramState;
import io.basis.engine.position.Positions;
import io.basis.engine.position.PositionsFile;
import io.basis.engine.order.ProgramLedger;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.risk.RiskReason;
import io.basis.engine.strategy.EdgeStrategy;
import io.basis.engine.strategy.MeanBasisStrategy;
import io.basis.engine.strategy.Strategy;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An engine embedded in the caller's process: connects to the media driver (or launches one), starts the
 * {@link EngineAgent} on its own thread and, on close, stops it and writes the final report.
 */
public final class Engine implements AutoCloseable
{
    private static final long RESTORE_TIMEOUT_MS = 10_000;
    private static final long COMMAND_SKEW_US = 60_000_000L;
    private final EngineConfig config;
    private final ReferenceData referenceData;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final EngineStatus status;
    private final OrderTracker tracker;
    private final Positions positions;
    private final EngineAgent agent;
    private final AgentRunner runner;
    private final CommandLog commandLog;
    private final JournalArchive journalArchive;
    private final long restoredRuns;
    private final long restoredEvents;
    private final long replayedEvents;
    private final boolean restoredFromSnapshot;
    private final int startOfDayPositions;
    private EngineReport report;

    private Engine(final EngineConfig config)
    {
        this.config = config;
        referenceData = ReferenceData.load(config.refdataDir, config.tradeDate);
        final List<PositionsFile.Row> startOfDay = config.positionsFile != null ?
            PositionsFile.load(config.positionsFile, referenceData) : List.of();
        // Before connecting, so that a key file the engine cannot use stops it with nothing to clean up.
        final Path keysFile = config.operatorKeysFile != null ? config.operatorKeysFile : OperatorKeys.defaultFile(
            config.aeronDir != null ? config.aeronDir : CommonContext.getAeronDirectoryName());
        final OperatorKeys operators = config.operatorKeysFile != null ? OperatorKeys.load(keysFile) :
            OperatorKeys.loadOrCreate(keysFile, OperatorKeys.defaultOperator());
        commandLog = new CommandLog(config.commandLogFile != null ? config.commandLogFile :
            keysFile.resolveSibling(CommandLog.DEFAULT_FILE_NAME));

        MediaDriver launchedDriver = null;
        Aeron connected = null;
        try
        {
            if (config.embeddedDriver)
            {
                final MediaDriver.Context driverContext = new MediaDriver.Context()
                    .threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(new BackoffIdleStrategy())
                    .dirDeleteOnStart(true)
                    .dirDeleteOnShutdown(true);
                if (config.aeronDir != null)
                {
                    driverContext.aeronDirectoryName(config.aeronDir);
                }
                launchedDriver = MediaDriver.launchEmbedded(driverContext);
            }
            final Aeron.Context context = new Aeron.Context();
            if (launchedDriver != null)
            {
                context.aeronDirectoryName(launchedDriver.aeronDirectoryName());
            }
            else if (config.aeronDir != null)
            {
                context.aeronDirectoryName(config.aeronDir);
            }
            connected = Aeron.connect(context);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(connected, launchedDriver, commandLog);
            throw ex;
        }
        driver = launchedDriver;
        aeron = connected;

        final ExclusivePublication publication = aeron.addExclusivePublication(
            Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);
        final Subscription gatewaySubscription = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
        final Subscription controlSubscription = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.CONTROL);
        status = new EngineStatus(aeron);
        final long idBase = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        final ExclusivePublication journal = aeron.addExclusivePublication(
            Streams.IPC_CHANNEL, Streams.ENGINE_JOURNAL);
        JournalArchive archive = null;
        JournalReplay restored = null;
        long chainRecordingId = -1;
        long journalRecordingId = -1;
        // Commands numbered before this engine started (less a minute of clock skew) are replays.
        final CommandAuthenticator authenticator = new CommandAuthenticator(operators, idBase - COMMAND_SKEW_US);
        try
        {
            if (config.archiveDir != null)
            {
                archive = JournalArchive.launch(aeron, config.archiveDir);
                // The state to restore is what the runs from the newest fresh one on leave: older chains of runs
                // (another trading day, a --fresh start) are history, purged once past retention.
                final List<JournalArchive.Recording> recordings = archive.recordings();
                final int chainStart = config.fresh ? -1 : archive.newestFreshRun(recordings, RESTORE_TIMEOUT_MS);
                final List<JournalArchive.Recording> chain = chainStart < 0 ? List.of() :
                    recordings.subList(chainStart, recordings.size());
                archive.purgeOlderThan(config.archiveRetentionMs, System.currentTimeMillis(),
                    chain.isEmpty() ? Long.MAX_VALUE : chain.get(0).recordingId());
                restored = chain.isEmpty() ? null : restore(config, archive, chain, authenticator);
                journalRecordingId = archive.recordJournal(journal, RESTORE_TIMEOUT_MS);
                chainRecordingId = restored != null ? chain.get(0).recordingId() : journalRecordingId;
                archive.purgeSnapshots(chainRecordingId, 2, config.archiveRetentionMs, System.currentTimeMillis(),
                    RESTORE_TIMEOUT_MS);
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(archive, commandLog, status, aeron, driver);
            throw ex;
        }
        journalArchive = archive;
        restoredRuns = restored != null ? restored.runs() : 0;
        restoredEvents = restored != null ? restored.events() : 0;
        replayedEvents = restored != null ? restored.events() - restored.eventsBeforeReplay() : 0;
        restoredFromSnapshot = restored != null && restored.startedFromSnapshot();
        positions = restored != null ? restored.positions() :
            new Positions(referenceData.instruments(), referenceData.costs());
        tracker = restored != null ? restored.tracker() : TradingEngine.newTracker(config, referenceData, positions, idBase);
        agent = new EngineAgent(
            config, referenceData, publication, gatewaySubscription, controlSubscription, journal, idBase, status,
            tracker, positions, TradingEngine.newStrategy(config), new SystemNanoClock(), authenticator,
            commandLog, restored, archive, chainRecordingId, journalRecordingId,
            restored != null ? List.of() : startOfDay);
        startOfDayPositions = restored != null ? 0 : startOfDay.size();
        final AtomicCounter errors = aeron.addCounter(7199, "basis-engine-errors");
        runner = new AgentRunner(EngineOptions.idleStrategy(config.idle), Engine::onError, errors, agent);
        AgentRunner.startOnThread(runner);
        // Return a running engine: its run has started in its journal before anyone can stop it.
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RESTORE_TIMEOUT_MS);
        while (!agent.hasStarted() && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
    }

    /**
     * @return engine runs whose journal this engine replayed to restore its state at start (0: it started empty).
     */
    public long restoredRuns()
    {
        return restoredRuns;
    }

    /**
     * @return inputs the restored state holds (those of every run since the fresh one).
     */
    public long restoredEvents()
    {
        return restoredEvents;
    }

    /**
     * @return inputs replayed from the journal at start: those after the snapshot loaded, or all of them.
     */
    public long replayedEvents()
    {
        return replayedEvents;
    }

    /**
     * @return positions loaded from the positions file at a fresh start (0 when the state was restored).
     */
    public int startOfDayPositions()
    {
        return startOfDayPositions;
    }

    /**
     * @return true if the state at start was loaded from a snapshot (then only the journal after it was replayed).
     */
    public boolean restoredFromSnapshot()
    {
        return restoredFromSnapshot;
    }

    /**
     * Start an engine.
     *
     * @param config settings.
     * @return the running engine.
     */
    public static Engine launch(final EngineConfig config)
    {
        return new Engine(config);
    }

    /**
     * Replay a chain of runs (a fresh one and those that continued it) into one engine, checking each decision
     * against the recording, and return it to go live with. The engine refuses to go live on a state it
     * cannot prove: a journal that does not replay to what it recorded, or one recorded with other options.
     */
    private static JournalReplay restore(
        final EngineConfig config,
        final JournalArchive archive,
        final List<JournalArchive.Recording> chain,
        final CommandAuthenticator authenticator)
    {
        final JournalReplay replay = new JournalReplay(commandLine ->
        {
            if (!commandLine.equals(config.commandLine))
            {
                throw new IllegalStateException("the journal in " + archive.dir() + " was recorded with other " +
                    "options (" + commandLine.replace('\n', ' ') + "): start with the same options to continue " +
                    "its state, or with --fresh to start empty");
            }
            return config;
        });
        // Commands the runs before accepted stay spent: a copy of one is a replay.
        final AdminCommandDecoder command = new AdminCommandDecoder();
        final MessageHeaderDecoder commandHeader = new MessageHeaderDecoder();
        replay.observer((entry, buffer, offset, length, input) ->
        {
            if (input && commandHeader.wrap(buffer, offset).templateId() == AdminCommandDecoder.TEMPLATE_ID)
            {
                command.wrapAndApplyHeader(buffer, offset, commandHeader);
                authenticator.accepted(command.operatorName(), command.correlationId());
            }
        });
        // The newest snapshot of the chain, if any, holds the state up to a position of one of its journals: only
        // what follows is replayed.
        final EngineSnapshot snapshot = new EngineSnapshot();
        final SnapshotReader reader = new SnapshotReader();
        final EngineSnapshot.Coverage coverage = archive.newestSnapshot(chain, snapshot, reader, RESTORE_TIMEOUT_MS);
        boolean covered = coverage == null;
        if (coverage != null)
        {
            replay.startFrom(reader, snapshot, authenticator);
        }
        for (final JournalArchive.Recording recording : chain)
        {
            final FragmentHandler entries = (buffer, offset, length, header) -> replay.onEntry(buffer, offset, length);
            if (covered)
            {
                archive.replay(recording, entries, RESTORE_TIMEOUT_MS);
            }
            else if (recording.recordingId() == coverage.journalRecordingId())
            {
                archive.replayFrom(recording, coverage.journalPosition(), entries, RESTORE_TIMEOUT_MS);
                covered = true;
            }
        }
        // The last run may have died before recording what it decided on its last inputs.
        replay.finish(true);
        if (!replay.identical())
        {
            throw new IllegalStateException("the journal in " + archive.dir() + " does not replay to what it " +
                "recorded (" + replay.firstDifference() + "): the engine will not go live on a state it cannot " +
                "prove; start with --fresh to start empty");
        }
        return replay.runs() > 0 ? replay : null;
    }

    private static void onError(final Throwable error)
    {
        System.err.println("engine: error on the engine thread: " + error);
        error.printStackTrace(System.err);
    }

    private static java.util.List<EngineReport.ProgramRow> programRows(final ProgramLedger ledger)
    {
        final java.util.List<EngineReport.ProgramRow> rows = new java.util.ArrayList<>(ledger.size());
        for (int row = 0; row < ledger.size(); row++)
        {
            rows.add(new EngineReport.ProgramRow(
                ledger.programId(row),
                ProgramDirection.values()[ledger.direction(row)].name(),
                ProgramKind.values()[ledger.kind(row)].name(),
                ProgramState.values()[ledger.state(row)].name(),
                ledger.basketFilled(row),
                ledger.hedgeFilled(row),
                ledger.cashFlow(row),
                ledger.costs(row)));
        }
        return rows;
    }

    /**
     * @return live counters.
     */
    public EngineStatus status()
    {
        return status;
    }

    /**
     * @return the reference data in use.
     */
    public ReferenceData referenceData()
    {
        return referenceData;
    }

    /**
     * @return the final report; null until the engine is closed.
     */
    public synchronized EngineReport report()
    {
        return report;
    }

    /**
     * Stop the engine thread, write the report, disconnect. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (report != null)
        {
            return;
        }
        // Joining the agent thread makes its state visible here.
        runner.close();
        final Map<String, Long> positionsBySymbol = new LinkedHashMap<>();
        for (final Instrument instrument : referenceData.instruments())
        {
            positionsBySymbol.put(instrument.symbol(), positions.quantity(instrument.id()));
        }
        final TradingEngine trading = agent.tradingEngine();
        final Map<String, Long> riskRejects = new LinkedHashMap<>();
        for (final RiskReason reason : RiskReason.values())
        {
            final long count = trading.risk().count(reason.ordinal());
            if (reason != RiskReason.NONE && count > 0)
            {
                riskRejects.put(reason.name(), count);
            }
        }
        final double pnl = trading.risk().pnl();
        report = new EngineReport(
            tracker.programsOpened(), tracker.programsCompleted(), tracker.childOrdersSent(),
            tracker.workingOrders(), positions.fills(), tracker.rejects(), tracker.fillMismatches(),
            positionsBySymbol, positions.realizedPnl(), pnl, positions.commissions(), positions.taxes(),
            riskRejects, trading.killSwitch().state().name(), trading.killSwitch().automaticReason().name(),
            trading.leggedPrograms(), trading.hedgesSent(), trading.repricedLegs(), programRows(trading.ledger()));
        if (config.archiveDir != null)
        {
            // What the next trading day's fresh start loads with --positions.
            PositionsFile.write(config.archiveDir.toAbsolutePath().resolveSibling(PositionsFile.DEFAULT_FILE_NAME),
                positions, referenceData);
        }
        if (config.reportFile != null)
        {
            try (Writer writer = Files.newBufferedWriter(config.reportFile, StandardCharsets.UTF_8))
            {
                report.toProperties().store(writer, "Basis engine report");
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        CloseHelper.closeAll(commandLog, status, journalArchive, aeron, driver);
    }
}
