package io.basis.backtest;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A backtest's trading day in virtual time: continuous trading from 09:00 to 15:20, then a ten-minute closing
 * auction (KRX hours; the clock is labelled UTC, it is the exchange's local time).
 */
final class Session
{
    static final long SECOND_NS = 1_000_000_000L;
    static final long CONTINUOUS_NS = (6 * 3600 + 20 * 60) * SECOND_NS;
    static final long CLOSING_AUCTION_NS = 10 * 60 * SECOND_NS;

    private Session()
    {
    }

    /**
     * @param date a trading date.
     * @return its 09:00 open, nanoseconds since the epoch.
     */
    static long openNs(final LocalDate date)
    {
        return date.atTime(9, 0).toEpochSecond(ZoneOffset.UTC) * SECOND_NS;
    }

    /**
     * @param date a trading date.
     * @return its 15:20 end of continuous trading.
     */
    static long closeNs(final LocalDate date)
    {
        return openNs(date) + CONTINUOUS_NS;
    }
}
