package io.basis.simulator.refdata;

import io.basis.simulator.price.TickTable;

import java.time.LocalDate;

/**
 * A tradable instrument of the simulated exchange, one row of {@code instruments.csv}.
 *
 * @param symbol         FIX Symbol(55).
 * @param kind           stock or future.
 * @param currency       ISO currency code.
 * @param lot            order quantity must be a positive multiple of this.
 * @param tickTable      the price grid in force on the trading date.
 * @param multiplier     currency per price point (1 for stocks).
 * @param prevClose      scaled previous close: reference for daily limits and the opening market.
 * @param lastTradingDay last trading day of a future, null for stocks.
 */
public record Instrument(
    String symbol,
    InstrumentKind kind,
    String currency,
    long lot,
    TickTable tickTable,
    long multiplier,
    long prevClose,
    LocalDate lastTradingDay)
{
}
