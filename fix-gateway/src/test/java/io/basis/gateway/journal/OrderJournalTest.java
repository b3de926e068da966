package io.basis.gateway.journal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.basis.gateway.link.InstrumentDirectory;
import io.basis.protocol.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order journal: what survives a restart, and which ClOrdIDs are never accepted again.
 */
@Timeout(10)
class OrderJournalTest
{
    @TempDir
    Path dir;

    @Test
    void openOrdersSurviveARestartAndDoneOrdersDoNot()
    {
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            assertEquals(OrderJournal.RECORDED, journal.recordNew(101, 3, "005930", Side.BUY, 10));
            assertEquals(OrderJournal.RECORDED, journal.recordNew(102, 7, "K200F", Side.SELL, 2));
            assertEquals(OrderJournal.RECORDED, journal.recordNew(103, 4, "000660", Side.SELL_SHORT, 5));
            journal.recordDone(102);
            // Not closed: as after a kill -9, only what was written to the file counts.
        }
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            assertEquals(List.of("101 3 005930 BUY 10", "103 4 000660 SELL_SHORT 5"), open(journal));
            assertEquals(3, journal.instrumentIdOf(101));
            assertEquals(InstrumentDirectory.UNKNOWN, journal.instrumentIdOf(102));
            assertFalse(journal.isOpen(102));
        }
    }

    @Test
    void aClOrdIdIsNeverAcceptedTwiceInThisRunOrAfterARestart()
    {
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            assertEquals(OrderJournal.RECORDED, journal.recordNew(200, 3, "005930", Side.BUY, 10));
            assertEquals(OrderJournal.DUPLICATE, journal.recordNew(200, 3, "005930", Side.BUY, 10));
            assertEquals(OrderJournal.RECORDED, journal.recordCancel(201, 200));
            assertEquals(OrderJournal.DUPLICATE, journal.recordCancel(201, 200));
            assertEquals(OrderJournal.DUPLICATE, journal.recordNew(201, 3, "005930", Side.BUY, 10));
            journal.recordDone(200);
        }
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            assertEquals(0, journal.openOrderCount());
            // Everything at or below the highest ClOrdID ever used is refused, done or not.
            assertEquals(OrderJournal.DUPLICATE, journal.recordNew(200, 3, "005930", Side.BUY, 10));
            assertEquals(OrderJournal.DUPLICATE, journal.recordNew(150, 3, "005930", Side.BUY, 10));
            assertEquals(OrderJournal.RECORDED, journal.recordNew(202, 3, "005930", Side.BUY, 10));
        }
    }

    @Test
    void aCancelClOrdIdMapsToTheOrderItCancelsAcrossARestart()
    {
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            journal.recordNew(300, 3, "005930", Side.BUY, 10);
            journal.recordCancel(301, 300);
            assertEquals(300, journal.orderIdOf(301));
            assertEquals(300, journal.orderIdOf(300));
        }
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            assertEquals(300, journal.orderIdOf(301));
        }
    }

    @Test
    void openingCompactsSoTheFileHoldsOnlyOpenOrders()
    {
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            for (int i = 1; i <= 20; i++)
            {
                journal.recordNew(i, 3, "005930", Side.BUY, 1);
                journal.recordDone(i);
            }
            journal.recordNew(21, 3, "005930", Side.BUY, 1);
            assertEquals(41, journal.recordCount());
        }
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            // The high-water mark and the one open order.
            assertEquals(2, journal.recordCount());
            assertEquals(1, journal.openOrderCount());
        }
    }

    @Test
    void aFullJournalRefusesNewOrdersButStillRecordsWhatIsOpen()
    {
        try (OrderJournal journal = OrderJournal.open(dir, 4))
        {
            for (int i = 1; i <= 4; i++)
            {
                assertEquals(OrderJournal.RECORDED, journal.recordNew(i, 3, "005930", Side.BUY, 1));
            }
            assertEquals(OrderJournal.FULL, journal.recordNew(5, 3, "005930", Side.BUY, 1));
            journal.recordDone(1);
            assertEquals(3, journal.openOrderCount());
            assertTrue(journal.isOpen(4));
        }
    }

    @Test
    void aClosedJournalRefusesNewOrdersAndAnswersLateCallersSafely()
    {
        final OrderJournal journal = OrderJournal.open(dir, 8);
        journal.recordNew(1, 3, "005930", Side.BUY, 1);
        journal.close();

        assertEquals(OrderJournal.FULL, journal.recordNew(2, 3, "005930", Side.BUY, 1));
        journal.recordDone(1);
        assertEquals(InstrumentDirectory.UNKNOWN, journal.instrumentIdOf(1));
        assertEquals(List.of(), open(journal));
        journal.close();
    }

    @Test
    void recordingAnOrderDoneAllocatesNothingAfterWarmUp()
    {
        final int warmUp = 20_000;
        final int perRound = 10_000;
        final int maxRounds = 3;
        final int orders = warmUp + perRound * maxRounds;
        try (OrderJournal journal = OrderJournal.open(dir, 2 * orders + 1))
        {
            for (int orderId = 1; orderId <= orders; orderId++)
            {
                journal.recordNew(orderId, 3, "005930", Side.BUY, 10);
            }
            int nextDone = 1;
            while (nextDone <= warmUp)
            {
                journal.recordDone(nextDone++);
            }
            // Rounds, up to three: a late JIT recompilation can allocate once on this thread, but a write path that
            // allocated per record could never have a round that allocates nothing.
            final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            final List<Long> rounds = new ArrayList<>();
            while (rounds.size() < maxRounds && (rounds.isEmpty() || rounds.get(rounds.size() - 1) != 0))
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < perRound; i++)
                {
                    journal.recordDone(nextDone++);
                }
                rounds.add(threads.getCurrentThreadAllocatedBytes() - before);
            }

            assertEquals(orders - nextDone + 1, journal.openOrderCount());
            assertEquals(0L, rounds.get(rounds.size() - 1),
                "bytes allocated by each round of 10,000 done records written to the file: " + rounds);
        }
    }

    private static List<String> open(final OrderJournal journal)
    {
        final List<String> orders = new ArrayList<>();
        journal.forEachOpen((orderId, instrumentId, symbol, side, quantity) ->
            orders.add(orderId + " " + instrumentId + " " + symbol + " " + side + " " + quantity));
        orders.sort(null);
        return orders;
    }
}
