package io.basis.gateway;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.AeronException;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.SessionRole;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

/**
 * The FIX gateway: QuickFIX/J sessions to the exchange on one side, SBE over Aeron IPC to the engine on the other.
 * <p>
 * Two threads do the work: the QuickFIX/J initiator thread (all session callbacks, FIX to SBE) and the gateway
 * agent (engine messages, SBE to FIX). Each encodes into its own buffers and publishes through its own
 * {@link EnginePublisher} on the shared, thread-safe publication.
 */
public final class Gateway implements AutoCloseable
{
    private final GatewayConfig config;
    private final SessionRoles roles;
    private final Alarms alarms = new Alarms();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final InstrumentDirectory directory = new InstrumentDirectory();
    private MediaDriver driver;
    private Aeron aeron;
    private GatewayCounters counters;
    private SessionStatusPublisher sessionStatus;
    private AgentRunner agentRunner;
    private SocketInitiator initiator;

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
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
        }
        catch (final AeronException ex)
        {
            throw new GatewayConfigException("no media driver at " + aeronDir +
                " (start one, or launch the gateway with an embedded driver): " + ex.getMessage(), ex);
        }
        counters = new GatewayCounters(aeron);
        alarms.mirrorTo(counters);
        final Publication toEngine = aeron.addPublication(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
        final Subscription fromEngine = aeron.addSubscription(Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);

        final long publishTimeoutNs = config.publishTimeout().toNanos();
        final EnginePublisher agentSink = new EnginePublisher(toEngine, config.idleMode().newIdleStrategy(),
            publishTimeoutNs, closing::get, counters, alarms);
        final EnginePublisher fixSink = new EnginePublisher(toEngine, config.idleMode().newIdleStrategy(),
            publishTimeoutNs, closing::get, counters, alarms);

        sessionStatus = new SessionStatusPublisher(counters.sessionsUp);
        final Dialect marketDataDialect = roles.marketDataDialect();
        final MarketDataSubscriptions subscriptions = new MarketDataSubscriptions(
            new QfjFixSession(roles.marketData()), directory, marketDataDialect.marketStatusRequests());
        final OrderTranslator orders = new OrderTranslator(directory, new QfjFixSession(roles.orderEntry()),
            agentSink, alarms, config.account(), roles.orderEntryDialect(), roles.orderEntry().getBeginString());
        final MarketStatusTranslator marketStatus =
            new MarketStatusTranslator(directory, fixSink, alarms, counters, marketDataDialect.sidecarTag());

        final GatewayAgent agent = new GatewayAgent(fromEngine, toEngine, directory, orders, subscriptions,
            sessionStatus, marketStatus, agentSink, counters, alarms);
        agentRunner = new AgentRunner(config.idleMode().newIdleStrategy(), this::onAgentError, null, agent);
        AgentRunner.startOnThread(agentRunner);

        final GatewayApplication application = new GatewayApplication(
            roles,
            new MarketDataTranslator(directory, fixSink, alarms, subscriptions::subscribe, counters),
            marketStatus,
            new ExecutionTranslator(directory, fixSink, alarms),
            subscriptions,
            sessionStatus,
            fixSink,
            counters,
            alarms);
        try
        {
            // SocketInitiator, not ThreadedSocketInitiator: one thread runs every callback of both sessions.
            initiator = new SocketInitiator(application, new RoleAwareStoreFactory(settings, roles), settings,
                new SessionEventLogFactory(), new DefaultMessageFactory());
            initiator.start();
        }
        catch (final ConfigError ex)
        {
            throw new GatewayConfigException("QuickFIX/J refused the settings: " + ex.getMessage(), ex);
        }
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
     * Whether a FIX session is logged on.
     *
     * @param role which session.
     * @return true if logged on.
     */
    public boolean isLoggedOn(final SessionRole role)
    {
        return sessionStatus != null && sessionStatus.isLoggedOn(role);
    }

    /**
     * Log out and stop: FIX sessions first (so their logout still reaches the engine), then the agent, the Aeron
     * client and the embedded driver. Idempotent.
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
        CloseHelper.quietCloseAll(counters, aeron, driver);
        final String summary = alarms.summary();
        if (!summary.isEmpty())
        {
            System.err.println("basis-gateway alarms: " + summary);
        }
    }
}
