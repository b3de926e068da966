package io.basis.engine.pricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class FairValueTest
{
    @Test
    void carriesTheIndexAndTakesOffTheDividends()
    {
        // τ = 16/365; F* = 350 * (1 + 0.035 * 16/365) - 0.5 = 350 + 0.536986... - 0.5
        final FairValue fairValue = new FairValue(0.035, 16 / 365.0, 0.5, 0.0);

        assertEquals(350.0 * (1 + 0.035 * 16 / 365.0) - 0.5, fairValue.fairValue(350.0), 1e-12);
        // The theoretical basis B* = F* - S.
        assertEquals(0.0369863, fairValue.fairValue(350.0) - 350.0, 1e-6);
    }

    @Test
    void tailsTheHedgeForDailyMargining()
    {
        // 10 / (1 + 0.035 * 0.25) = 10 / 1.00875 = 9.913258...
        final FairValue fairValue = new FairValue(0.035, 0.25, 0.0, 0.0);

        assertEquals(9.913258, fairValue.tailedHedge(10), 1e-6);
    }
}
