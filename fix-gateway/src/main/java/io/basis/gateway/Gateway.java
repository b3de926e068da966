package io.basis.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.AeronException;
import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.EnginePublisher;
import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.marketdata.MarketDataSubscriptions;
import io.basis.gateway.marketdata.MarketDataTranslator;
import io.basis.gateway.marketdata.MarketStatusTranslator;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.CountersMirror;
import io.basis.gateway.ops.GatewayConfigException;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.gateway.order.ExecutionTranslator;
import io.basis.gateway.order.ListStatusTranslator;
import io.basis.gateway.order.OrderEntryRejects;
import io.basis.gateway.order.OrderStatusRecovery;
import io.basis.gateway.order.OrderTranslator;
import io.basis.gateway.session.ConnectionAttempts;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.FixSession;
import io.basis.gateway.session.GatewayApplication;
import io.basis.gateway.session.HandOffInitiator;
import io.basis.gateway.session.QfjFixSession;
import io.basis.gateway.session.RoleAwareStoreFactory;
import io.basis.gateway.session.SentMessages;
import io.basis.gateway.session.SessionEventLogFactory;
import io.basis.gateway.session.SessionRoles;
import io.basis.gateway.session.SessionRouter;
import io.basis.gateway.session.SessionStatusPublisher;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.SessionRole;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.DefaultSessionFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * The FIX gateway: QuickFIX/J sessions to the exchange (any number of order-entry and market-data sessions, each
 * instrument routed to one of each by {@link SessionRouter}) on one side, SBE over Aeron IPC to the engine on the
 * other.
 * <p>
 * One thread owns the gateway's state: the gateway agent ({@link GatewayAgent}) translates engine messages to FIX
 * and, through the {@link FixHandOff}, everything QuickFIX/J's threads receive to SBE; it alone publishes through
 * the {@link EnginePublisher}, whose backlog keeps what an absent or slow engine cannot take yet. QuickFIX/J's
 * threads (its socket I/O, its timer) only read, parse, hand over and send
 * (docs/architecture.md, "Gateway threads"). Every ClOrdID is written ahead to the {@link OrderJournal}, so that
 * after a restart the gateway asks the exchange for the state of every order it may have left working.
 */
public final class Gateway implements AutoCloseable
{
    /** Directory of the {@link OrderJournal}, inside the first order-entry session's FileStorePath. */
    public static final String JOURNAL_DIRECTORY = "basis-journal";
    /** Journal capacity: about 340,000 orders with a cancel each, per gateway run. */
    private static final int JOURNAL_RECORDS = 1 << 20;
    /** Messages read, not yet processed by the agent (QuickFIX/J's SocketInitiator queues 10,000); a power of 2. */
    private static final int HAND_OFF_CAPACITY = 16 * 1024;

    private final GatewayConfig config;
    private final SessionRoles roles;
    private final Alarms alarms = new Alarms();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private final InstrumentDirectory directory = new InstrumentDirectory();
    private MediaDriver driver;
    private Aeron aeron;
    private GatewayCounters counters;
    private CountersMirror countersMirror;
    private SessionStatusPublisher sessionStatus;
    private AgentRunner agentRunner;
    private HandOffInitiator initiator;
    private OrderJournal journal;
    private int openOrdersAtStart;

    private Gateway(final GatewayConfig config, final SessionRoles roles)
    {
        this.config = config;
        this.roles = roles;
    }

    /**
     * Start a gateway: media driver (if embedded), Aeron client, gateway agent, then the FIX sessions, which log on
     * in the background.
     *
     * @param config what to start.
     * @return the running gateway; close it to stop.
     * @throws GatewayConfigException if the settings are unusable.
     */
    public static Gateway launch(final GatewayConfig config)
    {
        final SessionSettings settings = loadSettings(config);
        final Gateway gateway = new Gateway(config,
            SessionRoles.load(settings, config.settingsFile().toAbsolutePath().getParent()));
        try
        {
            gateway.start(settings);
            return gateway;
        }
        catch (final RuntimeException ex)
        {
            gateway.close();
            throw ex;
        }
    }

    private static SessionSettings loadSettings(final GatewayConfig config)
    {
        if (!Files.isReadable(config.settingsFile()))
        {
            throw new GatewayConfigException("cannot read QuickFIX/J settings file " + config.settingsFile());
        }
        try
        {
            return new SessionSettings(config.settingsFile().toString());
        }
        catch (final ConfigError ex)
        {
            throw new GatewayConfigException("bad QuickFIX/J settings file " + config.settingsFile() + ": " +
                ex.getMessage(), ex);
        }
    }

    private void start(final SessionSettings settings)
    {
        String aeronDir = config.aeronDirectoryName();
        if (config.embeddedDriver())
        {
            driver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(aeronDir)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
            aeronDir = driver.aeronDirectoryName();
        }
        try
        {
            // The conductor runs on the gateway agent, which owns everything that writes into the client's mapped
            // files; a driver timeout is reported, never handled by Aeron's default of exiting the JVM.
            aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(aeronDir)
                .useConductorAgentInvoker(true)
                .errorHandler(this::onAeronError));
        }
        catch (final AeronException ex)
        {
            throw new GatewayConfigException("no media driver at " + aeronDir +
                " (start one, or launch the gateway with an embedded driver): " + ex.getMessage(), ex);
        }
        counters = GatewayCounters.inMemory();
        countersMirror = new CountersMirror(aeron, counters);
        alarms.mirrorTo(counters);
        final Publication toEngine = aeron.addPublication(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
        final Subscription fromEngine = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);

        final EnginePublisher toEngineSink = new EnginePublisher(toEngine, config.engineBacklogBytes(),
            config.publishTimeout().toNanos(), closing::get, counters, alarms);
        journal = OrderJournal.open(journalDirectory(settings), JOURNAL_RECORDS);
        openOrdersAtStart = journal.openOrderCount();
        final SessionRouter router = roles.router();

        // Per order-entry session, in SessionRoles order (the journal's and the router's session index).
        final List<SessionID> orderEntrySessions = roles.orderEntrySessions();
        final FixSession[] orderEntry = new FixSession[orderEntrySessions.size()];
        final OrderTranslator[] orders = new OrderTranslator[orderEntry.length];
        final ExecutionTranslator[] executions = new ExecutionTranslator[orderEntry.length];
        for (int i = 0; i < orderEntry.length; i++)
        {
            final SessionID sessionId = orderEntrySessions.get(i);
            final Dialect dialect = roles.dialectOf(sessionId);
            orderEntry[i] = new QfjFixSession(sessionId);
            orders[i] = new OrderTranslator(directory, orderEntry[i], toEngineSink, alarms, config.account(),
                dialect, sessionId.getBeginString(), journal, i);
            executions[i] = new ExecutionTranslator(directory, toEngineSink, alarms, journal);
            if (orders[i].lists() != null)
            {
                // List mode: the ListStatus answers go to the lists the agent sent on that session.
                executions[i].listStatusTranslator(new ListStatusTranslator(orders[i].lists().sent(),
                    orderEntry[i], toEngineSink, alarms, journal, dialect));
            }
        }
        final Dialect[] orderEntryDialects = new Dialect[orderEntry.length];
        for (int i = 0; i < orderEntry.length; i++)
        {
            orderEntryDialects[i] = roles.dialectOf(orderEntrySessions.get(i));
        }
        final OrderStatusRecovery orderStatus = new OrderStatusRecovery(journal, orderEntry, orderEntryDialects,
            toEngineSink, counters, alarms);
        // Per order-entry session: what went out by MsgSeqNum, so a reject of it ends its order in a known state.
        final SentMessages[] sent = new SentMessages[orderEntry.length];
        final OrderEntryRejects[] rejects = new OrderEntryRejects[orderEntry.length];
        for (int i = 0; i < orderEntry.length; i++)
        {
            sent[i] = new SentMessages();
            rejects[i] = new OrderEntryRejects(toEngineSink, alarms, journal, sent[i], orderStatus);
            executions[i].rejects(rejects[i]);
        }

        final List<SessionID> marketDataSessions = roles.marketDataSessions();
        sessionStatus = new SessionStatusPublisher(counters.sessionsUp,
            TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()), orderEntry.length,
            marketDataSessions.size());
        final MarketDataSubscriptions[] subscriptions = new MarketDataSubscriptions[marketDataSessions.size()];
        final MarketDataTranslator[] marketData = new MarketDataTranslator[subscriptions.length];
        for (int i = 0; i < subscriptions.length; i++)
        {
            final SessionID sessionId = marketDataSessions.get(i);
            final int index = i;
            final Predicate<String> routed =
                symbol -> router.marketDataIndex(symbol, directory.kindOf(symbol)) == index;
            subscriptions[i] = new MarketDataSubscriptions(new QfjFixSession(sessionId), directory,
                roles.dialectOf(sessionId).marketStatusRequests(), routed);
            marketData[i] = new MarketDataTranslator(directory, toEngineSink, alarms, subscriptions[i]::subscribe,
                counters, routed);
        }
        // One market status for all market-data sessions: the engine knows one market phase. The sidecar tag is
        // the first market-data session's.
        final MarketStatusTranslator marketStatus = new MarketStatusTranslator(directory, toEngineSink, alarms,
            counters, roles.marketDataDialect().sidecarTag());

        final ExchangeInbound inbound = new ExchangeInbound(roles, marketData, marketStatus, executions,
            subscriptions, sessionStatus, toEngineSink, counters, alarms, orderStatus, rejects, config.probe());
        final FixHandOff handOff = new FixHandOff(HAND_OFF_CAPACITY, inbound);
        final GatewayAgent agent = new GatewayAgent(fromEngine, toEngine, directory, router, orders, subscriptions,
            sessionStatus, marketStatus, toEngineSink, orderStatus, counters, alarms, aeron, countersMirror,
            this::fail, config.probe(), handOff);
        agentRunner = new AgentRunner(config.idleMode().newIdleStrategy(), this::onAgentError, null, agent);
        AgentRunner.startOnThread(agentRunner);

        final GatewayApplication application = new GatewayApplication(roles, handOff, counters, alarms, sent);
        try
        {
            final DefaultSessionFactory sessions = new DefaultSessionFactory(application,
                new RoleAwareStoreFactory(settings, roles), new SessionEventLogFactory(), new DefaultMessageFactory());
            // Not QuickFIX/J's SocketInitiator: what its socket threads parse is processed on the gateway agent.
            initiator = new HandOffInitiator((sessionId, sessionSettings) ->
            {
                final Session session = sessions.create(sessionId, sessionSettings);
                session.addStateListener(connectionAttempts(sessionId, sessionSettings));
                return session;
            }, settings, handOff);
            initiator.start();
        }
        catch (final ConfigError ex)
        {
            throw new GatewayConfigException("QuickFIX/J refused the settings: " + ex.getMessage(), ex);
        }
    }

    /** Every failed connection is one line; too many before the first logon stop the gateway. */
    private ConnectionAttempts connectionAttempts(final SessionID sessionId, final SessionSettings settings)
    {
        final String role = roles.roleOf(sessionId) == SessionRole.MARKET_DATA ? "market data" : "order entry";
        String address = "?";
        long retrySeconds = 30;
        try
        {
            address = settings.getString(sessionId, "SocketConnectHost") + ":" +
                settings.getString(sessionId, "SocketConnectPort");
            if (settings.isSetting(sessionId, "ReconnectInterval"))
            {
                retrySeconds = settings.getLong(sessionId, "ReconnectInterval");
            }
        }
        catch (final ConfigError | quickfix.FieldConvertError ex)
        {
            // QuickFIX/J itself refuses such settings before any connection is made.
        }
        return new ConnectionAttempts(role + " " + sessionId, address, config.connectAttempts(), retrySeconds,
            line -> System.err.println("basis-gateway: " + line), this::fail);
    }

    /**
     * Stop trying: the gateway cannot work (its exchange unreachable, its media driver gone). Whoever waits in
     * {@link #awaitFailure()} gets the reason, says it in one line and closes the gateway; the first reason wins.
     */
    private void fail(final String reason)
    {
        failure.complete(reason);
    }

    /**
     * Wait until the gateway can no longer work on its own: no session reached its exchange within
     * {@link GatewayConfig#connectAttempts()}, or the media driver went away. It keeps running until then; the caller
     * says the reason in one line and closes it.
     *
     * @return the reason, one line.
     * @throws InterruptedException if the waiting thread is interrupted.
     */
    public String awaitFailure() throws InterruptedException
    {
        try
        {
            return failure.get();
        }
        catch (final java.util.concurrent.ExecutionException ex)
        {
            return String.valueOf(ex.getCause());
        }
    }

    /**
     * @return the reason the gateway can no longer work, or null while it can.
     */
    public String failure()
    {
        return failure.getNow(null);
    }

    /**
     * The journal lives next to QuickFIX/J's store of the (first) order-entry session: the two describe the same
     * orders and sequence numbers, and are kept or deleted together. One journal serves every order-entry session;
     * each record names its session.
     */
    private Path journalDirectory(final SessionSettings settings)
    {
        try
        {
            return Path.of(settings.getString(roles.orderEntry(), "FileStorePath")).resolve(JOURNAL_DIRECTORY);
        }
        catch (final ConfigError ex)
        {
            throw new GatewayConfigException("order-entry session needs FileStorePath: " + ex.getMessage(), ex);
        }
    }

    private void onAeronError(final Throwable throwable)
    {
        if (throwable instanceof io.aeron.exceptions.DriverTimeoutException)
        {
            fail("lost the media driver at " + aeronDirectoryName() + ": " + throwable.getMessage());
            return;
        }
        if (throwable instanceof org.agrona.concurrent.AgentTerminationException)
        {
            // The client's conductor stopping itself, after the loss of its driver was reported above.
            fail("the Aeron client stopped (media driver at " + aeronDirectoryName() + " gone)");
            return;
        }
        onAgentError(throwable);
    }

    private void onAgentError(final Throwable throwable)
    {
        alarms.raise(Alarm.AGENT_ERROR, String.valueOf(throwable));
        if (alarms.count(Alarm.AGENT_ERROR) == 1)
        {
            throwable.printStackTrace();
        }
    }

    /**
     * @return the configuration the gateway runs with.
     */
    public GatewayConfig config()
    {
        return config;
    }

    /**
     * @return orders the order journal held open when the gateway started (a restart): each is asked about.
     */
    public int openOrdersAtStart()
    {
        return openOrdersAtStart;
    }

    /**
     * @return which session does what.
     */
    public SessionRoles roles()
    {
        return roles;
    }

    /**
     * @return the gateway's alarm counts.
     */
    public Alarms alarms()
    {
        return alarms;
    }

    /**
     * @return the Aeron directory the engine must connect to.
     */
    public String aeronDirectoryName()
    {
        return driver != null ? driver.aeronDirectoryName() : config.aeronDirectoryName();
    }

    /**
     * Whether a role's FIX sessions are all logged on.
     *
     * @param role which role.
     * @return true if every session of it is logged on.
     */
    public boolean isLoggedOn(final SessionRole role)
    {
        return sessionStatus != null && sessionStatus.isLoggedOn(role);
    }

    /**
     * Log out and stop: FIX sessions first (so their logout still reaches the engine: the agent handles what they
     * handed over before it stops), then the agent, the Aeron client and the embedded driver. Idempotent. Safe
     * after the driver went away: the QuickFIX/J threads never write into the Aeron client's mapped files, and the
     * agent stopped writing when the client closed.
     */
    @Override
    public void close()
    {
        if (!closing.compareAndSet(false, true))
        {
            return;
        }
        // The closing flag already stops publishers waiting for an absent engine, so stop() cannot hang on them.
        if (initiator != null)
        {
            initiator.stop();
        }
        CloseHelper.quietClose(agentRunner);
        // Alarms may still be raised after this (by a late QuickFIX/J callback); never into a closed counter.
        alarms.mirrorTo(null);
        // QuickFIX/J and the agent have stopped: nothing writes into the client's files any more.
        CloseHelper.quietCloseAll(journal, countersMirror, counters, aeron, driver);
        final String summary = alarms.summary();
        if (!summary.isEmpty())
        {
            System.err.println("basis-gateway alarms: " + summary);
        }
    }
}
