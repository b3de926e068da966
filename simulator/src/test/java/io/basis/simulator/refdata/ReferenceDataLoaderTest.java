package io.basis.simulator.refdata;

import io.basis.simulator.support.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class ReferenceDataLoaderTest
{
    private static final String TICKS = """
        # comment
        table,effectiveFrom,fromPrice,tick
        KRX,2020-01-01,0,5
        KRX,2023-01-25,0,1
        KRX,2023-01-25,2000,5
        FUTT,2000-01-01,0,0.05
        """;
    private static final String INSTRUMENTS = """
        symbol,kind,currency,lot,tickTable,multiplier,prevClose,lastTradingDay,finalSettlement
        FUT,FUTURE,KRW,1,FUTT,250000,353.95,2026-12-10,2026-12-11
        AAA,STOCK,KRW,1,KRX,1,1987,,
        BBB,STOCK,KRW,1,KRX,1,4215,,
        """;
    private static final String INDEX = """
        index,future,divisor,stockSettlementDays
        TEST,FUT,1000000,2
        """;
    private static final String RATES = """
        # extra columns (the engine's borrowing and lending rates) are ignored
        effectiveFrom,rate,borrowRate,lendRate
        2020-01-01,0.0050,0.0100,0.0000
        2025-01-01,0.0300,0.0350,0.0250
        2026-01-01,0.0350,0.0400,0.0300
        """;
    private static final String DIVIDENDS = """
        symbol,perShare,exDate,payDate
        AAA,25,2026-11-27,2027-01-20
        BBB,40.5,2026-12-29,2027-04-17
        """;
    private static final String BASKET = """
        symbol,indexShares,floatFactor,capFactor
        AAA,1000,0.5,1.0
        BBB,2000,1.0,1.0
        """;

    @TempDir
    Path directory;

    @Test
    void loadsTheRepositoryData()
    {
        final ReferenceData data = TestReferenceData.kospi200();
        assertEquals(201, data.instruments().size());
        assertEquals(200, data.basket().size());
        assertEquals("K200F", data.index().future().symbol());
        assertEquals(p("353.95"), data.instrument("K200F").prevClose());
        assertEquals(p("100"), data.instrument("005930").tickTable().tickAt(p("71000")));
        assertNull(data.instrument("005930").lastTradingDay());
        // q = 250000 * 9028557241 * 0.78 / 5675368898462 ~ 310.21 shares of 005930 per contract
        assertEquals(310.21, data.sharesPerContract(data.basket().get(0)), 0.01);
        assertEquals(0.035, data.carry().rate());
        assertEquals(2, data.carry().stockSettlementDays());
        assertEquals(LocalDate.of(2026, 12, 11), data.carry().finalSettlement());
        assertEquals(LocalDate.of(2026, 11, 25), data.carry().stockSettlement(LocalDate.of(2026, 11, 23)));
        assertEquals(new Dividend(data.instrument("005930"), p("361"), LocalDate.of(2026, 11, 27),
            LocalDate.of(2027, 1, 20)), data.carry().dividends().get(0));
    }

    @Test
    void picksTheRateInForceOnTheTradingDateAndReadsTheDividends() throws IOException
    {
        write(TICKS, INSTRUMENTS, INDEX, BASKET);
        assertEquals(0.035, ReferenceDataLoader.load(directory, LocalDate.of(2026, 11, 23)).carry().rate());
        final ReferenceData lastYear = ReferenceDataLoader.load(directory, LocalDate.of(2025, 12, 31));
        assertEquals(0.030, lastYear.carry().rate());
        assertEquals(List.of(
            new Dividend(lastYear.instrument("AAA"), p("25"), LocalDate.of(2026, 11, 27), LocalDate.of(2027, 1, 20)),
            new Dividend(lastYear.instrument("BBB"), p("40.5"), LocalDate.of(2026, 12, 29),
                LocalDate.of(2027, 4, 17))), lastYear.carry().dividends());
    }

    @Test
    void reportsBadCarryInputsWithFileLineAndField() throws IOException
    {
        write(TICKS, INSTRUMENTS, INDEX, BASKET, RATES + "2026-01-01,0.04,0.05,0.03\n", DIVIDENDS);
        assertError("rates.csv:6: field effectiveFrom: two rows effective from 2026-01-01 (also line 5)");

        write(TICKS, INSTRUMENTS, INDEX, BASKET, RATES.replace("2026-01-01,0.0350", "2026-01-01,3.5"), DIVIDENDS);
        assertError("rates.csv:5: field rate: must be in [-0.05, 1.0]: 3.5");

        write(TICKS, INSTRUMENTS, INDEX, BASKET, RATES.replace("2025-01-01", "2027-01-01")
            .replace("2026-01-01", "2027-06-01").replace("2020-01-01", "2028-01-01"), DIVIDENDS);
        assertError("rates.csv: field effectiveFrom: no row effective on or before the trading date 2026-11-23");

        write(TICKS, INSTRUMENTS, INDEX, BASKET, RATES, DIVIDENDS.replace("AAA,25", "FUT,25"));
        assertError("dividends.csv:2: field symbol: FUT is not a constituent (not in basket.csv)");

        write(TICKS, INSTRUMENTS, INDEX, BASKET, RATES, DIVIDENDS.replace("40.5", "-1"));
        assertError("dividends.csv:3: field perShare: must be positive: -1");

        write(TICKS, INSTRUMENTS, INDEX, BASKET, RATES, DIVIDENDS.replace("2027-01-20", "2026-11-26"));
        assertError("dividends.csv:2: field payDate: before the ex-date 2026-11-27");

        write(TICKS, INSTRUMENTS, INDEX, BASKET, RATES, DIVIDENDS.replace("2026-12-29", "29/12/2026"));
        assertError("dividends.csv:3: field exDate: not an ISO date (yyyy-mm-dd): '29/12/2026'");

        write(TICKS, INSTRUMENTS, INDEX.replace("1000000,2", "1000000,9"), BASKET, RATES, DIVIDENDS);
        assertError("index.csv:2: field stockSettlementDays: must be in 0..5: 9");

        write(TICKS, INSTRUMENTS.replace("2026-12-10,2026-12-11", "2026-12-10,2026-12-09"), INDEX, BASKET, RATES,
            DIVIDENDS);
        assertError("instruments.csv:2: field finalSettlement: before the last trading day 2026-12-10");

        write(TICKS, INSTRUMENTS.replace("2026-12-10,2026-12-11", "2026-12-10,"), INDEX, BASKET, RATES, DIVIDENDS);
        assertError("instruments.csv:2: field finalSettlement: must not be empty");

        write(TICKS, INSTRUMENTS, INDEX, BASKET, RATES, DIVIDENDS);
        Files.delete(directory.resolve("rates.csv"));
        assertError("rates.csv: file not found in " + directory);
    }

    @Test
    void picksTheTickTableInForceOnTheTradingDate() throws IOException
    {
        write(TICKS, INSTRUMENTS, INDEX, BASKET);
        final ReferenceData current = ReferenceDataLoader.load(directory, LocalDate.of(2026, 11, 23));
        assertEquals(p("1"), current.instrument("AAA").tickTable().tickAt(p("1987")));
        assertEquals(LocalDate.of(2023, 1, 25), current.instrument("AAA").tickTable().effectiveFrom());

        final String oldInstruments = INSTRUMENTS.replace("1987", "1985");
        write(TICKS, oldInstruments, INDEX, BASKET);
        final ReferenceData old = ReferenceDataLoader.load(directory, LocalDate.of(2022, 6, 1));
        assertEquals(p("5"), old.instrument("AAA").tickTable().tickAt(p("1985")));
    }

    @Test
    void reportsFileLineFieldAndReason() throws IOException
    {
        write(TICKS, INSTRUMENTS.replace("1987", "19x7"), INDEX, BASKET);
        assertError("instruments.csv:3: field prevClose: not a price: not a decimal: '19x7'");

        write(TICKS, INSTRUMENTS.replace("1987", "1987.5"), INDEX, BASKET);
        assertError("instruments.csv:3: field prevClose: 1987.5 is not a positive price on the KRX tick grid");

        write(TICKS, INSTRUMENTS.replace("BBB,STOCK", "BBB,BOND"), INDEX, BASKET);
        assertError("instruments.csv:4: field kind: must be STOCK or FUTURE: 'BOND'");

        write(TICKS, INSTRUMENTS.replace("AAA,STOCK,KRW,1,KRX", "AAA,STOCK,KRW,0,KRX"), INDEX, BASKET);
        assertError("instruments.csv:3: field lot: must be positive: 0");

        write(TICKS, INSTRUMENTS.replace(",KRX,", ",NYSE,"), INDEX, BASKET);
        assertError("instruments.csv:3: field tickTable: no tick table 'NYSE' in tick-tables.csv effective on " +
            "or before the trading date");

        write(TICKS, INSTRUMENTS, INDEX, BASKET + "CCC,1,1.0,1.0\n");
        assertError("basket.csv:4: field symbol: unknown instrument CCC (not in instruments.csv)");

        write(TICKS, INSTRUMENTS, INDEX, BASKET.replace("0.5", "1.5"));
        assertError("basket.csv:2: field floatFactor: must be in (0, 1]: 1.5");

        write(TICKS, INSTRUMENTS, INDEX.replace("TEST,FUT", "TEST,AAA"), BASKET);
        assertError("index.csv:2: field future: AAA is a STOCK, not a FUTURE");

        write(TICKS, INSTRUMENTS.replace("lastTradingDay", "expiry"), INDEX, BASKET);
        assertError("instruments.csv:1: field lastTradingDay: missing column in header");

        write(TICKS + "KRX,2023-01-25,2003,5\n", INSTRUMENTS, INDEX, BASKET);
        assertError("tick-tables.csv:4: tick table KRX: band start 2003 is not on the grid of the band below " +
            "(version effective 2023-01-25)");

        write(TICKS + "KRX,2023-01-25,2000,10\n", INSTRUMENTS, INDEX, BASKET);
        assertError("tick-tables.csv:7: field fromPrice: duplicate band 2000 of table KRX effective 2023-01-25 " +
            "(also line 5)");
    }

    @Test
    void reportsMissingFile() throws IOException
    {
        write(TICKS, INSTRUMENTS, INDEX, BASKET);
        Files.delete(directory.resolve("basket.csv"));
        assertError("basket.csv: file not found in " + directory);
    }

    private void assertError(final String message)
    {
        final ReferenceDataException ex = assertThrows(ReferenceDataException.class,
            () -> ReferenceDataLoader.load(directory, LocalDate.of(2026, 11, 23)));
        assertEquals(message, ex.getMessage());
    }

    private void write(final String ticks, final String instruments, final String index, final String basket)
        throws IOException
    {
        write(ticks, instruments, index, basket, RATES, DIVIDENDS);
    }

    private void write(
        final String ticks,
        final String instruments,
        final String index,
        final String basket,
        final String rates,
        final String dividends) throws IOException
    {
        Files.writeString(directory.resolve("tick-tables.csv"), ticks);
        Files.writeString(directory.resolve("instruments.csv"), instruments);
        Files.writeString(directory.resolve("index.csv"), index);
        Files.writeString(directory.resolve("basket.csv"), basket);
        Files.writeString(directory.resolve("rates.csv"), rates);
        Files.writeString(directory.resolve("dividends.csv"), dividends);
    }
}
