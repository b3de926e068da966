package io.basis.engine;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.basis.engine.order.OrderIds;
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
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
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
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine thread's market-data path — SBE decode, book update, incremental valuation, fair value and the
 * strategy's decision, including programs that fire and are refused for want of a gateway — allocates nothing.
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

    @BeforeEach
    void setUp()
    {
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(aeron, driver);
    }

    @Test
    void aMillionBookUpdatesThroughTheValuationPathAllocateNothing()
    {
        final EngineConfig config = new EngineConfig();
        // Cheap trading so that the strategy fires on the synthetic swings below.
        config.edgeThreshold = 0.0;
        final ReferenceData data = TestReferenceData.kospi200();
        final Positions positions = new Positions(data.instruments().size());
        final OrderTracker tracker = new OrderTracker(1, data.constituents().size() + 1, positions, new OrderIds(1));
        final ExclusivePublication publication = aeron.addExclusivePublication(
            Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);
        final EngineAgent agent = new EngineAgent(
            config,
            data,
            publication,
            aeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE),
            aeron.addSubscription(Streams.IPC_CHANNEL, Streams.CONTROL),
            new EngineStatus(aeron),
            tracker,
            positions,
            new SystemNanoClock());

        final UnsafeBuffer messages = encodeMarket(data);
        final BookUpdateDecoder decoder = new BookUpdateDecoder();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();

        // Long enough for the JIT to settle every branch, the rare ones of program sending included.
        run(agent, messages, decoder, header, 3_000_000);
        for (int i = 0; i < 200_000; i++)
        {
            agent.doWork();
        }
        assertEquals(ModelState.VALID, agent.valuation().modelState(), "the path must reach the strategy");
        final long programsBefore = tracker.programsOpened();

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(agent, messages, decoder, header, 1_000_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(tracker.programsOpened() > programsBefore, "the strategy must have fired for its path to be exercised");
        assertEquals(0, allocated, "bytes allocated by 1,000,000 book updates");
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
            agent.onBookUpdate(decoder);
            if ((i & 1023) == 0)
            {
                agent.doWork();
            }
        }
    }

    /**
     * Snapshots of every book, then random level changes around each instrument's previous close, with the future
     * swinging rich and cheap so the strategy keeps firing.
     */
    private static UnsafeBuffer encodeMarket(final ReferenceData data)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MESSAGES * MESSAGE_SLOT]);
        final BookUpdateEncoder encoder = new BookUpdateEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final Random random = new Random(7);
        final int count = data.instruments().size();
        for (int m = 0; m < MESSAGES; m++)
        {
            final Instrument instrument = data.instruments().get(m % count);
            final long tick = instrument.tickTable().tickAt(instrument.prevClose());
            final boolean isFuture = instrument.id() == data.future().id();
            final long mid = instrument.prevClose() + (isFuture ? (random.nextInt(121) - 60) * tick : 0);
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
