package io.basis.simulator.fix;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;

import static io.basis.simulator.support.FixClient.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two plain FIX 4.4 clients that know nothing of Basis, each with its own order-entry and market-data session,
 * trade with each other. The liquidity providers are switched off so that the clients can only meet each other.
 */
@Timeout(60)
class TwoClientsTest
{
    private static final String SYMBOL = "AAA";

    private Simulator simulator;
    private FixClient seller;
    private FixClient buyer;

    @BeforeEach
    void setUp() throws Exception
    {
        final SimulatorConfig config = new SimulatorConfig()
            .referenceData(TestReferenceData.small())
            .orderEntryPort(FixClient.freePort())
            .marketDataPort(FixClient.freePort())
            .logSessionEvents(false)
            .session(SessionDefinition.of(SessionRole.ORDER_ENTRY, "SELLER-OE"))
            .session(SessionDefinition.of(SessionRole.MARKET_DATA, "SELLER-MD"))
            .session(SessionDefinition.of(SessionRole.ORDER_ENTRY, "BUYER-OE"))
            .session(SessionDefinition.of(SessionRole.MARKET_DATA, "BUYER-MD"));
        config.market().quoteLevels(0).seed(3);
        simulator = Simulator.start(config);
        seller = new FixClient("SELLER-OE", "SELLER-MD", simulator.orderEntryPort(), simulator.marketDataPort());
        buyer = new FixClient("BUYER-OE", "BUYER-MD", simulator.orderEntryPort(), simulator.marketDataPort());
        seller.awaitLogon();
        buyer.awaitLogon();
    }

    @AfterEach
    void tearDown()
    {
        if (buyer != null)
        {
            buyer.close();
        }
        if (seller != null)
        {
            seller.close();
        }
        if (simulator != null)
        {
            simulator.close();
        }
    }

    @Test
    void subscribeSendReplaceCancelAndCrossWithAnotherClient() throws Exception
    {
        buyer.sendMarketData(FixClient.subscribe("depth-1", 5, SYMBOL));
        buyer.marketData(m -> FixClient.type(m).equals("W"), "a depth snapshot");

        // The seller rests 100 at 71,500; the buyer sees it in the book.
        seller.sendOrderEntry(FixClient.limit("S1", null, SYMBOL, '2', 100, 715_000_000L, '0', null));
        assertEquals("0", field(seller.report("S1", '0'), 39));
        buyer.marketData(m -> FixClient.type(m).equals("X") && m.toString().contains("\u0001270=71500\u0001"),
            "the offer at level 1");

        // The seller trims it to 60: a size decrease keeps its place.
        final Message trim = FixClient.replace("S2", "S1", SYMBOL, 60, 715_000_000L);
        trim.setChar(54, '2');
        seller.sendOrderEntry(trim);
        assertEquals("60", field(seller.report("S2", '5'), 38));

        // The buyer lifts 40 of it: both sides fill at the resting price.
        buyer.sendOrderEntry(FixClient.limit("B1", null, SYMBOL, '1', 40, 716_000_000L, '0', null));
        final Message bought = buyer.report("B1", 'F');
        assertEquals("40", field(bought, 32));
        assertEquals("71500", field(bought, 31));
        final Message sold = seller.report("S2", 'F');
        assertEquals("40", field(sold, 32));
        assertEquals("20", field(sold, 151));

        // The seller cancels the rest; a later bid finds nothing to trade with and rests.
        final Message cancel = FixClient.cancel("S3", "S2", SYMBOL);
        cancel.setChar(54, '2');
        cancel.setString(38, "60");
        seller.sendOrderEntry(cancel);
        assertEquals("4", field(seller.report("S3", '4'), 39));
        buyer.sendOrderEntry(FixClient.limit("B2", null, SYMBOL, '1', 10, 716_000_000L, '0', null));
        assertEquals("0", field(buyer.report("B2", '0'), 39));

        assertEquals(-40, simulator.record().netPosition("SELLER-OE", SYMBOL));
        assertEquals(40, simulator.record().netPosition("BUYER-OE", SYMBOL));
    }
}
