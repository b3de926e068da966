package io.basis.simulator.market;

import io.basis.simulator.matching.ExecutionListeners;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.MatchingRules;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.OrderStatus;
import io.basis.simulator.matching.Side;
import io.basis.simulator.matching.TimeInForce;
import io.basis.simulator.record.ExchangeRecord;
import io.basis.simulator.refdata.ReferenceData;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class LiquidityProviderTest
{
    private final ReferenceData referenceData = TestReferenceData.small();
    private final ExchangeRecord record = new ExchangeRecord(Set.of("LP"));
    private final MatchingEngine engine = new MatchingEngine(referenceData, MatchingRules.KRX,
        new ExecutionListeners(List.of(record)));
    private final LiquidityProvider provider = new LiquidityProvider(
        referenceData, new MarketParameters().quoteLevels(5), engine, new SplittableRandom(1));

    @Test
    void quotesOneTickWideAroundFair()
    {
        provider.requote(referenceData.instrument("AAA"), 71_050.0);
        assertEquals(p("71000"), engine.book("AAA").bestBid());
        assertEquals(p("71100"), engine.book("AAA").bestAsk());
        final long[] prices = new long[10];
        final long[] sizes = new long[10];
        assertEquals(5, engine.book("AAA").depth(true, prices, sizes));
        assertEquals(p("70600"), prices[4]);

        provider.requote(referenceData.instrument("FUT"), 352.43);
        assertEquals(p("352.40"), engine.book("FUT").bestBid());
        assertEquals(p("352.45"), engine.book("FUT").bestAsk());
        assertEquals(5, record.liveOrders("LP").stream().filter(o -> o.symbol().equals("FUT")).count() / 2);
    }

    @Test
    void requoteThatCrossesARestingClientOrderTradesAtTheClientsPrice()
    {
        provider.requote(referenceData.instrument("AAA"), 71_050.0);
        final Order client = engine.submit(OrderRequest.limit(
            "session", "ARB", "1", "AAA", Side.BUY, TimeInForce.DAY, 5, p("71000")));
        assertEquals(OrderStatus.NEW, client.status());

        provider.requote(referenceData.instrument("AAA"), 70_520.0);

        assertEquals(OrderStatus.FILLED, client.status());
        assertEquals(p("71000"), client.averagePrice());
        assertEquals(5, record.netPosition("ARB", "AAA"));
        assertEquals(-5, record.netPosition("LP", "AAA"));
        assertEquals(p("70500"), engine.book("AAA").bestBid());
        assertEquals(p("70600"), engine.book("AAA").bestAsk());
    }
}
