package io.basis.simulator.fault;

import java.util.Objects;

/**
 * Which execution reports a report fault applies to: those of one account, or of one symbol.
 *
 * @param byAccount true to select by Account(1), false by Symbol(55).
 * @param value     the account or symbol.
 */
public record ReportSelector(boolean byAccount, String value)
{
    /**
     * @throws NullPointerException if value is null.
     */
    public ReportSelector
    {
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param account an account.
     * @return a selector of the account's reports.
     */
    public static ReportSelector account(final String account)
    {
        return new ReportSelector(true, account);
    }

    /**
     * @param symbol a symbol.
     * @return a selector of the symbol's reports.
     */
    public static ReportSelector symbol(final String symbol)
    {
        return new ReportSelector(false, symbol);
    }

    /**
     * @param account Account(1) of a report, may be null.
     * @param symbol  Symbol(55) of a report, may be null.
     * @return true if the report is selected.
     */
    public boolean matches(final String account, final String symbol)
    {
        return value.equals(byAccount ? account : symbol);
    }

    @Override
    public String toString()
    {
        return (byAccount ? "account " : "symbol ") + value;
    }
}
