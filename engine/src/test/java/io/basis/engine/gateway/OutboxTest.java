package io.basis.engine.gateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(30)
class OutboxTest
{
    private static final String CHANNEL = "aeron:ipc?term-length=64k";
    private static final int STREAM = 77;
    private static final int MESSAGE_LENGTH = 256;

    @TempDir
    Path dir;

    private MediaDriver driver;
    private Aeron aeron;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[MESSAGE_LENGTH]);

    @BeforeEach
    void setUp()
    {
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
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
    void aMessageNoGatewayWillTakeIsKeptAndReportedBackWhole()
    {
        final ExclusivePublication publication = aeron.addExclusivePublication(CHANNEL, STREAM);
        final Outbox outbox = new Outbox(publication, 1024 * 1024);

        assertEquals(Outbox.KEPT, outbox.offer(numbered(1), 0, MESSAGE_LENGTH));
        assertEquals(Outbox.KEPT, outbox.offer(numbered(2), 0, MESSAGE_LENGTH));

        final List<Integer> reported = new ArrayList<>();
        assertEquals(2, outbox.reportUndeliverable((buffer, offset, length) ->
        {
            assertEquals(MESSAGE_LENGTH, length);
            reported.add(buffer.getInt(offset));
        }));
        assertEquals(List.of(1, 2), reported);
        assertEquals(2, outbox.undeliverableCount());
        assertEquals(0, outbox.reportUndeliverable((buffer, offset, length) -> fail("reported twice")));
    }

    @Test
    void aRejectThatDecidesMoreOrdersWhileTheGatewayIsGoneLosesNoneAndRepeatsNone()
    {
        final ExclusivePublication publication = aeron.addExclusivePublication(CHANNEL, STREAM);
        final Outbox outbox = new Outbox(publication, 4 * 1024 * 1024);
        // Enough to make the queue grow while it is being reported from.
        final int first = 600;
        for (int i = 0; i < first; i++)
        {
            outbox.offer(numbered(i), 0, MESSAGE_LENGTH);
        }

        final List<Integer> reported = new ArrayList<>();
        int total = 0;
        while (total < 2 * first)
        {
            total += outbox.reportUndeliverable((buffer, offset, length) ->
            {
                final int number = buffer.getInt(offset);
                reported.add(number);
                if (number < first)
                {
                    // Each reject of the first wave decides one more order, which no gateway takes either.
                    outbox.offer(numbered(first + number), 0, MESSAGE_LENGTH);
                }
            });
        }

        assertEquals(2 * first, reported.size());
        for (int i = 0; i < 2 * first; i++)
        {
            assertEquals(i, reported.get(i), "each once, oldest first");
        }
    }

    @Test
    void messagesABackPressuredGatewayCannotTakeYetLeaveLaterInTheirOrder()
    {
        final ExclusivePublication publication = aeron.addExclusivePublication(CHANNEL, STREAM);
        final Subscription gateway = aeron.addSubscription(CHANNEL, STREAM);
        awaitConnected(publication);
        final Outbox outbox = new Outbox(publication, 1024 * 1024);

        // Far more than a 64 KiB term holds while nobody reads.
        final int count = 2_000;
        for (int i = 0; i < count; i++)
        {
            outbox.offer(numbered(i), 0, MESSAGE_LENGTH);
        }
        assertTrue(outbox.pendingBytes() > 0, "some had to wait");

        final List<Integer> received = new ArrayList<>();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.size() < count)
        {
            outbox.drain();
            gateway.poll((buffer, offset, length, header) -> received.add(buffer.getInt(offset)), 100);
            if (System.nanoTime() > deadline)
            {
                fail("received " + received.size() + " of " + count);
            }
        }
        for (int i = 0; i < count; i++)
        {
            assertEquals(i, received.get(i), "in the order sent");
        }
        assertEquals(0, outbox.undeliverableCount());
        assertEquals(0, outbox.pendingBytes());
    }

    private UnsafeBuffer numbered(final int number)
    {
        message.putInt(0, number);
        return message;
    }

    private static void awaitConnected(final ExclusivePublication publication)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!publication.isConnected())
        {
            if (System.nanoTime() > deadline)
            {
                fail("publication never connected");
            }
            Thread.onSpinWait();
        }
    }
}
