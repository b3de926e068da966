package io.basis.engine.live;

import io.basis.engine.EngineConfig;
import io.basis.engine.EngineListener;
import io.basis.engine.status.EngineReport;
import io.basis.engine.status.EngineStatus;
import io.basis.engine.TestOperators;
import io.basis.engine.TestReferenceData;
import io.basis.engine.TradingEngine;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.basis.engine.admin.AdminClient;
import io.basis.engine.control.OperatorCredential;
import io.basis.engine.control.OperatorKeys;
import io.aeron.logbuffer.FrameDescriptor;
import io.aeron.protocol.DataHeaderFlyweight;
import io.aeron.archive.client.AeronArchive;
import io.basis.engine.journal.AuditMain;
import io.basis.engine.journal.JournalArchive;
import io.basis.engine.journal.JournalReplay;
import io.basis.engine.journal.ReplayMain;
import org.agrona.BitUtil;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.position.Positions;
import io.basis.engine.position.PositionsFile;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.risk.RiskReason;
import io.basis.engine.risk.TradingState;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportEncoder;
import io.basis.protocol.sbe.InstrumentStatusEncoder;
import io.basis.protocol.sbe.KillScope;
import io.basis.protocol.sbe.MarketPhase;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.AdminCommandType;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The engine agent driven message by message, as the gateway would: market data and reports go in over the real
 * gateway-to-engine stream, operator commands over the real control stream, what it sends is read from the real
 * engine-to-gateway stream, and its journal from the journal stream.
 */
@Timeout(30)
class EngineAgentTest
{
    private static final long ID_BASE = 1;

    @TempDir
    Path dir;

    private MediaDriver driver;
    private Aeron aeron;
    private EngineAgent agent;
    private AdminClient admin;
    private TestOperators operators;
    private EngineConfig config;
    private Subscription journal;
    private Subscription fromGateway;
    private ExclusivePublication gateway;
    private ExclusivePublication journalPublication;
    private JournalArchive archive;
    private final List<byte[]> journalEntries = new ArrayList<>();
    private Subscription toGateway;
    private ReferenceData data;
    private final List<long[]> newOrders = new ArrayList<>();
    private final List<Long> cancels = new ArrayList<>();
    private final List<RiskReason> refused = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @BeforeEach
    void setUp()
    {
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        data = TestReferenceData.kospi200();
        operators = new TestOperators(dir);
        config = new EngineConfig();
        config.refdataDir = Path.of("..", "refdata", "kospi200");
        config.tradeDate = TestReferenceData.TRADE_DATE;
        config.strategy = "edge";
        config.edgeThreshold = 1.0e9;
        config.listener = new EngineListener()
        {
            @Override
            public void onRiskReject(final RiskReason reason)
            {
                refused.add(reason);
            }
        };
        final Positions positions = new Positions(data.instruments(), data.costs());
        final OrderTracker tracker = TradingEngine.newTracker(config, data, positions, ID_BASE);
        toGateway = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);
        journal = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.ENGINE_JOURNAL);
        fromGateway = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
        gateway = aeron.addExclusivePublication(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
        journalPublication = aeron.addExclusivePublication(Streams.IPC_CHANNEL, Streams.ENGINE_JOURNAL);
        archive = JournalArchive.launch(aeron, dir.resolve("archive"));
        archive.recordJournal(journalPublication, 10_000);
        agent = new EngineAgent(config, data,
            aeron.addExclusivePublication(Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY),
            fromGateway,
            aeron.addSubscription(Streams.IPC_CHANNEL, Streams.CONTROL),
            journalPublication, ID_BASE,
            new EngineStatus(aeron), tracker, positions, TradingEngine.newStrategy(config), new SystemNanoClock(),
            operators.authenticator(), operators.log(), null, null, -1, -1, List.of());
        admin = new AdminClient(aeron, operators.credential());
        await(() -> toGateway.isConnected() && admin.isConnected() && gateway.isConnected() &&
            journal.isConnected());
        agent.onStart();
        for (final Instrument instrument : data.instruments())
        {
            snapshot(instrument);
        }
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(admin, operators, archive, aeron, driver);
    }

    @Test
    void aCumulativeQuantityThatDisagreesWithTheFillsHaltsTheEngine()
    {
        submitProgram();
        final long[] future = newOrders.get(0);

        // LastQty 1 but CumQty 2: a fill the engine never saw.
        report(future[0], (int)future[1], ExecType.TRADE, OrdStatus.FILLED, 1, 2);

        assertEquals(TradingState.HALTED, agent.tradingEngine().killSwitch().state());
        assertEquals(RiskReason.FILL_MISMATCH, agent.tradingEngine().killSwitch().automaticReason());
        await(() -> cancels.size() == newOrders.size() - 1);
    }

    @Test
    void aHaltedConstituentRefusesTheWholeProgram()
    {
        final InstrumentStatusEncoder status = new InstrumentStatusEncoder().wrapAndApplyHeader(buffer, 0,
            headerEncoder);
        status.instrumentId(data.instrument("005930").id()).phase(MarketPhase.HALTED)
            .programBuySuspended(BooleanType.FALSE).programSellSuspended(BooleanType.FALSE)
            .timestampNs(System.nanoTime());
        fromTheGateway(MessageHeaderEncoder.ENCODED_LENGTH + status.encodedLength());

        sendCommand(() -> admin.submitProgram(Direction.CASH_AND_CARRY, 1) > 0);

        await(() -> refused.contains(RiskReason.INSTRUMENT_NOT_TRADING));
        drain();
        assertTrue(newOrders.isEmpty(), "nothing of the program was sent");
    }

    @Test
    void killingAnInstrumentCancelsItsWorkingOrderOnly()
    {
        submitProgram();
        final int samsung = data.instrument("005930").id();

        sendCommand(() -> admin.send(AdminCommandType.KILL, KillScope.INSTRUMENT, samsung) > 0);

        await(() -> !cancels.isEmpty());
        assertEquals(TradingState.ACTIVE, agent.tradingEngine().killSwitch().state());
        assertTrue(agent.tradingEngine().killSwitch().isKilled(samsung));
    }

    @Test
    void basketLegsOfAProgramAreNumberedAsOneListAndTheHedgeIsUnlisted()
    {
        submitProgram();
        drain();

        final int futureId = data.future().id();
        final long[] hedge = newOrders.get(0);
        assertEquals(futureId, hedge[1], "the future goes first");
        assertEquals(0, hedge[2], "the hedge is not listed");
        assertEquals(0, hedge[3]);
        final int basketLegs = newOrders.size() - 1;
        for (int i = 1; i <= basketLegs; i++)
        {
            final long[] leg = newOrders.get(i);
            assertTrue(leg[1] != futureId);
            assertEquals(i, leg[2], "listSeqNo in sending order");
            assertEquals(basketLegs, leg[3], "listSize: every basket leg of the program");
        }
    }

    @Test
    void aCommandFromAnOperatorTheEngineDoesNotListIsRefusedAndRecorded() throws Exception
    {
        final Path otherKeys = dir.resolve("intruder.keys");
        final OperatorCredential intruder = OperatorKeys.loadOrCreate(otherKeys, "intruder").credential(null);
        // Same name as the authorised operator, wrong key: the signature cannot verify.
        final OperatorCredential impostor = new OperatorCredential(TestOperators.OPERATOR, intruder.key());
        try (AdminClient unknown = new AdminClient(aeron, intruder);
            AdminClient forged = new AdminClient(aeron, impostor))
        {
            await(() -> unknown.isConnected() && forged.isConnected());
            sendCommand(() -> unknown.send(AdminCommandType.KILL, KillScope.ALL, 0) > 0);
            sendCommand(() -> forged.send(AdminCommandType.KILL, KillScope.ALL, 0) > 0);
            await(() -> agent.commandsRefused() == 2);
        }
        assertEquals(TradingState.ACTIVE, agent.tradingEngine().killSwitch().state(), "neither kill was executed");

        sendCommand(() -> admin.send(AdminCommandType.KILL, KillScope.ALL, 0) > 0);
        await(() -> agent.tradingEngine().killSwitch().state() == TradingState.HALTED);

        final List<String> log = Files.readAllLines(dir.resolve("commands.log"));
        assertEquals(3, log.size(), String.join("\n", log));
        assertTrue(log.get(0).contains("operator=?intruder command=4 ") &&
            log.get(0).endsWith("REFUSED UNKNOWN_OPERATOR"), log.get(0));
        assertTrue(log.get(1).contains("operator=tester command=4 ") &&
            log.get(1).endsWith("REFUSED BAD_SIGNATURE"), log.get(1));
        assertTrue(log.get(2).contains("operator=tester command=KILL") && log.get(2).endsWith("ACCEPTED"),
            log.get(2));
    }

    @Test
    void theJournalReplaysToTheSameOrdersAndCancelsByteForByte()
    {
        submitProgram();
        final long[] future = newOrders.get(0);
        final long[] leg = newOrders.get(1);
        report(future[0], (int)future[1], ExecType.TRADE, OrdStatus.FILLED, 1, 1);
        report(leg[0], (int)leg[1], ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 1, 1);
        sendCommand(() -> admin.send(AdminCommandType.KILL, KillScope.ALL, 0) > 0);
        await(() -> cancels.size() >= newOrders.size() - 2);

        final JournalReplay replay = replay(journalEntries);

        assertTrue(replay.identical(), replay.firstDifference());
        assertEquals(1, replay.runs());
        assertEquals(newOrders.size() + cancels.size(), replay.outputs());
        assertTrue(replay.events() > data.instruments().size() + 3, "snapshots, reports, a command, timer events");
    }

    @Test
    void anAlteredJournalReplaysToItsFirstDifference()
    {
        submitProgram();
        final List<byte[]> altered = new ArrayList<>(journalEntries);
        final MessageHeaderDecoder entryHeader = new MessageHeaderDecoder();
        for (int i = 0; i < altered.size(); i++)
        {
            final UnsafeBuffer entry = new UnsafeBuffer(altered.get(i).clone());
            if (entryHeader.wrap(entry, 0).templateId() == NewOrderDecoder.TEMPLATE_ID &&
                new NewOrderDecoder().wrapAndApplyHeader(entry, 0, entryHeader).orderId() == newOrders.get(5)[0])
            {
                // The sixth order as if it had been sent one share larger.
                final NewOrderEncoder order = new NewOrderEncoder().wrap(entry, MessageHeaderEncoder.ENCODED_LENGTH);
                order.quantity(new NewOrderDecoder().wrapAndApplyHeader(entry, 0, entryHeader).quantity() + 1);
                altered.set(i, entry.byteArray());
            }
        }

        final JournalReplay replay = replay(altered);

        assertFalse(replay.identical());
        assertTrue(replay.firstDifference().contains("orderId=" + newOrders.get(5)[0]), replay.firstDifference());
    }

    @Test
    void theArchivedJournalReplaysIdenticallyAndAnAlteredRecordingShowsItsFirstDifference() throws IOException
    {
        submitProgram();
        final long[] future = newOrders.get(0);
        report(future[0], (int)future[1], ExecType.TRADE, OrdStatus.FILLED, 1, 1);
        sendCommand(() -> admin.send(AdminCommandType.KILL, KillScope.ALL, 0) > 0);
        await(() -> cancels.size() >= newOrders.size() - 1);
        await(() -> archive.recordings().get(0).stopPosition() >= journalPublication.position());
        archive.close();
        final Path archiveDir = dir.resolve("archive");

        final ReplayMain.Result result = ReplayMain.replay(archiveDir, Long.MIN_VALUE, Long.MAX_VALUE, line -> config);

        assertTrue(result.replay().identical(), result.replay().firstDifference());
        assertEquals(newOrders.size() + cancels.size(), result.replay().outputs());
        assertTrue(result.toJson().contains("\"identical\": true"), result.toJson());

        final ByteArrayOutputStream auditText = new ByteArrayOutputStream();
        final long lines = AuditMain.audit(archiveDir, future[0], 0, Long.MIN_VALUE, Long.MAX_VALUE, line -> config,
            new PrintStream(auditText, true, StandardCharsets.UTF_8));
        final String audit = auditText.toString(StandardCharsets.UTF_8);
        assertEquals(2, lines, "the decision and the fill: " + audit);
        assertTrue(audit.contains("decided [NewOrder]") && audit.contains("orderId=" + future[0]) &&
            audit.contains("valuation then: model VALID") && audit.contains("pre-trade risk: every check passed"),
            audit);
        assertTrue(audit.contains("execType=TRADE") &&
            audit.contains("booked: position of instrument " + future[1] + " now -1"), audit);

        final long altered = alterFirstOrderQuantity(archiveDir);
        final ReplayMain.Result alteredResult =
            ReplayMain.replay(archiveDir, Long.MIN_VALUE, Long.MAX_VALUE, line -> config);

        assertFalse(alteredResult.replay().identical());
        assertTrue(alteredResult.replay().firstDifference().contains("orderId=" + altered),
            alteredResult.replay().firstDifference());
    }

    @Test
    void anEngineStartedOnTheArchiveContinuesTheRecordedStateAndBothRunsReplayAsOne()
    {
        final long[] leg = hedgeAndPartOfALegFilledThenStopped();
        final String legSymbol = data.instruments().get((int)leg[1]).symbol();

        final EngineReport restarted;
        try (Engine engine = Engine.launch(config))
        {
            assertEquals(1, engine.restoredRuns());
            assertTrue(engine.restoredEvents() > data.instruments().size());
            // Running: its duty cycle publishes the restored program's legs as working.
            await(() -> engine.status().get(EngineCounters.WORKING_ORDERS) > 0);
            engine.close();
            restarted = engine.report();
        }

        assertEquals(-1, restarted.positions().get(data.future().symbol()), "the hedge sold before the restart");
        assertEquals(3, restarted.positions().get(legSymbol), "the leg's fill before the restart");
        assertEquals(1, restarted.programsSent(), "the restored program, not a new one");
        final ReplayMain.Result both = ReplayMain.replay(config.archiveDir, Long.MIN_VALUE, Long.MAX_VALUE,
            line -> config);
        assertTrue(both.replay().identical(), both.replay().firstDifference());
        assertEquals(2, both.replay().runs());
    }

    @Test
    void anEngineStoppedCleanlyLeavesASnapshotTheNextStartLoadsReplayingNothingAndACorruptOneIsRefused()
        throws IOException
    {
        hedgeAndPartOfALegFilledThenStopped();

        final EngineReport first;
        try (Engine engine = Engine.launch(config))
        {
            assertFalse(engine.restoredFromSnapshot(), "the run before stopped without a snapshot");
            assertEquals(engine.restoredEvents(), engine.replayedEvents());
            engine.close();
            first = engine.report();
        }

        final EngineReport second;
        try (Engine engine = Engine.launch(config))
        {
            assertTrue(engine.restoredFromSnapshot());
            assertEquals(0, engine.replayedEvents(), "a clean stop snapshots after its last input");
            assertTrue(engine.restoredEvents() > data.instruments().size());
            assertEquals(2, engine.restoredRuns());
            await(() -> engine.status().get(EngineCounters.WORKING_ORDERS) == first.workingOrders());
            engine.close();
            second = engine.report();
        }
        assertEquals(first.positions(), second.positions());
        assertEquals(first.programsSent(), second.programsSent());
        assertEquals(first.childOrders(), second.childOrders());
        assertEquals(first.fills(), second.fills());
        final ReplayMain.Result all = ReplayMain.replay(config.archiveDir, Long.MIN_VALUE, Long.MAX_VALUE,
            line -> config);
        assertTrue(all.replay().identical(), all.replay().firstDifference());
        assertEquals(3, all.replay().runs());

        final long corrupted = corruptNewestSnapshot(config.archiveDir);
        final IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Engine.launch(config));
        assertTrue(refused.getMessage().startsWith("snapshot recording " + corrupted + " in ") &&
            refused.getMessage().contains("corrupt") && refused.getMessage().contains("--fresh"),
            refused.getMessage());
    }

    @Test
    void positionsHeldAtACleanStopAreTheNextDaysStartOfDayPositionsJournaledAsInputs()
    {
        hedgeAndPartOfALegFilledThenStopped();
        final EngineReport today;
        try (Engine engine = Engine.launch(config))
        {
            engine.close();
            today = engine.report();
        }
        final Path carried = config.archiveDir.toAbsolutePath().resolveSibling(PositionsFile.DEFAULT_FILE_NAME);
        assertTrue(Files.exists(carried), "a clean stop writes " + carried);

        // The next trading day starts fresh from the positions held overnight.
        config.fresh = true;
        config.positionsFile = carried;
        final EngineReport nextDay;
        try (Engine engine = Engine.launch(config))
        {
            assertEquals(0, engine.restoredRuns());
            assertEquals(2, engine.startOfDayPositions(), "the hedge and the leg");
            await(() -> engine.status().get(EngineCounters.FUTURE_POSITION) == -1);
            engine.close();
            nextDay = engine.report();
        }
        assertEquals(today.positions(), nextDay.positions());
        assertEquals(0, nextDay.fills(), "held, not traded on the next day");

        // A restart of that day restores them from its journal and snapshot; the file is not applied twice.
        config.fresh = false;
        try (Engine engine = Engine.launch(config))
        {
            assertEquals(1, engine.restoredRuns());
            assertEquals(0, engine.startOfDayPositions());
            engine.close();
            assertEquals(today.positions(), engine.report().positions());
        }
        final ReplayMain.Result replayed = ReplayMain.replay(config.archiveDir, Long.MIN_VALUE, Long.MAX_VALUE,
            line -> config);
        assertTrue(replayed.replay().identical(), replayed.replay().firstDifference());
    }

    @Test
    void anEngineRefusesToGoLiveOnAJournalItCannotProve() throws IOException
    {
        submitProgram();
        stopTheRecordedRun();

        final Path untouched = dir.resolve("archive-copy");
        try (Stream<Path> files = Files.list(config.archiveDir))
        {
            Files.createDirectories(untouched);
            for (final Path file : files.toList())
            {
                Files.copy(file, untouched.resolve(file.getFileName()));
            }
        }

        // A decision that does not replay: a tampered order.
        final long tampered = alterFirstOrderQuantity(config.archiveDir);
        final IllegalStateException altered = assertThrows(IllegalStateException.class, () -> Engine.launch(config));
        assertTrue(altered.getMessage().contains("does not replay to what it recorded") &&
            altered.getMessage().contains("orderId=" + tampered) && altered.getMessage().contains("--fresh"),
            altered.getMessage());

        // A recording cut short: its segment file lost its second half.
        config.archiveDir = untouched;
        try (DirectoryStream<Path> segments = Files.newDirectoryStream(config.archiveDir, "*.rec"))
        {
            for (final Path segment : segments)
            {
                try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE))
                {
                    // Segment files are preallocated: cut within what was recorded.
                    channel.truncate(recordedLength(segment) / 2);
                }
            }
        }
        final IllegalStateException truncated = assertThrows(IllegalStateException.class,
            () -> Engine.launch(config));
        assertTrue(truncated.getMessage().matches(
            "(?s)recording \\d+ in .*: replay stopped at position \\d+ of \\d+.*"), truncated.getMessage());

        // Starting empty is the operator's explicit choice; the next start restores from that fresh run on and
        // no longer looks at the history before it.
        config.fresh = true;
        try (Engine fresh = Engine.launch(config))
        {
            assertEquals(0, fresh.restoredRuns());
        }
        config.fresh = false;
        try (Engine next = Engine.launch(config))
        {
            assertEquals(1, next.restoredRuns());
        }
    }

    /**
     * A program is sent; its hedge fills and one leg fills 3 shares; then the run stops.
     *
     * @return the leg.
     */
    private long[] hedgeAndPartOfALegFilledThenStopped()
    {
        submitProgram();
        final long[] future = newOrders.get(0);
        final long[] leg = newOrders.get(1);
        report(future[0], (int)future[1], ExecType.TRADE, OrdStatus.FILLED, 1, 1);
        report(leg[0], (int)leg[1], ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 3, 3);
        stopTheRecordedRun();
        return leg;
    }

    /**
     * The run this test drives stops: its journal publication closes, the recording ends, and the settings point
     * an engine about to start at its archive.
     */
    private void stopTheRecordedRun()
    {
        drain();
        journalPublication.close();
        await(() -> archive.recordings().get(0).stopTimestampMs() != AeronArchive.NULL_TIMESTAMP);
        archive.close();
        config.archiveDir = dir.resolve("archive");
        config.aeronDir = driver.aeronDirectoryName();
        config.operatorKeysFile = dir.resolve("operators.keys");
    }

    /**
     * Flip one bit in the middle of the newest snapshot recording's data, as a failing disk would.
     *
     * @return the snapshot's recording id.
     */
    private static long corruptNewestSnapshot(final Path archiveDir) throws IOException
    {
        long newest = -1;
        Path newestSegment = null;
        try (DirectoryStream<Path> segments = Files.newDirectoryStream(archiveDir, "*.rec"))
        {
            for (final Path segment : segments)
            {
                final UnsafeBuffer frames = new UnsafeBuffer(Files.readAllBytes(segment));
                final long recordingId = Long.parseLong(segment.getFileName().toString().split("-")[0]);
                if (frames.getInt(0) > 0 && new io.basis.engine.snapshot.sbe.MessageHeaderDecoder()
                    .wrap(frames, DataHeaderFlyweight.HEADER_LENGTH).schemaId() ==
                    io.basis.engine.snapshot.sbe.MessageHeaderDecoder.SCHEMA_ID && recordingId > newest)
                {
                    newest = recordingId;
                    newestSegment = segment;
                }
            }
        }
        assertNotNull(newestSegment, "no snapshot in " + archiveDir);
        final byte[] bytes = Files.readAllBytes(newestSegment);
        final int middle = (int)recordedLength(newestSegment) / 2;
        // Skip to the payload of the frame that holds the middle.
        final UnsafeBuffer frames = new UnsafeBuffer(bytes);
        int position = 0;
        while (position + BitUtil.align(frames.getInt(position), FrameDescriptor.FRAME_ALIGNMENT) < middle)
        {
            position += BitUtil.align(frames.getInt(position), FrameDescriptor.FRAME_ALIGNMENT);
        }
        bytes[position + DataHeaderFlyweight.HEADER_LENGTH + 12] ^= 0x10;
        Files.write(newestSegment, bytes);
        return newest;
    }

    private static long recordedLength(final Path segment) throws IOException
    {
        final UnsafeBuffer frames = new UnsafeBuffer(Files.readAllBytes(segment));
        int position = 0;
        while (position + DataHeaderFlyweight.HEADER_LENGTH < frames.capacity() && frames.getInt(position) > 0)
        {
            position += BitUtil.align(frames.getInt(position), FrameDescriptor.FRAME_ALIGNMENT);
        }
        return position;
    }

    /**
     * Add one share to the first NewOrder in the archive's segment files, as a corrupted or tampered recording
     * would show it.
     *
     * @return the altered order's id.
     */
    private static long alterFirstOrderQuantity(final Path archiveDir) throws IOException
    {
        try (DirectoryStream<Path> segments = Files.newDirectoryStream(archiveDir, "*.rec"))
        {
            for (final Path segment : segments)
            {
                final UnsafeBuffer frames = new UnsafeBuffer(Files.readAllBytes(segment));
                for (int position = 0; position + DataHeaderFlyweight.HEADER_LENGTH < frames.capacity(); )
                {
                    final int frameLength = frames.getInt(position);
                    if (frameLength <= 0)
                    {
                        break;
                    }
                    final int message = position + DataHeaderFlyweight.HEADER_LENGTH;
                    final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder().wrap(frames, message);
                    if (frames.getShort(position + DataHeaderFlyweight.TYPE_FIELD_OFFSET) ==
                        DataHeaderFlyweight.HDR_TYPE_DATA && messageHeader.templateId() == NewOrderDecoder.TEMPLATE_ID)
                    {
                        final NewOrderDecoder order = new NewOrderDecoder().wrapAndApplyHeader(
                            frames, message, messageHeader);
                        new NewOrderEncoder().wrap(frames, message + MessageHeaderEncoder.ENCODED_LENGTH)
                            .quantity(order.quantity() + 1);
                        Files.write(segment, frames.byteArray());
                        return order.orderId();
                    }
                    position += BitUtil.align(frameLength, FrameDescriptor.FRAME_ALIGNMENT);
                }
            }
        }
        throw new AssertionError("no NewOrder in " + archiveDir);
    }

    private JournalReplay replay(final List<byte[]> entries)
    {
        final JournalReplay replay = new JournalReplay(commandLine -> config);
        for (final byte[] entry : entries)
        {
            replay.onEntry(new UnsafeBuffer(entry), 0, entry.length);
        }
        replay.finish();
        return replay;
    }

    private void submitProgram()
    {
        sendCommand(() -> admin.submitProgram(Direction.CASH_AND_CARRY, 1) > 0);
        await(() -> newOrders.size() > 100);
    }

    private void sendCommand(final BooleanSupplier send)
    {
        await(send);
    }

    private void snapshot(final Instrument instrument)
    {
        final long mid = instrument.prevClose();
        final BookUpdateEncoder encoder = new BookUpdateEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrument.id()).exchangeSeq(1).exchangeTimestampNs(1)
            .receiveTimestampNs(System.nanoTime())
            .snapshot(BooleanType.TRUE);
        final BookUpdateEncoder.LevelsEncoder levels = encoder.levelsCount(10);
        for (int level = 0; level < 5; level++)
        {
            levels.next().side(BookSide.BID).level((short)level)
                .price(instrument.ticksAway(mid, -(level + 1))).size(100_000);
            levels.next().side(BookSide.ASK).level((short)level)
                .price(instrument.ticksAway(mid, level + 1)).size(100_000);
        }
        fromTheGateway(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void report(
        final long orderId, final int instrumentId, final ExecType execType, final OrdStatus status,
        final long lastQty, final long cumQty)
    {
        new ExecutionReportEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(orderId).instrumentId(instrumentId).execType(execType).ordStatus(status)
            .side(io.basis.protocol.sbe.Side.SELL).lastQty(lastQty).lastPx(data.future().prevClose())
            .cumQty(cumQty).leavesQty(0).avgPx(data.future().prevClose()).rejectReason(RejectReason.NONE)
            .receiveTimestampNs(System.nanoTime());
        fromTheGateway(MessageHeaderEncoder.ENCODED_LENGTH + ExecutionReportEncoder.BLOCK_LENGTH);
    }

    /**
     * Offer what the buffer holds on the gateway's stream and run the agent until it has taken it.
     */
    private void fromTheGateway(final int length)
    {
        await(() -> gateway.offer(buffer, 0, length) > 0);
        await(() -> fromGateway.imageCount() > 0 && fromGateway.imageAtIndex(0).position() >= gateway.position());
    }

    private void drain()
    {
        final NewOrderDecoder newOrder = new NewOrderDecoder();
        final CancelOrderDecoder cancel = new CancelOrderDecoder();
        final MessageHeaderDecoder decoderHeader = new MessageHeaderDecoder();
        for (int i = 0; i < 20; i++)
        {
            agent.doWork();
            toGateway.poll((buffer, offset, length, ignored) ->
            {
                decoderHeader.wrap(buffer, offset);
                if (decoderHeader.templateId() == NewOrderDecoder.TEMPLATE_ID)
                {
                    newOrder.wrapAndApplyHeader(buffer, offset, decoderHeader);
                    newOrders.add(new long[]{newOrder.orderId(), newOrder.instrumentId(), newOrder.listSeqNo(),
                        newOrder.listSize()});
                }
                else if (decoderHeader.templateId() == CancelOrderDecoder.TEMPLATE_ID)
                {
                    cancel.wrapAndApplyHeader(buffer, offset, decoderHeader);
                    cancels.add(cancel.orderId());
                }
            }, 1_000);
            journal.poll((buffer, offset, length, ignored) ->
            {
                final byte[] entry = new byte[length];
                buffer.getBytes(offset, entry);
                journalEntries.add(entry);
            }, 1_000);
        }
    }

    private void await(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out");
            }
            drain();
        }
    }
}
