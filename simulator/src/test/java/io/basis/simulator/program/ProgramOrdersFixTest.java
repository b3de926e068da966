package io.basis.simulator.program;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.Poll;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.TransactTime;
import quickfix.fix44.ListCancelRequest;
import quickfix.fix44.ListExecute;
import quickfix.fix44.ListStatusRequest;
import quickfix.fix44.NewOrderList;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.basis.simulator.support.FixClient.field;
import static io.basis.simulator.support.FixClient.limit;
import static io.basis.simulator.support.FixClient.type;
import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Program orders through a plain QuickFIX/J initiator: NewOrderList with ListStatus, ListExecute,
 * ListCancelRequest and ListStatusRequest, per-leg NewOrderSingles stamped with a ListID, and a legged program
 * (one leg's fills held back).
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramOrdersFixTest
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
            .logSessionEvents(false);
        config.market().tickMillis(20).seed(5);
        simulator = Simulator.start(config);
        client = new FixClient(simulator.orderEntryPort(), simulator.marketDataPort());
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

    @BeforeEach
    void forgetEarlierMessages()
    {
        client.orderEntryInbox().clear();
    }

    @Test
    void newOrderListExecutesEveryLegAndReportsListStatus() throws Exception
    {
        client.sendOrderEntry(list("L1", '1', leg("L1-1", "AAA", '1', 10, "75000"), leg("L1-2", "LOT", '1', 20, "11000"),
            leg("L1-3", "FUT", '2', 1, "300")));
        final Message ack = listStatus("L1");
        assertEquals(1, ack.getInt(429));
        assertEquals(3, ack.getInt(431), "executing");
        assertEquals(3, ack.getInt(68));
        for (final String leg : List.of("L1-1", "L1-2", "L1-3"))
        {
            final Message report = client.report(leg, '0');
            assertEquals("L1", report.getString(66), "legs carry the ListID");
            awaitFilled(leg);
        }

        client.sendOrderEntry(statusRequest("L1"));
        final Message done = listStatus("L1");
        assertEquals(2, done.getInt(429));
        assertEquals(6, done.getInt(431), "all done");
        final List<Group> orders = done.getGroups(73);
        assertEquals(3, orders.size());
        assertEquals("20", FixClient.field(orders.get(1), 14).replace(".0", ""));
        assertEquals('2', orders.get(2).getChar(39));
        assertEquals(20, simulator.record().netPosition("BASIS-OE", "LOT"));
        final io.basis.simulator.record.ListRecord recorded = simulator.record().lists().stream()
            .filter(l -> l.listId().equals("L1")).findFirst().orElseThrow();
        assertEquals(List.of("L1-1", "L1-2", "L1-3"), recorded.clOrdIds());
        assertEquals(31, recorded.filledQuantity());
        assertEquals("3", simulator.record().toProperties().get("list.L1.orders"));
    }

    @Test
    void listWaitsForListExecuteAndCancelsItsLegs() throws Exception
    {
        client.sendOrderEntry(list("L2", '2', leg("L2-1", "AAA", '1', 5, "60000"), leg("L2-2", "FUT", '1', 1, "300")));
        assertEquals(2, listStatus("L2").getInt(431), "received for execution");
        assertTrue(client.orderEntryInbox().stream().noneMatch(m -> type(m).equals("8")), "no leg submitted yet");

        final ListExecute execute = new ListExecute();
        execute.setString(66, "L2");
        execute.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        client.sendOrderEntry(execute);
        final Message started = listStatus("L2");
        assertEquals(4, started.getInt(429));
        client.report("L2-1", '0');
        client.report("L2-2", '0');

        final ListCancelRequest cancel = new ListCancelRequest();
        cancel.setString(66, "L2");
        cancel.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        client.sendOrderEntry(cancel);
        assertEquals("list canceled", client.report("L2-1", '4').getString(58));
        assertEquals("list canceled", client.report("L2-2", '4').getString(58));
        final Message canceled = listStatus("L2");
        assertEquals(6, canceled.getInt(431));
        assertEquals('4', canceled.getGroups(73).get(0).getChar(39));
        assertEquals("5", canceled.getGroups(73).get(0).getString(84));
    }

    @Test
    void duplicateAndUnknownListsAreRejected() throws Exception
    {
        client.sendOrderEntry(list("L3", '2', leg("L3-1", "AAA", '1', 5, "60000")));
        listStatus("L3");
        client.sendOrderEntry(list("L3", '2', leg("L3-9", "AAA", '1', 5, "60000")));
        final Message duplicate = listStatus("L3");
        assertEquals(7, duplicate.getInt(431));
        assertTrue(duplicate.getString(444).contains("duplicate ListID"));
        client.sendOrderEntry(statusRequest("NOPE"));
        assertEquals(7, listStatus("NOPE").getInt(431));
    }

    @Test
    void stampedNewOrderSinglesFormAListAndALegCanBeHeldBack() throws Exception
    {
        simulator.faults().holdFills("FUT");
        final Message stock = limit("P1-1", "ARB", "AAA", '1', 10, p("75000"), '0', "2");
        stock.setString(66, "P1");
        final Message future = limit("P1-2", "ARB", "FUT", '2', 1, p("300"), '0', "2");
        future.setString(66, "P1");
        client.sendOrderEntry(stock);
        client.sendOrderEntry(future);
        awaitFilled("P1-1");
        client.report("P1-2", '0');

        client.sendOrderEntry(statusRequest("P1"));
        final Message legged = listStatus("P1");
        assertEquals(3, legged.getInt(431), "still executing: the future leg is held");
        final ProgramList program = simulator.programs().stream().filter(l -> l.listId().equals("P1"))
            .findFirst().orElseThrow();
        assertFalse(program.newOrderList());
        assertEquals(2, program.legs().size());
        assertEquals(10, simulator.record().netPosition("ARB", "AAA"));
        assertEquals(0, simulator.record().netPosition("ARB", "FUT"), "legged");

        simulator.faults().releaseFills("FUT");
        awaitFilled("P1-2");
        client.sendOrderEntry(statusRequest("P1"));
        assertEquals(6, listStatus("P1").getInt(431));
        assertEquals(-1, simulator.record().netPosition("ARB", "FUT"));
    }

    private Message listStatus(final String listId) throws InterruptedException
    {
        return Poll.until(client.orderEntryInbox(),
            m -> type(m).equals("N") && field(m, 66).equals(listId), FixClient.WAIT_MS, "ListStatus " + listId);
    }

    private void awaitFilled(final String clOrdId) throws Exception
    {
        Message fill = client.report(clOrdId, 'F');
        while (fill.getChar(39) != '2')
        {
            fill = client.report(clOrdId, 'F');
        }
    }

    private static Message statusRequest(final String listId)
    {
        final ListStatusRequest request = new ListStatusRequest();
        request.setString(66, listId);
        return request;
    }

    private static Group leg(final String clOrdId, final String symbol, final char side, final long quantity,
        final String price)
    {
        final Group order = new NewOrderList.NoOrders();
        order.setString(11, clOrdId);
        order.setInt(67, Integer.parseInt(clOrdId.substring(clOrdId.indexOf('-') + 1)));
        order.setString(1, "BASIS-OE");
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setString(38, Long.toString(quantity));
        order.setChar(40, '2');
        order.setString(44, FixedPoint.format(p(price)));
        order.setString(529, "2");
        return order;
    }

    private static Message list(final String listId, final char execInst, final Group... legs)
    {
        final NewOrderList list = new NewOrderList();
        list.setString(66, listId);
        list.setInt(394, 3);
        list.setChar(433, execInst);
        list.setInt(68, legs.length);
        for (final Group leg : legs)
        {
            list.addGroup(leg);
        }
        return list;
    }
}
