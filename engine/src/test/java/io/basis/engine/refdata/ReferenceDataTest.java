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
        assertTrue(data.constituents().size() >= 20);
        final Instrument samsung = data.instrument("005930");
        assertEquals(Prices.parse("100"), samsung.tickTable().tickAt(samsung.prevClose()));
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
            "symbol,kind,currency,lot,tickTable,multiplier,prevClose,lastTradingDay\n" +
            "FUT,FUTURE,KRW,1,FUT,100,20.03,2026-12-10\nA,STOCK,KRW,1,STK,1,100,\nB,STOCK,KRW,1,STK,1,200,\n");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, TestReferenceData.TRADE_DATE));

        assertTrue(error.getMessage().contains("instruments.csv:2 field 'prevClose': not on the tick grid"),
            error.getMessage());
    }
}
