package io.basis.backtest;

import io.basis.engine.pricing.FairValue;
import io.basis.engine.refdata.ReferenceData;

/**
 * Where a backtest's market comes from, one trading day at a time, in virtual time: the synthetic market or a
 * recording of book levels. The source keeps every book's levels; a book event tells the listener which book
 * changed. A source can mark where a cycle starts and go back there, so that a cycle is traded again over the same
 * events (in sample, then out of sample).
 */
interface MarketSource
{
    /** What a book change is told to. */
    interface BookListener
    {
        /**
         * @param instrumentId the instrument whose book changed.
         */
        void onBook(int instrumentId);
    }

    /**
     * @return where the source is: enough to replay from here, event for event.
     */
    Object mark();

    /**
     * @param mark a mark of this source.
     */
    void rewind(Object mark);

    /**
     * Open a trading day: every book as the day starts is told to the listener.
     *
     * @param day          the day's reference data.
     * @param fairValue    the day's fair value model (the engine's).
     * @param daysToExpiry trading days left after today until the contract's last trading day.
     * @param openNs       the session's open.
     * @param listener     told of every book.
     */
    void openDay(ReferenceData day, FairValue fairValue, int daysToExpiry, long openNs, BookListener listener);

    /**
     * @return the time of the day's next market event, or {@link Long#MAX_VALUE} when the day has no more.
     */
    long nextEventNs();

    /**
     * Apply the next market event (every book change at its time).
     *
     * @param listener told of every book that changed.
     */
    void advance(BookListener listener);

    /**
     * The contract's final settlement: the index now, with no mispricing left.
     *
     * @return the settlement price.
     */
    double settle();

    /**
     * @return the index at the books' mids.
     */
    double index();

    double midOf(int id);

    long bidPrice(int id, int level);

    long bidSize(int id, int level);

    long askPrice(int id, int level);

    long askSize(int id, int level);

    int levels();
}
