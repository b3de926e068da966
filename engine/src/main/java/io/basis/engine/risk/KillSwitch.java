package io.basis.engine.risk;

import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.KillSwitchStateDecoder;
import io.basis.engine.snapshot.sbe.KillSwitchStateEncoder;
import io.basis.protocol.sbe.KillScope;

/**
 * The hierarchical kill switch: everything, the engine's account, its strategy, or one instrument. A kill blocks
 * new orders in its scope (the engine cancels the working ones); {@link #resume} lifts it. Automatic kills
 * (loss limit, reject storm, leg imbalance, fill-count invariant) trip the whole engine and say why.
 */
public final class KillSwitch
{
    private final boolean[] instrumentKilled;
    private boolean allKilled;
    private boolean accountKilled;
    private boolean strategyKilled;
    private int instrumentsKilled;
    private boolean reduceOnly;
    private RiskReason automaticReason = RiskReason.NONE;
    private long trips;

    /**
     * @param instrumentCount instruments, indexed by engine id.
     */
    public KillSwitch(final int instrumentCount)
    {
        instrumentKilled = new boolean[instrumentCount];
    }

    /**
     * Kill a scope.
     *
     * @param scope  what.
     * @param target instrument id for {@link KillScope#INSTRUMENT}; ignored otherwise (one account, one strategy).
     * @return true if the scope was valid.
     */
    public boolean kill(final KillScope scope, final int target)
    {
        return set(scope, target, true);
    }

    /**
     * Lift a kill (and reduce-only when the scope is everything).
     *
     * @param scope  what.
     * @param target instrument id for {@link KillScope#INSTRUMENT}.
     * @return true if the scope was valid.
     */
    public boolean resume(final KillScope scope, final int target)
    {
        if (scope == KillScope.ALL)
        {
            reduceOnly = false;
            automaticReason = RiskReason.NONE;
            accountKilled = false;
            strategyKilled = false;
            java.util.Arrays.fill(instrumentKilled, false);
            instrumentsKilled = 0;
        }
        return set(scope, target, false);
    }

    private boolean set(final KillScope scope, final int target, final boolean killed)
    {
        switch (scope)
        {
            case ALL:
                allKilled = killed;
                break;
            case ACCOUNT:
                accountKilled = killed;
                break;
            case STRATEGY:
                strategyKilled = killed;
                break;
            case INSTRUMENT:
                if (target < 0 || target >= instrumentKilled.length)
                {
                    return false;
                }
                if (instrumentKilled[target] != killed)
                {
                    instrumentsKilled += killed ? 1 : -1;
                    instrumentKilled[target] = killed;
                }
                break;
            default:
                return false;
        }
        if (killed)
        {
            trips++;
        }
        return true;
    }

    /**
     * Trip the whole engine for a reason found by the engine itself.
     *
     * @param reason why.
     */
    public void trip(final RiskReason reason)
    {
        if (!allKilled)
        {
            allKilled = true;
            automaticReason = reason;
            trips++;
        }
    }

    /**
     * Allow only orders that reduce positions.
     *
     * @param reduceOnly on or off.
     */
    public void reduceOnly(final boolean reduceOnly)
    {
        this.reduceOnly = reduceOnly;
    }

    /**
     * @param instrumentId engine instrument id.
     * @return true if a kill covers the instrument.
     */
    public boolean isKilled(final int instrumentId)
    {
        return allKilled || accountKilled || strategyKilled || instrumentKilled[instrumentId];
    }

    /**
     * @return true if any kill, of any scope, is in force: lets the engine skip looking for covered orders.
     */
    public boolean isAnyActive()
    {
        return allKilled || accountKilled || strategyKilled || instrumentsKilled > 0;
    }

    /**
     * @return the engine's trading state.
     */
    public TradingState state()
    {
        if (allKilled || accountKilled || strategyKilled)
        {
            return TradingState.HALTED;
        }
        return reduceOnly ? TradingState.REDUCING : TradingState.ACTIVE;
    }

    /**
     * @return the reason of the last automatic kill, or NONE.
     */
    public RiskReason automaticReason()
    {
        return automaticReason;
    }

    /**
     * @return kills since start.
     */
    public long trips()
    {
        return trips;
    }

    /**
     * Write the switch to a snapshot.
     *
     * @param writer  the snapshot.
     * @param encoder reused encoder.
     */
    public void snapshotTo(final SnapshotWriter writer, final KillSwitchStateEncoder encoder)
    {
        final KillSwitchStateEncoder.InstrumentsEncoder rows = writer.begin(encoder)
            .allKilled((short)(allKilled ? 1 : 0))
            .accountKilled((short)(accountKilled ? 1 : 0))
            .strategyKilled((short)(strategyKilled ? 1 : 0))
            .reduceOnly((short)(reduceOnly ? 1 : 0))
            .automaticReason((byte)automaticReason.ordinal())
            .trips(trips)
            .instrumentsCount(instrumentKilled.length);
        for (final boolean killed : instrumentKilled)
        {
            rows.next().killed((short)(killed ? 1 : 0));
        }
    }

    /**
     * Load the switch from a snapshot.
     *
     * @param reader  the snapshot.
     * @param decoder reused decoder.
     */
    public void restoreFrom(final SnapshotReader reader, final KillSwitchStateDecoder decoder)
    {
        reader.next(decoder);
        allKilled = decoder.allKilled() == 1;
        accountKilled = decoder.accountKilled() == 1;
        strategyKilled = decoder.strategyKilled() == 1;
        reduceOnly = decoder.reduceOnly() == 1;
        automaticReason = RiskReason.values()[decoder.automaticReason()];
        trips = decoder.trips();
        final KillSwitchStateDecoder.InstrumentsDecoder rows = decoder.instruments();
        if (rows.count() != instrumentKilled.length)
        {
            throw new SnapshotException("kill switch of " + rows.count() + " instruments, the engine has " +
                instrumentKilled.length);
        }
        instrumentsKilled = 0;
        for (int i = 0; i < instrumentKilled.length; i++)
        {
            instrumentKilled[i] = rows.next().killed() == 1;
            instrumentsKilled += instrumentKilled[i] ? 1 : 0;
        }
    }
}
