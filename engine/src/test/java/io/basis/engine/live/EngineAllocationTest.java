package io.basis.engine.live;

import io.basis.engine.EngineConfig;
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
import io.basis.engine.journal.JournalArchive;
import io.basis.engine.order.OrderIds;
import io.basis.engine.order.ProgramDirection;
import io.basis.engine.order.ProgramKind;
import io.basis.engine.order.ProgramOrder;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.position.Positions;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.ExecutionReportEncoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine thread's market-data path — SBE decode, book update, incremental valuation, fair value and the
 * strategy's decision, including programs that fire and are refused for want of a gateway — allocates nothing, nor
 * does it when each update is first polled from the gateway's stream and journaled into the archive; nor does its
 * execution path: acknowledgements, fills and order status reports booked into positions.
 */
@Timeout(120)
class EngineAllocationTest
{
    private static final int MESSAGES = 4096;
    private static final int MESSAGE_SLOT = 256;

    @TempDir
    Path aeronDir;

    private MediaDriver driver;
    private Aeron aeron;
    private TestOperators operators;

    @BeforeEach
    void setUp()
    {
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        operators = new TestOperators(aeronDir);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(operators, aeron, driver);
    }

    @Test
    void aMillionBookUpdatesThroughTheValuationPathAllocateNothing()
    {
        final EngineConfig config = new EngineConfig();
        // Trade the larger synthetic swings below, through every risk check. The same legs recur tick after tick
        // here (every program is rejected for want of a gateway), so the duplicate and throttle windows are shrunk
        // to let the checks run to the end instead of refusing early, and the reject storm is not counted.
        config.strategy = "edge";
        config.edgeThreshold = 1.0;
        config.riskLimits.duplicateWindowNs = 0;
        config.riskLimits.throttleWindowNs = 1;
        config.riskLimits.maxRejectsPerWindow = 1_000;
        final ReferenceData data = TestReferenceData.kospi200();
        final Positions positions = new Positions(data.instruments(), data.costs());
        final OrderTracker tracker = tracker(data, positions);
        final EngineAgent agent = agent(config, data, tracker, positions);

        final UnsafeBuffer messages = encodeMarket(data);
        final BookUpdateDecoder decoder = new BookUpdateDecoder();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();

        // Long enough for the JIT to settle every branch, the rare ones of program sending included.
        run(agent, messages, decoder, header, 3_000_000);
        for (int i = 0; i < 200_000; i++)
        {
            agent.doWork();
        }
        assertEquals(ModelState.VALID, agent.tradingEngine().valuation().modelState(),
            "the path must reach the strategy");
        final long programsBefore = tracker.programsOpened();

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(agent, messages, decoder, header, 1_000_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(tracker.programsOpened() > programsBefore,
            "the strategy must have fired for its path to be exercised");
        assertEquals(0, allocated, "bytes allocated by 1,000,000 book updates");
    }

    @Test
    void bookUpdatesPolledJournaledIntoTheArchiveAndAppliedAllocateNothing()
    {
        final EngineConfig config = new EngineConfig();
        config.strategy = "edge";
        config.archiveDir = aeronDir.resolve("archive");
        final ReferenceData data = TestReferenceData.kospi200();
        final Positions positions = new Positions(data.instruments(), data.costs());
        final UnsafeBuffer messages = encodeMarket(data);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH +
            new BookUpdateDecoder().wrapAndApplyHeader(messages, 0, new MessageHeaderDecoder()).sbeSkip()
                .encodedLength();
        try (JournalArchive archive = JournalArchive.launch(aeron, config.archiveDir))
        {
            final ExclusivePublication journal = aeron.addExclusivePublication(
                Streams.IPC_CHANNEL, Streams.ENGINE_JOURNAL);
            archive.recordJournal(journal, 10_000);
            final Subscription fromGateway = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
            final EngineAgent agent = agent(config, data, tracker(data, positions), positions, fromGateway, journal);
            final ExclusivePublication gateway = aeron.addExclusivePublication(
                Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
            while (!gateway.isConnected() || fromGateway.imageCount() == 0)
            {
                Thread.onSpinWait();
            }
            agent.onStart();

            // Through the agent as the gateway's stream brings them: polled, journaled, then applied.
            feed(agent, gateway, fromGateway, messages, length, 1_000_000);
            final long journaledBefore = journal.position();
            final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            final long before = threads.getCurrentThreadAllocatedBytes();
            feed(agent, gateway, fromGateway, messages, length, 300_000);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertTrue(journal.position() - journaledBefore >= 300_000L * length, "every update journaled");
            assertEquals(ModelState.VALID, agent.tradingEngine().valuation().modelState());
            assertEquals(0, allocated, "bytes allocated by 300,000 book updates polled, journaled and applied");
        }
    }

    private static void feed(
        final EngineAgent agent,
        final ExclusivePublication gateway,
        final Subscription fromGateway,
        final UnsafeBuffer messages,
        final int length,
        final int count)
    {
        for (int i = 0; i < count; i++)
        {
            while (gateway.offer(messages, (i % MESSAGES) * MESSAGE_SLOT, length) < 0)
            {
                agent.doWork();
            }
            if ((i & 63) == 0)
            {
                agent.doWork();
            }
        }
        while (fromGateway.imageAtIndex(0).position() < gateway.position())
        {
            agent.doWork();
        }
    }

    @Test
    void executionReportsAndOrderStatusOfWorkingOrdersAllocateNothing()
    {
        final EngineConfig config = new EngineConfig();
        config.strategy = "edge";
        config.edgeThreshold = 1.0e9;
        // Fills far faster than any market: a 1 ns window keeps the fill-storm kill switch out of the measurement.
        config.riskLimits.throttleWindowNs = 1;
        final ReferenceData data = TestReferenceData.kospi200();
        final Positions positions = new Positions(data.instruments(), data.costs());
        final OrderTracker tracker = tracker(data, positions);
        final EngineAgent agent = agent(config, data, tracker, positions);
        final Instrument future = data.future();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MESSAGE_SLOT]);
        final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
        final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
        final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();

        // Acknowledged, part filled, two more shares learned only from an order status, then filled.
        final ExecType[] types = { ExecType.NEW, ExecType.TRADE, ExecType.ORDER_STATUS, ExecType.TRADE };
        final OrdStatus[] statuses =
            { OrdStatus.NEW, OrdStatus.PARTIALLY_FILLED, OrdStatus.PARTIALLY_FILLED, OrdStatus.FILLED };
        final long[] lastQty = { 0, 4, 0, 4 };
        final long[] cumQty = { 0, 4, 6, 10 };
        final long px = future.prevClose();
        final Runnable lifeOfAnOrder = () ->
        {
            final ProgramOrder program = tracker.openProgram(ProgramDirection.REVERSE, ProgramKind.HEDGE, 0);
            final long orderId = tracker.addHedge(program, future.id(), Side.BUY, 10, px).orderId();
            for (int r = 0; r < types.length; r++)
            {
                encoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
                    .orderId(orderId).instrumentId(future.id()).execType(types[r]).ordStatus(statuses[r])
                    .side(Side.BUY).lastQty(lastQty[r]).lastPx(px).cumQty(cumQty[r]).leavesQty(10 - cumQty[r])
                    .avgPx(px).rejectReason(RejectReason.NONE).receiveTimestampNs(1);
                agent.tradingEngine().onExecutionReport(decoder.wrapAndApplyHeader(buffer, 0, header));
            }
        };
        for (int i = 0; i < 200_000; i++)
        {
            lifeOfAnOrder.run();
        }
        final long completedBefore = tracker.programsCompleted();
        final long recoveredBefore = tracker.recoveredFills();

        // Rounds of 100,000 lives, up to three: a late JIT recompilation can allocate once on this thread, but a path
        // that allocated per report could never have a round that allocates nothing.
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<Long> rounds = new ArrayList<>();
        for (int round = 0; round < 3 && (rounds.isEmpty() || rounds.get(rounds.size() - 1) != 0); round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++)
            {
                lifeOfAnOrder.run();
            }
            rounds.add(threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertEquals(100_000L * rounds.size(), tracker.programsCompleted() - completedBefore,
            "every order filled and completed");
        assertEquals(100_000L * rounds.size(), tracker.recoveredFills() - recoveredBefore,
            "one fill a life learned from the status");
        assertEquals(0, tracker.fillMismatches());
        assertEquals(0L, rounds.get(rounds.size() - 1), "bytes allocated by each round of 400,000 reports: " + rounds);
    }

    private static OrderTracker tracker(final ReferenceData data, final Positions positions)
    {
        return new OrderTracker(
            1, data.constituents().size() + 1, data.instruments().size(), positions, new OrderIds(1));
    }

    private EngineAgent agent(
        final EngineConfig config, final ReferenceData data, final OrderTracker tracker, final Positions positions)
    {
        return agent(config, data, tracker, positions,
            aeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE),
            aeron.addExclusivePublication(Streams.IPC_CHANNEL, Streams.ENGINE_JOURNAL));
    }

    private EngineAgent agent(
        final EngineConfig config,
        final ReferenceData data,
        final OrderTracker tracker,
        final Positions positions,
        final Subscription fromGateway,
        final ExclusivePublication journal)
    {
        final ExclusivePublication publication = aeron.addExclusivePublication(
            Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);
        return new EngineAgent(
            config,
            data,
            publication,
            fromGateway,
            aeron.addSubscription(Streams.IPC_CHANNEL, Streams.CONTROL),
            journal,
            1,
            new EngineStatus(aeron),
            tracker,
            positions,
            TradingEngine.newStrategy(config),
            new SystemNanoClock(),
            operators.authenticator(),
            operators.log(),
            null,
            null,
            -1,
            -1,
            java.util.List.of());
    }

    private static void run(
        final EngineAgent agent,
        final UnsafeBuffer messages,
        final BookUpdateDecoder decoder,
        final MessageHeaderDecoder header,
        final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final int offset = (i % MESSAGES) * MESSAGE_SLOT;
            decoder.wrapAndApplyHeader(messages, offset, header);
            agent.tradingEngine().onBookUpdate(decoder);
            if ((i & 1023) == 0)
            {
                agent.doWork();
            }
        }
    }

    /**
     * Snapshots of every book around each instrument's previous close. Every other message requotes the future:
     * mostly near fair value, and once in a hundred rich or cheap by several points, so that programs are a steady
     * small share of the updates, as in a market.
     */
    private static UnsafeBuffer encodeMarket(final ReferenceData data)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MESSAGES * MESSAGE_SLOT]);
        final BookUpdateEncoder encoder = new BookUpdateEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final Random random = new Random(7);
        final int count = data.instruments().size();
        final int futureId = data.future().id();
        for (int m = 0; m < MESSAGES; m++)
        {
            final boolean isFuture = (m & 1) == 0;
            final Instrument instrument = data.instruments().get(isFuture ? futureId : (m >> 1) % count);
            final long tick = instrument.tickTable().tickAt(instrument.prevClose());
            final long swing = m % 200 == 0 ? (m % 400 == 0 ? 90 : -70) : random.nextInt(21) - 10;
            final long mid = instrument.prevClose() + (isFuture ? swing * tick : 0);
            encoder.wrapAndApplyHeader(buffer, m * MESSAGE_SLOT, header)
                .instrumentId(instrument.id())
                .exchangeSeq(m)
                .exchangeTimestampNs(m)
                .receiveTimestampNs(m)
                .snapshot(BooleanType.TRUE);
            final BookUpdateEncoder.LevelsEncoder levels = encoder.levelsCount(10);
            for (int level = 0; level < 5; level++)
            {
                final long size = 1_000 + random.nextInt(1_000);
                levels.next().side(BookSide.BID).level((short)level).price(mid - (level + 1) * tick).size(size);
                levels.next().side(BookSide.ASK).level((short)level).price(mid + (level + 1) * tick).size(size);
            }
        }
        return buffer;
    }
}
