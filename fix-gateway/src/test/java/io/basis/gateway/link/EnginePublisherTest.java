package io.basis.gateway.link;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.RejectReason;
import org.agrona.CloseHelper;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publish policy against a real media driver: what is dropped, kept and delivered with and without an engine.
 */
@Timeout(30)
class EnginePublisherTest
{
    @TempDir
    Path tempDir;

    private MediaDriver driver;
    private Aeron aeron;
    private GatewayCounters counters;
    private Publication publication;
    private final Alarms alarms = new Alarms(line -> { });
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
    private int length;

    @BeforeEach
    void start()
    {
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(tempDir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        counters = GatewayCounters.inMemory();
        publication = aeron.addPublication(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
        final OrderRejectEncoder encoder = new OrderRejectEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .orderId(1)
            .instrumentId(2)
            .reason(RejectReason.SESSION_DOWN);
        length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(aeron, driver);
    }

    @Test
    void marketDataIsDroppedWithoutAnEngine()
    {
        assertFalse(publisher(Duration.ofSeconds(10)).send(buffer, 0, length, SbeSink.Delivery.DROP_IF_NO_ENGINE));
        assertEquals(1, counters.marketDataDropped.get());
        assertEquals(0, alarms.total());
    }

    @Test
    void reportsWaitInTheBacklogAndReachTheEngineInOrderOnceItSubscribes()
    {
        final EnginePublisher publisher = publisher(Duration.ofSeconds(10));
        for (int orderId = 1; orderId <= 3; orderId++)
        {
            assertTrue(publisher.send(reject(orderId), 0, length, SbeSink.Delivery.WAIT_FOR_ENGINE));
        }
        assertTrue(publisher.backlogBytes() >= 3 * length);
        assertEquals(publisher.backlogBytes(), counters.engineBacklog.get());
        assertEquals(0, publisher.drain());

        try (Subscription engine = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE))
        {
            awaitConnected();
            // Sent while the backlog still holds the first three: it must not overtake them.
            assertTrue(publisher.send(reject(4), 0, length, SbeSink.Delivery.WAIT_FOR_ENGINE));
            assertEquals(4, publisher.drain());
            assertEquals(0, publisher.backlogBytes());
            assertEquals(List.of(1L, 2L, 3L, 4L), receive(engine, 4));
            assertEquals(4, counters.messagesToEngine.get());
            assertEquals(0, alarms.total());
        }
    }

    @Test
    void aFullBacklogDropsWithAnAlarmAndMakesTheGatewayCongested()
    {
        final EnginePublisher publisher = new EnginePublisher(
            publication, 4096, Duration.ofSeconds(10).toNanos(), closing::get, counters, alarms);
        int kept = 0;
        while (publisher.send(reject(kept + 1), 0, length, SbeSink.Delivery.WAIT_FOR_ENGINE))
        {
            kept++;
        }
        assertTrue(kept > 10, "kept " + kept);
        assertTrue(publisher.isCongested());
        assertEquals(1, counters.undeliverable.get());
        assertEquals(1, alarms.count(Alarm.ENGINE_BACKLOG_FULL));
    }

    @Test
    void reportsWaitingLongerThanThePublishTimeoutRaiseOneAlarmAndAreKept()
    {
        final EnginePublisher publisher = publisher(Duration.ZERO);
        assertTrue(publisher.send(reject(1), 0, length, SbeSink.Delivery.WAIT_FOR_ENGINE));
        publisher.drain();
        publisher.drain();
        assertEquals(1, alarms.count(Alarm.ENGINE_PUBLISH_TIMEOUT));
        assertTrue(publisher.backlogBytes() >= length);
    }

    @Test
    void nothingIsKeptOnceTheGatewayIsClosing()
    {
        closing.set(true);
        assertFalse(publisher(Duration.ofSeconds(10)).send(buffer, 0, length, SbeSink.Delivery.WAIT_FOR_ENGINE));
        assertEquals(1, counters.undeliverable.get());
        assertEquals(0, alarms.total());
    }

    @Test
    void publishesAndCountsOnceAnEngineIsSubscribed()
    {
        try (Subscription engine = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE))
        {
            awaitConnected();
            final EnginePublisher publisher = publisher(Duration.ofSeconds(10));
            assertTrue(publisher.send(buffer, 0, length, SbeSink.Delivery.WAIT_FOR_ENGINE));
            assertEquals(0, publisher.backlogBytes());
            assertEquals(1, counters.messagesToEngine.get());
            assertEquals(1, counters.rejectsToEngine.get());
            assertEquals(List.of(1L), receive(engine, 1));
        }
    }

    private ExpandableArrayBuffer reject(final long orderId)
    {
        new OrderRejectEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .orderId(orderId)
            .instrumentId(2)
            .reason(RejectReason.SESSION_DOWN);
        return buffer;
    }

    private void awaitConnected()
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!publication.isConnected())
        {
            assertTrue(System.nanoTime() < deadline, "engine subscription never connected");
            Thread.onSpinWait();
        }
    }

    private static List<Long> receive(final Subscription engine, final int count)
    {
        final List<Long> orderIds = new ArrayList<>();
        final OrderRejectDecoder decoder = new OrderRejectDecoder();
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (orderIds.size() < count && System.nanoTime() < deadline)
        {
            engine.poll((b, o, l, h) -> orderIds.add(
                decoder.wrap(b, o + MessageHeaderEncoder.ENCODED_LENGTH, OrderRejectDecoder.BLOCK_LENGTH,
                    OrderRejectDecoder.SCHEMA_VERSION).orderId()), 10);
        }
        return orderIds;
    }

    private EnginePublisher publisher(final Duration timeout)
    {
        return new EnginePublisher(publication, 1024 * 1024, timeout.toNanos(), closing::get, counters, alarms);
    }
}
