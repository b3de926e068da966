package io.basis.simulator.fault;

import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.Side;
import io.basis.simulator.trading.MarketState;

import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * Faults on demand, from any thread: every call runs on the exchange thread and returns when it has taken
 * effect (reports and market data it causes are already sent). Obtained from
 * {@code Simulator.faults()}; the control port and {@code --fault} drive the same methods through
 * {@link FaultCommands}.
 * <pre>{@code
 * simulator.faults().holdFills("005930");      // the Samsung leg of a program stops filling
 * ... the engine legs ...
 * simulator.faults().releaseFills("005930");   // parked orders trade now
 * simulator.faults().halt("000660");           // SecurityStatus 326=2, new orders rejected (OrdRejReason 2)
 * simulator.faults().rejectFraction(0.1);      // 10% of client orders rejected (OrdRejReason 0), seeded
 * }</pre>
 * Every method throws {@link IllegalArgumentException} for an unknown symbol or session or a bad value, and
 * {@link IllegalStateException} once the simulator is closed.
 */
public final class FaultControls
{
    private final ExchangeLoop loop;
    private final MatchingEngine engine;
    private final MarketState market;
    private final ReportGate reports;
    private final RandomRejects rejects;
    private final SessionFaults sessions;
    private final MarketDataThrottle throttle;
    private final long rejectSeed;
    private final Duration volatilityInterruption;

    /**
     * @param loop                   the exchange thread.
     * @param engine                 matching engine (held fills).
     * @param market                 market state (halts, interruptions, sidecar, circuit breaker).
     * @param reports                the order-entry report gate.
     * @param rejects                the random reject gate.
     * @param sessions               session faults.
     * @param throttle               the market-data throttle.
     * @param rejectSeed             default seed of random rejects.
     * @param volatilityInterruption default length of a volatility interruption.
     */
    public FaultControls(
        final ExchangeLoop loop,
        final MatchingEngine engine,
        final MarketState market,
        final ReportGate reports,
        final RandomRejects rejects,
        final SessionFaults sessions,
        final MarketDataThrottle throttle,
        final long rejectSeed,
        final Duration volatilityInterruption)
    {
        this.loop = loop;
        this.engine = engine;
        this.market = market;
        this.reports = reports;
        this.rejects = rejects;
        this.sessions = sessions;
        this.throttle = throttle;
        this.rejectSeed = rejectSeed;
        this.volatilityInterruption = volatilityInterruption;
    }

    /**
     * Hold back client fills of an instrument: its resting client orders leave the book, new ones are
     * acknowledged but parked; nothing fills until {@link #releaseFills(String)}. Use it on one leg of a program
     * to make the program leg.
     *
     * @param symbol instrument.
     */
    public void holdFills(final String symbol)
    {
        run(() -> require(engine.holdFills(symbol), symbol));
    }

    /**
     * Release held fills: parked orders enter the book in arrival order and trade as they would on arrival.
     *
     * @param symbol instrument.
     * @return number of live orders released.
     * @throws IllegalArgumentException if fills of the symbol were not held.
     */
    public int releaseFills(final String symbol)
    {
        return run(() ->
        {
            final int released = engine.releaseFills(symbol);
            if (released < 0)
            {
                throw new IllegalArgumentException("fills of " + symbol + " are not held");
            }
            return released;
        });
    }

    /**
     * Release every held instrument.
     *
     * @return number of live orders released.
     */
    public int releaseAllFills()
    {
        return run(() ->
        {
            int released = 0;
            for (final String symbol : new TreeSet<>(engine.heldSymbols()))
            {
                released += engine.releaseFills(symbol);
            }
            return released;
        });
    }

    /**
     * Hold back execution reports and cancel rejects (the exchange still trades; the client does not hear).
     *
     * @param selector an account or a symbol.
     */
    public void holdReports(final ReportSelector selector)
    {
        run(() ->
        {
            reports.hold(selector);
            return null;
        });
    }

    /**
     * Release held reports, in their original order.
     *
     * @param selector the hold to lift, or null for every hold.
     * @return reports released.
     */
    public int releaseReports(final ReportSelector selector)
    {
        return run(() -> reports.release(selector));
    }

    /**
     * Delay the reports of an account or symbol; later reports never overtake delayed ones.
     *
     * @param selector an account or a symbol.
     * @param millis   delay, 0 to remove.
     */
    public void delayReports(final ReportSelector selector, final long millis)
    {
        if (millis < 0)
        {
            throw new IllegalArgumentException("delay must be 0 or more ms: " + millis);
        }
        run(() ->
        {
            reports.delay(selector, millis);
            return null;
        });
    }

    /**
     * Reject a fraction of otherwise valid client orders (OrdRejReason 0), with the configured seed.
     *
     * @param fraction in [0, 1]; 0 turns it off.
     */
    public void rejectFraction(final double fraction)
    {
        rejectFraction(fraction, rejectSeed);
    }

    /**
     * @param fraction in [0, 1]; 0 turns it off.
     * @param seed     seed of the draws.
     */
    public void rejectFraction(final double fraction, final long seed)
    {
        run(() ->
        {
            rejects.fraction(fraction, seed);
            return null;
        });
    }

    /**
     * Halt an instrument: SecurityStatus 326=2, new orders and replaces rejected, cancels accepted, the
     * liquidity provider stops quoting it.
     *
     * @param symbol instrument.
     */
    public void halt(final String symbol)
    {
        run(() -> require(market.halt(symbol), symbol));
    }

    /**
     * Lift a halt or end a volatility interruption early.
     *
     * @param symbol instrument.
     */
    public void resume(final String symbol)
    {
        run(() -> require(market.resume(symbol), symbol));
    }

    /**
     * Volatility interruption of the configured length (2 minutes by default).
     *
     * @param symbol instrument.
     */
    public void volatilityInterruption(final String symbol)
    {
        volatilityInterruption(symbol, volatilityInterruption);
    }

    /**
     * Volatility interruption: a call auction of the instrument for the given time, then uncross.
     *
     * @param symbol   instrument.
     * @param duration how long.
     */
    public void volatilityInterruption(final String symbol, final Duration duration)
    {
        if (duration.isNegative())
        {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        run(() -> require(market.volatilityInterruption(symbol, duration.toMillis()), symbol));
    }

    /**
     * Sidecar: suspend new program orders (ListID or OrderRestrictions 1/2/3) of one side, in addition to a side
     * already suspended.
     *
     * @param side side suspended.
     */
    public void sidecar(final Side side)
    {
        run(() ->
        {
            market.sidecar(side);
            return null;
        });
    }

    /**
     * Lift the sidecar.
     */
    public void liftSidecar()
    {
        run(() ->
        {
            market.liftSidecar();
            return null;
        });
    }

    /**
     * Circuit breaker: halt every instrument until {@link #resumeMarket()}.
     */
    public void circuitBreaker()
    {
        run(() ->
        {
            market.tripCircuitBreaker();
            return null;
        });
    }

    /**
     * Lift the circuit breaker.
     */
    public void resumeMarket()
    {
        run(() ->
        {
            market.resumeMarket();
            return null;
        });
    }

    /**
     * Drop sessions: a Logout, or with {@code disconnect} a plain TCP close.
     *
     * @param target     "OE", "MD" or a client CompID.
     * @param disconnect true for no Logout.
     * @return sessions dropped.
     */
    public int dropSession(final String target, final boolean disconnect)
    {
        return run(() -> sessions.drop(target, disconnect));
    }

    /**
     * Skip the next outgoing MsgSeqNum: the client detects the gap, asks for a resend and gets a gap fill.
     *
     * @param target "OE", "MD" or a client CompID.
     * @return sessions affected.
     */
    public int sequenceGap(final String target)
    {
        return run(() -> sessions.gap(target));
    }

    /**
     * Garble (bad checksum) the next application message on the target sessions.
     *
     * @param target "OE", "MD" or a client CompID.
     * @return sessions affected.
     */
    public int garble(final String target)
    {
        return run(() -> sessions.garble(target));
    }

    /**
     * Slow market-data consumer: at most one market-data message per session per period.
     *
     * @param millis period, 0 for off.
     */
    public void slowMarketData(final long millis)
    {
        throttle.period(millis);
    }

    /**
     * @return a one-line summary of every fault in force.
     */
    public String status()
    {
        return run(() -> "phase " + market.phase() +
            ", halted " + haltedSymbols() +
            ", held-fills " + new TreeSet<>(engine.heldSymbols()) +
            ", reports [" + reports.describe() + "]" +
            ", reject-fraction " + rejects.fraction() + " (" + rejects.rejected() + " rejected)" +
            ", sidecar " + market.sidecar() +
            ", circuit-breaker " + (market.circuitBreakerOn() ? "on" : "off") +
            ", slow-md " + throttle.period() + "ms (" + throttle.queued() + " queued, " + throttle.dropped() +
            " dropped)");
    }

    private TreeSet<String> haltedSymbols()
    {
        final TreeSet<String> halted = new TreeSet<>();
        engine.books().forEach(book ->
        {
            if (engine.isHalted(book.instrument().symbol()))
            {
                halted.add(book.instrument().symbol());
            }
        });
        return halted;
    }

    private static Void require(final boolean listed, final String symbol)
    {
        if (!listed)
        {
            throw new IllegalArgumentException("unknown symbol " + symbol);
        }
        return null;
    }

    private <T> T run(final Callable<T> task)
    {
        return loop.call(task);
    }
}
