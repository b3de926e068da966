package io.basis.simulator;

import io.basis.simulator.fix.SessionDefinition;
import io.basis.simulator.fix.SessionExtensions;
import io.basis.simulator.fix.SessionRole;
import io.basis.simulator.market.MarketParameters;
import io.basis.simulator.matching.MatchingRules;
import io.basis.simulator.refdata.ReferenceData;
import io.basis.simulator.trading.DaySchedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of a {@link Simulator}, fluent in the style of an Aeron context: {@code new SimulatorConfig()}
 * holds the defaults, setters return {@code this}.
 */
public final class SimulatorConfig
{
    /** Default order-entry port. */
    public static final int DEFAULT_ORDER_ENTRY_PORT = 9878;
    /** Default market-data port. */
    public static final int DEFAULT_MARKET_DATA_PORT = 9879;
    /** Default simulated trading date (selects the tick tables in force). */
    public static final LocalDate DEFAULT_TRADING_DATE = LocalDate.of(2026, 11, 23);

    private Path referenceDataDirectory = Path.of("refdata", "kospi200");
    private ReferenceData referenceData;
    private LocalDate tradingDate = DEFAULT_TRADING_DATE;
    private String host = "127.0.0.1";
    private int orderEntryPort = DEFAULT_ORDER_ENTRY_PORT;
    private int marketDataPort = DEFAULT_MARKET_DATA_PORT;
    private String exchangeCompId = "SIM";
    private String orderEntryCompId = "BASIS-OE";
    private String marketDataCompId = "BASIS-MD";
    private Path recordFile;
    private MatchingRules matchingRules = MatchingRules.KRX;
    private MarketParameters market = new MarketParameters();
    private int marketDepth = 10;
    private boolean logSessionEvents = true;
    private int controlPort = -1;
    private final List<String> faults = new ArrayList<>();
    private long faultSeed = 1;
    private final List<SessionDefinition> extraSessions = new ArrayList<>();
    private boolean defaultSessions = true;
    private SessionExtensions defaultSessionExtensions = SessionExtensions.BASIS;
    private Path keyStore;
    private Path replayFile;
    private boolean securityDefinitionsOnLogon;
    private DaySchedule daySchedule;
    private String keyStorePassword;
    private Duration volatilityInterruption = Duration.ofMinutes(2);

    /**
     * @return directory of the reference-data CSV files, used unless {@link #referenceData()} is set.
     */
    public Path referenceDataDirectory()
    {
        return referenceDataDirectory;
    }

    /**
     * @param directory directory of the reference-data CSV files.
     * @return this.
     */
    public SimulatorConfig referenceDataDirectory(final Path directory)
    {
        this.referenceDataDirectory = directory;
        return this;
    }

    /**
     * @return already loaded reference data, or null to load from the directory.
     */
    public ReferenceData referenceData()
    {
        return referenceData;
    }

    /**
     * @param referenceData already loaded reference data (its trading date wins).
     * @return this.
     */
    public SimulatorConfig referenceData(final ReferenceData referenceData)
    {
        this.referenceData = referenceData;
        return this;
    }

    /**
     * @return simulated trading date.
     */
    public LocalDate tradingDate()
    {
        return tradingDate;
    }

    /**
     * @param date simulated trading date: selects the tick tables and the rate in force and starts the future's
     *             carry window; give the engine the same {@code --trade-date} so that both value the future alike.
     * @return this.
     */
    public SimulatorConfig tradingDate(final LocalDate date)
    {
        this.tradingDate = date;
        return this;
    }

    /**
     * @return address the acceptor binds.
     */
    public String host()
    {
        return host;
    }

    /**
     * @param host address the acceptor binds.
     * @return this.
     */
    public SimulatorConfig host(final String host)
    {
        this.host = host;
        return this;
    }

    /**
     * @return order-entry port.
     */
    public int orderEntryPort()
    {
        return orderEntryPort;
    }

    /**
     * @param port order-entry port.
     * @return this.
     */
    public SimulatorConfig orderEntryPort(final int port)
    {
        this.orderEntryPort = port;
        return this;
    }

    /**
     * @return market-data port.
     */
    public int marketDataPort()
    {
        return marketDataPort;
    }

    /**
     * @param port market-data port.
     * @return this.
     */
    public SimulatorConfig marketDataPort(final int port)
    {
        this.marketDataPort = port;
        return this;
    }

    /**
     * @return the exchange's SenderCompID on both sessions.
     */
    public String exchangeCompId()
    {
        return exchangeCompId;
    }

    /**
     * @param compId the exchange's SenderCompID.
     * @return this.
     */
    public SimulatorConfig exchangeCompId(final String compId)
    {
        this.exchangeCompId = compId;
        return this;
    }

    /**
     * @return the order-entry client's CompID (the acceptor's TargetCompID).
     */
    public String orderEntryCompId()
    {
        return orderEntryCompId;
    }

    /**
     * @param compId the order-entry client's CompID.
     * @return this.
     */
    public SimulatorConfig orderEntryCompId(final String compId)
    {
        this.orderEntryCompId = compId;
        return this;
    }

    /**
     * @return the market-data client's CompID.
     */
    public String marketDataCompId()
    {
        return marketDataCompId;
    }

    /**
     * @param compId the market-data client's CompID.
     * @return this.
     */
    public SimulatorConfig marketDataCompId(final String compId)
    {
        this.marketDataCompId = compId;
        return this;
    }

    /**
     * @return file the exchange record is written to on close, or null for none.
     */
    public Path recordFile()
    {
        return recordFile;
    }

    /**
     * @param file record file, or null for none.
     * @return this.
     */
    public SimulatorConfig recordFile(final Path file)
    {
        this.recordFile = file;
        return this;
    }

    /**
     * @return daily limits and self-trade prevention.
     */
    public MatchingRules matchingRules()
    {
        return matchingRules;
    }

    /**
     * @param rules daily limits and self-trade prevention.
     * @return this.
     */
    public SimulatorConfig matchingRules(final MatchingRules rules)
    {
        this.matchingRules = rules;
        return this;
    }

    /**
     * @return synthetic market parameters (seed, tick period, model, liquidity); mutable in place.
     */
    public MarketParameters market()
    {
        return market;
    }

    /**
     * @param parameters synthetic market parameters.
     * @return this.
     */
    public SimulatorConfig market(final MarketParameters parameters)
    {
        this.market = parameters;
        return this;
    }

    /**
     * @return price levels per side published as market data.
     */
    public int marketDepth()
    {
        return marketDepth;
    }

    /**
     * @param levels price levels per side published as market data.
     * @return this.
     */
    public SimulatorConfig marketDepth(final int levels)
    {
        this.marketDepth = levels;
        return this;
    }

    /**
     * @return true to print FIX session events (logon, logout, disconnects) to stdout.
     */
    public boolean logSessionEvents()
    {
        return logSessionEvents;
    }

    /**
     * @param log true to print FIX session events to stdout.
     * @return this.
     */
    public SimulatorConfig logSessionEvents(final boolean log)
    {
        this.logSessionEvents = log;
        return this;
    }

    /**
     * @return port of the line-based control channel on 127.0.0.1; 0 for any free port, -1 (the default) for
     * none.
     */
    public int controlPort()
    {
        return controlPort;
    }

    /**
     * @param port control port; 0 for any free port, -1 for none.
     * @return this.
     */
    public SimulatorConfig controlPort(final int port)
    {
        this.controlPort = port;
        return this;
    }

    /**
     * @return fault commands applied at start, in order (the control port's language, docs/simulator.md).
     */
    public List<String> faults()
    {
        return List.copyOf(faults);
    }

    /**
     * @param command a fault command applied at start, e.g. {@code "reject-fraction 0.1"}.
     * @return this.
     */
    public SimulatorConfig fault(final String command)
    {
        faults.add(Objects.requireNonNull(command, "command"));
        return this;
    }

    /**
     * @return default seed of random rejects.
     */
    public long faultSeed()
    {
        return faultSeed;
    }

    /**
     * @param seed default seed of random rejects.
     * @return this.
     */
    public SimulatorConfig faultSeed(final long seed)
    {
        this.faultSeed = seed;
        return this;
    }

    /**
     * @return default length of a volatility interruption (KRX: 2 minutes).
     */
    public Duration volatilityInterruption()
    {
        return volatilityInterruption;
    }

    /**
     * @param duration default length of a volatility interruption.
     * @return this.
     */
    public SimulatorConfig volatilityInterruption(final Duration duration)
    {
        this.volatilityInterruption = duration;
        return this;
    }

    /**
     * @param definition one more session the exchange accepts (any role, FIX version, account, credentials,
     *                   extensions: {@link SessionExtensions#STANDARD} unless it says otherwise).
     * @return this.
     */
    public SimulatorConfig session(final SessionDefinition definition)
    {
        extraSessions.add(Objects.requireNonNull(definition, "definition"));
        return this;
    }

    /**
     * @param enabled false to accept only the sessions added with {@link #session}, not the default FIX 4.4
     *                order-entry and market-data sessions of {@link #orderEntryCompId()} and
     *                {@link #marketDataCompId()}.
     * @return this.
     */
    public SimulatorConfig defaultSessions(final boolean enabled)
    {
        this.defaultSessions = enabled;
        return this;
    }

    /**
     * @param extensions what the two default sessions get beyond the stock FIX 4.4 dictionary:
     *                   {@link SessionExtensions#BASIS} (the default: they are the Basis gateway's sessions) or
     *                   {@link SessionExtensions#STANDARD}. Sessions added with {@link #session} say for themselves.
     * @return this.
     */
    public SimulatorConfig defaultSessionExtensions(final SessionExtensions extensions)
    {
        this.defaultSessionExtensions = Objects.requireNonNull(extensions, "extensions");
        return this;
    }

    /**
     * @return what the two default sessions get beyond the stock FIX 4.4 dictionary.
     */
    public SessionExtensions defaultSessionExtensions()
    {
        return defaultSessionExtensions;
    }

    /**
     * @return every session the exchange accepts: the two default ones (unless disabled), then the added ones.
     */
    public List<SessionDefinition> sessions()
    {
        final List<SessionDefinition> sessions = new ArrayList<>();
        if (defaultSessions)
        {
            sessions.add(SessionDefinition.of(SessionRole.ORDER_ENTRY, orderEntryCompId)
                .withExtensions(defaultSessionExtensions));
            sessions.add(SessionDefinition.of(SessionRole.MARKET_DATA, marketDataCompId)
                .withExtensions(defaultSessionExtensions));
        }
        sessions.addAll(extraSessions);
        return sessions;
    }

    /**
     * Serve both ports over TLS.
     *
     * @param store    key store (JKS or PKCS12) holding the exchange's key and certificate.
     * @param password its password.
     * @return this.
     */
    public SimulatorConfig tls(final Path store, final String password)
    {
        this.keyStore = store;
        this.keyStorePassword = password;
        return this;
    }

    /**
     * @return the TLS key store, or null for plain TCP.
     */
    public Path keyStore()
    {
        return keyStore;
    }

    /**
     * @return the TLS key store password.
     */
    public String keyStorePassword()
    {
        return keyStorePassword;
    }

    /**
     * @param send true to send every SecurityDefinition (d) right after each market-data logon, unasked.
     * @return this.
     */
    public SimulatorConfig securityDefinitionsOnLogon(final boolean send)
    {
        this.securityDefinitionsOnLogon = send;
        return this;
    }

    /**
     * @return true if market-data sessions get every SecurityDefinition after logon.
     */
    public boolean securityDefinitionsOnLogon()
    {
        return securityDefinitionsOnLogon;
    }

    /**
     * @param file a replay file (docs/simulator.md) to play instead of the synthetic market, or null.
     * @return this.
     */
    public SimulatorConfig replayFile(final Path file)
    {
        this.replayFile = file;
        return this;
    }

    /**
     * @return the replay file, or null for the synthetic market.
     */
    public Path replayFile()
    {
        return replayFile;
    }

    /**
     * @param schedule run the trading day on the wall clock (pre-open, continuous, closing auction, close), or
     *                 null (the default) to stay in continuous trading until driven by hand.
     * @return this.
     */
    public SimulatorConfig daySchedule(final DaySchedule schedule)
    {
        this.daySchedule = schedule;
        return this;
    }

    /**
     * @return the day schedule, or null.
     */
    public DaySchedule daySchedule()
    {
        return daySchedule;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid setting.
     */
    public void validate()
    {
        if (referenceData == null)
        {
            Objects.requireNonNull(referenceDataDirectory, "referenceDataDirectory");
            Objects.requireNonNull(tradingDate, "tradingDate");
        }
        requirePort(orderEntryPort, "orderEntryPort");
        requirePort(marketDataPort, "marketDataPort");
        if (orderEntryPort == marketDataPort)
        {
            throw new IllegalArgumentException("order-entry and market-data ports must differ: " + orderEntryPort);
        }
        requireCompId(exchangeCompId, "exchangeCompId");
        requireCompId(orderEntryCompId, "orderEntryCompId");
        requireCompId(marketDataCompId, "marketDataCompId");
        if (orderEntryCompId.equals(marketDataCompId))
        {
            throw new IllegalArgumentException("order-entry and market-data CompIDs must differ: " + orderEntryCompId);
        }
        if (marketDepth < 1)
        {
            throw new IllegalArgumentException("marketDepth must be positive: " + marketDepth);
        }
        if (sessions().isEmpty())
        {
            throw new IllegalArgumentException("no FIX session configured");
        }
        if (replayFile != null && !Files.isReadable(replayFile))
        {
            throw new IllegalArgumentException("replay file not readable: " + replayFile);
        }
        if (keyStorePassword != null && keyStore == null)
        {
            throw new IllegalArgumentException("a TLS password needs a TLS key store");
        }
        if (keyStore != null && !Files.isReadable(keyStore))
        {
            throw new IllegalArgumentException("TLS key store not readable: " + keyStore);
        }
        if (keyStore != null)
        {
            requireKeyStore(keyStore, keyStorePassword);
        }
        if (controlPort < -1 || controlPort > 65_535)
        {
            throw new IllegalArgumentException("controlPort must be -1 (none), 0 (any) or a port: " + controlPort);
        }
        if (volatilityInterruption == null || volatilityInterruption.isNegative())
        {
            throw new IllegalArgumentException("volatilityInterruption must not be negative");
        }
        Objects.requireNonNull(matchingRules, "matchingRules");
        Objects.requireNonNull(market, "market").validate();
    }

    /**
     * Open the key store as QuickFIX/J will, so a wrong file or password is a clear error here rather than a
     * stack trace from the acceptor.
     */
    private static void requireKeyStore(final Path store, final String password)
    {
        try
        {
            KeyStore.getInstance(store.toFile(), (password == null ? "" : password).toCharArray());
        }
        catch (final IOException | GeneralSecurityException ex)
        {
            throw new IllegalArgumentException("TLS key store " + store + " cannot be opened: " +
                (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
        }
    }

    private static void requirePort(final int port, final String name)
    {
        if (port < 1 || port > 65_535)
        {
            throw new IllegalArgumentException(name + " must be in 1..65535: " + port);
        }
    }

    private static void requireCompId(final String compId, final String name)
    {
        if (compId == null || compId.isBlank() || compId.indexOf('\u0001') >= 0)
        {
            throw new IllegalArgumentException(name + " must be a non-empty CompID");
        }
    }
}
