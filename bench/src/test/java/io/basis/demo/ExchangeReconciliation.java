package io.basis.demo;

import java.util.Map;
import java.util.function.Supplier;

import io.basis.engine.status.EngineReport;
import io.basis.simulator.Simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The system tests' closing check: once nothing is live on the exchange, the engine's position in every
 * instrument equals the exchange's record of the account's fills.
 */
final class ExchangeReconciliation
{
    private ExchangeReconciliation()
    {
    }

    static void assertPositionsEqualTheExchange(
        final Simulator simulator, final String account, final EngineReport report, final Supplier<String> detail)
    {
        Await.until("nothing live on the exchange", () -> simulator.record().liveOrders(account).isEmpty(), detail);
        for (final Map.Entry<String, Long> position : report.positions().entrySet())
        {
            assertEquals(simulator.record().netPosition(account, position.getKey()), position.getValue(),
                "position in " + position.getKey());
        }
    }
}
