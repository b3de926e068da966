package io.basis.simulator.market;

/**
 * Parameters of the synthetic market, fluent in the style of an Aeron context: {@code new MarketParameters()}
 * holds the defaults, setters return {@code this}. Vols are per minute of simulated time because the market is
 * deliberately faster than a real one: a one-minute demo should see stocks move a few ticks.
 */
public final class MarketParameters
{
    private long seed = 42;
    private long tickMillis = 50;
    private double commonVolPerMinute = 0.003;
    private double idiosyncraticVolPerMinute = 0.002;
    private double maxDriftFraction = 0.20;
    private double mispricingStdPoints = 2.0;
    private double mispricingHalfLifeSeconds = 4.0;
    private int quoteLevels = 10;
    private double stockLevelMinContracts = 2.0;
    private double stockLevelMaxContracts = 6.0;
    private long futureLevelMinContracts = 5;
    private long futureLevelMaxContracts = 30;
    private double sizeRefreshProbability = 0.25;
    private String liquidityAccount = "LP";

    /**
     * @return random seed; the same seed gives the same fair prices and quote sizes.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @param seed random seed.
     * @return this.
     */
    public MarketParameters seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    /**
     * @return milliseconds between market ticks, also the model's time step.
     */
    public long tickMillis()
    {
        return tickMillis;
    }

    /**
     * @param tickMillis milliseconds between market ticks, positive.
     * @return this.
     */
    public MarketParameters tickMillis(final long tickMillis)
    {
        this.tickMillis = tickMillis;
        return this;
    }

    /**
     * @return volatility per minute of the factor common to all stocks (log-return std).
     */
    public double commonVolPerMinute()
    {
        return commonVolPerMinute;
    }

    /**
     * @param vol volatility per minute of the common factor.
     * @return this.
     */
    public MarketParameters commonVolPerMinute(final double vol)
    {
        this.commonVolPerMinute = vol;
        return this;
    }

    /**
     * @return volatility per minute of each stock's own noise.
     */
    public double idiosyncraticVolPerMinute()
    {
        return idiosyncraticVolPerMinute;
    }

    /**
     * @param vol volatility per minute of each stock's own noise.
     * @return this.
     */
    public MarketParameters idiosyncraticVolPerMinute(final double vol)
    {
        this.idiosyncraticVolPerMinute = vol;
        return this;
    }

    /**
     * @return how far a stock's fair price may drift from prevClose, as a fraction; keeps long runs inside the
     * daily limits.
     */
    public double maxDriftFraction()
    {
        return maxDriftFraction;
    }

    /**
     * @param fraction bound of the drift from prevClose, e.g. 0.2.
     * @return this.
     */
    public MarketParameters maxDriftFraction(final double fraction)
    {
        this.maxDriftFraction = fraction;
        return this;
    }

    /**
     * @return stationary standard deviation of the future's mispricing, in index points.
     */
    public double mispricingStdPoints()
    {
        return mispricingStdPoints;
    }

    /**
     * @param points stationary std of the mispricing.
     * @return this.
     */
    public MarketParameters mispricingStdPoints(final double points)
    {
        this.mispricingStdPoints = points;
        return this;
    }

    /**
     * @return half-life of the mispricing's mean reversion, in seconds.
     */
    public double mispricingHalfLifeSeconds()
    {
        return mispricingHalfLifeSeconds;
    }

    /**
     * @param seconds half-life, positive.
     * @return this.
     */
    public MarketParameters mispricingHalfLifeSeconds(final double seconds)
    {
        this.mispricingHalfLifeSeconds = seconds;
        return this;
    }

    /**
     * @return price levels the liquidity provider quotes per side.
     */
    public int quoteLevels()
    {
        return quoteLevels;
    }

    /**
     * @param levels levels per side, positive.
     * @return this.
     */
    public MarketParameters quoteLevels(final int levels)
    {
        this.quoteLevels = levels;
        return this;
    }

    /**
     * @return smallest stock level size in futures contracts' worth of shares.
     */
    public double stockLevelMinContracts()
    {
        return stockLevelMinContracts;
    }

    /**
     * @return largest stock level size in futures contracts' worth of shares.
     */
    public double stockLevelMaxContracts()
    {
        return stockLevelMaxContracts;
    }

    /**
     * @param min smallest level size in contracts' worth of shares.
     * @param max largest level size in contracts' worth of shares.
     * @return this.
     */
    public MarketParameters stockLevelContracts(final double min, final double max)
    {
        this.stockLevelMinContracts = min;
        this.stockLevelMaxContracts = max;
        return this;
    }

    /**
     * @return smallest future level size in contracts.
     */
    public long futureLevelMinContracts()
    {
        return futureLevelMinContracts;
    }

    /**
     * @return largest future level size in contracts.
     */
    public long futureLevelMaxContracts()
    {
        return futureLevelMaxContracts;
    }

    /**
     * @param min smallest future level size.
     * @param max largest future level size.
     * @return this.
     */
    public MarketParameters futureLevelContracts(final long min, final long max)
    {
        this.futureLevelMinContracts = min;
        this.futureLevelMaxContracts = max;
        return this;
    }

    /**
     * @return per tick and side, the probability that one level's size is redrawn (the book "breathes").
     */
    public double sizeRefreshProbability()
    {
        return sizeRefreshProbability;
    }

    /**
     * @param probability in [0, 1].
     * @return this.
     */
    public MarketParameters sizeRefreshProbability(final double probability)
    {
        this.sizeRefreshProbability = probability;
        return this;
    }

    /**
     * @return account of the internal liquidity provider.
     */
    public String liquidityAccount()
    {
        return liquidityAccount;
    }

    /**
     * @param account account name.
     * @return this.
     */
    public MarketParameters liquidityAccount(final String account)
    {
        this.liquidityAccount = account;
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid parameter.
     */
    public void validate()
    {
        require(tickMillis > 0, "tickMillis must be positive");
        require(commonVolPerMinute >= 0 && idiosyncraticVolPerMinute >= 0, "vols must not be negative");
        require(maxDriftFraction > 0 && maxDriftFraction < 1, "maxDriftFraction must be in (0, 1)");
        require(mispricingStdPoints >= 0, "mispricingStdPoints must not be negative");
        require(mispricingHalfLifeSeconds > 0, "mispricingHalfLifeSeconds must be positive");
        // Zero levels: no liquidity provider, a market where clients only meet each other.
        require(quoteLevels >= 0, "quoteLevels must not be negative");
        require(stockLevelMinContracts > 0 && stockLevelMaxContracts >= stockLevelMinContracts,
            "stock level sizes must satisfy 0 < min <= max");
        require(futureLevelMinContracts > 0 && futureLevelMaxContracts >= futureLevelMinContracts,
            "future level sizes must satisfy 0 < min <= max");
        require(sizeRefreshProbability >= 0 && sizeRefreshProbability <= 1,
            "sizeRefreshProbability must be in [0, 1]");
        require(liquidityAccount != null && !liquidityAccount.isEmpty(), "liquidityAccount must not be empty");
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
