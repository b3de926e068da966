package io.basis.simulator.refdata;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the future's cost-of-carry fair value needs beyond the basket: the money-market rate in force on the
 * trading date ({@code rates.csv}), how many business days stocks take to settle ({@code index.csv}), the
 * future's final settlement ({@code instruments.csv}) and the basket's dividends ({@code dividends.csv}).
 * The engine values the future from the same files; the simulator centres its market on that value.
 *
 * @param rate                money-market rate r, annual, simple, ACT/365.
 * @param stockSettlementDays business days from trade to stock settlement (2 for KRX, 1 for US stocks).
 * @param finalSettlement     the future's final settlement date T.
 * @param dividends           every dividend of the basket, in file order.
 * @param holidays            the exchange's holidays ({@code holidays.csv}).
 */
public record Carry(
    double rate, int stockSettlementDays, LocalDate finalSettlement, List<Dividend> dividends, Set<LocalDate> holidays)
{
    /**
     * @param rate                money-market rate.
     * @param stockSettlementDays stock settlement lag, business days.
     * @param finalSettlement     the future's final settlement.
     * @param dividends           the basket's dividends.
     * @param holidays            the exchange's holidays.
     */
    public Carry
    {
        dividends = List.copyOf(dividends);
        holidays = Set.copyOf(holidays);
    }

    /**
     * No carry at all, for hand-made markets without rates or dividends: the future's fair value is the index.
     *
     * @param tradingDate the trading date, taken as the final settlement too.
     * @return zero rate, same-day settlement, no dividends.
     */
    public static Carry none(final LocalDate tradingDate)
    {
        return new Carry(0.0, 0, tradingDate, List.of(), Set.of());
    }

    /**
     * The date stocks traded on a date settle: {@link #stockSettlementDays()} business days later (weekdays that
     * are not holidays), as the engine counts them, so that both count the same carry days.
     *
     * @param tradeDate trade date.
     * @return its stock settlement date.
     */
    public LocalDate stockSettlement(final LocalDate tradeDate)
    {
        LocalDate date = tradeDate;
        for (int remaining = stockSettlementDays; remaining > 0; )
        {
            date = date.plusDays(1);
            if (date.getDayOfWeek().getValue() <= 5 && !holidays.contains(date))
            {
                remaining--;
            }
        }
        return date;
    }
}
