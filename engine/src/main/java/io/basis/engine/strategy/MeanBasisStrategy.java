package io.basis.engine.strategy;

import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.StrategyStateDecoder;
import io.basis.engine.snapshot.sbe.StrategyStateEncoder;
import io.basis.engine.order.ProgramDirection;
import io.basis.engine.pricing.ModelState;
import io.basis.engine.pricing.ValuationView;
import io.basis.engine.refdata.Costs;

/**
 * The founding paper's strategy, priced from what can really be traded. It keeps rolling statistics of the
 * market basis {@code B = F − S} (or of the mispricing {@code F − F*}, see {@link BasisMeasure}) over a window of
 * samples taken at a fixed interval: the mean of the contango samples (B &gt; 0) and of the backwardation samples
 * (B &lt; 0). The window is as long as configured (a minute or several days of samples); levels fitted elsewhere
 * (on prior expiry cycles, by a walk-forward backtest) can replace both means. Then:
 * <ul>
 *   <li>enter cash-and-carry when the executable basis {@code F_bid,exec − S_ask,exec} is at or above the contango
 *   mean and the future clears the upper no-arbitrage bound;</li>
 *   <li>exit a cash-and-carry position with reverse trades when the executable reverse basis plus the costs of
 *   getting out has fallen to the backwardation mean;</li>
 *   <li>symmetrically, enter reverse (short basket, where borrow exists) when the executable reverse basis is at or
 *   below the backwardation mean and the future clears the lower bound, and exit when the basis, net of exit
 *   costs, has risen back to the contango mean.</li>
 * </ul>
 * What is left at expiry is unwound by the engine in the way the contract settles. With estimated means no decision
 * is made until a tenth of the window has been sampled. Garbage-free.
 */
public final class MeanBasisStrategy implements Strategy
{
    private final double[] samples;
    private final long sampleIntervalNs;
    private final int maxNetPrograms;
    private final double threshold;
    private final int minSamples;
    private final BasisMeasure measure;
    private final double fixedEntryLevel;
    private final double fixedExitLevel;
    private int next;
    private int count;
    private long lastSampleNs;
    private double contangoSum;
    private int contangoCount;
    private double backwardationSum;
    private int backwardationCount;

    /**
     * @param window           samples in the rolling window.
     * @param sampleIntervalNs interval between samples.
     * @param maxNetPrograms   largest net position, in programs, either way.
     * @param threshold        edge beyond a bound required to enter, index points.
     */
    public MeanBasisStrategy(
        final int window, final long sampleIntervalNs, final int maxNetPrograms, final double threshold)
    {
        this(window, sampleIntervalNs, maxNetPrograms, threshold, BasisMeasure.RAW, Double.NaN, Double.NaN);
    }

    /**
     * @param window           samples in the rolling window.
     * @param sampleIntervalNs interval between samples.
     * @param maxNetPrograms   largest net position, in programs, either way.
     * @param threshold        edge beyond a bound required to enter, index points.
     * @param measure          what is sampled and compared with the levels.
     * @param entryLevel       fixed contango level (index points, in the measure) instead of the rolling mean, or NaN.
     * @param exitLevel        fixed backwardation level instead of the rolling mean, or NaN; both or neither.
     */
    public MeanBasisStrategy(
        final int window,
        final long sampleIntervalNs,
        final int maxNetPrograms,
        final double threshold,
        final BasisMeasure measure,
        final double entryLevel,
        final double exitLevel)
    {
        if (window < 10 || sampleIntervalNs <= 0 || maxNetPrograms < 0 || !(threshold >= 0))
        {
            throw new IllegalArgumentException("window >= 10, positive interval, non-negative limits required");
        }
        if (Double.isNaN(entryLevel) != Double.isNaN(exitLevel) || entryLevel < exitLevel)
        {
            throw new IllegalArgumentException("fixed levels come in pairs, the entry (contango) level at or above " +
                "the exit (backwardation) level: entry " + entryLevel + ", exit " + exitLevel);
        }
        this.measure = measure;
        this.fixedEntryLevel = entryLevel;
        this.fixedExitLevel = exitLevel;
        this.samples = new double[window];
        this.sampleIntervalNs = sampleIntervalNs;
        this.maxNetPrograms = maxNetPrograms;
        this.threshold = threshold;
        this.minSamples = window / 10;
    }

    @Override
    public ProgramDirection decide(final ValuationView valuation, final long heldPrograms, final long nowNs)
    {
        if (valuation.modelState() != ModelState.VALID)
        {
            return null;
        }
        final double offset = measure.offset(valuation);
        final boolean fixed = !Double.isNaN(fixedEntryLevel);
        if (!fixed && (count == 0 || nowNs - lastSampleNs >= sampleIntervalNs))
        {
            lastSampleNs = nowNs;
            sample(valuation.futureMid() - valuation.indexMid() - offset);
        }
        if (!fixed && count < minSamples)
        {
            return null;
        }
        final double contangoMean = fixed ? fixedEntryLevel : contangoMean();
        final double backwardationMean = fixed ? fixedExitLevel : backwardationMean();
        final double cashAndCarryBasis = valuation.execBasisCashAndCarry() - offset;
        final double reverseBasis = valuation.execBasisReverse() - offset;

        if (heldPrograms > 0 && reverseBasis + exitCostSelling(valuation) <= backwardationMean)
        {
            return ProgramDirection.REVERSE;
        }
        if (heldPrograms < 0 && cashAndCarryBasis - exitCostBuying(valuation) >= contangoMean)
        {
            return ProgramDirection.CASH_AND_CARRY;
        }
        if (heldPrograms < maxNetPrograms && heldPrograms >= 0 && cashAndCarryBasis >= contangoMean &&
            valuation.edgeCashAndCarry() > threshold)
        {
            return ProgramDirection.CASH_AND_CARRY;
        }
        if (heldPrograms > -maxNetPrograms && heldPrograms <= 0 && reverseBasis <= backwardationMean &&
            valuation.edgeReverse() > threshold)
        {
            return ProgramDirection.REVERSE;
        }
        return null;
    }

    /**
     * What leaving a cash-and-carry early costs beyond the executable prices: the basket is sold today, so its sell
     * tax is today's rate (the bounds' {@code costs()}, not the expiry day's), plus one futures execution.
     */
    private static double exitCostSelling(final ValuationView valuation)
    {
        final Costs today = valuation.bounds().costs();
        return valuation.indexMid() * (today.stockCommission() + today.sellTax() + today.impactOut()) +
            valuation.futureMid() * today.futuresCommission() + today.futuresSlippage();
    }

    /**
     * What leaving a reverse trade early costs: the basket is bought back today at today's buy tax, with the
     * impact of leaving ({@code m_out}, as {@link Costs} defines it, though this leg buys), plus one futures
     * execution.
     */
    private static double exitCostBuying(final ValuationView valuation)
    {
        final Costs today = valuation.bounds().costs();
        return valuation.indexMid() * (today.stockCommission() + today.buyTax() + today.impactOut()) +
            valuation.futureMid() * today.futuresCommission() + today.futuresSlippage();
    }

    private void sample(final double basis)
    {
        if (count == samples.length)
        {
            remove(samples[next]);
        }
        else
        {
            count++;
        }
        samples[next] = basis;
        next = (next + 1) % samples.length;
        if (basis > 0)
        {
            contangoSum += basis;
            contangoCount++;
        }
        else if (basis < 0)
        {
            backwardationSum += basis;
            backwardationCount++;
        }
    }

    private void remove(final double basis)
    {
        if (basis > 0)
        {
            contangoSum -= basis;
            contangoCount--;
        }
        else if (basis < 0)
        {
            backwardationSum -= basis;
            backwardationCount--;
        }
    }

    /**
     * @return the mean of the contango samples in the window, or 0 if there are none.
     */
    public double contangoMean()
    {
        return contangoCount == 0 ? 0.0 : contangoSum / contangoCount;
    }

    /**
     * @return the mean of the backwardation samples in the window, or 0 if there are none.
     */
    public double backwardationMean()
    {
        return backwardationCount == 0 ? 0.0 : backwardationSum / backwardationCount;
    }

    /**
     * @return what the strategy measures.
     */
    public BasisMeasure measure()
    {
        return measure;
    }

    /**
     * @return the level at or above which a cash-and-carry is entered: the fixed one or the rolling contango mean.
     */
    public double entryLevel()
    {
        return Double.isNaN(fixedEntryLevel) ? contangoMean() : fixedEntryLevel;
    }

    /**
     * @return the level at or below which a cash-and-carry is left: the fixed one or the rolling backwardation mean.
     */
    public double exitLevel()
    {
        return Double.isNaN(fixedExitLevel) ? backwardationMean() : fixedExitLevel;
    }

    /**
     * @return samples in the window.
     */
    public int sampleCount()
    {
        return count;
    }

    @Override
    public void snapshotTo(final SnapshotWriter writer, final StrategyStateEncoder encoder)
    {
        final StrategyStateEncoder.SamplesEncoder rows = writer.begin(encoder)
            .next(next)
            .count(count)
            .lastSampleNs(lastSampleNs)
            .contangoSum(contangoSum)
            .contangoCount(contangoCount)
            .backwardationSum(backwardationSum)
            .backwardationCount(backwardationCount)
            .samplesCount(samples.length);
        for (final double sample : samples)
        {
            rows.next().value(sample);
        }
    }

    @Override
    public void restoreFrom(final SnapshotReader reader, final StrategyStateDecoder decoder)
    {
        reader.next(decoder);
        next = decoder.next();
        count = decoder.count();
        lastSampleNs = decoder.lastSampleNs();
        contangoSum = decoder.contangoSum();
        contangoCount = decoder.contangoCount();
        backwardationSum = decoder.backwardationSum();
        backwardationCount = decoder.backwardationCount();
        final StrategyStateDecoder.SamplesDecoder rows = decoder.samples();
        if (rows.count() != samples.length || next < 0 || next >= samples.length)
        {
            throw new SnapshotException("a basis window of " + rows.count() + " samples, the engine's has " +
                samples.length + " (--basis-window)");
        }
        for (int i = 0; i < samples.length; i++)
        {
            samples[i] = rows.next().value();
        }
    }
}
