package io.basis.simulator;

import io.basis.simulator.control.ControlServer;
import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.exchange.TickTiming;
import io.basis.simulator.fault.FaultCommands;
import io.basis.simulator.fault.FaultControls;
import io.basis.simulator.fault.MarketDataThrottle;
import io.basis.simulator.fault.RandomRejects;
import io.basis.simulator.fault.ReportGate;
import io.basis.simulator.fault.SessionFaults;
import io.basis.simulator.fix.ExchangeApplication;
import io.basis.simulator.fix.FixAcceptor;
import io.basis.simulator.fix.ListStatusReports;
import io.basis.simulator.fix.MarketDataService;
import io.basis.simulator.fix.MarketStatusService;
import io.basis.simulator.fix.MessageSender;
import io.basis.simulator.fix.OrderEntryReports;
import io.basis.simulator.fix.SecurityDefinitions;
import io.basis.simulator.fix.SessionDefinition;
import io.basis.simulator.fix.SessionExtensions;
import io.basis.simulator.fix.SessionRole;
import io.basis.simulator.fix.VersionAdapter;
import io.basis.simulator.market.BookReplay;
import io.basis.simulator.market.MarketSource;
import io.basis.simulator.market.ReplayFile;
import io.basis.simulator.market.ReplayUpdate;
import io.basis.simulator.market.SyntheticMarket;
import io.basis.simulator.marketdata.BookSnapshot;
import io.basis.simulator.marketdata.MarketDataFeed;
import io.basis.simulator.matching.ExecutionListeners;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.program.ProgramList;
import io.basis.simulator.program.ProgramOrders;
import io.basis.simulator.record.ExchangeRecord;
import io.basis.simulator.record.RecordFile;
import io.basis.simulator.refdata.ReferenceData;
import io.basis.simulator.refdata.ReferenceDataLoader;
import io.basis.simulator.trading.MarketState;
import io.basis.simulator.trading.TradingDay;
import io.basis.simulator.trading.TradingDayClock;
import quickfix.SessionID;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * An embeddable FIX exchange: matching engine with auctions, synthetic market with an internal liquidity
 * provider, market data and order entry over FIX, faults on demand, and a record of everything that traded.
 * <pre>{@code
 * try (Simulator simulator = Simulator.start(new SimulatorConfig().orderEntryPort(p1).marketDataPort(p2)))
 * {
 *     ... connect a FIX initiator, trade ...
 *     simulator.faults().holdFills("005930");
 *     simulator.phases().startClosingAuction();
 *     long position = simulator.record().netPosition("BASIS-OE", "005930");
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable
{
    private final SimulatorConfig config;
    private final ReferenceData referenceData;
    private final ExchangeRecord record;
    private final MarketDataFeed feed;
    private final ExchangeLoop loop;
    private final FixAcceptor acceptor;
    private final FaultControls faults;
    private final TradingDay phases;
    private final FaultCommands commands;
    private final MarketDataThrottle throttle;
    private final TickTiming tickTiming;
    private final ProgramOrders programs;
    private final ControlServer control;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    private Simulator(final Parts parts, final FixAcceptor acceptor, final ControlServer control)
    {
        this.config = parts.config;
        this.referenceData = parts.referenceData;
        this.record = parts.record;
        this.feed = parts.feed;
        this.loop = parts.loop;
        this.faults = parts.faults;
        this.phases = parts.phases;
        this.commands = parts.commands;
        this.throttle = parts.throttle;
        this.tickTiming = parts.tickTiming;
        this.programs = parts.programs;
        this.acceptor = acceptor;
        this.control = control;
    }

    /**
     * Load the reference data, open the market, apply the start-up faults, start listening and start the market
     * clock.
     *
     * @param config configuration, validated here.
     * @return the running simulator.
     * @throws IllegalArgumentException                          if the configuration or a start-up fault is invalid.
     * @throws io.basis.simulator.refdata.ReferenceDataException if the reference data is invalid.
     * @throws IllegalStateException                             if the FIX acceptor cannot start.
     * @throws UncheckedIOException                              if the control port cannot be bound.
     */
    public static Simulator start(final SimulatorConfig config)
    {
        config.validate();
        final ReferenceData referenceData = config.referenceData() != null ? config.referenceData() :
            ReferenceDataLoader.load(config.referenceDataDirectory(), config.tradingDate());
        final Map<SessionID, SessionDefinition> sessions =
            FixAcceptor.definitions(config.exchangeCompId(), config.sessions());
        // Read before any thread starts, so a bad file fails cleanly.
        final List<ReplayUpdate> replay = config.replayFile() == null ? null :
            ReplayFile.load(config.replayFile(), referenceData, config.marketDepth());
        final Parts parts = new Parts(config, referenceData, sessions, replay);

        FixAcceptor acceptor = null;
        ControlServer control = null;
        try
        {
            for (final String fault : config.faults())
            {
                final String answer = parts.commands.execute(fault);
                if (!answer.startsWith("ok"))
                {
                    throw new IllegalArgumentException("fault '" + fault + "': " + answer);
                }
            }
            acceptor = FixAcceptor.start(parts.application, sessions, config.host(), config.orderEntryPort(),
                config.marketDataPort(), config.logSessionEvents(), config.keyStore(), config.keyStorePassword());
            if (config.controlPort() >= 0)
            {
                control = ControlServer.start(config.controlPort(), parts.commands::execute);
            }
        }
        catch (final RuntimeException ex)
        {
            if (acceptor != null)
            {
                acceptor.close();
            }
            parts.loop.close();
            parts.throttle.close();
            throw ex;
        }
        if (config.daySchedule() != null)
        {
            TradingDayClock.start(config.daySchedule(), parts.loop, parts.state);
        }
        parts.loop.startClock(parts::tick, config.market().tickMillis());
        return new Simulator(parts, acceptor, control);
    }

    /**
     * @return the port of the order-entry session.
     */
    public int orderEntryPort()
    {
        return acceptor.port(SessionRole.ORDER_ENTRY);
    }

    /**
     * @return the port of the market-data session.
     */
    public int marketDataPort()
    {
        return acceptor.port(SessionRole.MARKET_DATA);
    }

    /**
     * @return the control port, or -1 if none was configured.
     */
    public int controlPort()
    {
        return control == null ? -1 : control.port();
    }

    /**
     * @return the reference data the exchange lists.
     */
    public ReferenceData referenceData()
    {
        return referenceData;
    }

    /**
     * @return the exchange record; thread-safe.
     */
    public ExchangeRecord record()
    {
        return record;
    }

    /**
     * @return faults on demand; thread-safe.
     */
    public FaultControls faults()
    {
        return faults;
    }

    /**
     * @return the trading-day phases (auctions, close, settlement); thread-safe.
     */
    public TradingDay phases()
    {
        return phases;
    }

    /**
     * @return every program (NewOrderList or ListID-stamped legs) received, in arrival order; read on the exchange
     * thread, but the legs' orders keep changing there: inspect them only while the market is quiet.
     */
    public List<ProgramList> programs()
    {
        return loop.call(programs::lists);
    }

    /**
     * Execute one control command, exactly as the control port would.
     *
     * @param command e.g. {@code "halt 005930"}.
     * @return {@code ok ...} or {@code error <reason>}.
     */
    public String control(final String command)
    {
        return commands.execute(command);
    }

    /**
     * @return time the exchange thread spends per market tick (model, requotes, matching, market data).
     */
    public TickTiming.Summary tickTiming()
    {
        return tickTiming.summary();
    }

    /**
     * The last published depth of an instrument, read on the exchange thread.
     *
     * @param symbol instrument symbol.
     * @return the snapshot, or null if the symbol is not listed.
     */
    public BookSnapshot book(final String symbol)
    {
        return loop.call(() -> feed.snapshot(symbol));
    }

    /**
     * Stop the control port, the market clock and the FIX acceptor (logging sessions out), drain the exchange
     * thread, then write the record file if configured. Idempotent.
     *
     * @throws UncheckedIOException if the record file cannot be written (everything is stopped regardless).
     */
    @Override
    public void close()
    {
        synchronized (this)
        {
            if (closing)
            {
                return;
            }
            closing = true;
        }
        try
        {
            if (control != null)
            {
                control.close();
            }
            loop.stopClock();
            acceptor.close();
            loop.close();
            throttle.close();
            if (config.recordFile() != null)
            {
                RecordFile.write(record, config.recordFile());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write record file " + config.recordFile(), ex);
        }
        finally
        {
            closed.countDown();
        }
    }

    /**
     * Block until {@link #close()} has completed.
     *
     * @throws InterruptedException if interrupted while waiting.
     */
    public void awaitClose() throws InterruptedException
    {
        closed.await();
    }

    /**
     * The exchange's components, wired: senders wrapped by the fault gates, the engine gated by the market
     * state, the market opened.
     */
    private static final class Parts
    {
        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

        private final SimulatorConfig config;
        private final ReferenceData referenceData;
        private final ExchangeRecord record;
        private final MarketDataFeed feed;
        private final ExchangeLoop loop;
        private final MarketDataThrottle throttle;
        private final MarketSource market;
        private final MarketState state;
        private final MarketDataService marketData;
        private final TickTiming tickTiming = new TickTiming();
        private final FaultControls faults;
        private final TradingDay phases;
        private final FaultCommands commands;
        private final ExchangeApplication application;
        private final ProgramOrders programs;

        private Parts(
            final SimulatorConfig config, final ReferenceData referenceData,
            final Map<SessionID, SessionDefinition> sessions, final List<ReplayUpdate> replay)
        {
            this.config = config;
            this.referenceData = referenceData;
            final MessageSender sender = new VersionAdapter(MessageSender.quickFixJ(), sessions);
            throttle = new MarketDataThrottle(sender);
            record = new ExchangeRecord(Set.of(config.market().liquidityAccount()));
            feed = new MarketDataFeed(referenceData, config.marketDepth());
            marketData = new MarketDataService(feed, throttle, id -> sessions.get(id) == null ||
                sessions.get(id).extensions() == SessionExtensions.STANDARD);
            loop = new ExchangeLoop("simulator-exchange", () -> feed.publish(marketData));
            final ReportGate reports = new ReportGate(sender, loop);
            programs = new ProgramOrders(new ListStatusReports(reports));
            final MatchingEngine engine = new MatchingEngine(referenceData, config.matchingRules(),
                new ExecutionListeners(List.of(record, feed, programs, new OrderEntryReports(reports))));
            programs.engine(engine);
            final MarketStatusService marketStatus = new MarketStatusService(referenceData, throttle);
            state = new MarketState(referenceData, engine, loop, List.of(marketStatus, record));
            marketStatus.marketState(state);
            final RandomRejects rejects = new RandomRejects(config.faultSeed());
            engine.admission(state.andThen(rejects));
            market = replay == null ? new SyntheticMarket(referenceData, config.market(), engine) :
                new BookReplay(referenceData, engine, config.market().liquidityAccount(), config.market().tickMillis(),
                    replay, config.marketDepth());
            market.quotable(state::quotable);

            // Reports pass the fault gate; market data and market status pass the slow-consumer throttle; all
            // leave through the version adapter.

            // The market opens before anyone can connect, so the first snapshot already shows a full book.
            loop.call(() ->
            {
                market.open();
                feed.publish(marketData);
                return null;
            });

            final SessionFaults sessionFaults = new SessionFaults(FixAcceptor.roles(sessions), loop);
            faults = new FaultControls(loop, engine, state, reports, rejects, sessionFaults, throttle,
                config.faultSeed(), config.volatilityInterruption());
            phases = new TradingDay(loop, state);
            commands = new FaultCommands(faults, phases);
            application = new ExchangeApplication(sessions, loop, engine, marketData, record, marketStatus,
                new SecurityDefinitions(referenceData, sender, config.securityDefinitionsOnLogon()), programs);
            record.tickTiming(tickTiming);
        }

        /**
         * One market tick, timed including its market data (publishing here leaves nothing for the loop's
         * after-task hook).
         */
        private void tick()
        {
            final long start = System.nanoTime();
            final long cpuStart = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
            market.tick();
            feed.publish(marketData);
            final long cpu = cpuStart < 0 ? -1 : CPU.getCurrentThreadCpuTime() - cpuStart;
            tickTiming.record(System.nanoTime() - start, cpu);
        }
    }
}
