package io.basis.simulator.fix;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.record.ExchangeRecord;
import io.basis.simulator.record.OrderRecord;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.MalformedFrames;
import io.basis.simulator.support.RawConnection;
import io.basis.simulator.support.ConsoleCapture;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.basis.simulator.support.FixClient.type;
import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ten thousand malformed frames, from a seeded generator, over raw sockets to both of the simulator's ports: before
 * a logon and after a valid one, on FIX 4.2, 4.4 and FIXT 1.1 sessions. Afterwards the exchange still trades with a
 * normal client, not one of the malformed orders was booked, and nothing printed a stack trace.
 * {@code -Dbasis.fuzz.seed=N} replays another seed.
 */
@Timeout(60)
class MalformedFrameFuzzTest
{
    private static final long SEED = Long.getLong("basis.fuzz.seed", 20_261_203L);
    private static final int FRAMES = 10_000;
    private static final long LOGON_WAIT_MS = 2_000;

    /** The fuzzing sessions: BeginString, client CompID, order entry or not. */
    private static final List<FuzzSession> SESSIONS = List.of(
        new FuzzSession("FIX.4.4", "FUZZ-OE44", true),
        new FuzzSession("FIX.4.2", "FUZZ-OE42", true),
        new FuzzSession("FIXT.1.1", "FUZZ-OE50", true),
        new FuzzSession("FIX.4.4", "FUZZ-MD44", false),
        new FuzzSession("FIXT.1.1", "FUZZ-MD50", false));

    private record FuzzSession(String beginString, String compId, boolean orderEntry)
    {
        String definition()
        {
            final String version = switch (beginString)
            {
                case "FIX.4.2" -> "4.2";
                case "FIX.4.4" -> "4.4";
                default -> "5.0SP2";
            };
            return (orderEntry ? "oe:" : "md:") + compId + ":" + version;
        }
    }

    @Test
    void tenThousandMalformedFramesBookNothingPrintNoStackTraceAndTheExchangeTradesOn() throws Exception
    {
        final SimulatorConfig config = new SimulatorConfig()
            .referenceData(TestReferenceData.small())
            .orderEntryPort(FixClient.freePort())
            .marketDataPort(FixClient.freePort())
            .logSessionEvents(false);
        SESSIONS.forEach(session -> config.session(SessionDefinition.parse(session.definition())));
        config.market().tickMillis(20).seed(5);
        final Random random = new Random(SEED);
        final Map<MalformedFrames.Malformation, Integer> sent = new EnumMap<>(MalformedFrames.Malformation.class);
        int total = 0;
        int connections = 0;
        try (ConsoleCapture console = new ConsoleCapture();
             Simulator simulator = Simulator.start(config))
        {
            while (total < FRAMES)
            {
                final FuzzSession session = SESSIONS.get(random.nextInt(SESSIONS.size()));
                final MalformedFrames frames =
                    new MalformedFrames(random, session.beginString(), session.compId(), "SIM", session.orderEntry());
                connections++;
                try (RawConnection connection = new RawConnection(session.orderEntry() ?
                    simulator.orderEntryPort() : simulator.marketDataPort()))
                {
                    if (random.nextInt(10) == 0)
                    {
                        // Before any logon: garbage, or frames that are not a Logon, then hang up.
                        for (int i = 1 + random.nextInt(5); i > 0 && !connection.closed(); i--)
                        {
                            final MalformedFrames.Frame frame = frames.next(1);
                            if (connection.write(frame.bytes()))
                            {
                                sent.merge(frame.malformation(), 1, Integer::sum);
                                total++;
                            }
                        }
                        continue;
                    }
                    connection.write(frames.logon(1));
                    if (!connection.awaitLogon(LOGON_WAIT_MS))
                    {
                        // The previous connection of this session is still being torn down: try another.
                        continue;
                    }
                    int seqNum = 2;
                    for (int i = 20 + random.nextInt(200); i > 0 && !connection.closed() && total < FRAMES; i--)
                    {
                        final MalformedFrames.Frame frame = frames.next(seqNum);
                        if (connection.write(frame.bytes()))
                        {
                            seqNum += frame.sequenced() ? 1 : 0;
                            sent.merge(frame.malformation(), 1, Integer::sum);
                            total++;
                        }
                    }
                    if (random.nextBoolean())
                    {
                        connection.write(frames.logout(seqNum));
                    }
                }
            }

            final String summary = "seed " + SEED + ", " + connections + " connections, frames " + sent;
            assertEquals(MalformedFrames.Malformation.values().length, sent.size(), "every malformation: " + summary);
            aNormalClientLogsOnAndTrades(simulator, summary);
            nothingWasBooked(simulator.record(), summary);
            assertFalse(console.hasStackTrace(),
                "a stack trace (" + summary + "):\n" + console.err() + console.out());
        }
    }

    private static void aNormalClientLogsOnAndTrades(final Simulator simulator, final String summary)
        throws Exception
    {
        try (FixClient client = new FixClient(simulator.orderEntryPort(), simulator.marketDataPort()))
        {
            client.sendMarketData(FixClient.subscribe("after", 5, "AAA"));
            final Message snapshot = client.marketData(m -> type(m).equals("W"), "a snapshot after the fuzz");
            assertTrue(snapshot.getGroups(268).size() > 0, "the book survived: " + summary);
            client.sendOrderEntry(FixClient.limit("after-1", null, "AAA", '1', 1, p("80000"), '0', null));
            client.report("after-1", '0');
            client.report("after-1", 'F');
            assertEquals(1, simulator.record().netPosition("BASIS-OE", "AAA"), summary);
        }
    }

    private static void nothingWasBooked(final ExchangeRecord record, final String summary)
    {
        for (final FuzzSession session : SESSIONS)
        {
            for (final OrderRecord order : record.orders(session.compId()))
            {
                assertEquals(null, order.status(), "booked from a malformed frame (" + summary + "): " + order);
            }
            assertEquals(List.of(), record.fills(session.compId()), summary);
            assertEquals(List.of(), record.liveOrders(session.compId()), summary);
        }
        assertEquals(List.of("BASIS-OE"), record.accounts().stream()
            .filter(account -> !record.orders(account).isEmpty() || !record.fills(account).isEmpty())
            .filter(account -> record.orders(account).stream().anyMatch(order -> order.status() != null))
            .toList(), "only the normal client has an accepted order (" + summary + ")");
    }
}
