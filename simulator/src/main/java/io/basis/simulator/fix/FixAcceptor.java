package io.basis.simulator.fix;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.LogFactory;
import quickfix.RuntimeError;
import quickfix.ScreenLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exchange's QuickFIX/J socket acceptor: one FIX 4.4 session per role, each on its own port, with settings
 * built in code.
 * <p>
 * Deliberate choices: no per-message logging (session events only, to stdout), a memory store for order entry
 * and none for market data, ResetOnLogon=Y so every connection starts at sequence 1, user-defined tags accepted
 * (TriggerNanos), message-level RptSeq accepted on market data, Nagle off, loopback only.
 */
public final class FixAcceptor implements AutoCloseable
{
    private static final String BEGIN_STRING = "FIX.4.4";

    private final SocketAcceptor acceptor;
    private final Map<SessionID, SessionRole> roles;
    private final EnumMap<SessionRole, Integer> ports;
    private boolean stopped;

    private FixAcceptor(
        final SocketAcceptor acceptor, final Map<SessionID, SessionRole> roles, final EnumMap<SessionRole, Integer> ports)
    {
        this.acceptor = acceptor;
        this.roles = roles;
        this.ports = ports;
    }

    /**
     * Session ids the acceptor will serve, by role; needed before {@link #start} to build the application.
     *
     * @param exchangeCompId   the exchange's SenderCompID.
     * @param orderEntryCompId the order-entry client's CompID.
     * @param marketDataCompId the market-data client's CompID.
     * @return role of each session id.
     */
    public static Map<SessionID, SessionRole> sessions(
        final String exchangeCompId, final String orderEntryCompId, final String marketDataCompId)
    {
        final Map<SessionID, SessionRole> roles = new LinkedHashMap<>();
        roles.put(new SessionID(BEGIN_STRING, exchangeCompId, orderEntryCompId), SessionRole.ORDER_ENTRY);
        roles.put(new SessionID(BEGIN_STRING, exchangeCompId, marketDataCompId), SessionRole.MARKET_DATA);
        return Collections.unmodifiableMap(roles);
    }

    /**
     * Start listening.
     *
     * @param application      the exchange application.
     * @param roles            sessions from {@link #sessions}.
     * @param host             address to bind, e.g. 127.0.0.1.
     * @param orderEntryPort   port of the order-entry session.
     * @param marketDataPort   port of the market-data session.
     * @param logSessionEvents print session events (logon, logout, disconnects) to stdout.
     * @return the running acceptor.
     * @throws IllegalStateException if QuickFIX/J refuses the settings or cannot bind.
     */
    public static FixAcceptor start(
        final Application application,
        final Map<SessionID, SessionRole> roles,
        final String host,
        final int orderEntryPort,
        final int marketDataPort,
        final boolean logSessionEvents)
    {
        final EnumMap<SessionRole, Integer> ports = new EnumMap<>(SessionRole.class);
        ports.put(SessionRole.ORDER_ENTRY, orderEntryPort);
        ports.put(SessionRole.MARKET_DATA, marketDataPort);
        final SessionSettings settings = settings(roles, host, ports);
        final LogFactory logFactory = logSessionEvents ?
            new ScreenLogFactory(false, false, true) : new ScreenLogFactory(false, false, false);
        try
        {
            final SocketAcceptor acceptor = new SocketAcceptor(
                application, new RoleStoreFactory(roles), settings, logFactory, new DefaultMessageFactory());
            acceptor.start();
            return new FixAcceptor(acceptor, roles, ports);
        }
        catch (final ConfigError | RuntimeError ex)
        {
            throw new IllegalStateException("FIX acceptor cannot start on " + host + ":" + orderEntryPort + "/" +
                marketDataPort + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @return role of each session.
     */
    public Map<SessionID, SessionRole> roles()
    {
        return roles;
    }

    /**
     * @param role a role.
     * @return the port its session listens on.
     */
    public int port(final SessionRole role)
    {
        return ports.get(role);
    }

    /**
     * Log out all sessions and stop listening. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (!stopped)
        {
            stopped = true;
            acceptor.stop(false);
        }
    }

    private static SessionSettings settings(
        final Map<SessionID, SessionRole> roles, final String host, final Map<SessionRole, Integer> ports)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setString("ResetOnLogon", "Y");
        settings.setString("ValidateUserDefinedFields", "N");
        settings.setString("SocketAcceptAddress", host);
        settings.setString("SocketTcpNoDelay", "Y");
        for (final Map.Entry<SessionID, SessionRole> entry : roles.entrySet())
        {
            final SessionID id = entry.getKey();
            settings.setString(id, "BeginString", id.getBeginString());
            settings.setString(id, "SenderCompID", id.getSenderCompID());
            settings.setString(id, "TargetCompID", id.getTargetCompID());
            settings.setString(id, "SocketAcceptPort", Integer.toString(ports.get(entry.getValue())));
            settings.setString(id, "BasisRole", entry.getValue().name());
            if (entry.getValue() == SessionRole.MARKET_DATA)
            {
                settings.setString(id, "AllowUnknownMsgFields", "Y");
            }
        }
        return settings;
    }
}
