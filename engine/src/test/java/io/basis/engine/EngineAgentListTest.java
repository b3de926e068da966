package io.basis.engine;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.basis.engine.admin.AdminClient;
import io.basis.engine.order.OrderIds;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.position.Positions;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The engine numbers a program's basket as a list for list-mode gateways: the basket legs of the first wave carry
 * listSeqNo 1..N and listSize N, the futures hedge is unlisted (0/0). Read from the real engine-to-gateway stream.
 */
@Timeout(30)
class EngineAgentListTest
{
    @TempDir
    Path dir;

    private MediaDriver driver;
    private Aeron aeron;
    private EngineAgent agent;
    private AdminClient admin;
    private Subscription toGateway;
    private ReferenceData data;
    private final List<long[]> newOrders = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();

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
        final EngineConfig config = new EngineConfig();
        config.strategy = "edge";
        config.edgeThreshold = 1.0e9;
        final Positions positions = new Positions(data.instruments(), data.costs());
        final OrderTracker tracker = new OrderTracker(
            1, data.constituents().size() + 1, data.instruments().size(), positions, new OrderIds(1));
        toGateway = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);
        agent = new EngineAgent(config, data,
            aeron.addExclusivePublication(Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY),
            aeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE),
            aeron.addSubscription(Streams.IPC_CHANNEL, Streams.CONTROL),
            new EngineStatus(aeron), tracker, positions, Engine.strategy(config), new SystemNanoClock());
        admin = new AdminClient(aeron);
        for (final Instrument instrument : data.instruments())
        {
            snapshot(instrument);
        }
        await(() -> toGateway.isConnected() && admin.isConnected());
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(admin, aeron, driver);
    }

    @Test
    void basketLegsOfAProgramAreNumberedAsOneListAndTheHedgeIsUnlisted()
    {
        await(() -> admin.submitProgram(Direction.CASH_AND_CARRY, 1) > 0);
        await(() -> newOrders.size() > 100);
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

    private void snapshot(final Instrument instrument)
    {
        final long mid = instrument.prevClose();
        final BookUpdateEncoder encoder = new BookUpdateEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrument.id()).exchangeSeq(1).exchangeTimestampNs(1).receiveTimestampNs(1)
            .snapshot(BooleanType.TRUE);
        final BookUpdateEncoder.LevelsEncoder levels = encoder.levelsCount(10);
        for (int level = 0; level < 5; level++)
        {
            levels.next().side(BookSide.BID).level((short)level)
                .price(instrument.ticksAway(mid, -(level + 1))).size(100_000);
            levels.next().side(BookSide.ASK).level((short)level)
                .price(instrument.ticksAway(mid, level + 1)).size(100_000);
        }
        agent.onBookUpdate(new BookUpdateDecoder().wrapAndApplyHeader(buffer, 0, header));
    }

    /** Run the agent and keep every NewOrder as {orderId, instrumentId, listSeqNo, listSize}. */
    private void drain()
    {
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
                    newOrders.add(new long[]{ newOrder.orderId(), newOrder.instrumentId(), newOrder.listSeqNo(),
                        newOrder.listSize() });
                }
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
