package io.basis.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import io.aeron.CommonContext;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.GatewayConfigException;
import io.basis.gateway.ops.GatewayProbe;
import io.basis.gateway.ops.IdleMode;

/**
 * Everything {@link Gateway#launch} needs. Immutable; build with {@link #builder()}.
 */
public final class GatewayConfig
{
    /** Account (1) on every order unless configured. */
    public static final String DEFAULT_ACCOUNT = "BASIS1";
    /** How long a message that must reach the engine waits for one to connect. */
    public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(5);
    /** Capacity of the backlog kept for an absent or back-pressured engine: about 100,000 execution reports. */
    public static final int DEFAULT_ENGINE_BACKLOG_BYTES = 8 * 1024 * 1024;
    /** Default of {@link #connectAttempts()}: with QuickFIX/J's ReconnectInterval=1, about half a minute. */
    public static final int DEFAULT_CONNECT_ATTEMPTS = 30;

    private final Path settingsFile;
    private final String aeronDirectoryName;
    private final boolean embeddedDriver;
    private final String account;
    private final IdleMode idleMode;
    private final Duration publishTimeout;
    private final int engineBacklogBytes;
    private final int connectAttempts;
    private final GatewayProbe probe;

    private GatewayConfig(final Builder builder)
    {
        settingsFile = Objects.requireNonNull(builder.settingsFile, "settingsFile");
        aeronDirectoryName = builder.aeronDirectoryName != null ?
            builder.aeronDirectoryName : CommonContext.getAeronDirectoryName();
        embeddedDriver = builder.embeddedDriver;
        account = Objects.requireNonNull(builder.account, "account");
        idleMode = Objects.requireNonNull(builder.idleMode, "idleMode");
        publishTimeout = Objects.requireNonNull(builder.publishTimeout, "publishTimeout");
        if (account.isBlank())
        {
            throw new GatewayConfigException("account must not be blank");
        }
        engineBacklogBytes = builder.engineBacklogBytes;
        if (engineBacklogBytes < 4096)
        {
            throw new GatewayConfigException("engine backlog must be at least 4096 bytes, not " + engineBacklogBytes);
        }
        if (publishTimeout.isNegative())
        {
            throw new GatewayConfigException("publish timeout must not be negative");
        }
        connectAttempts = builder.connectAttempts;
        probe = Objects.requireNonNull(builder.probe, "probe");
        if (connectAttempts < 0)
        {
            throw new GatewayConfigException("connect attempts must be 0 (no limit) or more, not " + connectAttempts);
        }
    }

    /**
     * @return how many failed connection attempts a FIX session may make before its first logon before the gateway
     * gives up (0: no limit). Every failure is logged; after a first logon reconnection never gives up.
     */
    public int connectAttempts()
    {
        return connectAttempts;
    }

    /**
     * @return the hooks told of each tick's and order's hops through the gateway; {@link GatewayProbe#NONE} unless
     * a benchmark set one.
     */
    public GatewayProbe probe()
    {
        return probe;
    }

    /**
     * @return a builder with the defaults.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @return the QuickFIX/J settings file.
     */
    public Path settingsFile()
    {
        return settingsFile;
    }

    /**
     * @return the Aeron directory the gateway (and, if embedded, its media driver) uses.
     */
    public String aeronDirectoryName()
    {
        return aeronDirectoryName;
    }

    /**
     * @return whether the gateway launches its own media driver.
     */
    public boolean embeddedDriver()
    {
        return embeddedDriver;
    }

    /**
     * @return Account (1) on every order.
     */
    public String account()
    {
        return account;
    }

    /**
     * @return how the gateway agent idles.
     */
    public IdleMode idleMode()
    {
        return idleMode;
    }

    /**
     * @return how long messages may wait in the backlog for the engine before {@link Alarm#ENGINE_PUBLISH_TIMEOUT}.
     */
    public Duration publishTimeout()
    {
        return publishTimeout;
    }

    /**
     * @return capacity in bytes of the backlog kept for an absent or back-pressured engine.
     */
    public int engineBacklogBytes()
    {
        return engineBacklogBytes;
    }

    @Override
    public String toString()
    {
        return "settings=" + settingsFile + " aeronDir=" + aeronDirectoryName + " embeddedDriver=" + embeddedDriver +
            " account=" + account + " idle=" + idleMode.name().toLowerCase(Locale.ROOT) +
            " publishTimeoutMs=" + publishTimeout.toMillis() + " engineBacklogBytes=" + engineBacklogBytes +
            " connectAttempts=" + connectAttempts;
    }

    /**
     * Mutable builder of a {@link GatewayConfig}.
     */
    public static final class Builder
    {
        private Path settingsFile;
        private String aeronDirectoryName;
        private boolean embeddedDriver;
        private String account = DEFAULT_ACCOUNT;
        private IdleMode idleMode = IdleMode.BACKOFF;
        private Duration publishTimeout = DEFAULT_PUBLISH_TIMEOUT;
        private int engineBacklogBytes = DEFAULT_ENGINE_BACKLOG_BYTES;
        private int connectAttempts = DEFAULT_CONNECT_ATTEMPTS;
        private GatewayProbe probe = GatewayProbe.NONE;

        private Builder()
        {
        }

        /**
         * @param settingsFile QuickFIX/J settings with one ORDER_ENTRY and one MARKET_DATA session. Required.
         * @return this.
         */
        public Builder settingsFile(final Path settingsFile)
        {
            this.settingsFile = settingsFile;
            return this;
        }

        /**
         * @param aeronDirectoryName Aeron directory; default {@link CommonContext#getAeronDirectoryName()}.
         * @return this.
         */
        public Builder aeronDirectoryName(final String aeronDirectoryName)
        {
            this.aeronDirectoryName = aeronDirectoryName;
            return this;
        }

        /**
         * @param embeddedDriver launch a media driver inside the gateway; default false.
         * @return this.
         */
        public Builder embeddedDriver(final boolean embeddedDriver)
        {
            this.embeddedDriver = embeddedDriver;
            return this;
        }

        /**
         * @param account Account (1) on every order; default {@value #DEFAULT_ACCOUNT}.
         * @return this.
         */
        public Builder account(final String account)
        {
            this.account = account;
            return this;
        }

        /**
         * @param idleMode how the gateway agent idles; default {@link IdleMode#BACKOFF}.
         * @return this.
         */
        public Builder idleMode(final IdleMode idleMode)
        {
            this.idleMode = idleMode;
            return this;
        }

        /**
         * @param publishTimeout how long messages may wait for the engine before an alarm; default 5 s.
         * @return this.
         */
        public Builder publishTimeout(final Duration publishTimeout)
        {
            this.publishTimeout = publishTimeout;
            return this;
        }

        /**
         * @param engineBacklogBytes capacity of the backlog for an absent or back-pressured engine; default 8 MiB.
         * @return this.
         */
        public Builder engineBacklogBytes(final int engineBacklogBytes)
        {
            this.engineBacklogBytes = engineBacklogBytes;
            return this;
        }

        /**
         * @param connectAttempts failed connection attempts per session before its first logon before the gateway
         *                        gives up, 0 for no limit; default {@value #DEFAULT_CONNECT_ATTEMPTS}.
         * @return this.
         */
        public Builder connectAttempts(final int connectAttempts)
        {
            this.connectAttempts = connectAttempts;
            return this;
        }

        /**
         * @param probe hooks at the hops of ticks and orders through the gateway (latency breakdowns); default
         *              {@link GatewayProbe#NONE}.
         * @return this.
         */
        public Builder probe(final GatewayProbe probe)
        {
            this.probe = probe;
            return this;
        }

        /**
         * @return the configuration.
         * @throws NullPointerException   if the settings file is missing.
         * @throws GatewayConfigException if a value is invalid.
         */
        public GatewayConfig build()
        {
            return new GatewayConfig(this);
        }
    }
}
