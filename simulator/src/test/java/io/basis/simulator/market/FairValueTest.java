package io.basis.simulator.market;

import io.basis.simulator.refdata.Carry;
import io.basis.simulator.refdata.Dividend;
import io.basis.simulator.refdata.ReferenceData;
import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;
import java.util.List;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class FairValueTest
{
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate SETTLEMENT = LocalDate.of(2026, 12, 11);

    @Test
    void carriesTheIndexFromStockSettlementToFinalSettlementLessTheDividendsGoingExBeforeIt()
    {
        // The small market: AAA is 4,000,000 and LOT 7,000,000 shares per 10^9 of divisor, i.e. 0.004 and
        // 0.007 index points per currency unit of dividend.
        final ReferenceData small = TestReferenceData.small();
        final List<Dividend> dividends = List.of(
            // paid 10 days before settlement: 500 x 0.004 = 2 points, carried to T
            new Dividend(small.instrument("AAA"), p("500"), LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 1)),
            // paid 30 days after settlement: 1,000 x 0.007 = 7 points, discounted to T
            new Dividend(small.instrument("LOT"), p("1000"), LocalDate.of(2026, 12, 4), LocalDate.of(2027, 1, 10)),
            // ex on the trading date: already out of the index
            new Dividend(small.instrument("AAA"), p("300"), MONDAY, LocalDate.of(2026, 12, 1)),
            // ex after the future settles: the future's buyer does not forgo it
            new Dividend(small.instrument("LOT"), p("900"), LocalDate.of(2026, 12, 29), LocalDate.of(2027, 4, 17)));
        final FairValue fairValue = FairValue.of(
            withCarry(small, MONDAY, new Carry(0.035, 2, SETTLEMENT, dividends, java.util.Set.of())));

        assertEquals(16 / 365.0, fairValue.yearFraction(), 1e-15, "stocks settle Wednesday 11-25, T is 12-11");
        final double expectedDividends = 2.0 * (1 + 0.035 * 10 / 365.0) + 7.0 / (1 + 0.035 * 30 / 365.0);
        assertEquals(expectedDividends, fairValue.dividendsFutureValue(), 1e-12);
        assertEquals(354.0 * (1 + 0.035 * 16 / 365.0) - expectedDividends, fairValue.fairValue(354.0), 1e-9);
    }

    @Test
    void settlementCountsWeekdaysOnly()
    {
        final Carry carry = new Carry(0.035, 2, SETTLEMENT, List.of(), java.util.Set.of());
        assertEquals(LocalDate.of(2026, 12, 1), carry.stockSettlement(LocalDate.of(2026, 11, 27)), "Friday: Tuesday");
        final FairValue fromFriday = FairValue.of(withCarry(TestReferenceData.small(), LocalDate.of(2026, 11, 27),
            carry));
        assertEquals(10 / 365.0, fromFriday.yearFraction(), 1e-15);
    }

    @Test
    void pastTheCarryWindowTheFutureIsWorthTheIndex()
    {
        // On the last trading day stocks bought would settle after the future: no carry is left to earn.
        final FairValue lastDay = FairValue.of(withCarry(TestReferenceData.small(), LocalDate.of(2026, 12, 10),
            new Carry(0.035, 2, SETTLEMENT, List.of(), java.util.Set.of())));
        assertEquals(0.0, lastDay.yearFraction());
        assertEquals(354.0, lastDay.fairValue(354.0), 1e-12);
    }

    @Test
    void aMarketWithoutCarryPricesTheFutureAtTheIndex()
    {
        final FairValue none = FairValue.of(TestReferenceData.small());
        assertEquals(354.0, none.fairValue(354.0), 1e-12);
    }

    private static ReferenceData withCarry(final ReferenceData data, final LocalDate tradingDate, final Carry carry)
    {
        return new ReferenceData(tradingDate, data.instruments(), data.index(), data.basket(), carry);
    }
}
