package io.basis.simulator.matching;

/**
 * Exchange rules that are data, not code: daily price limits per kind and self-trade prevention.
 *
 * @param stockDailyLimitBps  daily limit of stocks around prevClose in basis points (KRX: 3000 = 30%).
 * @param futureDailyLimitBps daily limit of futures around prevClose in basis points (1500 = 15%).
 * @param selfTradePrevention when true an incoming order that would trade with a resting order of its own
 *                            account has its remainder canceled instead.
 */
public record MatchingRules(int stockDailyLimitBps, int futureDailyLimitBps, boolean selfTradePrevention)
{
    /** KRX-like defaults: stocks +-30%, futures +-15%, self-trade prevention on. */
    public static final MatchingRules KRX = new MatchingRules(3000, 1500, true);

    /**
     * @throws IllegalArgumentException if a limit is not in (0, 10000).
     */
    public MatchingRules
    {
        if (stockDailyLimitBps <= 0 || stockDailyLimitBps >= 10_000 ||
            futureDailyLimitBps <= 0 || futureDailyLimitBps >= 10_000)
        {
            throw new IllegalArgumentException("daily limits must be in (0, 10000) basis points");
        }
    }
}
