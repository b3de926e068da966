package io.basis.engine.risk;

import io.basis.protocol.sbe.KillScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class KillSwitchTest
{
    private final KillSwitch killSwitch = new KillSwitch(3);

    @Test
    void anInstrumentKillCoversThatInstrumentOnlyAndLeavesTradingActive()
    {
        assertFalse(killSwitch.isAnyActive());

        killSwitch.kill(KillScope.INSTRUMENT, 1);
        killSwitch.kill(KillScope.INSTRUMENT, 1);

        assertTrue(killSwitch.isAnyActive());
        assertTrue(killSwitch.isKilled(1));
        assertFalse(killSwitch.isKilled(2));
        assertEquals(TradingState.ACTIVE, killSwitch.state());
        killSwitch.resume(KillScope.INSTRUMENT, 1);
        assertFalse(killSwitch.isAnyActive(), "a kill given twice is lifted by one resume");
    }

    @Test
    void killingTheStrategyHaltsEveryInstrumentAndResumingEverythingClearsAllScopes()
    {
        killSwitch.kill(KillScope.INSTRUMENT, 0);
        killSwitch.kill(KillScope.STRATEGY, 0);
        killSwitch.reduceOnly(true);

        assertEquals(TradingState.HALTED, killSwitch.state());
        assertTrue(killSwitch.isKilled(2));

        killSwitch.resume(KillScope.ALL, 0);

        assertFalse(killSwitch.isAnyActive());
        assertEquals(TradingState.ACTIVE, killSwitch.state());
    }

    @Test
    void anAutomaticTripHaltsAndKeepsItsReasonUntilResumed()
    {
        killSwitch.trip(RiskReason.FILL_MISMATCH);
        killSwitch.trip(RiskReason.LOSS_LIMIT);

        assertEquals(RiskReason.FILL_MISMATCH, killSwitch.automaticReason(), "the first cause is kept");
        assertEquals(TradingState.HALTED, killSwitch.state());
        killSwitch.resume(KillScope.ALL, 0);
        assertEquals(RiskReason.NONE, killSwitch.automaticReason());
    }

    @Test
    void reduceOnlyIsItsOwnState()
    {
        killSwitch.reduceOnly(true);

        assertEquals(TradingState.REDUCING, killSwitch.state());
        assertFalse(killSwitch.isAnyActive(), "reduce-only cancels nothing by itself");
    }
}
