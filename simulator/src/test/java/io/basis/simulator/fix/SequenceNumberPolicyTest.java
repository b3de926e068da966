package io.basis.simulator.fix;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.Poll;
import io.basis.simulator.support.SessionClient;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.SessionID;

import java.util.ArrayList;
import java.util.List;

import static io.basis.simulator.support.FixClient.field;
import static io.basis.simulator.support.FixClient.type;
import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator keeps sequence numbers as an exchange does (ResetOnLogon=N on every session): an order-entry
 * client that logs on again with its own sequence numbers gets what was sent while it was away, a market-data
 * session continues its numbers, and a client that sends ResetSeqNumFlag starts both sides at 1.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SequenceNumberPolicyTest
{
    private Simulator simulator;

    @BeforeAll
    void setUp() throws Exception
    {
        final SimulatorConfig config = new SimulatorConfig()
            .referenceData(TestReferenceData.small())
            .orderEntryPort(FixClient.freePort())
            .marketDataPort(FixClient.freePort())
            .session(SessionDefinition.parse("oe:KEEP-OE"))
            .session(SessionDefinition.parse("md:KEEP-MD"))
            .session(SessionDefinition.parse("oe:RESET-OE"))
            .logSessionEvents(false);
        config.market().tickMillis(20).seed(9);
        simulator = Simulator.start(config);
    }

    @AfterAll
    void tearDown()
    {
        if (simulator != null)
        {
            simulator.close();
        }
    }

    @Test
    void anOrderEntryClientThatKeepsItsSequenceNumbersGetsTheReportsSentWhileItWasAway() throws Exception
    {
        try (SessionClient client = SessionClient.keepingSequenceNumbers(new SessionID("FIX.4.4", "KEEP-OE", "SIM"),
            simulator.orderEntryPort()))
        {
            client.awaitLogon();
            final Message order = FixClient.limit("away-1", null, "AAA", '1', 1, p("60000"), '0', null);
            order.setString(18, "Q");
            client.send(order);
            client.next(m -> type(m).equals("8") && field(m, 150).equals("0"));

            // ExecInst Q: the order is canceled when its session logs out, and the report goes to the store.
            client.logout();
            Poll.until(() -> simulator.record().liveOrders("KEEP-OE").isEmpty(), FixClient.WAIT_MS,
                "cancel on disconnect");
            client.logon();

            final Message canceled = client.next(m -> type(m).equals("8") && field(m, 11).equals("away-1") &&
                field(m, 150).equals("4"));
            assertEquals("cancel on disconnect", canceled.getString(58));
            assertEquals("Y", field(canceled.getHeader(), 43), "resent: PossDupFlag");
        }
    }

    @Test
    void aMarketDataSessionContinuesItsSequenceNumbersAcrossLogons() throws Exception
    {
        try (SessionClient client = SessionClient.keepingSequenceNumbers(new SessionID("FIX.4.4", "KEEP-MD", "SIM"),
            simulator.marketDataPort()))
        {
            client.awaitLogon();
            client.send(FixClient.subscribe("keep", 1, "FUT"));
            client.next(m -> type(m).equals("W"));
            client.logout();
            client.logon();
            final List<Integer> logonSeqNums = logonSeqNums(client);
            assertEquals(2, logonSeqNums.size(), "two logons answered: " + logonSeqNums);
            assertTrue(logonSeqNums.get(1) > logonSeqNums.get(0) + 1, "numbers kept: " + logonSeqNums);
        }
    }

    @Test
    void aClientThatResetsOnLogonStartsBothSidesAtOneEveryTime() throws Exception
    {
        final SessionID id = new SessionID("FIX.4.4", "RESET-OE", "SIM");
        for (int logon = 1; logon <= 2; logon++)
        {
            final String clOrdId = "reset-" + logon;
            try (SessionClient client = SessionClient.lenient(id, simulator.orderEntryPort(), null, null, false))
            {
                client.awaitLogon();
                client.send(FixClient.limit(clOrdId, null, "AAA", '1', 1, p("60000"), '0', null));
                client.next(m -> type(m).equals("8") && field(m, 11).equals(clOrdId));
                assertEquals(List.of(1), logonSeqNums(client), "the exchange's Logon is number 1 again");
            }
        }
    }

    private static List<Integer> logonSeqNums(final SessionClient client) throws Exception
    {
        final List<Integer> seqNums = new ArrayList<>();
        for (final Message message : client.adminIn())
        {
            if (type(message).equals("A"))
            {
                seqNums.add(message.getHeader().getInt(34));
            }
        }
        return seqNums;
    }
}
