package io.basis.engine.pricing;

import io.basis.engine.book.OrderBook;
import io.basis.engine.refdata.Constituent;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;

import java.util.Arrays;
import java.util.List;

/**
 * What the basket and the future would really cost to trade for {@code n} contracts, from the live books.
 * <p>
 * Each constituent's quantity is {@code Q_i = n·q_i} rounded to its lot, with shares per contract
 * {@code q_i = M·N_i·f_i·c_i / Divisor}. For each constituent the valuation keeps the cost of buying {@code Q_i}
 * from the asks and of selling it into the bids (the VWAP walk of the opposing levels), its cost at mid and its
 * contribution to the index at mid, all as exact longs. Totals are kept as sums of those longs, so an update of
 * one book costs only the levels walked for that instrument: the other constituents are not revisited, and the
 * totals always equal a recomputation from scratch to the last unit.
 * <p>
 * Executable index levels follow the normalisation of the domain notes:
 * {@code S_ask,exec = S_mid · Σ Q_i·VWAP_ask,i / Σ Q_i·mid_i}, which removes the lot-rounding residue.
 * Single-threaded, garbage-free.
 */
public final class BasketValuation
{
    private final long contracts;
    private final int futureId;
    private final int[] constituentOfInstrument;
    private final int[] instrumentOfConstituent;
    private final long[] lots;
    private final double multiplier;
    private final double[] sharesPerPoint;
    private final long[] quantity;
    private final long[] askCost;
    private final long[] bidCost;
    private final long[] midCost;
    private final long[] midPoints;
    private final boolean[] askShort;
    private final boolean[] bidShort;
    private final boolean[] noMid;

    private long totalAskCost;
    private long totalBidCost;
    private long totalMidCost;
    private long totalMidPoints;
    private int askShortCount;
    private int bidShortCount;
    private int noMidCount;

    private long futureMid;
    private long futureBidCost = OrderBook.INSUFFICIENT_DEPTH;
    private long futureAskCost = OrderBook.INSUFFICIENT_DEPTH;

    /**
     * @param referenceData index definition.
     * @param contracts     contracts n of the program to value.
     */
    public BasketValuation(final ReferenceData referenceData, final long contracts)
    {
        if (contracts <= 0)
        {
            throw new IllegalArgumentException("contracts must be positive: " + contracts);
        }
        final List<Constituent> constituents = referenceData.constituents();
        final int count = constituents.size();
        this.contracts = contracts;
        futureId = referenceData.future().id();
        constituentOfInstrument = new int[referenceData.instruments().size()];
        Arrays.fill(constituentOfInstrument, -1);
        instrumentOfConstituent = new int[count];
        lots = new long[count];
        sharesPerPoint = new double[count];
        quantity = new long[count];
        askCost = new long[count];
        bidCost = new long[count];
        midCost = new long[count];
        midPoints = new long[count];
        askShort = new boolean[count];
        bidShort = new boolean[count];
        noMid = new boolean[count];

        multiplier = referenceData.future().multiplier();
        for (int i = 0; i < count; i++)
        {
            final Constituent constituent = constituents.get(i);
            constituentOfInstrument[constituent.instrument().id()] = i;
            instrumentOfConstituent[i] = constituent.instrument().id();
            lots[i] = constituent.instrument().lot();
            sharesPerPoint[i] = constituent.sharesPerPoint(referenceData.divisor());
            quantity[i] = quantityFor(i, contracts);
            // Until its book arrives a constituent cannot be valued on either side.
            askShort[i] = true;
            bidShort[i] = true;
            noMid[i] = true;
        }
        askShortCount = count;
        bidShortCount = count;
        noMidCount = count;
    }

    /**
     * @return contracts valued.
     */
    public long contracts()
    {
        return contracts;
    }

    /**
     * @param instrumentId engine instrument id.
     * @return constituent index, or -1 if the instrument is not in the basket.
     */
    public int constituentIndex(final int instrumentId)
    {
        return instrumentId < constituentOfInstrument.length ? constituentOfInstrument[instrumentId] : -1;
    }

    /**
     * @return number of constituents.
     */
    public int constituentCount()
    {
        return quantity.length;
    }

    /**
     * @param constituent constituent index.
     * @return shares of the constituent in the program ({@code n·q_i} rounded to the lot).
     */
    public long quantity(final int constituent)
    {
        return quantity[constituent];
    }

    /**
     * @param constituent constituent index.
     * @param contracts   any number of contracts.
     * @return shares of the constituent for that many contracts ({@code n·q_i} rounded to the lot).
     */
    public long quantityFor(final int constituent, final long contracts)
    {
        final long lot = lots[constituent];
        return Math.round(contracts * multiplier * sharesPerPoint[constituent] / lot) * lot;
    }

    /**
     * @param constituent constituent index.
     * @return its engine instrument id.
     */
    public int instrumentId(final int constituent)
    {
        return instrumentOfConstituent[constituent];
    }

    /**
     * Revalue after a book changed. Cost: the levels walked for this one instrument.
     *
     * @param instrumentId engine instrument id.
     * @param book         its book.
     */
    public void onBookUpdate(final int instrumentId, final OrderBook book)
    {
        if (instrumentId == futureId)
        {
            final boolean usable = book.isTwoSided() && !book.isCrossed();
            futureMid = usable ? (book.bestBid() + book.bestAsk()) >> 1 : 0;
            futureBidCost = usable ? book.cost(true, contracts) : OrderBook.INSUFFICIENT_DEPTH;
            futureAskCost = usable ? book.cost(false, contracts) : OrderBook.INSUFFICIENT_DEPTH;
            return;
        }
        final int i = constituentIndex(instrumentId);
        if (i >= 0)
        {
            revalue(i, book);
        }
    }

    private void revalue(final int i, final OrderBook book)
    {
        final long q = quantity[i];
        final boolean usable = !book.isCrossed() && book.isTwoSided();

        final long newAsk = usable ? book.cost(false, q) : OrderBook.INSUFFICIENT_DEPTH;
        final long newBid = usable ? book.cost(true, q) : OrderBook.INSUFFICIENT_DEPTH;
        final long mid = usable ? (book.bestBid() + book.bestAsk()) >> 1 : 0;

        totalAskCost += replace(askCost, i, newAsk);
        askShortCount += flag(askShort, i, newAsk == OrderBook.INSUFFICIENT_DEPTH);

        totalBidCost += replace(bidCost, i, newBid);
        bidShortCount += flag(bidShort, i, newBid == OrderBook.INSUFFICIENT_DEPTH);

        totalMidCost += replace(midCost, i, q * mid);
        totalMidPoints += replace(midPoints, i, Math.round(sharesPerPoint[i] * mid));
        noMidCount += flag(noMid, i, !usable);
    }

    private static long replace(final long[] values, final int i, final long value)
    {
        final long stored = value < 0 ? 0 : value;
        final long delta = stored - values[i];
        values[i] = stored;
        return delta;
    }

    private static int flag(final boolean[] flags, final int i, final boolean value)
    {
        final int delta = (value ? 1 : 0) - (flags[i] ? 1 : 0);
        flags[i] = value;
        return delta;
    }

    /**
     * Recompute every total from the books, the reference against which the incremental totals are tested.
     *
     * @param books books indexed by engine instrument id.
     */
    public void recomputeAll(final OrderBook[] books)
    {
        totalAskCost = 0;
        totalBidCost = 0;
        totalMidCost = 0;
        totalMidPoints = 0;
        askShortCount = 0;
        bidShortCount = 0;
        noMidCount = 0;
        Arrays.fill(askCost, 0);
        Arrays.fill(bidCost, 0);
        Arrays.fill(midCost, 0);
        Arrays.fill(midPoints, 0);
        Arrays.fill(askShort, false);
        Arrays.fill(bidShort, false);
        Arrays.fill(noMid, false);
        for (int id = 0; id < constituentOfInstrument.length; id++)
        {
            onBookUpdate(id, books[id]);
        }
    }

    /**
     * @return true if every constituent and the future can be traded for the full quantity on both sides.
     */
    public boolean isValid()
    {
        return askShortCount == 0 && bidShortCount == 0 && noMidCount == 0 &&
            futureBidCost != OrderBook.INSUFFICIENT_DEPTH && futureAskCost != OrderBook.INSUFFICIENT_DEPTH;
    }

    /**
     * @return constituents whose visible ask depth is short of their quantity.
     */
    public int askShortCount()
    {
        return askShortCount;
    }

    /**
     * @return constituents whose visible bid depth is short of their quantity.
     */
    public int bidShortCount()
    {
        return bidShortCount;
    }

    /**
     * @return Σ Q_i·VWAP_ask,i, scaled price × shares.
     */
    public long totalAskCost()
    {
        return totalAskCost;
    }

    /**
     * @return Σ Q_i·VWAP_bid,i, scaled price × shares.
     */
    public long totalBidCost()
    {
        return totalBidCost;
    }

    /**
     * @return Σ Q_i·mid_i, scaled price × shares.
     */
    public long totalMidCost()
    {
        return totalMidCost;
    }

    /**
     * @return the index at mid prices, scaled points.
     */
    public long indexMidScaled()
    {
        return totalMidPoints;
    }

    /**
     * @return the index at mid prices, points.
     */
    public double indexMid()
    {
        return (double)totalMidPoints / Prices.SCALE;
    }

    /**
     * @return index level at which the basket can be bought for n contracts, points.
     */
    public double indexAskExec()
    {
        return indexMid() * totalAskCost / totalMidCost;
    }

    /**
     * @return index level at which the basket can be sold for n contracts, points.
     */
    public double indexBidExec()
    {
        return indexMid() * totalBidCost / totalMidCost;
    }

    /**
     * @return the future at mid, points.
     */
    public double futureMid()
    {
        return (double)futureMid / Prices.SCALE;
    }

    /**
     * @return VWAP at which n futures can be sold, points.
     */
    public double futureBidExec()
    {
        return (double)futureBidCost / contracts / Prices.SCALE;
    }

    /**
     * @return VWAP at which n futures can be bought, points.
     */
    public double futureAskExec()
    {
        return (double)futureAskCost / contracts / Prices.SCALE;
    }

    /**
     * @return executable cash-and-carry basis {@code F_bid,exec − S_ask,exec}, points.
     */
    public double basisCashAndCarry()
    {
        return futureBidExec() - indexAskExec();
    }

    /**
     * @return executable reverse basis {@code F_ask,exec − S_bid,exec}, points.
     */
    public double basisReverse()
    {
        return futureAskExec() - indexBidExec();
    }
}
