package io.basis.simulator.fix;

/**
 * What a session receives beyond the stock QuickFIX/J dictionary of its FIX version.
 */
public enum SessionExtensions
{
    /**
     * Only what the stock dictionary of the session's version allows, in the order it expects, so a plain
     * QuickFIX/J client with default validation accepts every message. Market data: no RptSeq on FIX 4.2 and 4.4
     * (their W and X have none), RptSeq in each NoMDEntries entry on FIX 5.0SP2; no user-defined tags.
     */
    STANDARD,

    /**
     * The Basis market-data extensions the Basis FIX gateway is built for (docs/fix-dialect.md): RptSeq(83) at
     * message level and ExchangeSendNanos(21001) on W and X, ProgramTradingSuspended(21003) on h,
     * SecurityTradingEvent(1174) on f, and on FIX 4.2 sessions the FIX 4.4 fields the exchange renders. A client
     * needs {@code ValidateUserDefinedFields=N} and {@code AllowUnknownMsgFields=Y}.
     */
    BASIS
}
