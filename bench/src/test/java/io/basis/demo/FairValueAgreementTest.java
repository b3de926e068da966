package io.basis.demo;

import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.Valuation;
import io.basis.simulator.market.FairValue;
import io.basis.simulator.refdata.ReferenceDataLoader;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator centres its future's mispricing on the engine's fair value, computed by each from the same
 * reference data with its own code (the simulator shares none with the system under test). If the two drift
 * apart, the demo's market is mispriced to the engine by the difference and its trades stop telling the story.
 */
@Timeout(30)
class FairValueAgreementTest
{
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        // The demo's trading date: three KOSPI200 dividends go ex before the December settlement.
        "kospi200, 2026-11-23",
        // A Friday: stocks settle on Tuesday; the dividends going ex that day are already out of the index.
        "kospi200, 2026-11-27",
        "kospi200, 2026-12-04",
        // Under the 2025 rate, with the 2025 row of rates.csv in force.
        "kospi200, 2025-06-02",
        "emini, 2026-11-23",
        "emini, 2026-12-01",
        // Stocks bought the day before Thanksgiving settle on the Friday: both count business days.
        "emini, 2026-11-25",
    })
    void theSimulatorsFairValueIsTheEngines(final String set, final LocalDate tradeDate)
    {
        final Path directory = Path.of("..", "refdata", set);
        final Valuation engine = Valuation.forTradeDate(
            io.basis.engine.refdata.ReferenceData.load(directory, tradeDate), tradeDate, 1, ModelLimits.defaults());
        final FairValue simulator = FairValue.of(ReferenceDataLoader.load(directory, tradeDate));

        assertTrue(engine.fairValueModel().yearFraction() > 0, "inside the carry window");
        assertEquals(engine.fairValueModel().rate(), simulator.rate(), "rate in force");
        assertEquals(engine.fairValueModel().yearFraction(), simulator.yearFraction(), "tau");
        assertEquals(engine.fairValueModel().dividendsFutureValue(), simulator.dividendsFutureValue(), 1e-12,
            "dividends at settlement, index points");
        for (final double index : new double[]{300.0, 352.40, 6021.25})
        {
            assertEquals(engine.fairValueModel().fairValue(index), simulator.fairValue(index), 1e-9,
                "F* at S = " + index);
        }
    }
}
