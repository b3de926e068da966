package io.basis.simulator.market;

import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.Order;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.Side;
import io.basis.simulator.matching.TimeInForce;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.ReferenceData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Replay mode: instead of the synthetic model, the liquidity account plays recorded book updates
 * ({@link ReplayFile}) on the market clock. At each tick every update due by then (time = ticks x tick period,
 * so a replay is as deterministic as the synthetic market) is applied: the level's old quote is canceled and the
 * new one placed, cancels first so a new quote never meets a stale one of its own. Client orders trade against
 * the replayed quotes like against the synthetic ones. Updates of an instrument that cannot be quoted (halted,
 * market closed) are skipped. After the last update the books stay as they are.
 */
public final class BookReplay implements MarketSource
{
    private final ReferenceData referenceData;
    private final MatchingEngine engine;
    private final String account;
    private final long tickMillis;
    private final List<ReplayUpdate> updates;
    private final Map<String, Order[][]> quotes = new HashMap<>();
    private Predicate<Instrument> quotable = instrument -> true;
    private int next;
    private long nowMillis;

    /**
     * @param referenceData instruments.
     * @param engine        where the quotes go.
     * @param account       the account quoting (the liquidity provider's).
     * @param tickMillis    market tick period, the replay's time step.
     * @param updates       the recorded updates, in time order.
     * @param maxLevel      deepest level in the updates.
     */
    public BookReplay(
        final ReferenceData referenceData,
        final MatchingEngine engine,
        final String account,
        final long tickMillis,
        final List<ReplayUpdate> updates,
        final int maxLevel)
    {
        this.referenceData = referenceData;
        this.engine = engine;
        this.account = account;
        this.tickMillis = tickMillis;
        this.updates = List.copyOf(updates);
        for (final Instrument instrument : referenceData.instruments())
        {
            quotes.put(instrument.symbol(), new Order[][]{new Order[maxLevel], new Order[maxLevel]});
        }
    }

    @Override
    public void quotable(final Predicate<Instrument> gate)
    {
        this.quotable = gate;
    }

    @Override
    public void open()
    {
        applyDue();
    }

    @Override
    public void tick()
    {
        nowMillis += tickMillis;
        applyDue();
    }

    /**
     * @return updates applied or skipped so far.
     */
    public int position()
    {
        return next;
    }

    private void applyDue()
    {
        // The last update of a level wins when several fall due in one tick.
        final Map<String, ReplayUpdate> byLevel = new LinkedHashMap<>();
        while (next < updates.size() && updates.get(next).timeMillis() <= nowMillis)
        {
            final ReplayUpdate update = updates.get(next++);
            if (quotable.test(referenceData.instrument(update.symbol())))
            {
                byLevel.put(update.symbol() + (update.bid() ? "/B/" : "/A/") + update.level(), update);
            }
        }
        final List<ReplayUpdate> due = new ArrayList<>(byLevel.values());
        for (final ReplayUpdate update : due)
        {
            final Order[] side = quotes.get(update.symbol())[update.bid() ? 0 : 1];
            final Order old = side[update.level() - 1];
            if (old != null)
            {
                engine.cancel(old);
                side[update.level() - 1] = null;
            }
        }
        for (final ReplayUpdate update : due)
        {
            if (update.size() > 0)
            {
                final Order order = engine.submit(OrderRequest.limit(null, account, null, update.symbol(),
                    update.bid() ? Side.BUY : Side.SELL, TimeInForce.DAY, update.size(), update.price()));
                quotes.get(update.symbol())[update.bid() ? 0 : 1][update.level() - 1] =
                    order != null && order.status().isLive() ? order : null;
            }
        }
    }
}
