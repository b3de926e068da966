package io.basis.engine.pricing;

import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.ValuationStateDecoder;
import io.basis.engine.snapshot.sbe.ValuationStateEncoder;
import io.basis.engine.book.OrderBook;
import io.basis.engine.refdata.Costs;
import io.basis.engine.refdata.ReferenceData;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The whole valuation at every tick: executable basket and future levels ({@link BasketValuation}, incremental),
 * fair value ({@link FairValue}), the no-arbitrage bounds ({@link NoArbitrageBounds}) and the model-input checks.
 * Single-threaded, garbage-free.
 */
public final class Valuation implements ValuationView
{
    private final BasketValuation basket;
    private final FairValue fairValue;
    private final NoArbitrageBounds bounds;
    private final ModelLimits limits;
    private final ModelState staticState;
    private ModelState state = ModelState.BOOKS_INCOMPLETE;
    private boolean borrowNeeded = true;
    private double fair;

    /**
     * @param referenceData index, rates, costs (those of its trading date) and dividends.
     * @param contracts     contracts n per program.
     * @param fairValue     fair value model (with its dividends).
     * @param yearFraction  τ; negative after the last trading day, when the valuation reports
     *                      {@link ModelState#EXPIRED}.
     * @param limits        bands of plausible inputs.
     * @param expiryCosts   costs in force when a basket held to expiry is unwound (the future's last trading day):
     *                      its sale (cash-and-carry) or purchase (reverse) is taxed at that day's rate.
     */
    public Valuation(
        final ReferenceData referenceData,
        final long contracts,
        final FairValue fairValue,
        final double yearFraction,
        final ModelLimits limits,
        final Costs expiryCosts)
    {
        this.basket = new BasketValuation(referenceData, contracts);
        this.fairValue = fairValue;
        this.limits = limits;
        this.bounds = new NoArbitrageBounds(
            referenceData.costs(), expiryCosts, referenceData.rates(), yearFraction, fairValue.dividendsFutureValue());
        staticState = checkInputs(referenceData, yearFraction, limits, fairValue);
    }

    /**
     * Build the valuation for a trading date from reference data alone. The basket of a program held to expiry is
     * unwound on the future's last trading day (or today, if that is past), and taxed at that day's rates.
     *
     * @param referenceData index, rates, costs and dividends.
     * @param tradeDate     trading date.
     * @param contracts     contracts per program.
     * @param limits        bands of plausible inputs.
     * @return the valuation.
     */
    public static Valuation forTradeDate(
        final ReferenceData referenceData,
        final LocalDate tradeDate,
        final long contracts,
        final ModelLimits limits)
    {
        final LocalDate stockSettlement = referenceData.stockSettlement(tradeDate);
        final LocalDate settlement = referenceData.finalSettlement();
        final double rate = referenceData.rates().rate();
        final DividendSchedule dividends = new DividendSchedule(referenceData, tradeDate, settlement, rate);
        // Close to expiry a stock bought today settles after the future does: no carry is left, τ floors at 0 and
        // the valuation stays usable until the expiry unwind on the last trading day. After it the contract is gone.
        final double yearFraction = tradeDate.isAfter(referenceData.lastTradingDay()) ? -1.0 :
            Math.max(0, ChronoUnit.DAYS.between(stockSettlement, settlement)) / 365.0;
        final FairValue fairValue = new FairValue(
            rate, yearFraction, dividends.futureValuePoints(), dividends.largestYield());
        final LocalDate unwindDate =
            referenceData.lastTradingDay().isAfter(tradeDate) ? referenceData.lastTradingDay() : tradeDate;
        return new Valuation(
            referenceData, contracts, fairValue, yearFraction, limits, referenceData.costsOn(unwindDate));
    }

    private static ModelState checkInputs(
        final ReferenceData referenceData,
        final double yearFraction,
        final ModelLimits limits,
        final FairValue fairValue)
    {
        if (!(yearFraction >= 0))
        {
            return ModelState.EXPIRED;
        }
        final double[] rates =
        {
            referenceData.rates().rate(), referenceData.rates().borrowRate(), referenceData.rates().lendRate()
        };
        for (final double rate : rates)
        {
            if (rate < limits.minRate() || rate > limits.maxRate())
            {
                return ModelState.RATE_OUT_OF_BAND;
            }
        }
        if (fairValue.largestDividendYield() > limits.maxDividendYield())
        {
            return ModelState.DIVIDEND_OUT_OF_BAND;
        }
        return ModelState.VALID;
    }

    /**
     * @return true if a reverse trade would sell borrowed stock and pay the borrow fee.
     */
    public boolean borrowNeeded()
    {
        return borrowNeeded;
    }

    /**
     * Revalue after a book changed: incremental basket totals, then fair value, bounds and checks.
     *
     * @param instrumentId engine instrument id.
     * @param book         its book.
     */
    public void onBookUpdate(final int instrumentId, final OrderBook book)
    {
        basket.onBookUpdate(instrumentId, book);
        revalue();
    }

    /**
     * Say whether a reverse trade would sell borrowed stock (no basket held), which decides the borrow fee.
     *
     * @param borrowNeeded true if the basket is not held.
     */
    public void borrowNeeded(final boolean borrowNeeded)
    {
        if (this.borrowNeeded != borrowNeeded)
        {
            this.borrowNeeded = borrowNeeded;
            revalue();
        }
    }

    private void revalue()
    {
        if (staticState != ModelState.VALID)
        {
            state = staticState;
            return;
        }
        if (!basket.isValid())
        {
            state = ModelState.BOOKS_INCOMPLETE;
            return;
        }
        final double indexMid = basket.indexMid();
        final double futureMid = basket.futureMid();
        fair = fairValue.fairValue(indexMid);
        bounds.compute(indexMid, basket.indexAskExec(), basket.indexBidExec(), futureMid, borrowNeeded);
        state = Math.abs(fair - futureMid) > limits.maxMispricingPoints() ?
            ModelState.MISPRICING_BEYOND_LIMIT : ModelState.VALID;
    }

    /**
     * @return the incremental basket valuation underneath.
     */
    public BasketValuation basket()
    {
        return basket;
    }

    /**
     * @return the fair value model.
     */
    public FairValue fairValueModel()
    {
        return fairValue;
    }

    @Override
    public ModelState modelState()
    {
        return state;
    }

    @Override
    public long contracts()
    {
        return basket.contracts();
    }

    @Override
    public double indexMid()
    {
        return basket.indexMid();
    }

    @Override
    public double indexAskExec()
    {
        return basket.indexAskExec();
    }

    @Override
    public double indexBidExec()
    {
        return basket.indexBidExec();
    }

    @Override
    public double futureMid()
    {
        return basket.futureMid();
    }

    @Override
    public double futureBidExec()
    {
        return basket.futureBidExec();
    }

    @Override
    public double futureAskExec()
    {
        return basket.futureAskExec();
    }

    @Override
    public double fairValue()
    {
        return fair;
    }

    @Override
    public double upperBound()
    {
        return bounds.upper();
    }

    @Override
    public double lowerBound()
    {
        return bounds.lower();
    }

    @Override
    public double execBasisCashAndCarry()
    {
        return basket.basisCashAndCarry();
    }

    @Override
    public double execBasisReverse()
    {
        return basket.basisReverse();
    }

    @Override
    public double edgeCashAndCarry()
    {
        return basket.futureBidExec() - bounds.upper();
    }

    @Override
    public double edgeReverse()
    {
        return bounds.lower() - basket.futureAskExec();
    }

    @Override
    public NoArbitrageBounds bounds()
    {
        return bounds;
    }

    /**
     * Write the last result to a snapshot. The basket's totals are not written: they are a function of the books.
     *
     * @param writer  the snapshot.
     * @param encoder reused encoder.
     */
    public void snapshotTo(final SnapshotWriter writer, final ValuationStateEncoder encoder)
    {
        writer.begin(encoder)
            .state((byte)state.ordinal())
            .borrowNeeded((short)(borrowNeeded ? 1 : 0))
            .fair(fair);
        bounds.snapshotTo(encoder);
    }

    /**
     * Load the last result from a snapshot, the basket's totals recomputed from the restored books.
     *
     * @param reader  the snapshot.
     * @param decoder reused decoder.
     * @param books   the restored books, by engine instrument id.
     */
    public void restoreFrom(final SnapshotReader reader, final ValuationStateDecoder decoder, final OrderBook[] books)
    {
        reader.next(decoder);
        basket.recomputeAll(books);
        state = ModelState.values()[decoder.state()];
        borrowNeeded = decoder.borrowNeeded() == 1;
        fair = decoder.fair();
        bounds.restoreFrom(decoder);
    }
}
