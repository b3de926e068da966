package io.basis.engine.refdata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * How an index future's quarterly contracts expire: the rule that fixes each contract's last trading day, final
 * settlement date and settlement style. The engine trades the front contract: the first whose last trading day is
 * on or after the trading date. Its position is unwound on that day and the next business day the next contract is
 * the front one, so the engine never holds two contracts (the founding study's cycle: from the business day after
 * one expiry to the close of the next).
 */
public enum ContractRule
{
    /**
     * KOSPI200 futures: March, June, September, December; the second Thursday (the business day before if that is
     * a holiday); cash-settled the next business day at the closing-auction index.
     */
    KRX_QUARTERLY(DayOfWeek.THURSDAY, 2, 1, SettlementStyle.CLOSING_AUCTION),

    /**
     * E-mini S&amp;P 500 futures: March, June, September, December; the third Friday (the business day before if
     * a holiday); settled that day at the Special Opening Quotation.
     */
    CME_QUARTERLY(DayOfWeek.FRIDAY, 3, 0, SettlementStyle.OPENING_QUOTATION);

    private final DayOfWeek day;
    private final int ordinal;
    private final int settlementLagDays;
    private final SettlementStyle style;

    ContractRule(final DayOfWeek day, final int ordinal, final int settlementLagDays, final SettlementStyle style)
    {
        this.day = day;
        this.ordinal = ordinal;
        this.settlementLagDays = settlementLagDays;
        this.style = style;
    }

    /**
     * @param month    a contract month (March, June, September or December).
     * @param calendar the exchange's business days.
     * @return that contract's last trading day.
     */
    public LocalDate lastTradingDay(final YearMonth month, final TradingCalendar calendar)
    {
        return calendar.onOrBefore(month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day)));
    }

    /**
     * @param month    a contract month.
     * @param calendar the exchange's business days.
     * @return that contract's final settlement date.
     */
    public LocalDate finalSettlement(final YearMonth month, final TradingCalendar calendar)
    {
        return calendar.addBusinessDays(lastTradingDay(month, calendar), settlementLagDays);
    }

    /**
     * @return how the final settlement price is set.
     */
    public SettlementStyle settlementStyle()
    {
        return style;
    }

    /**
     * @param month a month.
     * @return true if contracts of this rule expire in it.
     */
    public static boolean isContractMonth(final YearMonth month)
    {
        return month.getMonthValue() % 3 == 0;
    }

    /**
     * @param tradingDate a trading date.
     * @param calendar    the exchange's business days.
     * @return the month of the front contract on that date: the first contract month whose last trading day is on
     *         or after it.
     */
    public YearMonth frontMonth(final LocalDate tradingDate, final TradingCalendar calendar)
    {
        YearMonth month = YearMonth.from(tradingDate);
        while (!isContractMonth(month) || lastTradingDay(month, calendar).isBefore(tradingDate))
        {
            month = month.plusMonths(1);
        }
        return month;
    }
}
