package io.basis.simulator.market;

import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Constituent;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.InstrumentKind;
import io.basis.simulator.refdata.ReferenceData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Fair prices of the synthetic market.
 * <p>
 * Each stock's log price moves every tick by a common factor shock plus its own noise, bounded to a band around
 * prevClose. The index is S = sum(N*f*c*P) / divisor over the basket's fair prices; the future's theoretical
 * value is the engine's cost-of-carry fair value F* = S*(1 + r*tau) - D_FV from the same reference data
 * ({@link FairValue}), and its fair price F* plus an Ornstein-Uhlenbeck mispricing.
 */
public final class FairValueModel
{
    private final ReferenceData referenceData;
    private final RandomGenerator random;
    private final Instrument[] stocks;
    private final double[] logPrices;
    private final double[] minLogPrices;
    private final double[] maxLogPrices;
    private final Map<String, Integer> stockIndex = new HashMap<>();
    private final int[] basketIndex;
    private final double[] basketShares;
    private final double commonStd;
    private final double idiosyncraticStd;
    private final FairValue fairValue;
    private final MispricingProcess mispricing;
    private double indexLevel;

    /**
     * @param referenceData instruments, index and basket.
     * @param parameters    model parameters.
     * @param random        source of all randomness; a seeded generator makes the path reproducible.
     */
    public FairValueModel(
        final ReferenceData referenceData, final MarketParameters parameters, final RandomGenerator random)
    {
        this.referenceData = referenceData;
        this.random = random;
        this.stocks = referenceData.instruments().stream()
            .filter(i -> i.kind() == InstrumentKind.STOCK)
            .toArray(Instrument[]::new);
        this.logPrices = new double[stocks.length];
        this.minLogPrices = new double[stocks.length];
        this.maxLogPrices = new double[stocks.length];
        final double drift = Math.log(1.0 + parameters.maxDriftFraction());
        for (int i = 0; i < stocks.length; i++)
        {
            stockIndex.put(stocks[i].symbol(), i);
            logPrices[i] = Math.log(FixedPoint.toDouble(stocks[i].prevClose()));
            minLogPrices[i] = logPrices[i] - drift;
            maxLogPrices[i] = logPrices[i] + drift;
        }

        final List<Constituent> basket = referenceData.basket();
        this.basketIndex = new int[basket.size()];
        this.basketShares = new double[basket.size()];
        for (int k = 0; k < basket.size(); k++)
        {
            basketIndex[k] = stockIndex.get(basket.get(k).instrument().symbol());
            basketShares[k] = basket.get(k).effectiveShares();
        }

        final double stepMinutes = parameters.tickMillis() / 60_000.0;
        this.commonStd = parameters.commonVolPerMinute() * Math.sqrt(stepMinutes);
        this.idiosyncraticStd = parameters.idiosyncraticVolPerMinute() * Math.sqrt(stepMinutes);
        this.fairValue = FairValue.of(referenceData);
        this.mispricing = new MispricingProcess(parameters.mispricingStdPoints(),
            parameters.mispricingHalfLifeSeconds(), parameters.tickMillis() / 1000.0, random);
        this.indexLevel = computeIndex();
    }

    /**
     * Advance one market tick.
     */
    public void step()
    {
        final double common = commonStd * random.nextGaussian();
        for (int i = 0; i < stocks.length; i++)
        {
            final double next = logPrices[i] + common + idiosyncraticStd * random.nextGaussian();
            logPrices[i] = Math.max(minLogPrices[i], Math.min(maxLogPrices[i], next));
        }
        mispricing.step();
        indexLevel = computeIndex();
    }

    /**
     * @param instrument a listed instrument.
     * @return its fair price (unrounded, in currency units or index points).
     */
    public double fairPrice(final Instrument instrument)
    {
        if (instrument.kind() == InstrumentKind.FUTURE)
        {
            return futureFairPrice();
        }
        return Math.exp(logPrices[stockIndex.get(instrument.symbol())]);
    }

    /**
     * @return the cash index S in points.
     */
    public double indexLevel()
    {
        return indexLevel;
    }

    /**
     * @return the future's theoretical value F* = S*(1 + r*tau) - D_FV.
     */
    public double theoreticalFuturePrice()
    {
        return fairValue.fairValue(indexLevel);
    }

    /**
     * @return the fair value model the mispricing is centred on.
     */
    public FairValue fairValue()
    {
        return fairValue;
    }

    /**
     * @return the future's current mispricing F - F*, in index points.
     */
    public double mispricing()
    {
        return mispricing.value();
    }

    /**
     * @return the future's fair price F* + mispricing.
     */
    public double futureFairPrice()
    {
        return theoreticalFuturePrice() + mispricing.value();
    }

    /**
     * @return the reference data the model prices.
     */
    public ReferenceData referenceData()
    {
        return referenceData;
    }

    private double computeIndex()
    {
        double sum = 0;
        for (int k = 0; k < basketIndex.length; k++)
        {
            sum += basketShares[k] * Math.exp(logPrices[basketIndex[k]]);
        }
        return sum / referenceData.index().divisor();
    }
}
