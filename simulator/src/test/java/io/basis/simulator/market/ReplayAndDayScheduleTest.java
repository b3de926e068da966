package io.basis.simulator.market;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.marketdata.BookSnapshot;
import io.basis.simulator.matching.AuctionResult;
import io.basis.simulator.marketdata.Level;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.Poll;
import io.basis.simulator.support.TestReferenceData;
import io.basis.simulator.trading.DaySchedule;
import io.basis.simulator.trading.TradingPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replay mode (recorded book updates on the market clock) and the trading-day clock, embedded (no FIX client
 * needed: the books and the record are read directly).
 */
@Timeout(30)
class ReplayAndDayScheduleTest
{
    @TempDir
    Path directory;

    @Test
    void replaysRecordedBookUpdatesOnTheMarketClock() throws Exception
    {
        final Path file = directory.resolve("books.csv");
        Files.writeString(file, String.join("\n",
            "# a tiny recording",
            "timeMillis,symbol,side,level,price,size",
            "0,FUT,BID,1,349.95,10",
            "0,FUT,ASK,1,350.00,10",
            "0,FUT,ASK,2,350.05,20",
            "200,FUT,ASK,1,350.05,5",
            "200,FUT,ASK,2,0,0",
            "200,AAA,BID,1,70900,100", ""));
        final SimulatorConfig config = new SimulatorConfig()
            .referenceData(TestReferenceData.small())
            .orderEntryPort(FixClient.freePort())
            .marketDataPort(FixClient.freePort())
            .replayFile(file)
            .logSessionEvents(false);
        config.market().tickMillis(20);
        try (Simulator simulator = Simulator.start(config))
        {
            final BookSnapshot opening = simulator.book("FUT");
            assertEquals(List.of(new Level(p("349.95"), 10)), opening.bids());
            assertEquals(List.of(new Level(p("350.00"), 10), new Level(p("350.05"), 20)), opening.asks());
            Poll.until(() -> simulator.book("AAA").bids().size() == 1, 5_000, "the update at 200 ms");
            assertEquals(List.of(new Level(p("350.05"), 5)), simulator.book("FUT").asks());
            assertEquals(List.of(new Level(p("70900"), 100)), simulator.book("AAA").bids());
        }
    }

    @Test
    void rejectsABadReplayFileNamingTheLine() throws Exception
    {
        final Path file = directory.resolve("bad.csv");
        Files.writeString(file, "timeMillis,symbol,side,level,price,size\n0,FUT,BID,1,349.97,10\n");
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> ReplayFile.load(file, TestReferenceData.small(), 10));
        assertTrue(error.getMessage().contains("bad.csv:2: price not on the tick grid"), error.getMessage());
    }

    @Test
    void sampleBooksReplayAsAStaticMarket()
    {
        final List<ReplayUpdate> updates = ReplayFile.load(
            TestReferenceData.kospi200Directory().resolve("sample-books.csv"), TestReferenceData.kospi200(), 10);
        assertTrue(updates.size() > 20);
        assertTrue(updates.stream().allMatch(u -> u.timeMillis() == 0));
    }

    @Test
    void dayScheduleRunsOpeningContinuousClosingAndClose() throws Exception
    {
        final SimulatorConfig config = new SimulatorConfig()
            .referenceData(TestReferenceData.small())
            .orderEntryPort(FixClient.freePort())
            .marketDataPort(FixClient.freePort())
            .daySchedule(new DaySchedule(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(200)))
            .logSessionEvents(false);
        config.market().tickMillis(20);
        try (Simulator simulator = Simulator.start(config))
        {
            Poll.until(() -> simulator.phases().phase() == TradingPhase.CLOSED, 5_000, "the close");
            assertNotNull(simulator.record().lastClose());
            final List<AuctionResult> auctions = simulator.record().auctions();
            assertEquals(3 * 2, auctions.size(), "opening and closing auction of each instrument");
            assertTrue(!auctions.get(0).closing() && auctions.get(5).closing(), "the opening first");
            assertTrue(simulator.book("AAA").bids().isEmpty(), "every order expired, no more quotes");
        }
    }
}
