package io.basis.simulator.record;

import io.basis.simulator.matching.CancelRequest;
import io.basis.simulator.matching.ExecutionListeners;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.MatchingRules;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.OrderStatus;
import io.basis.simulator.matching.Side;
import io.basis.simulator.matching.TimeInForce;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ExchangeRecordTest
{
    @TempDir
    Path directory;

    private final ExchangeRecord record = new ExchangeRecord(Set.of("LP"));
    private final MatchingEngine engine = new MatchingEngine(TestReferenceData.small(), MatchingRules.KRX,
        new ExecutionListeners(List.of(record)));

    @Test
    void programsAreTimedByTheirFirstAndLastLegAfterTheWarmUpProgram()
    {
        // Three programs of three legs each, their legs sharing the trigger of the tick that decided them.
        for (int program = 0; program < 3; program++)
        {
            final long trigger = 1_000_000_000L * (program + 1);
            final long firstLegMicros = 100 * (program + 1);
            for (int leg = 0; leg < 3; leg++)
            {
                record.recordTickToOrder(trigger, trigger + (firstLegMicros + 1_000L * leg) * 1_000);
            }
        }

        assertEquals(9, record.tickToOrder().count());
        // The first program is the warm-up: two programs remain.
        assertEquals(2, record.tickToFirstLeg().count());
        assertEquals(300, record.tickToFirstLeg().maxMicros(), 1);
        assertEquals(200, record.tickToFirstLeg().p50Micros(), 1);
        assertEquals(2, record.tickToLastLeg().count(), "the program still arriving counts with its last leg so far");
        assertEquals(2_300, record.tickToLastLeg().maxMicros(), 2);
        assertEquals("1", record.toProperties().get("tickToOrder.warmUpPrograms"));
        assertEquals("2", record.toProperties().get("tickToOrder.lastLeg.count"));
    }

    @Test
    void booksFillsPositionsAndLiveOrdersPerAccount() throws IOException
    {
        engine.submit(OrderRequest.limit(null, "LP", null, "AAA", Side.SELL, TimeInForce.DAY, 10, p("71000")));
        engine.submit(OrderRequest.limit("s", "ARB 1", "1", "AAA", Side.BUY, TimeInForce.DAY, 4, p("71000")));
        engine.submit(OrderRequest.limit("s", "ARB 1", "2", "AAA", Side.SELL_SHORT, TimeInForce.DAY, 1, p("72000")));
        engine.submit(OrderRequest.limit("s", "ARB 1", "3", "AAA", Side.BUY, TimeInForce.DAY, 1, p("70000")));
        engine.cancel(new CancelRequest("s", "4", "3", "AAA", Side.BUY));
        engine.submit(OrderRequest.limit("s", "ARB 1", "5", "NOPE", Side.BUY, TimeInForce.DAY, 1, p("1")));
        record.recordTickToOrder(1_000_000, 1_250_000);
        record.recordTickToOrder(1_000_000, 999_999);

        assertEquals(4, record.netPosition("ARB 1", "AAA"));
        assertEquals(-4, record.netPosition("LP", "AAA"));
        assertEquals(0, record.netPosition("ARB 1", "FUT"));
        final List<FillRecord> fills = record.fills("ARB 1");
        assertEquals(1, fills.size());
        assertEquals(new FillRecord(fills.get(0).execId(), 2, "ARB 1", "1", "AAA", Side.BUY, 4, p("71000"), true),
            fills.get(0));
        final List<OrderRecord> live = record.liveOrders("ARB 1");
        assertEquals(1, live.size());
        assertEquals("2", live.get(0).clOrdId());
        assertEquals(OrderStatus.NEW, live.get(0).status());
        assertEquals(1, record.liveOrders("LP").size());
        assertEquals(6, record.liveOrders("LP").get(0).quantity() - record.liveOrders("LP").get(0).cumQuantity());
        assertEquals(4, record.orders("ARB 1").size());
        assertTrue(record.orders("ARB 1").get(3).rejected());
        assertTrue(record.orders("LP").isEmpty(), "no order history for internal accounts");
        assertEquals(1, record.cancels("ARB 1").size());
        assertEquals("4", record.cancels("ARB 1").get(0).cancelClOrdId());
        assertEquals(1, record.tickToOrder().count());
        assertEquals(250, record.tickToOrder().p50Micros(), 1);

        final Path file = directory.resolve("out/record.properties");
        RecordFile.write(record, file);
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1))
        {
            properties.load(reader);
        }
        assertEquals("4", properties.getProperty("account.ARB 1.position.AAA"));
        assertEquals("-4", properties.getProperty("account.LP.position.AAA"));
        assertEquals("1", properties.getProperty("account.ARB 1.fills"));
        assertEquals("4", properties.getProperty("account.ARB 1.orders"));
        assertEquals("1", properties.getProperty("account.ARB 1.rejects"));
        assertEquals("1", properties.getProperty("account.ARB 1.cancels"));
        assertEquals("1", properties.getProperty("account.ARB 1.liveOrders"));
        assertEquals("1", properties.getProperty("account.LP.orders"));
        assertEquals("2", properties.getProperty("fills.total"));
        assertEquals("5", properties.getProperty("orders.total"));
        assertEquals("1", properties.getProperty("tickToOrder.count"));
        assertTrue(Long.parseLong(properties.getProperty("tickToOrder.p99Micros")) >= 249);
        assertTrue(properties.containsKey("tickToOrder.p50Micros"));
        assertTrue(properties.containsKey("tickToOrder.maxMicros"));
    }

    @Test
    void escapesLikeProperties()
    {
        assertEquals("a\\ b\\=c\\:d", RecordFile.escape("a b=c:d", true));
        assertEquals("\\u00E9", RecordFile.escape("\u00e9", false));
    }
}
