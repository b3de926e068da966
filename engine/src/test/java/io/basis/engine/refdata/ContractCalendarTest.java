package io.basis.engine.refdata;

import io.basis.engine.TestReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ContractCalendarTest
{
    private static final String INSTRUMENTS_HEADER =
        "symbol,kind,currency,lot,tickTable,multiplier,prevClose,lastTradingDay,finalSettlement,settlementStyle\n";
    private static final String STOCKS = "A,STOCK,KRW,1,STK,1,100,,,\nB,STOCK,KRW,1,STK,1,200,,,\n";

    @TempDir
    Path dir;

    @Test
    void kospiContractsExpireOnTheSecondThursdayAndSettleTheNextBusinessDay()
    {
        final TradingCalendar weekdays = TradingCalendar.weekendsOnly();

        assertEquals(LocalDate.of(2026, 12, 10), ContractRule.KRX_QUARTERLY.lastTradingDay(YearMonth.of(2026, 12), weekdays));
        assertEquals(LocalDate.of(2026, 12, 11), ContractRule.KRX_QUARTERLY.finalSettlement(YearMonth.of(2026, 12), weekdays));
        assertEquals(LocalDate.of(2027, 3, 11), ContractRule.KRX_QUARTERLY.lastTradingDay(YearMonth.of(2027, 3), weekdays));
        assertEquals(SettlementStyle.CLOSING_AUCTION, ContractRule.KRX_QUARTERLY.settlementStyle());
    }

    @Test
    void aHolidayOnTheExpiryThursdayMovesItToTheBusinessDayBeforeAndSettlementPastTheHoliday()
    {
        final TradingCalendar calendar = new TradingCalendar(Set.of(LocalDate.of(2027, 3, 11), LocalDate.of(2027, 3, 12)));

        assertEquals(LocalDate.of(2027, 3, 10), ContractRule.KRX_QUARTERLY.lastTradingDay(YearMonth.of(2027, 3), calendar));
        assertEquals(LocalDate.of(2027, 3, 15), ContractRule.KRX_QUARTERLY.finalSettlement(YearMonth.of(2027, 3), calendar));
    }

    @Test
    void eminiContractsExpireAndSettleOnTheThirdFridayAtTheOpening()
    {
        final TradingCalendar weekdays = TradingCalendar.weekendsOnly();

        assertEquals(LocalDate.of(2026, 12, 18), ContractRule.CME_QUARTERLY.lastTradingDay(YearMonth.of(2026, 12), weekdays));
        assertEquals(LocalDate.of(2026, 12, 18), ContractRule.CME_QUARTERLY.finalSettlement(YearMonth.of(2026, 12), weekdays));
        assertEquals(SettlementStyle.OPENING_QUOTATION, ContractRule.CME_QUARTERLY.settlementStyle());
    }

    @Test
    void theFrontContractRollsTheBusinessDayAfterTheLastTradingDay()
    {
        final TradingCalendar weekdays = TradingCalendar.weekendsOnly();

        assertEquals(YearMonth.of(2026, 12), ContractRule.KRX_QUARTERLY.frontMonth(LocalDate.of(2026, 9, 11), weekdays));
        assertEquals(YearMonth.of(2026, 12), ContractRule.KRX_QUARTERLY.frontMonth(LocalDate.of(2026, 12, 10), weekdays));
        assertEquals(YearMonth.of(2027, 3), ContractRule.KRX_QUARTERLY.frontMonth(LocalDate.of(2026, 12, 11), weekdays));
    }

    @Test
    void settlementCountsBusinessDaysPastHolidays() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("holidays.csv"), "date,name\n2026-11-25,a holiday\n");

        final ReferenceData data = ReferenceData.load(dir, LocalDate.of(2026, 11, 23));

        assertEquals(LocalDate.of(2026, 11, 26), data.stockSettlement(LocalDate.of(2026, 11, 23)));
    }

    @Test
    void aFrontFutureIsTheFirstWhoseLastTradingDayHasNotPassed() throws IOException
    {
        twoContracts("FRONT,KRX_QUARTERLY");

        final ReferenceData december = ReferenceData.load(dir, LocalDate.of(2026, 12, 10));
        final ReferenceData march = ReferenceData.load(dir, LocalDate.of(2026, 12, 11));

        assertEquals("FUTZ6", december.future().symbol());
        assertTrue(december.isExpiryDay());
        assertEquals("FUTH7", march.future().symbol());
        assertEquals(LocalDate.of(2027, 3, 12), march.finalSettlement());
        assertEquals(december.future().id() + 1, march.future().id(), "every contract keeps its instrument id");
    }

    @Test
    void refusesAFutureWhoseExpiryIsOffTheContractRule() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("instruments.csv"), INSTRUMENTS_HEADER +
            "FUT,FUTURE,KRW,1,FUT,100,20.00,2026-12-11,2026-12-14,CLOSING_AUCTION\n" + STOCKS);
        Files.writeString(dir.resolve("index.csv"), "index,future,divisor,stockSettlementDays,contractRule\n" +
            "TWO,FUT,10000,2,KRX_QUARTERLY\n");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, TestReferenceData.TRADE_DATE));

        assertTrue(error.getMessage().contains("instruments.csv:2 field 'lastTradingDay': not a KRX_QUARTERLY " +
            "last trading day (that month's is 2026-12-10)"), error.getMessage());
    }

    @Test
    void refusesAFrontFutureWhenEveryContractHasExpired() throws IOException
    {
        twoContracts("FRONT,");

        final ReferenceDataException error = assertThrows(
            ReferenceDataException.class, () -> ReferenceData.load(dir, LocalDate.of(2027, 3, 12)));

        assertTrue(error.getMessage().contains("index.csv:2 field 'future': FRONT: no FUTURE in instruments.csv " +
            "trades on or after 2027-03-12"), error.getMessage());
    }

    @Test
    void theBasketIsTheCompositionInForceOnTheTradingDate() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("basket.csv"), "effectiveFrom,symbol,indexShares,floatFactor,capFactor\n" +
            "2026-01-01,A,1000,1.0,1.0\n2026-01-01,B,500,1.0,1.0\n2026-12-11,A,1200,1.0,1.0\n");

        assertEquals(2, ReferenceData.load(dir, LocalDate.of(2026, 12, 10)).constituents().size());
        final ReferenceData afterReview = ReferenceData.load(dir, LocalDate.of(2026, 12, 11));
        assertEquals(1, afterReview.constituents().size());
        assertEquals(1200, afterReview.constituents().get(0).indexShares());
    }

    private void twoContracts(final String futureAndRule) throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        Files.writeString(dir.resolve("instruments.csv"), INSTRUMENTS_HEADER +
            "FUTZ6,FUTURE,KRW,1,FUT,100,20.00,2026-12-10,2026-12-11,CLOSING_AUCTION\n" +
            "FUTH7,FUTURE,KRW,1,FUT,100,20.00,2027-03-11,2027-03-12,CLOSING_AUCTION\n" + STOCKS);
        Files.writeString(dir.resolve("index.csv"), "index,future,divisor,stockSettlementDays,contractRule\n" +
            "TWO," + futureAndRule.split(",", -1)[0] + ",10000,2," + futureAndRule.split(",", -1)[1] + "\n");
    }
}
