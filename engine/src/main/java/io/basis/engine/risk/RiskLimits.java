package io.basis.engine.risk;

/**
 * Limits of the pre-trade checks, in currency units of the index (KRW for KOSPI200) unless said otherwise. The
 * defaults suit the sample KOSPI200-like set trading a few contracts; documented in {@code docs/configuration.md}.
 */
public final class RiskLimits
{
    /** Daily limit of stocks around the previous close, fraction (KRX: 30%). */
    public double stockDailyLimit = 0.30;
    /** Daily limit of the future around its previous close, fraction (KRX: 8/15/20% in stages). */
    public double futureDailyLimit = 0.20;
    /** Largest distance of a limit price from its reference (stock mid, or F* for the future), fraction. */
    public double collar = 0.02;
    /** Largest quantity of one order, shares or contracts. */
    public long maxOrderQuantity = 100_000;
    /** Largest notional of one order. */
    public double maxOrderNotional = 2.0e9;
    /** Largest notional of a program's basket. */
    public double maxBasketNotional = 1.0e10;
    /** Largest relative difference between a basket's notional and the intended n·M·S. */
    public double basketNotionalTolerance = 0.05;
    /** Largest position notional in one instrument. */
    public double maxInstrumentNotional = 5.0e9;
    /** Largest gross notional of positions plus open orders. */
    public double maxGrossNotional = 4.0e10;
    /** Orders allowed per throttle window. */
    public int maxOrdersPerWindow = 2_000;
    /** Cancels allowed per throttle window. */
    public int maxCancelsPerWindow = 2_000;
    /** Throttle window, nanoseconds. */
    public long throttleWindowNs = 1_000_000_000L;
    /** Window in which an identical order counts as a duplicate, nanoseconds. */
    public long duplicateWindowNs = 50_000_000L;
    /** Age beyond which a book is stale, nanoseconds. */
    public long maxBookAgeNs = 5_000_000_000L;
    /** Whether short sales are allowed at all. */
    public boolean allowShortSales = true;
    /** Loss (positive number) at which the kill switch trips. */
    public double maxLoss = 5.0e7;
    /** Fall of P&L from its peak (positive number) at which the kill switch trips. */
    public double maxDrawdown = 5.0e7;
    /** Rejects per throttle window that trip the kill switch (a reject storm). */
    public int maxRejectsPerWindow = 50;
    /** Fills per throttle window that trip the kill switch (a repeated-fill storm). */
    public int maxFillsPerWindow = 5_000;
    /** Unhedged delta of a legged program, currency, beyond which it is hedged or unwound at once. */
    public double maxUnhedgedNotional = 3.0e7;
    /** Unhedged notional of a legged program at which the whole engine is killed. */
    public double killUnhedgedNotional = 1.5e8;
    /** Time a program may stay legged before it is hedged or unwound, nanoseconds. */
    public long maxLeggedNs = 2_000_000_000L;
}
