package io.basis.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

import io.basis.protocol.sbe.SessionRole;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * Which QuickFIX/J session does what, read from the Basis key {@value #ROLE_KEY} of each {@code [SESSION]}.
 * There must be exactly one {@code ORDER_ENTRY} and one {@code MARKET_DATA} session.
 * <p>
 * {@link #load} also enforces the settings the dialect depends on: a session that does not set them gets the
 * required value; one that sets the opposite is refused rather than silently overridden. It loads each session's
 * {@link Dialect} from the file named by {@value Dialect#SETTINGS_KEY}, if any. Sessions speak FIX 4.4 or FIX 4.2.
 */
public final class SessionRoles
{
    /** Settings key naming a session's role: {@code ORDER_ENTRY} or {@code MARKET_DATA}. */
    public static final String ROLE_KEY = "BasisRole";

    private static final String FILE_STORE_PATH = "FileStorePath";
    private static final String VALIDATE_USER_DEFINED_FIELDS = "ValidateUserDefinedFields";
    private static final String ALLOW_UNKNOWN_MSG_FIELDS = "AllowUnknownMsgFields";
    private static final String SOCKET_TCP_NO_DELAY = "SocketTcpNoDelay";

    private static final Set<String> BEGIN_STRINGS = Set.of("FIX.4.4", "FIX.4.2");

    private final SessionID orderEntry;
    private final SessionID marketData;
    private final Dialect orderEntryDialect;
    private final Dialect marketDataDialect;

    private SessionRoles(
        final SessionID orderEntry,
        final SessionID marketData,
        final Dialect orderEntryDialect,
        final Dialect marketDataDialect)
    {
        this.orderEntry = orderEntry;
        this.marketData = marketData;
        this.orderEntryDialect = orderEntryDialect;
        this.marketDataDialect = marketDataDialect;
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
     * @throws GatewayConfigException if a session has no or an unknown role, a role is missing or repeated,
     *                                the order-entry session has no FileStorePath, a setting contradicts the
     *                                dialect, a session speaks neither FIX 4.4 nor FIX 4.2, or a dialect file is
     *                                missing or bad.
     */
    public static SessionRoles load(final SessionSettings settings, final Path settingsDir)
    {
        SessionID orderEntry = null;
        SessionID marketData = null;
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
                    sessionId.getBeginString() + " is not supported (FIX.4.4 or FIX.4.2)");
            }
            if (role == SessionRole.ORDER_ENTRY)
            {
                if (orderEntry != null)
                {
                    throw new GatewayConfigException("two ORDER_ENTRY sessions: " + orderEntry + " and " + sessionId);
                }
                orderEntry = sessionId;
            }
            else
            {
                if (marketData != null)
                {
                    throw new GatewayConfigException("two MARKET_DATA sessions: " + marketData + " and " + sessionId);
                }
                marketData = sessionId;
            }
        }
        if (orderEntry == null || marketData == null)
        {
            throw new GatewayConfigException("the settings need one " + ROLE_KEY + "=ORDER_ENTRY and one " +
                ROLE_KEY + "=MARKET_DATA session; found order entry " + orderEntry + ", market data " + marketData);
        }
        if (optional(settings, orderEntry, FILE_STORE_PATH) == null)
        {
            throw new GatewayConfigException("order-entry session " + orderEntry + " needs " + FILE_STORE_PATH +
                " (its message store is a FileStore)");
        }

        // User-defined tags 21001/21002 travel on both sessions; RptSeq sits at message level in W and X, where the
        // stock FIX 4.4 dictionary does not place it.
        require(settings, orderEntry, VALIDATE_USER_DEFINED_FIELDS, false);
        require(settings, marketData, VALIDATE_USER_DEFINED_FIELDS, false);
        require(settings, marketData, ALLOW_UNKNOWN_MSG_FIELDS, true);
        // Latency: never let Nagle hold back an order.
        require(settings, orderEntry, SOCKET_TCP_NO_DELAY, true);
        require(settings, marketData, SOCKET_TCP_NO_DELAY, true);
        return new SessionRoles(orderEntry, marketData,
            dialect(settings, orderEntry, settingsDir), dialect(settings, marketData, settingsDir));
    }

    /**
     * @return the order-entry session's dialect.
     */
    public Dialect orderEntryDialect()
    {
        return orderEntryDialect;
    }

    /**
     * @return the market-data session's dialect.
     */
    public Dialect marketDataDialect()
    {
        return marketDataDialect;
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
     * @return the order-entry session.
     */
    public SessionID orderEntry()
    {
        return orderEntry;
    }

    /**
     * @return the market-data session.
     */
    public SessionID marketData()
    {
        return marketData;
    }

    /**
     * Role of a session.
     *
     * @param sessionId a session from the settings.
     * @return its role, or null for a session not in the settings.
     */
    public SessionRole roleOf(final SessionID sessionId)
    {
        if (orderEntry.equals(sessionId))
        {
            return SessionRole.ORDER_ENTRY;
        }
        return marketData.equals(sessionId) ? SessionRole.MARKET_DATA : null;
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
        return "{ORDER_ENTRY=" + orderEntry + " dialect " + orderEntryDialect +
            ", MARKET_DATA=" + marketData + " dialect " + marketDataDialect + "}";
    }
}
