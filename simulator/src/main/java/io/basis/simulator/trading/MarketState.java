package io.basis.simulator.trading;

import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.matching.AuctionResult;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.matching.OrderAdmission;
import io.basis.simulator.matching.OrderBook;
import io.basis.simulator.matching.OrderRequest;
import io.basis.simulator.matching.RejectReason;
import io.basis.simulator.matching.Side;
import io.basis.simulator.matching.TimeInForce;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Constituent;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.ReferenceData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of the market on the exchange thread: the trading phase, halts, volatility interruptions, the
 * sidecar and the circuit breaker. It drives the {@link MatchingEngine} (auctions, halts, expiry), gates client
 * orders ({@link OrderAdmission}), tells the liquidity provider what it may quote, and announces every change to
 * its {@link MarketStatusListener}s.
 * <p>
 * Exchange thread only; {@link TradingDay} is the thread-safe facade.
 */
public final class MarketState implements OrderAdmission
{
    private final ReferenceData referenceData;
    private final MatchingEngine engine;
    private final ExchangeLoop loop;
    private final List<MarketStatusListener> listeners;
    private final Map<String, InstrumentStatus> statuses = new HashMap<>();
    private final Map<String, Long> viGeneration = new HashMap<>();
    private final Set<String> haltedByCircuitBreaker = new HashSet<>();
    private TradingPhase phase = TradingPhase.CONTINUOUS;
    private Sidecar sidecar = Sidecar.NONE;
    private boolean circuitBreaker;
    private ClosingResult lastClose;
    private long nextViGeneration = 1;

    /**
     * @param referenceData instruments, index and basket.
     * @param engine        the matching engine it drives.
     * @param loop          the exchange thread, for timed volatility interruptions.
     * @param listeners     receive every change.
     */
    public MarketState(
        final ReferenceData referenceData,
        final MatchingEngine engine,
        final ExchangeLoop loop,
        final List<MarketStatusListener> listeners)
    {
        this.referenceData = referenceData;
        this.engine = engine;
        this.loop = loop;
        this.listeners = List.copyOf(listeners);
        for (final Instrument instrument : referenceData.instruments())
        {
            statuses.put(instrument.symbol(), InstrumentStatus.TRADING);
        }
    }

    @Override
    public Refusal refuse(final OrderRequest request, final Instrument instrument)
    {
        if (circuitBreaker)
        {
            return new Refusal(RejectReason.EXCHANGE_CLOSED, "circuit breaker: market halted");
        }
        if (phase == TradingPhase.CLOSED)
        {
            return new Refusal(RejectReason.EXCHANGE_CLOSED, "market closed");
        }
        final TimeInForce tif = request.timeInForce();
        final OrderBook book = engine.book(instrument.symbol());
        final boolean auction = book.inAuction() || phase == TradingPhase.PRE_OPEN;
        if (auction && (tif == TimeInForce.IMMEDIATE_OR_CANCEL || tif == TimeInForce.FILL_OR_KILL))
        {
            return new Refusal(RejectReason.OTHER, "immediate orders not accepted in a call auction (" +
                instrument.symbol() + ")");
        }
        if (request.isProgram() && sidecar.suspends(request.side()))
        {
            return new Refusal(RejectReason.OTHER,
                "sidecar: program " + (request.side().isBuy() ? "buy" : "sell") + " orders suspended");
        }
        return null;
    }

    /**
     * @param instrument an instrument.
     * @return true if the liquidity provider may quote it now (not halted, market not closed).
     */
    public boolean quotable(final Instrument instrument)
    {
        return phase != TradingPhase.CLOSED && !engine.isHalted(instrument.symbol());
    }

    /**
     * @return the current phase.
     */
    public TradingPhase phase()
    {
        return phase;
    }

    /**
     * @param symbol instrument.
     * @return its status, or null if not listed.
     */
    public InstrumentStatus status(final String symbol)
    {
        return statuses.get(symbol);
    }

    /**
     * @return which program orders the sidecar suspends.
     */
    public Sidecar sidecar()
    {
        return sidecar;
    }

    /**
     * @return true while the circuit breaker halts the market.
     */
    public boolean circuitBreakerOn()
    {
        return circuitBreaker;
    }

    /**
     * @return the last close, or null before the first.
     */
    public ClosingResult lastClose()
    {
        return lastClose;
    }

    /**
     * Start the opening call auction (also the start of a new day after the close).
     */
    public void preOpen()
    {
        requirePhase("pre-open", TradingPhase.CONTINUOUS, TradingPhase.CLOSED);
        for (final Instrument instrument : referenceData.instruments())
        {
            engine.startAuction(instrument.symbol());
        }
        phase(TradingPhase.PRE_OPEN, "opening auction");
    }

    /**
     * Uncross the opening auction and start continuous trading.
     *
     * @return the opening auction of every instrument, in reference-data order.
     */
    public List<AuctionResult> open()
    {
        requirePhase("open", TradingPhase.PRE_OPEN);
        final List<AuctionResult> results = uncrossAll();
        phase(TradingPhase.CONTINUOUS, "continuous trading");
        return results;
    }

    /**
     * Start the closing call auction: at-the-close orders join the books, nothing matches until
     * {@link #close()}.
     */
    public void startClosingAuction()
    {
        requirePhase("start the closing auction", TradingPhase.CONTINUOUS);
        engine.startClosingAuction();
        phase(TradingPhase.CLOSING_AUCTION, "closing auction");
    }

    /**
     * Uncross the closing auction, fix closing prices, the closing index and (on the future's last trading day)
     * its final settlement price, expire every order, and close the market.
     *
     * @return the close.
     */
    public ClosingResult close()
    {
        requirePhase("uncross the closing auction", TradingPhase.CLOSING_AUCTION);
        final Map<String, Long> closingPrices = new LinkedHashMap<>();
        for (final AuctionResult result : uncrossAll())
        {
            final OrderBook book = engine.book(result.symbol());
            final long price = result.volume() > 0 ? result.price() :
                book.lastTradePrice() != 0 ? book.lastTradePrice() : book.instrument().prevClose();
            closingPrices.put(result.symbol(), price);
        }
        engine.endClosingAuction();
        engine.expireAll("expired at the close");
        final long index = closingIndex(closingPrices);
        final Instrument future = referenceData.index().future();
        final boolean expiry = future.lastTradingDay() != null &&
            future.lastTradingDay().equals(referenceData.tradingDate());
        lastClose = new ClosingResult(Map.copyOf(closingPrices), index, expiry ? index : 0, future.symbol());
        phase(TradingPhase.CLOSED, "closed");
        for (final MarketStatusListener listener : listeners)
        {
            listener.onClose(lastClose);
        }
        return lastClose;
    }

    /**
     * @param symbol instrument.
     * @return false if not listed.
     */
    public boolean halt(final String symbol)
    {
        if (!engine.halt(symbol))
        {
            return false;
        }
        status(symbol, InstrumentStatus.HALTED, "trading halted");
        return true;
    }

    /**
     * Lift a halt (or end a volatility interruption early, uncrossing it).
     *
     * @param symbol instrument.
     * @return false if not listed.
     */
    public boolean resume(final String symbol)
    {
        if (!engine.resume(symbol))
        {
            return false;
        }
        haltedByCircuitBreaker.remove(symbol);
        if (statuses.get(symbol) == InstrumentStatus.VOLATILITY_INTERRUPTION)
        {
            endVolatilityInterruption(symbol);
        }
        else
        {
            status(symbol, InstrumentStatus.TRADING, "trading resumed");
        }
        return true;
    }

    /**
     * Volatility interruption: the instrument trades in a call auction of its own for the given time, then
     * uncrosses and resumes continuous trading.
     *
     * @param symbol         instrument.
     * @param durationMillis how long; KRX uses 2 minutes.
     * @return false if not listed.
     */
    public boolean volatilityInterruption(final String symbol, final long durationMillis)
    {
        if (!engine.startAuction(symbol))
        {
            return false;
        }
        final long generation = nextViGeneration++;
        viGeneration.put(symbol, generation);
        status(symbol, InstrumentStatus.VOLATILITY_INTERRUPTION, "volatility interruption: call auction");
        loop.schedule(() ->
        {
            // A later interruption or an early end supersedes this timer.
            if (viGeneration.getOrDefault(symbol, 0L) == generation)
            {
                endVolatilityInterruption(symbol);
            }
        }, durationMillis);
        return true;
    }

    /**
     * End a volatility interruption now: uncross and resume continuous trading (inside the closing auction the
     * book stays in auction for the close).
     *
     * @param symbol instrument.
     * @return the uncross, or null if the instrument was not in a volatility interruption.
     */
    public AuctionResult endVolatilityInterruption(final String symbol)
    {
        if (statuses.get(symbol) != InstrumentStatus.VOLATILITY_INTERRUPTION)
        {
            return null;
        }
        viGeneration.remove(symbol);
        AuctionResult result = null;
        if (phase == TradingPhase.CONTINUOUS)
        {
            result = engine.uncross(symbol);
        }
        status(symbol, engine.isHalted(symbol) ? InstrumentStatus.HALTED : InstrumentStatus.TRADING,
            "volatility interruption ended");
        return result;
    }

    /**
     * @param suspended side of program orders to suspend as well (KRX: the direction of the future's 5% move).
     */
    public void sidecar(final Side suspended)
    {
        sidecar = sidecar.with(suspended);
        for (final MarketStatusListener listener : listeners)
        {
            listener.onSidecar(sidecar, referenceData.index().future().symbol());
        }
    }

    /**
     * Lift the sidecar.
     */
    public void liftSidecar()
    {
        sidecar = Sidecar.NONE;
        for (final MarketStatusListener listener : listeners)
        {
            listener.onSidecar(sidecar, referenceData.index().future().symbol());
        }
    }

    /**
     * Circuit breaker: halt every instrument and reject every new order until {@link #resumeMarket()}.
     */
    public void tripCircuitBreaker()
    {
        if (circuitBreaker)
        {
            return;
        }
        circuitBreaker = true;
        for (final Instrument instrument : referenceData.instruments())
        {
            if (!engine.isHalted(instrument.symbol()))
            {
                haltedByCircuitBreaker.add(instrument.symbol());
                halt(instrument.symbol());
            }
        }
        for (final MarketStatusListener listener : listeners)
        {
            listener.onPhase(phase, "circuit breaker: market halted");
        }
    }

    /**
     * Lift the circuit breaker; instruments halted individually before it stay halted.
     */
    public void resumeMarket()
    {
        if (!circuitBreaker)
        {
            return;
        }
        circuitBreaker = false;
        for (final String symbol : Set.copyOf(haltedByCircuitBreaker))
        {
            resume(symbol);
        }
        haltedByCircuitBreaker.clear();
        phase(phase, "circuit breaker lifted");
    }

    private List<AuctionResult> uncrossAll()
    {
        final List<AuctionResult> results = new ArrayList<>();
        for (final Instrument instrument : referenceData.instruments())
        {
            AuctionResult result = engine.uncross(instrument.symbol());
            if (result == null)
            {
                // Not in auction (cannot happen in a phase change, but keep the list complete).
                final OrderBook book = engine.book(instrument.symbol());
                result = new AuctionResult(instrument.symbol(), book.lastTradePrice(), 0, 0,
                    engine.inClosingAuction());
            }
            if (statuses.get(instrument.symbol()) == InstrumentStatus.VOLATILITY_INTERRUPTION)
            {
                viGeneration.remove(instrument.symbol());
                status(instrument.symbol(), engine.isHalted(instrument.symbol()) ?
                    InstrumentStatus.HALTED : InstrumentStatus.TRADING, "volatility interruption ended");
            }
            results.add(result);
        }
        return results;
    }

    private long closingIndex(final Map<String, Long> closingPrices)
    {
        double sum = 0;
        for (final Constituent constituent : referenceData.basket())
        {
            sum += constituent.effectiveShares() *
                closingPrices.get(constituent.instrument().symbol()) / (double)FixedPoint.SCALE;
        }
        final double index = sum / referenceData.index().divisor();
        // Published indices have two decimals; round half up there, then scale.
        return Math.round(Math.floor(index * 100.0 + 0.5)) * (FixedPoint.SCALE / 100);
    }

    private void status(final String symbol, final InstrumentStatus status, final String text)
    {
        statuses.put(symbol, status);
        for (final MarketStatusListener listener : listeners)
        {
            listener.onInstrumentStatus(symbol, status, text);
        }
    }

    private void phase(final TradingPhase next, final String text)
    {
        phase = next;
        for (final MarketStatusListener listener : listeners)
        {
            listener.onPhase(next, text);
        }
    }

    private void requirePhase(final String action, final TradingPhase... allowed)
    {
        for (final TradingPhase candidate : allowed)
        {
            if (phase == candidate)
            {
                return;
            }
        }
        throw new IllegalStateException("cannot " + action + " in phase " + phase);
    }
}
