package io.basis.bench.latency;

import org.agrona.collections.Long2LongHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The stage log's ring, its first-time-per-key snapshot, and the file shared by a writer and a reader mapping.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StageLogTest
{
    @Test
    void snapshotKeepsTheFirstTimeOfEveryKey()
    {
        final StageLog log = StageLog.inMemory(8);
        log.append(100, 1_000);
        log.append(200, 2_000);
        log.append(100, 3_000);

        final Long2LongHashMap times = log.snapshot();
        assertEquals(2, times.size());
        assertEquals(1_000, times.get(100));
        assertEquals(2_000, times.get(200));
        assertEquals(3, log.count());
    }

    @Test
    void aFullRingHoldsTheNewestEntries()
    {
        final StageLog log = StageLog.inMemory(4);
        for (long key = 1; key <= 6; key++)
        {
            log.append(key, key * 10);
        }

        final Long2LongHashMap times = log.snapshot();
        assertEquals(4, times.size());
        assertFalse(times.containsKey(1));
        assertFalse(times.containsKey(2));
        assertEquals(30, times.get(3));
        assertEquals(60, times.get(6));
    }

    @Test
    void aWriterMappingTheCreatedFileIsReadByTheCreator(@TempDir final Path dir)
    {
        final Path file = dir.resolve("stage");
        try (StageLog reader = StageLog.create(file, 16); StageLog writer = StageLog.open(file))
        {
            assertEquals(16, writer.capacity());
            writer.append(7, 70);
            writer.stamp(8);

            final Long2LongHashMap times = reader.snapshot();
            assertEquals(2, reader.count());
            assertEquals(70, times.get(7));
            assertEquals(true, times.get(8) > 0);
        }
    }

    @Test
    void capacityMustBeAPowerOfTwo()
    {
        assertThrows(IllegalArgumentException.class, () -> StageLog.inMemory(12));
        assertThrows(IllegalArgumentException.class, () -> StageLog.inMemory(0));
    }
}
