package io.basis.engine.refdata;

import io.basis.engine.TestReferenceData;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.InstrumentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ReferenceDataTest
{
    @TempDir
    Path dir;

    @Test
    void loadsTheSampleKospiSetWithItsFutureAndAtLeastTwentyConstituents()
    {
        final ReferenceData data = TestReferenceData.kospi200();

        assertEquals("K200F", data.future().symbol());
        assertEquals(InstrumentKind.FUTURE, data.future().kind());
        assertEquals(250_000, data.future().multiplier());
        assertEquals(200, data.constituents().size());
        assertEquals(2, data.stockSettlementDays());
        assertEquals(java.time.LocalDate.of(2026, 12, 11), data.finalSettlement());
        final Instrument samsung = data.instrument("005930");
        assertEquals(Prices.parse("100"), samsung.tickTable().tickAt(samsung.prevClose()));
    }

    @Test
    void theLargestNameIsAboutAQuarterOfTheIndex()
    {
        final ReferenceData data = TestReferenceData.kospi200();
        double total = 0;
        double largest = 0;
        for (final Constituent constituent : data.constituents())
        {
            final double value = constituent.sharesPerPoint(data.divisor()) * Prices.toDouble(
                constituent.instrument().prevClose());
            total += value;
            largest = Math.max(largest, value);
        }

        assertEquals(352.4, total, 0.01, "index level at previous closes");
        assertEquals(0.25, largest / total, 0.02);
    }

    @Test
    void picksTheSellTaxInForceOnTheTradingDate()
    {
        final java.nio.file.Path kospi = java.nio.file.Path.of("..", "refdata", "kospi200");

        assertEquals(0.0020, ReferenceData.load(kospi, TestReferenceData.TRADE_DATE).costs().sellTax(), 1e-12);
        assertEquals(0.0015, ReferenceData.load(kospi, java.time.LocalDate.of(2025, 6, 2)).costs().sellTax(), 1e-12);
        assertEquals(0.0018, ReferenceData.load(kospi, java.time.LocalDate.of(2024, 6, 3)).costs().sellTax(), 1e-12);
    }

    @Test
    void givesTheCostsInForceOnAnyDateFromItsEffectiveDatedRows()
    {
        final ReferenceData december2025 = ReferenceData.load(
            java.nio.file.Path.of("..", "refdata", "kospi200"), java.time.LocalDate.of(2025, 12, 15));

        assertEquals(0.0015, december2025.costs().sellTax(), 1e-12, "the trading date's row");
        assertEquals(0.0015, december2025.costsOn(java.time.LocalDate.of(2025, 12, 31)).sellTax(), 1e-12);
        assertEquals(0.0020, december2025.costsOn(java.time.LocalDate.of(2026, 1, 1)).sellTax(), 1e-12);
        assertEquals(0.0020, december2025.costsOn(java.time.LocalDate.of(2026, 3, 12)).sellTax(), 1e-12);
        assertEquals(0.0018, december2025.costsOn(java.time.LocalDate.of(2024, 1, 1)).sellTax(), 1e-12);
        final IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
            () -> december2025.costsOn(java.time.LocalDate.of(2023, 12, 31)));
        assertEquals("costs.csv has no row effective on 2023-12-31", before.getMessage());
    }

    @Test
    void refusesTwoCostRowsEffectiveFromTheSameDate() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("costs.csv"), "effectiveFrom,stockCommission,futuresCommission,sellTax," +
            "buyTax,impactIn,impactOut,futuresSlippage,borrowFee,trackingError\n" +
            "2026-01-01,0.001,0.0005,0.002,0,0.0005,0.0005,0.05,0.02,0.02\n" +
            "2027-01-01,0.001,0.0005,0.002,0,0.0005,0.0005,0.05,0.02,0.02\n" +
            "2027-01-01,0.001,0.0005,0.003,0,0.0005,0.0005,0.05,0.02,0.02\n");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, TestReferenceData.TRADE_DATE));

        assertTrue(error.getMessage().endsWith("costs.csv:4 field 'effectiveFrom': two rows effective from 2027-01-01"),
            error.getMessage());
    }

    @Test
    void loadsTheEminiSetWithUsTicksAndNextDaySettlement()
    {
        final ReferenceData data = ReferenceData.load(
            java.nio.file.Path.of("..", "refdata", "emini"), TestReferenceData.TRADE_DATE);

        assertEquals("ES", data.future().symbol());
        assertEquals(50, data.future().multiplier());
        assertEquals(Prices.parse("0.25"), data.future().tickTable().tickAt(data.future().prevClose()));
        assertEquals(Prices.parse("0.01"), data.instrument("AAPL").tickTable().tickAt(Prices.parse("232.14")));
        assertEquals(java.time.LocalDate.of(2026, 11, 24), data.stockSettlement(TestReferenceData.TRADE_DATE));
    }

    @Test
    void settlesStocksInBusinessDays()
    {
        final ReferenceData data = TestReferenceData.kospi200();

        // Thursday + 2 business days is Monday.
        assertEquals(java.time.LocalDate.of(2026, 11, 23), data.stockSettlement(java.time.LocalDate.of(2026, 11, 19)));
    }

    @Test
    void refusesABorrowingRateBelowTheLendingRate() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("rates.csv"),
            "effectiveFrom,rate,borrowRate,lendRate\n2026-01-01,0.03,0.01,0.02\n");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, TestReferenceData.TRADE_DATE));

        assertTrue(error.getMessage().contains("rates.csv:2 field 'borrowRate'"), error.getMessage());
    }

    @Test
    void refusesCostsWithNoRowInForce() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("costs.csv"), "effectiveFrom,stockCommission,futuresCommission,sellTax," +
            "buyTax,impactIn,impactOut,futuresSlippage,borrowFee,trackingError\n" +
            "2027-01-01,0.001,0.0005,0.002,0,0.0005,0.0005,0.05,0.02,0.02\n");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, TestReferenceData.TRADE_DATE));

        assertTrue(error.getMessage().contains("costs.csv field 'effectiveFrom': no row effective on 2026-11-23"),
            error.getMessage());
    }

    @Test
    void refusesADividendPaidBeforeItGoesEx() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("dividends.csv"), "symbol,perShare,exDate,payDate\nA,2,2026-12-01,2026-11-30\n");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, TestReferenceData.TRADE_DATE));

        assertTrue(error.getMessage().contains("dividends.csv:2 field 'payDate'"), error.getMessage());
    }

    @Test
    void stepsAcrossATickBandEdge()
    {
        final Instrument stock = TestReferenceData.kospi200().instrument("005930");

        // 49,900 + 50 = 49,950, + 50 = 50,000, then the 100-won band: 50,100.
        assertEquals(Prices.parse("50100"), stock.ticksAway(Prices.parse("49900"), 3));
        assertEquals(Prices.parse("49900"), stock.ticksAway(Prices.parse("50100"), -3));
        assertEquals(Prices.parse("71000"), stock.ticksAway(Prices.parse("71000"), 0));
    }

    @Test
    void appliesTheKrxTickBands()
    {
        final TickTable krx = TestReferenceData.kospi200().instrument("005930").tickTable();

        assertEquals(Prices.parse("1"), krx.tickAt(Prices.parse("1999")));
        assertEquals(Prices.parse("5"), krx.tickAt(Prices.parse("2000")));
        assertEquals(Prices.parse("50"), krx.tickAt(Prices.parse("49950")));
        assertEquals(Prices.parse("1000"), krx.tickAt(Prices.parse("812000")));
        assertTrue(krx.isOnTick(Prices.parse("71000")));
        assertTrue(!krx.isOnTick(Prices.parse("71050")));
    }

    @Test
    void picksTheTickTableEffectiveOnTheTradingDate() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("tick-tables.csv"), "table,effectiveFrom,fromPrice,tick\n" +
            "STK,2020-01-01,0,1\nSTK,2027-01-01,0,5\nFUT,2020-01-01,0,0.05\n");

        final ReferenceData data = ReferenceData.load(dir, TestReferenceData.TRADE_DATE);

        assertEquals(Prices.parse("1"), data.instrument("A").tickTable().tickAt(Prices.parse("100")));
    }

    @Test
    void namesFileLineAndFieldOfABadValue() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("basket.csv"),
            "symbol,indexShares,floatFactor,capFactor\nA,1000,1.0,1.0\nB,500,1.7,1.0\n");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, TestReferenceData.TRADE_DATE));

        assertTrue(error.getMessage().contains("basket.csv:3 field 'floatFactor': must be in (0, 1]"),
            error.getMessage());
    }

    @Test
    void refusesAConstituentThatIsNotAListedStock() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("basket.csv"), "symbol,indexShares,floatFactor,capFactor\nC,1000,1.0,1.0\n");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, TestReferenceData.TRADE_DATE));

        assertTrue(error.getMessage().contains("basket.csv:2 field 'symbol': 'C' is not a STOCK"), error.getMessage());
    }

    @Test
    void refusesAPreviousCloseOffTheTickGrid() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("instruments.csv"),
            "symbol,kind,currency,lot,tickTable,multiplier,prevClose,lastTradingDay,finalSettlement,settlementStyle\n" +
            "FUT,FUTURE,KRW,1,FUT,100,20.03,2026-12-10,2026-12-11,CLOSING_AUCTION\n" +
            "A,STOCK,KRW,1,STK,1,100,,,\nB,STOCK,KRW,1,STK,1,200,,,\n");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, TestReferenceData.TRADE_DATE));

        assertTrue(error.getMessage().contains("instruments.csv:2 field 'prevClose': not on the tick grid"),
            error.getMessage());
    }
}
