package io.basis.gateway.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.basis.gateway.ops.GatewayConfigException;
import io.basis.protocol.sbe.SessionRole;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * Which QuickFIX/J session does what, read from the Basis key {@value #ROLE_KEY} of each {@code [SESSION]}.
 * There must be at least one {@code ORDER_ENTRY} and one {@code MARKET_DATA} session; with several of a role,
 * {@value SessionRouter#ROUTE_KEY} says which instruments each serves (see {@link SessionRouter}).
 * <p>
 * {@link #load} also enforces the settings the dialect depends on: a session that does not set them gets the
 * required value; one that sets the opposite is refused rather than silently overridden. Two more are tuned by role
 * where a session leaves them out: {@code CheckLatency=N} on every session and {@code ValidateIncomingMessage=N} on
 * market data (see docs/configuration.md). It loads each session's
 * {@link Dialect} from the file named by {@value Dialect#SETTINGS_KEY}, if any. Sessions speak FIX 4.4, FIX 4.2 or
 * FIXT 1.1 with FIX 5.0SP2 application messages; a FIXT session gets {@code DefaultApplVerID=FIX.5.0SP2} and the
 * FIXT11 / FIX50SP2 dictionaries unless it names them.
 * <p>
 * Two security checks: a TLS session ({@code SocketUseSSL=Y}) must name a {@code SocketTrustStore}, because
 * without one QuickFIX/J accepts any server certificate; and logon tags ({@code LogonTag}, {@code LogonTag1}, ...,
 * how QuickFIX/J puts Username (553) and Password (554) in the Logon) must be {@code tag=value} and numbered without
 * gaps, because QuickFIX/J silently stops at the first missing one.
 */
public final class SessionRoles
{
    /** Settings key naming a session's role: {@code ORDER_ENTRY} or {@code MARKET_DATA}. */
    public static final String ROLE_KEY = "BasisRole";

    private static final String FILE_STORE_PATH = "FileStorePath";
    private static final String VALIDATE_USER_DEFINED_FIELDS = "ValidateUserDefinedFields";
    private static final String ALLOW_UNKNOWN_MSG_FIELDS = "AllowUnknownMsgFields";
    private static final String SOCKET_TCP_NO_DELAY = "SocketTcpNoDelay";
    private static final String USE_DATA_DICTIONARY = "UseDataDictionary";
    private static final String DEFAULT_APPL_VER_ID = "DefaultApplVerID";
    private static final String TRANSPORT_DATA_DICTIONARY = "TransportDataDictionary";
    private static final String APP_DATA_DICTIONARY = "AppDataDictionary";
    private static final String SOCKET_USE_SSL = "SocketUseSSL";
    private static final String SOCKET_TRUST_STORE = "SocketTrustStore";
    private static final String LOGON_TAG = "LogonTag";
    private static final String CHECK_LATENCY = "CheckLatency";
    private static final String VALIDATE_INCOMING_MESSAGE = "ValidateIncomingMessage";

    /** BeginString of FIXT 1.1 sessions, which carry FIX 5.0SP2 application messages. */
    public static final String FIXT_1_1 = "FIXT.1.1";
    /** The only application version a FIXT session may speak: the translators know FIX 5.0SP2, not 5.0 or SP1. */
    public static final String FIX_5_0_SP2 = "FIX.5.0SP2";
    /** ApplVerID (1128) enumeration value of FIX 5.0SP2, accepted as a spelling of {@link #FIX_5_0_SP2}. */
    private static final String FIX_5_0_SP2_APPL_VER_ID = "9";

    private static final Set<String> BEGIN_STRINGS = Set.of("FIX.4.4", "FIX.4.2", FIXT_1_1);

    private final List<SessionID> orderEntry;
    private final List<SessionID> marketData;
    private final Map<SessionID, Dialect> dialects;
    private final SessionRouter router;

    private SessionRoles(
        final List<SessionID> orderEntry,
        final List<SessionID> marketData,
        final Map<SessionID, Dialect> dialects,
        final SessionRouter router)
    {
        this.orderEntry = List.copyOf(orderEntry);
        this.marketData = List.copyOf(marketData);
        this.dialects = Map.copyOf(dialects);
        this.router = router;
    }

    /**
     * Read and check the roles; dialect files are resolved against the working directory.
     *
     * @param settings QuickFIX/J settings; modified in place for missing required keys.
     * @return the roles.
     * @throws GatewayConfigException as {@link #load(SessionSettings, Path)}.
     */
    public static SessionRoles load(final SessionSettings settings)
    {
        return load(settings, null);
    }

    /**
     * Read and check the roles, completing the settings with what the dialect requires.
     *
     * @param settings    QuickFIX/J settings; modified in place for missing required keys.
     * @param settingsDir directory of the settings file: a relative {@value Dialect#SETTINGS_KEY} path not found
     *                    from the working directory is looked up there; null for the working directory only.
     * @return the roles.
     * @throws GatewayConfigException if a session has no or an unknown role, a role is missing, the routes
     *                                conflict, an order-entry session has no FileStorePath, a setting contradicts the
     *                                dialect, a session speaks neither FIX 4.4, FIX 4.2 nor FIXT 1.1 with FIX 5.0SP2,
     *                                a TLS session names no trust store, a logon tag is malformed or out of
     *                                sequence, or a dialect file is missing or bad.
     */
    public static SessionRoles load(final SessionSettings settings, final Path settingsDir)
    {
        final List<SessionID> orderEntry = new ArrayList<>();
        final List<SessionID> marketData = new ArrayList<>();
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); )
        {
            final SessionID sessionId = it.next();
            final String text = optional(settings, sessionId, ROLE_KEY);
            if (text == null)
            {
                throw new GatewayConfigException("session " + sessionId + " has no " + ROLE_KEY +
                    " (set " + ROLE_KEY + "=ORDER_ENTRY or " + ROLE_KEY + "=MARKET_DATA in its [SESSION])");
            }
            final SessionRole role = parseRole(sessionId, text.trim());
            if (!BEGIN_STRINGS.contains(sessionId.getBeginString()))
            {
                throw new GatewayConfigException("session " + sessionId + ": BeginString " +
                    sessionId.getBeginString() + " is not supported (FIX.4.4, FIX.4.2 or FIXT.1.1)");
            }
            if (FIXT_1_1.equals(sessionId.getBeginString()))
            {
                completeFixt(settings, sessionId);
            }
            checkTls(settings, sessionId);
            checkLogonTags(settings, sessionId);
            (role == SessionRole.ORDER_ENTRY ? orderEntry : marketData).add(sessionId);
        }
        // QuickFIX/J keeps no file order: number each role's sessions by SessionID, which is stable across
        // restarts and reorderings of the file (the journal stores that number with every order).
        orderEntry.sort(Comparator.comparing(SessionID::toString));
        marketData.sort(Comparator.comparing(SessionID::toString));
        if (orderEntry.isEmpty() || marketData.isEmpty())
        {
            throw new GatewayConfigException("the settings need at least one " + ROLE_KEY + "=ORDER_ENTRY and one " +
                ROLE_KEY + "=MARKET_DATA session; found order entry " + orderEntry + ", market data " + marketData);
        }
        final Map<SessionID, Dialect> dialects = new HashMap<>();
        for (final SessionID sessionId : orderEntry)
        {
            if (optional(settings, sessionId, FILE_STORE_PATH) == null)
            {
                throw new GatewayConfigException("order-entry session " + sessionId + " needs " + FILE_STORE_PATH +
                    " (its message store is a FileStore)");
            }
            // User-defined tags 21001/21002 travel on every session.
            require(settings, sessionId, VALIDATE_USER_DEFINED_FIELDS, false);
            // Latency: never let Nagle hold back an order.
            require(settings, sessionId, SOCKET_TCP_NO_DELAY, true);
            // An execution report is never refused over the exchange's clock: QuickFIX/J's SendingTime check would
            // reject every report and log out on a skew of two minutes, leaving orders in an unknown state, and it
            // parses a timestamp per message.
            defaultTo(settings, sessionId, CHECK_LATENCY, false);
        }
        for (final SessionID sessionId : marketData)
        {
            // RptSeq sits at message level in W and X, where the stock FIX 4.4 dictionary does not place it.
            require(settings, sessionId, VALIDATE_USER_DEFINED_FIELDS, false);
            require(settings, sessionId, ALLOW_UNKNOWN_MSG_FIELDS, true);
            require(settings, sessionId, SOCKET_TCP_NO_DELAY, true);
            // A tick's age is the engine's book-age check, and the translator checks every field it reads (a bad
            // tick is dropped with an alarm and shows as a gap); QuickFIX/J's SendingTime check and dictionary
            // validation would spend a timestamp parse and a walk of every field on each tick to say less.
            defaultTo(settings, sessionId, CHECK_LATENCY, false);
            defaultTo(settings, sessionId, VALIDATE_INCOMING_MESSAGE, false);
        }
        final SessionRouter router = SessionRouter.of(
            orderEntry, routes(settings, orderEntry), marketData, routes(settings, marketData));
        for (final SessionID sessionId : orderEntry)
        {
            dialects.put(sessionId, dialect(settings, sessionId, settingsDir));
        }
        for (final SessionID sessionId : marketData)
        {
            dialects.put(sessionId, dialect(settings, sessionId, settingsDir));
        }
        return new SessionRoles(orderEntry, marketData, dialects, router);
    }

    private static List<String> routes(final SessionSettings settings, final List<SessionID> sessions)
    {
        final List<String> routes = new ArrayList<>(sessions.size());
        for (final SessionID sessionId : sessions)
        {
            routes.add(optional(settings, sessionId, SessionRouter.ROUTE_KEY));
        }
        return routes;
    }

    /**
     * @param sessionId a session from the settings.
     * @return its dialect, or null for a session not in the settings.
     */
    public Dialect dialectOf(final SessionID sessionId)
    {
        return dialects.get(sessionId);
    }

    /**
     * @return which session of each role serves an instrument.
     */
    public SessionRouter router()
    {
        return router;
    }

    /**
     * @return the order-entry sessions ordered by SessionID text (the index {@link SessionRouter} resolves to and
     * the journal stores).
     */
    public List<SessionID> orderEntrySessions()
    {
        return orderEntry;
    }

    /**
     * @return the market-data sessions ordered by SessionID text (the index {@link SessionRouter} resolves to).
     */
    public List<SessionID> marketDataSessions()
    {
        return marketData;
    }

    /**
     * @return the first order-entry session's dialect.
     */
    public Dialect orderEntryDialect()
    {
        return dialects.get(orderEntry());
    }

    /**
     * @return the first market-data session's dialect.
     */
    public Dialect marketDataDialect()
    {
        return dialects.get(marketData());
    }

    private static Dialect dialect(final SessionSettings settings, final SessionID sessionId, final Path settingsDir)
    {
        final String name = optional(settings, sessionId, Dialect.SETTINGS_KEY);
        if (name == null || name.isBlank())
        {
            return Dialect.DEFAULT;
        }
        Path file = Path.of(name.trim());
        if (!Files.isReadable(file) && !file.isAbsolute() && settingsDir != null &&
            Files.isReadable(settingsDir.resolve(file)))
        {
            file = settingsDir.resolve(file);
        }
        if (!Files.isReadable(file))
        {
            throw new GatewayConfigException("session " + sessionId + ": cannot read " + Dialect.SETTINGS_KEY + "=" +
                name + " (relative paths are resolved against the working directory, then the settings file's)");
        }
        final Dialect dialect = Dialect.load(file);
        if (dialect.cancelOnDisconnect() && "FIX.4.2".equals(sessionId.getBeginString()))
        {
            System.err.println("basis-gateway: warning: session " + sessionId + " puts ExecInst 18=Q on orders (" +
                file + "), a FIX 4.3+ value: a broker validating against the FIX 4.2 dictionary rejects it");
        }
        return dialect;
    }

    /**
     * @return the first order-entry session by SessionID (the only one in most setups).
     */
    public SessionID orderEntry()
    {
        return orderEntry.get(0);
    }

    /**
     * @return the first market-data session by SessionID (the only one in most setups).
     */
    public SessionID marketData()
    {
        return marketData.get(0);
    }

    /**
     * Role of a session.
     *
     * @param sessionId a session from the settings.
     * @return its role, or null for a session not in the settings.
     */
    public SessionRole roleOf(final SessionID sessionId)
    {
        if (orderEntry.contains(sessionId))
        {
            return SessionRole.ORDER_ENTRY;
        }
        return marketData.contains(sessionId) ? SessionRole.MARKET_DATA : null;
    }

    private static SessionRole parseRole(final SessionID sessionId, final String text)
    {
        for (final SessionRole role : new SessionRole[]{ SessionRole.ORDER_ENTRY, SessionRole.MARKET_DATA })
        {
            if (role.name().equalsIgnoreCase(text))
            {
                return role;
            }
        }
        throw new GatewayConfigException("session " + sessionId + ": " + ROLE_KEY + "=" + text +
            " is neither ORDER_ENTRY nor MARKET_DATA");
    }

    /**
     * A FIXT 1.1 session speaks FIX 5.0SP2 and nothing else; fill in what QuickFIX/J needs for it. The dictionaries
     * are set in the session's own section because QuickFIX/J looks for {@code AppDataDictionary} there only, not
     * in [DEFAULT].
     */
    private static void completeFixt(final SessionSettings settings, final SessionID sessionId)
    {
        final String applVerId = optional(settings, sessionId, DEFAULT_APPL_VER_ID);
        if (applVerId == null)
        {
            settings.setString(sessionId, DEFAULT_APPL_VER_ID, FIX_5_0_SP2);
        }
        else if (!FIX_5_0_SP2.equals(applVerId.trim()) && !FIX_5_0_SP2_APPL_VER_ID.equals(applVerId.trim()))
        {
            throw new GatewayConfigException("session " + sessionId + ": " + DEFAULT_APPL_VER_ID + "=" + applVerId +
                " is not supported (a FIXT.1.1 session speaks " + FIX_5_0_SP2 + ")");
        }
        final String useDictionary = optional(settings, sessionId, USE_DATA_DICTIONARY);
        if (useDictionary != null && "N".equalsIgnoreCase(useDictionary.trim()))
        {
            return;
        }
        final String transport = optional(settings, sessionId, TRANSPORT_DATA_DICTIONARY);
        settings.setString(sessionId, TRANSPORT_DATA_DICTIONARY, transport != null ? transport : "FIXT11.xml");
        final String application = optional(settings, sessionId, APP_DATA_DICTIONARY);
        settings.setString(sessionId, APP_DATA_DICTIONARY, application != null ? application : "FIX50SP2.xml");
    }

    /**
     * Without a trust store QuickFIX/J trusts every server certificate, so TLS would stop eavesdroppers but not an
     * impostor: refuse that rather than connect to whoever answers.
     */
    private static void checkTls(final SessionSettings settings, final SessionID sessionId)
    {
        final String useSsl = optional(settings, sessionId, SOCKET_USE_SSL);
        if (useSsl == null || !"Y".equalsIgnoreCase(useSsl.trim()))
        {
            return;
        }
        final String trustStore = optional(settings, sessionId, SOCKET_TRUST_STORE);
        if (trustStore == null || trustStore.isBlank())
        {
            throw new GatewayConfigException("session " + sessionId + " sets " + SOCKET_USE_SSL + "=Y but no " +
                SOCKET_TRUST_STORE + ": QuickFIX/J would accept any server certificate (name a trust store holding " +
                "the exchange's certificate or its CA)");
        }
    }

    /**
     * QuickFIX/J reads {@code LogonTag}, {@code LogonTag1}, {@code LogonTag2}, ... up to the first missing one and
     * fails late (or not at all) on a malformed one: check them all here.
     */
    private static void checkLogonTags(final SessionSettings settings, final SessionID sessionId)
    {
        final Properties properties;
        try
        {
            properties = settings.getSessionProperties(sessionId, true);
        }
        catch (final ConfigError ex)
        {
            throw new GatewayConfigException("session " + sessionId + ": " + ex.getMessage(), ex);
        }
        final Set<Integer> indexes = new TreeSet<>();
        for (final String key : properties.stringPropertyNames())
        {
            if (key.startsWith(LOGON_TAG))
            {
                final String suffix = key.substring(LOGON_TAG.length());
                if (!suffix.isEmpty() && (suffix.length() > 4 || !suffix.chars().allMatch(c -> c >= '0' && c <= '9')))
                {
                    // Not one of QuickFIX/J's LogonTag keys (it never reads past a gap anyway).
                    continue;
                }
                if (suffix.startsWith("0"))
                {
                    throw new GatewayConfigException("session " + sessionId + ": " + key + " is never read by " +
                        "QuickFIX/J (number them " + LOGON_TAG + ", " + LOGON_TAG + "1, " + LOGON_TAG + "2, ...)");
                }
                indexes.add(suffix.isEmpty() ? 0 : Integer.parseInt(suffix));
                final String value = properties.getProperty(key).trim();
                final int equals = value.indexOf('=');
                if (equals <= 0 || equals == value.length() - 1 || !isTagNumber(value.substring(0, equals)))
                {
                    throw new GatewayConfigException("session " + sessionId + ": " + key + " must be tag=value " +
                        "(e.g. " + LOGON_TAG + "=553=user, " + LOGON_TAG + "1=554=password)");
                }
            }
        }
        int expected = 0;
        for (final int index : indexes)
        {
            if (index != expected)
            {
                throw new GatewayConfigException("session " + sessionId + ": " + LOGON_TAG + index + " without " +
                    LOGON_TAG + (expected == 0 ? "" : String.valueOf(expected)) +
                    " (QuickFIX/J stops at the first missing one; number them " + LOGON_TAG + ", " + LOGON_TAG +
                    "1, ...)");
            }
            expected++;
        }
    }

    private static boolean isTagNumber(final String text)
    {
        try
        {
            return Integer.parseInt(text.trim()) > 0;
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    private static void require(
        final SessionSettings settings, final SessionID sessionId, final String key, final boolean value)
    {
        if (optional(settings, sessionId, key) == null)
        {
            settings.setBool(sessionId, key, value);
            return;
        }
        try
        {
            if (settings.getBool(sessionId, key) != value)
            {
                throw new GatewayConfigException("session " + sessionId + " sets " + key + "=" + (value ? "N" : "Y") +
                    " but the Basis FIX dialect needs " + key + "=" + (value ? "Y" : "N"));
            }
        }
        catch (final ConfigError | FieldConvertError ex)
        {
            throw new GatewayConfigException("session " + sessionId + ": bad " + key + ": " + ex.getMessage(), ex);
        }
    }

    /** Basis's choice for a setting the session (or its [DEFAULT]) leaves out; a value it sets stands. */
    private static void defaultTo(
        final SessionSettings settings, final SessionID sessionId, final String key, final boolean value)
    {
        if (optional(settings, sessionId, key) == null)
        {
            settings.setBool(sessionId, key, value);
        }
    }

    /** A setting of the session or its [DEFAULT], or null. */
    private static String optional(final SessionSettings settings, final SessionID sessionId, final String key)
    {
        try
        {
            return settings.getString(sessionId, key);
        }
        catch (final ConfigError ex)
        {
            return null;
        }
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder("{");
        for (final SessionID sessionId : orderEntry)
        {
            text.append("ORDER_ENTRY=").append(sessionId).append(" dialect ").append(dialects.get(sessionId))
                .append(", ");
        }
        for (final SessionID sessionId : marketData)
        {
            text.append("MARKET_DATA=").append(sessionId).append(" dialect ").append(dialects.get(sessionId))
                .append(", ");
        }
        return text.append("routes ").append(router).append('}').toString();
    }
}
