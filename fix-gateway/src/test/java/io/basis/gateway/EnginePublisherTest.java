package io.basis.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.RejectReason;
import org.agrona.CloseHelper;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publish policy against a real media driver: what happens with and without an engine subscribed.
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
        counters = new GatewayCounters(aeron);
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
    void mustDeliverGivesUpAfterTheTimeoutWithAnAlarm()
    {
        assertFalse(publisher(Duration.ofMillis(50)).send(buffer, 0, length, SbeSink.Delivery.WAIT_FOR_ENGINE));
        assertEquals(1, counters.undeliverable.get());
        assertEquals(1, alarms.count(Alarm.ENGINE_PUBLISH_TIMEOUT));
    }

    @Test
    void mustDeliverGivesUpAtOnceWhenClosing()
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
            assertTrue(publisher(Duration.ofSeconds(10)).send(buffer, 0, length, SbeSink.Delivery.WAIT_FOR_ENGINE));
            assertEquals(1, counters.messagesToEngine.get());
            assertEquals(1, counters.rejectsToEngine.get());
            final int[] fragments = new int[1];
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (fragments[0] == 0 && System.nanoTime() < deadline)
            {
                engine.poll((b, o, l, h) -> fragments[0]++, 10);
            }
            assertEquals(1, fragments[0]);
        }
    }

    private EnginePublisher publisher(final Duration timeout)
    {
        return new EnginePublisher(
            publication, new YieldingIdleStrategy(), timeout.toNanos(), closing::get, counters, alarms);
    }
}
