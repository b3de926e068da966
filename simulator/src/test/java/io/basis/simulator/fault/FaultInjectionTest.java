package io.basis.simulator.fault;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.matching.AuctionResult;
import io.basis.simulator.matching.Side;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.Poll;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.fix44.SecurityStatusRequest;
import quickfix.fix44.TradingSessionStatusRequest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.basis.simulator.support.FixClient.field;
import static io.basis.simulator.support.FixClient.limit;
import static io.basis.simulator.support.FixClient.quantity;
import static io.basis.simulator.support.FixClient.type;
import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fault, driven through the Java API or the control port and observed through a plain QuickFIX/J
 * initiator, on the small test market (AAA ~71000, LOT ~10000 lot 10, FUT ~350). One simulator and client
 * for the class (a FIX logon and an acceptor stop cost about a second each); every test lifts what it injects
 * and uses its own ClOrdIDs.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest
{
    private Simulator simulator;
    private FixClient client;

    @BeforeAll
    void setUp() throws Exception
    {
        final SimulatorConfig config = new SimulatorConfig()
            .referenceData(TestReferenceData.small())
            .orderEntryPort(FixClient.freePort())
            .marketDataPort(FixClient.freePort())
            .controlPort(0)
            .logSessionEvents(false);
        config.market().tickMillis(20).seed(7);
        simulator = Simulator.start(config);
        client = new FixClient(simulator.orderEntryPort(), simulator.marketDataPort());
    }

    @BeforeEach
    void forgetEarlierMessages()
    {
        client.orderEntryInbox().clear();
        client.marketDataInbox().clear();
        client.adminIn().clear();
        client.adminOut().clear();
    }

    @AfterAll
    void tearDown()
    {
        if (simulator != null)
        {
            simulator.close();
        }
        if (client != null)
        {
            client.close();
        }
    }

    @Test
    void heldFillsMakeOneLegOfAProgramWaitUntilReleased() throws Exception
    {
        simulator.faults().holdFills("LOT");
        client.sendOrderEntry(limit("a1", "ARB", "AAA", '1', 10, p("75000"), '0', "2"));
        client.sendOrderEntry(limit("l1", "ARB", "LOT", '1', 10, p("11000"), '0', "2"));

        waitFilled("a1");
        assertEquals('0', client.report("l1", '0').getChar(39));
        awaitTicks(10);
        assertEquals(10, simulator.record().netPosition("ARB", "AAA"));
        assertEquals(0, simulator.record().netPosition("ARB", "LOT"), "the held leg has not traded");
        assertTrue(client.orderEntryInbox().stream().noneMatch(m -> field(m, 11).equals("l1")), "no fill of l1");

        assertTrue(simulator.control("status").contains("held-fills [LOT]"));
        assertEquals(1, simulator.faults().releaseFills("LOT"));
        final Message fill = client.report("l1", 'F');
        assertEquals(10, quantity(fill, 32));
        assertEquals(10, simulator.record().netPosition("ARB", "LOT"));
    }

    @Test
    void haltPublishesSecurityStatusAndRejectsNewOrdersWithAClearReason() throws Exception
    {
        final SecurityStatusRequest request = new SecurityStatusRequest();
        request.setString(324, "s1");
        request.setString(55, "AAA");
        request.setChar(263, '1');
        client.sendMarketData(request);
        assertEquals(17, client.marketData(m -> type(m).equals("f"), "current status").getInt(326));

        client.sendOrderEntry(limit("r1", null, "AAA", '1', 5, p("60000"), '0', null));
        client.report("r1", '0');
        simulator.faults().halt("AAA");
        final Message halted = client.marketData(m -> type(m).equals("f"), "halt status");
        assertEquals(2, halted.getInt(326));
        assertEquals("AAA", halted.getString(55));

        client.sendOrderEntry(limit("r2", null, "AAA", '1', 5, p("60000"), '0', null));
        final Message reject = client.report("r2", '8');
        assertEquals(2, reject.getInt(103));
        assertEquals("trading halted in AAA", reject.getString(58));
        client.sendOrderEntry(FixClient.replace("r3", "r1", "AAA", 5, p("60100")));
        final Message replaceReject = client.next("9", "r3");
        assertEquals(2, replaceReject.getInt(102));
        assertEquals('2', replaceReject.getChar(434));
        client.sendOrderEntry(FixClient.cancel("r4", "r1", "AAA"));
        assertEquals('4', client.report("r4", '4').getChar(39), "cancels work during a halt");

        simulator.control("resume AAA");
        assertEquals(3, client.marketData(m -> type(m).equals("f"), "resume status").getInt(326));
        client.sendOrderEntry(limit("r5", null, "AAA", '1', 5, p("60000"), '0', null));
        client.report("r5", '0');
    }

    @Test
    void rejectsASeededFractionOfOrders() throws Exception
    {
        simulator.faults().rejectFraction(1.0);
        client.sendOrderEntry(limit("x1", null, "AAA", '1', 1, p("60000"), '0', null));
        final Message reject = client.report("x1", '8');
        assertEquals(0, reject.getInt(103));
        assertTrue(reject.getString(58).contains("fault injection"));

        simulator.faults().rejectFraction(0.5, 3);
        final List<Character> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++)
        {
            client.sendOrderEntry(limit("y" + i, null, "AAA", '1', 1, p("60000"), '0', null));
            final String id = "y" + i;
            outcomes.add(Poll.until(client.orderEntryInbox(), m -> field(m, 11).equals(id), FixClient.WAIT_MS, id)
                .getChar(150));
        }
        final long rejected = outcomes.stream().filter(c -> c == '8').count();
        assertTrue(rejected > 0 && rejected < 20, "about half rejected: " + outcomes);

        simulator.faults().rejectFraction(0);
        client.sendOrderEntry(limit("z1", null, "AAA", '1', 1, p("60000"), '0', null));
        client.report("z1", '0');
    }

    @Test
    void heldReportsArriveInOrderOnReleaseAndDelayedOnesLate() throws Exception
    {
        simulator.faults().holdReports(ReportSelector.account("ACC1"));
        client.sendOrderEntry(limit("h1", "ACC1", "AAA", '1', 10, p("75000"), '0', null));
        Poll.until(() -> simulator.record().netPosition("ACC1", "AAA") == 10, FixClient.WAIT_MS, "the fill");
        awaitTicks(5);
        assertTrue(client.orderEntryInbox().isEmpty(), "nothing reported while held");

        assertTrue(simulator.faults().releaseReports(null) >= 2);
        assertEquals('0', client.next("8", "h1").getChar(150), "acknowledgement first");
        assertEquals('F', client.next("8", "h1").getChar(150));

        simulator.control("delay-reports symbol FUT 300");
        final long sent = System.nanoTime();
        client.sendOrderEntry(limit("d1", null, "FUT", '1', 1, p("300"), '0', null));
        client.report("d1", '0');
        assertTrue(System.nanoTime() - sent >= 300_000_000L, "delayed by at least 300 ms");
        simulator.control("delay-reports symbol FUT 0");
    }

    @Test
    void sequenceGapForcesAResendAndGarbledMessagesAreRecovered() throws Exception
    {
        assertEquals("ok gap on 1 sessions", simulator.control("gap OE"));
        client.sendOrderEntry(limit("g1", null, "AAA", '1', 1, p("60000"), '0', null));
        Poll.until(client.adminOut(), m -> type(m).equals("2"), FixClient.WAIT_MS, "ResendRequest from the client");
        final Message gapFill = Poll.until(client.adminIn(), m -> type(m).equals("4"), FixClient.WAIT_MS,
            "SequenceReset");
        assertTrue(gapFill.getBoolean(123), "GapFillFlag");
        client.report("g1", '0');

        client.adminOut().clear();
        assertEquals(1, simulator.faults().garble("OE"));
        client.sendOrderEntry(limit("g2", null, "AAA", '1', 1, p("60000"), '0', null));
        // The next message out (the acknowledgement, or a heartbeat that goes first) is garbled and dropped; the
        // message after it reveals the gap, the client asks for a resend, and every acknowledgement arrives.
        client.sendOrderEntry(limit("g3", null, "AAA", '1', 1, p("60000"), '0', null));
        client.report("g2", '0');
        client.report("g3", '0');
        Poll.until(client.adminOut(), m -> type(m).equals("2"), FixClient.WAIT_MS,
            "ResendRequest for the garbled message");

        client.sendMarketData(FixClient.subscribe("gap", 1, "FUT", "AAA"));
        client.marketData(m -> type(m).equals("W"), "snapshot");
        client.adminOut().clear();
        client.adminIn().clear();
        assertEquals("ok gap on 1 sessions", simulator.control("gap MD"));
        Poll.until(client.adminOut(), m -> type(m).equals("2") && field(m.getHeader(), 49).equals("BASIS-MD"),
            FixClient.WAIT_MS, "ResendRequest on market data");
        Poll.until(client.adminIn(), m -> type(m).equals("4") && field(m.getHeader(), 56).equals("BASIS-MD"),
            FixClient.WAIT_MS, "gap fill on market data");
        final Message unsubscribe = FixClient.subscribe("gap", 1, "FUT", "AAA");
        unsubscribe.setChar(263, '2');
        client.sendMarketData(unsubscribe);
    }

    @Test
    void droppedSessionsLogOutAndTheClientReconnects() throws Exception
    {
        assertEquals(1, simulator.faults().dropSession("OE", false));
        Poll.until(client.adminIn(), m -> type(m).equals("5"), FixClient.WAIT_MS, "Logout");
        Poll.until(client.adminIn(), m -> type(m).equals("A"), FixClient.WAIT_MS, "new Logon");
        // The Logon reaches the application just before QuickFIX/J marks the session logged on.
        client.awaitLogon();
        client.sendOrderEntry(limit("s1", null, "AAA", '1', 1, p("60000"), '0', null));
        client.report("s1", '0');

        assertEquals("ok dropped 1 sessions", simulator.control("drop-session BASIS-MD disconnect"));
        Poll.until(client.adminIn(), m -> type(m).equals("A"), FixClient.WAIT_MS, "market data logs on again");
        client.awaitLogon();
    }

    @Test
    void volatilityInterruptionIsACallAuctionThatUncrossesWhenItEnds() throws Exception
    {
        subscribeSecurityStatus("s1");
        simulator.faults().volatilityInterruption("FUT", Duration.ofMinutes(2));
        final Message interrupted = client.marketData(m -> type(m).equals("f") && field(m, 55).equals("FUT") &&
            field(m, 326).equals("21"), "VI status");
        assertEquals(3, interrupted.getInt(1174));

        client.sendOrderEntry(limit("v0", null, "FUT", '1', 2, p("360"), '3', null));
        assertEquals(99, client.report("v0", '8').getInt(103), "no IOC in an auction");
        client.sendOrderEntry(limit("v1", null, "FUT", '1', 2, p("360"), '0', null));
        client.report("v1", '0');
        awaitTicks(3);
        assertEquals(0, simulator.record().netPosition("BASIS-OE", "FUT"), "nothing matches in the auction");

        // Ended early by resume (the timer is checked below): uncross, then continuous trading.
        simulator.faults().resume("FUT");
        client.marketData(m -> type(m).equals("f") && field(m, 55).equals("FUT") && field(m, 326).equals("3"),
            "resume after the interruption");
        final Message fill = client.report("v1", 'F');
        final AuctionResult auction = simulator.record().auctions().stream()
            .filter(a -> a.symbol().equals("FUT")).reduce((a, b) -> b).orElseThrow();
        assertTrue(auction.volume() >= 2);
        assertEquals(auction.price(), p(fill.getString(31)), "filled at the uncrossing price");
    }

    @Test
    void volatilityInterruptionEndsByItselfAfterItsDuration() throws Exception
    {
        subscribeSecurityStatus("s2");
        assertEquals("ok volatility interruption in LOT", simulator.control("vi LOT 0"));
        client.marketData(m -> type(m).equals("f") && field(m, 55).equals("LOT") && field(m, 326).equals("21"),
            "VI status");
        client.marketData(m -> type(m).equals("f") && field(m, 55).equals("LOT") && field(m, 326).equals("3"),
            "resumed by the timer");
        simulator.faults().volatilityInterruption("LOT", Duration.ofMillis(300));
        client.marketData(m -> type(m).equals("f") && field(m, 55).equals("LOT") && field(m, 326).equals("3"),
            "resumed after 300 ms");
    }

    private void subscribeSecurityStatus(final String reqId) throws Exception
    {
        final SecurityStatusRequest request = new SecurityStatusRequest();
        request.setString(324, reqId);
        request.setString(55, "[ALL]");
        request.setChar(263, '1');
        client.sendMarketData(request);
        client.marketData(m -> type(m).equals("f") && field(m, 324).equals(reqId), "current status");
    }

    @Test
    void sidecarSuspendsProgramOrdersOfOneSideAndTheCircuitBreakerEverything() throws Exception
    {
        final TradingSessionStatusRequest request = new TradingSessionStatusRequest();
        request.setString(335, "t1");
        request.setChar(263, '1');
        client.sendMarketData(request);
        assertEquals(2, client.marketData(m -> type(m).equals("h"), "phase").getInt(340));

        simulator.faults().sidecar(Side.BUY);
        assertEquals("1", field(client.marketData(m -> type(m).equals("h"), "sidecar"), 21003));
        client.sendOrderEntry(limit("p1", null, "AAA", '1', 1, p("60000"), '0', "2"));
        final Message reject = client.report("p1", '8');
        assertEquals(99, reject.getInt(103));
        assertTrue(reject.getString(58).startsWith("sidecar"));
        client.sendOrderEntry(limit("p2", null, "AAA", '1', 1, p("60000"), '0', null));
        client.report("p2", '0');
        client.sendOrderEntry(limit("p3", null, "AAA", '2', 1, p("90000"), '0', "2"));
        client.report("p3", '0');
        assertEquals("ok sidecar: program sell orders suspended", simulator.control("sidecar sell"));
        assertEquals("3", field(client.marketData(m -> type(m).equals("h"), "both sides"), 21003));
        client.sendOrderEntry(limit("p4", null, "AAA", '2', 1, p("90000"), '0', "2"));
        assertTrue(client.report("p4", '8').getString(58).startsWith("sidecar: program sell"));
        assertEquals("ok sidecar lifted", simulator.control("sidecar off"));
        client.marketData(m -> type(m).equals("h") && field(m, 21003).equals("N"), "sidecar lifted");

        simulator.faults().circuitBreaker();
        assertEquals(1, client.marketData(m -> type(m).equals("h"), "halted market").getInt(340));
        client.sendOrderEntry(limit("c1", null, "FUT", '1', 1, p("300"), '0', null));
        final Message halted = client.report("c1", '8');
        assertEquals(2, halted.getInt(103));
        simulator.faults().resumeMarket();
        assertEquals(2, client.marketData(m -> type(m).equals("h"), "reopened").getInt(340));
        client.sendOrderEntry(limit("c2", null, "FUT", '1', 1, p("300"), '0', null));
        client.report("c2", '0');
    }

    @Test
    void slowMarketDataPacesTheFeed() throws Exception
    {
        client.sendMarketData(FixClient.subscribe("m1", 10, "FUT", "AAA", "LOT"));
        client.marketData(m -> type(m).equals("W"), "snapshot");
        simulator.faults().slowMarketData(100);
        client.marketDataInbox().clear();
        // Unthrottled, three instruments on a 20 ms tick send dozens of X a second; paced, one per 100 ms.
        final long end = System.nanoTime() + 1_000_000_000L;
        int received = 0;
        while (System.nanoTime() < end)
        {
            final Message message = client.marketDataInbox().poll(10, TimeUnit.MILLISECONDS);
            received += message != null && type(message).equals("X") ? 1 : 0;
        }
        assertTrue(received >= 2 && received <= 13, "about ten X in a second: " + received);
        assertTrue(simulator.control("status").contains("slow-md 100ms"));
        simulator.control("slow-md 0");
        Poll.until(() -> simulator.control("status").contains("slow-md 0ms (0 queued"), FixClient.WAIT_MS,
            "backlog flushed");
        final Message unsubscribe = FixClient.subscribe("m1", 10, "FUT", "AAA", "LOT");
        unsubscribe.setChar(263, '2');
        client.sendMarketData(unsubscribe);
    }

    @Test
    void controlPortAnswersEveryCommandWithOkOrError() throws Exception
    {
        try (Socket socket = new Socket("127.0.0.1", simulator.controlPort());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                 StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8))
        {
            out.println("halt AAA");
            assertEquals("ok halted AAA", in.readLine());
            out.println("status");
            final String status = in.readLine();
            assertTrue(status.startsWith("ok phase CONTINUOUS, halted [AAA]"), status);
            out.println("hold-fills ZZZ");
            assertEquals("error unknown symbol ZZZ", in.readLine());
            out.println("reject-fraction 2");
            assertEquals("error reject fraction must be in [0, 1]: 2.0", in.readLine());
            out.println("frobnicate");
            assertTrue(in.readLine().startsWith("error unknown command frobnicate"));
            out.println("gap XX");
            assertTrue(in.readLine().startsWith("error no session XX"));
            out.println("help");
            assertTrue(in.readLine().startsWith("ok hold-fills SYMBOL"));
            client.sendOrderEntry(limit("k1", null, "AAA", '1', 1, p("60000"), '0', null));
            assertEquals(2, client.report("k1", '8').getInt(103));
            out.println("resume AAA");
            assertEquals("ok resumed AAA", in.readLine());
        }
    }

    @Test
    void faultsConfiguredAtStartAreInForce() throws Exception
    {
        final SimulatorConfig config = new SimulatorConfig()
            .referenceData(TestReferenceData.small())
            .orderEntryPort(FixClient.freePort())
            .marketDataPort(FixClient.freePort())
            .orderEntryCompId("OTHER-OE")
            .marketDataCompId("OTHER-MD")
            .fault("reject-fraction 1")
            .fault("halt FUT")
            .logSessionEvents(false);
        try (Simulator faulty = Simulator.start(config);
             FixClient other = new FixClient("OTHER-OE", "OTHER-MD", faulty.orderEntryPort(),
                 faulty.marketDataPort()))
        {
            assertFalse(faulty.controlPort() >= 0);
            other.sendOrderEntry(limit("f1", null, "FUT", '1', 1, p("300"), '0', null));
            assertEquals(2, other.report("f1", '8').getInt(103));
            other.sendOrderEntry(limit("f2", null, "AAA", '1', 1, p("60000"), '0', null));
            assertEquals(0, other.report("f2", '8').getInt(103));
        }
    }

    private void waitFilled(final String clOrdId) throws Exception
    {
        Message fill = client.report(clOrdId, 'F');
        while (fill.getChar(39) != '2')
        {
            fill = client.report(clOrdId, 'F');
        }
    }

    private void awaitTicks(final long ticks)
    {
        final long target = simulator.tickTiming().count() + ticks;
        Poll.until(() -> simulator.tickTiming().count() >= target, FixClient.WAIT_MS, ticks + " market ticks");
    }
}
