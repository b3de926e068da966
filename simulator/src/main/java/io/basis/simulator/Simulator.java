package io.basis.simulator;

import io.basis.simulator.exchange.ExchangeLoop;
import io.basis.simulator.fix.ExchangeApplication;
import io.basis.simulator.fix.FixAcceptor;
import io.basis.simulator.fix.MarketDataService;
import io.basis.simulator.fix.MessageSender;
import io.basis.simulator.fix.OrderEntryReports;
import io.basis.simulator.fix.SessionRole;
import io.basis.simulator.market.SyntheticMarket;
import io.basis.simulator.marketdata.BookSnapshot;
import io.basis.simulator.marketdata.MarketDataFeed;
import io.basis.simulator.matching.ExecutionListeners;
import io.basis.simulator.matching.MatchingEngine;
import io.basis.simulator.record.ExchangeRecord;
import io.basis.simulator.record.RecordFile;
import io.basis.simulator.refdata.ReferenceData;
import io.basis.simulator.refdata.ReferenceDataLoader;
import quickfix.SessionID;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * An embeddable FIX exchange: matching engine, synthetic market with an internal liquidity provider, market data
 * and order entry over FIX 4.4, and a record of everything that traded.
 * <pre>{@code
 * try (Simulator simulator = Simulator.start(new SimulatorConfig().orderEntryPort(p1).marketDataPort(p2)))
 * {
 *     ... connect a FIX initiator, trade ...
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
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    private Simulator(
        final SimulatorConfig config,
        final ReferenceData referenceData,
        final ExchangeRecord record,
        final MarketDataFeed feed,
        final ExchangeLoop loop,
        final FixAcceptor acceptor)
    {
        this.config = config;
        this.referenceData = referenceData;
        this.record = record;
        this.feed = feed;
        this.loop = loop;
        this.acceptor = acceptor;
    }

    /**
     * Load the reference data, open the market, start listening and start the market clock.
     *
     * @param config configuration, validated here.
     * @return the running simulator.
     * @throws IllegalArgumentException                               if the configuration is invalid.
     * @throws io.basis.simulator.refdata.ReferenceDataException if the reference data is invalid.
     * @throws IllegalStateException                                  if the FIX acceptor cannot start.
     */
    public static Simulator start(final SimulatorConfig config)
    {
        config.validate();
        final ReferenceData referenceData = config.referenceData() != null ? config.referenceData() :
            ReferenceDataLoader.load(config.referenceDataDirectory(), config.tradingDate());

        final MessageSender sender = MessageSender.quickFixJ();
        final ExchangeRecord record = new ExchangeRecord(Set.of(config.market().liquidityAccount()));
        final MarketDataFeed feed = new MarketDataFeed(referenceData, config.marketDepth());
        final MarketDataService marketData = new MarketDataService(feed, sender);
        final MatchingEngine engine = new MatchingEngine(referenceData, config.matchingRules(),
            new ExecutionListeners(List.of(record, feed, new OrderEntryReports(sender))));
        final SyntheticMarket market = new SyntheticMarket(referenceData, config.market(), engine);
        final ExchangeLoop loop = new ExchangeLoop("simulator-exchange", () -> feed.publish(marketData));

        // The market opens before anyone can connect, so the first snapshot already shows a full book.
        loop.call(() ->
        {
            market.open();
            feed.publish(marketData);
            return null;
        });

        final Map<SessionID, SessionRole> roles = FixAcceptor.sessions(
            config.exchangeCompId(), config.orderEntryCompId(), config.marketDataCompId());
        final FixAcceptor acceptor;
        try
        {
            acceptor = FixAcceptor.start(new ExchangeApplication(roles, loop, engine, marketData, record), roles,
                config.host(), config.orderEntryPort(), config.marketDataPort(), config.logSessionEvents());
        }
        catch (final RuntimeException ex)
        {
            loop.close();
            throw ex;
        }
        loop.startClock(market::tick, config.market().tickMillis());
        return new Simulator(config, referenceData, record, feed, loop, acceptor);
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
     * Stop the market clock and the FIX acceptor (logging sessions out), drain the exchange thread, then write
     * the record file if configured. Idempotent.
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
            loop.stopClock();
            acceptor.close();
            loop.close();
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
}
