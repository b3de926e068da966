package io.basis.simulator.marketdata;

import io.basis.simulator.matching.ExecutionListener;
import io.basis.simulator.matching.OrderBook;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.ReferenceData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns engine events into market data: collects trades and changed books while the exchange processes an event,
 * then {@link #publish(MarketDataSink)} emits one update per instrument whose top levels or trades changed,
 * diffed against what was last published.
 * <p>
 * Publishing once per exchange event (not per order-book mutation) is what makes a liquidity provider's
 * cancel-and-requote invisible when it puts the same quotes back. Not thread-safe: exchange thread only.
 */
public final class MarketDataFeed implements ExecutionListener
{
    private final Map<String, InstrumentState> states = new HashMap<>();
    private final Set<InstrumentState> dirty = new LinkedHashSet<>();
    private final int depth;

    /**
     * @param referenceData instruments to publish.
     * @param depth         levels per side.
     */
    public MarketDataFeed(final ReferenceData referenceData, final int depth)
    {
        this.depth = depth;
        for (final Instrument instrument : referenceData.instruments())
        {
            states.put(instrument.symbol(), new InstrumentState(instrument, depth));
        }
    }

    /**
     * @return levels per side.
     */
    public int depth()
    {
        return depth;
    }

    @Override
    public void onTrade(final Instrument instrument, final long quantity, final long price)
    {
        final InstrumentState state = states.get(instrument.symbol());
        state.trades.add(new TradePrint(price, quantity));
        dirty.add(state);
    }

    @Override
    public void onBookChanged(final OrderBook book)
    {
        final InstrumentState state = states.get(book.instrument().symbol());
        state.book = book;
        dirty.add(state);
    }

    /**
     * Publish what changed since the last call.
     *
     * @param sink receives one update per changed instrument.
     */
    public void publish(final MarketDataSink sink)
    {
        for (final InstrumentState state : dirty)
        {
            final List<LevelChange> changes = new ArrayList<>();
            if (state.book != null)
            {
                state.scratch.capture(state.book);
                state.scratch.diff(state.published, changes);
                state.published.copyFrom(state.scratch);
            }
            if (!changes.isEmpty() || !state.trades.isEmpty())
            {
                state.rptSeq++;
                sink.onIncremental(new IncrementalUpdate(
                    state.instrument, state.rptSeq, List.copyOf(state.trades), changes));
            }
            state.trades.clear();
        }
        dirty.clear();
    }

    /**
     * @param symbol instrument symbol.
     * @return the last published depth and sequence number, or null if the symbol is unknown.
     */
    public BookSnapshot snapshot(final String symbol)
    {
        final InstrumentState state = states.get(symbol);
        if (state == null)
        {
            return null;
        }
        return new BookSnapshot(
            state.instrument, state.rptSeq, state.published.levels(true), state.published.levels(false));
    }

    private static final class InstrumentState
    {
        private final Instrument instrument;
        private final BookDepth published;
        private final BookDepth scratch;
        private final List<TradePrint> trades = new ArrayList<>();
        private OrderBook book;
        private long rptSeq;

        private InstrumentState(final Instrument instrument, final int depth)
        {
            this.instrument = instrument;
            this.published = new BookDepth(depth);
            this.scratch = new BookDepth(depth);
        }
    }
}
