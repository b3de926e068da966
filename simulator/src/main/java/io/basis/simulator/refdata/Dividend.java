package io.basis.simulator.refdata;

import java.time.LocalDate;

/**
 * A cash dividend of a basket stock, one row of {@code dividends.csv}.
 *
 * @param instrument the stock paying it.
 * @param perShare   scaled amount per share, in the stock's currency.
 * @param exDate     first date the stock trades without it: it leaves the index that day.
 * @param payDate    date it is paid, not before the ex-date.
 */
public record Dividend(Instrument instrument, long perShare, LocalDate exDate, LocalDate payDate)
{
}
