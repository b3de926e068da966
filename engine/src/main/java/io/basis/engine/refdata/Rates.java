package io.basis.engine.refdata;

/**
 * Interest rates in force on the trading date, annual, simple, ACT/365.
 *
 * @param rate       money-market rate r: carries the index to the future's fair value and dividends to settlement.
 * @param borrowRate the desk's borrowing rate r_b: finances a bought basket (cash-and-carry).
 * @param lendRate   the desk's lending rate r_l: earned on the proceeds of a sold basket (reverse).
 */
public record Rates(double rate, double borrowRate, double lendRate)
{
}
