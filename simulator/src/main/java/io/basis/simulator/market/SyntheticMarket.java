package io.basis.simulator.market;

import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.ReferenceData;

import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The synthetic market: a {@link FairValueModel} moved one step per market tick and a {@link LiquidityProvider}
 * requoting every instrument around the new fair prices.
 * <p>
 * Deterministic for a seed: the model and the provider draw from two independent streams split from the seed,
 * and neither draws depending on client activity, so the same seed gives the same fair prices and quote sizes.
 */
public final class SyntheticMarket implements MarketSource
{
    private final ReferenceData referenceData;
    private final FairValueModel model;
    private final LiquidityProvider liquidityProvider;
    private Predicate<Instrument> quotable = instrument -> true;
    private long ticks;

    /**
     * @param referenceData instruments, index and basket.
     * @param parameters    model and quoting parameters, validated here.
     * @param engine        where the liquidity provider's orders go.
     */
    public SyntheticMarket(
        final ReferenceData referenceData, final MarketParameters parameters, final MatchingEngine engine)
    {
        parameters.validate();
        this.referenceData = referenceData;
        final SplittableRandom root = new SplittableRandom(parameters.seed());
        this.model = new FairValueModel(referenceData, parameters, root.split());
        this.liquidityProvider = new LiquidityProvider(referenceData, parameters, engine, root.split());
    }

    /**
     * @param gate which instruments the liquidity provider may quote now (not halted, market open); the fair
     *             prices move regardless, so a halted instrument reopens where the market has gone.
     */
    @Override
    public void quotable(final Predicate<Instrument> gate)
    {
        this.quotable = gate;
    }

    /**
     * Place the opening quotes at the opening fair prices, without moving the market.
     */
    @Override
    public void open()
    {
        requoteAll();
    }

    /**
     * One market tick: move fair prices, then requote every instrument.
     */
    @Override
    public void tick()
    {
        model.step();
        ticks++;
        requoteAll();
    }

    /**
     * @return market ticks so far.
     */
    public long ticks()
    {
        return ticks;
    }

    /**
     * @return the fair value model.
     */
    public FairValueModel model()
    {
        return model;
    }

    /**
     * @return the liquidity provider.
     */
    public LiquidityProvider liquidityProvider()
    {
        return liquidityProvider;
    }

    private void requoteAll()
    {
        for (final Instrument instrument : referenceData.instruments())
        {
            if (quotable.test(instrument))
            {
                liquidityProvider.requote(instrument, model.fairPrice(instrument));
            }
        }
    }
}
