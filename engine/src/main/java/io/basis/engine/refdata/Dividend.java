package io.basis.engine.refdata;

import java.time.LocalDate;

/**
 * A declared or forecast cash dividend of a constituent.
 *
 * @param instrument the stock.
 * @param perShare   dividend per share, scaled like prices.
 * @param exDate     first date the stock trades without it.
 * @param payDate    date it is paid.
 */
public record Dividend(Instrument instrument, long perShare, LocalDate exDate, LocalDate payDate)
{
}
