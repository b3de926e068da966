package io.basis.engine.pricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class FairValueTest
{
    @Test
    void carriesTheIndexFromStockSettlementToFutureSettlementOnAct365()
    {
        // 2026-11-25 -> 2026-12-11 is 16 days; F* = 350 * (1 + 0.035 * 16 / 365) - 0.5 = 350.536986... - 0.5
        final FairValue fairValue = new FairValue(
            0.035, LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 11), 0.5);

        assertEquals(16 / 365.0, fairValue.yearFraction(), 1e-15);
        assertEquals(350.0 * (1 + 0.035 * 16 / 365.0) - 0.5, fairValue.fairValue(350.0), 1e-12);
        assertEquals(0.0369863, fairValue.theoreticalBasis(350.0), 1e-6);
    }

    @Test
    void refusesAnExpiryThatIsNotAfterSettlement()
    {
        assertThrows(IllegalArgumentException.class, () -> new FairValue(
            0.035, LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 11), 0.0));
    }
}
