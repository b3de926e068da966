package io.basis.simulator.fix;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.record.CancelRecord;
import io.basis.simulator.record.OrderRecord;
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
import quickfix.field.TransactTime;
import quickfix.fix44.OrderMassCancelRequest;
import quickfix.fix44.OrderStatusRequest;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.basis.simulator.support.FixClient.limit;
import static io.basis.simulator.support.FixClient.type;
import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order management beyond new, cancel and replace: OrderStatusRequest (H), OrderMassCancelRequest (q) with its
 * report (r), and cancel on disconnect (ExecInst Q).
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderManagementFixTest
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
        config.market().tickMillis(20).seed(13);
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
        client.adminIn().clear();
    }

    @Test
    void orderStatusRequestReportsTheOrdersState() throws Exception
    {
        client.sendOrderEntry(limit("st1", null, "AAA", '1', 7, p("60000"), '0', null));
        client.report("st1", '0');
        client.sendOrderEntry(statusRequest("st1"));
        final Message status = client.report("st1", 'I');
        assertEquals('0', status.getChar(39));
        assertEquals(7, FixClient.quantity(status, 151));
        client.sendOrderEntry(FixClient.cancel("st1c", "st1", "AAA"));
        client.report("st1c", '4');

        client.sendOrderEntry(statusRequest("nope"));
        final Message unknown = client.report("nope", 'I');
        assertEquals('8', unknown.getChar(39));
        assertEquals(5, unknown.getInt(103));
    }

    @Test
    void massCancelBySymbolAndForEverything() throws Exception
    {
        client.sendOrderEntry(limit("mc1", null, "AAA", '1', 1, p("60000"), '0', null));
        client.sendOrderEntry(limit("mc2", null, "AAA", '1', 1, p("60100"), '0', null));
        client.sendOrderEntry(limit("mc3", null, "FUT", '1', 1, p("300"), '0', null));
        client.report("mc3", '0');

        client.sendOrderEntry(massCancel("mq1", "AAA"));
        assertEquals("mass cancel", client.report("mc1", '4').getString(58));
        client.report("mc2", '4');
        final Message bySymbol = client.next("r", "mq1");
        assertEquals('1', bySymbol.getChar(531));
        assertEquals(2, bySymbol.getInt(533));

        client.sendOrderEntry(massCancel("mq2", null));
        client.report("mc3", '4');
        final Message all = client.next("r", "mq2");
        assertEquals('7', all.getChar(531));
        assertTrue(all.getInt(533) >= 1);
        assertTrue(simulator.record().liveOrders("BASIS-OE").isEmpty());
    }

    @Test
    void ordersWithExecInstQAreCanceledWhenTheirSessionDisconnects() throws Exception
    {
        final Message keep = limit("q1", "COD", "AAA", '1', 1, p("60000"), '0', null);
        final Message cancel = limit("q2", "COD", "AAA", '1', 1, p("60000"), '0', null);
        cancel.setString(18, "Q");
        client.sendOrderEntry(keep);
        client.sendOrderEntry(cancel);
        client.report("q2", '0');

        assertEquals("ok dropped 1 sessions", simulator.control("drop-session OE disconnect"));
        Poll.until(() -> simulator.record().liveOrders("COD").size() == 1, FixClient.WAIT_MS,
            "the ExecInst Q order canceled");
        final List<OrderRecord> live = simulator.record().liveOrders("COD");
        assertEquals("q1", live.get(0).clOrdId());
        final List<CancelRecord> cancels = simulator.record().cancels("COD");
        assertEquals("cancel on disconnect", cancels.get(cancels.size() - 1).reason());
        Poll.until(client.adminIn(), m -> type(m).equals("A"), FixClient.WAIT_MS, "logon again");
        client.awaitLogon();
        client.sendOrderEntry(FixClient.cancel("q1c", "q1", "AAA"));
        client.report("q1c", '4');
    }

    private static Message statusRequest(final String clOrdId)
    {
        final OrderStatusRequest request = new OrderStatusRequest();
        request.setString(11, clOrdId);
        request.setString(55, "AAA");
        request.setChar(54, '1');
        return request;
    }

    private static Message massCancel(final String clOrdId, final String symbol)
    {
        final OrderMassCancelRequest request = new OrderMassCancelRequest();
        request.setString(11, clOrdId);
        request.setChar(530, symbol == null ? '7' : '1');
        if (symbol != null)
        {
            request.setString(55, symbol);
        }
        request.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        return request;
    }
}
