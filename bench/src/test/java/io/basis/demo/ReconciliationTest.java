package io.basis.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ReconciliationTest
{
    private final Properties engine = new Properties();
    private final Properties exchange = new Properties();

    @Test
    void positionsThatAgreeInstrumentByInstrumentReconcile()
    {
        engine.setProperty("position.K200F", "-1");
        engine.setProperty("position.005930", "369");
        engine.setProperty("position.000660", "0");
        exchange.setProperty("account.BASIS1.position.K200F", "-1");
        exchange.setProperty("account.BASIS1.position.005930", "369");
        exchange.setProperty("account.LP.position.005930", "-369");

        final Reconciliation reconciliation = new Reconciliation(engine, exchange, "BASIS1");

        assertTrue(reconciliation.reconciled());
        assertArrayEquals(new long[]{0, 0}, reconciliation.positions().get("000660"));
    }

    @Test
    void aFillTheEngineNeverBookedBreaksReconciliation()
    {
        engine.setProperty("position.005930", "300");
        exchange.setProperty("account.BASIS1.position.005930", "369");

        assertFalse(new Reconciliation(engine, exchange, "BASIS1").reconciled());
    }

    @Test
    void aPositionOnlyTheExchangeKnowsBreaksReconciliation()
    {
        engine.setProperty("position.005930", "0");
        exchange.setProperty("account.BASIS1.position.035420", "5");

        assertFalse(new Reconciliation(engine, exchange, "BASIS1").reconciled());
    }
}
