package io.basis.simulator.fix;

import org.apache.mina.core.service.IoAcceptor;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.RuntimeError;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;

import org.apache.mina.core.service.IoAcceptor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchange's QuickFIX/J socket acceptor: one port per role, any number of sessions per port (FIX 4.2, 4.4 or
 * FIXT 1.1 with FIX 5.0SP2), settings built in code, optionally over TLS.
 * <p>
 * Deliberate choices: no per-message logging (session events only, to stdout; errors as one line each, never a
 * stack trace: {@link SessionEventLog}, {@link ConnectionErrors}), a memory store for order entry
 * and none for market data, ResetOnLogon=N so that a client that keeps its sequence numbers gets what it missed
 * resent (one that sends ResetSeqNumFlag starts both sides at 1), user-defined tags accepted
 * (TriggerNanos), message-level RptSeq accepted on market data, Nagle off, loopback only. Only configured
 * sessions are accepted: a Logon from an unknown CompID is refused.
 */
public final class FixAcceptor implements AutoCloseable
{
    private final SocketAcceptor acceptor;
    private final Map<SessionID, SessionRole> roles;
    private final EnumMap<SessionRole, Integer> ports;
    private boolean stopped;

    private FixAcceptor(
        final SocketAcceptor acceptor,
        final Map<SessionID, SessionRole> roles,
        final EnumMap<SessionRole, Integer> ports)
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
        for (final SessionID id : definitions(exchangeCompId, List.of(
            SessionDefinition.of(SessionRole.ORDER_ENTRY, orderEntryCompId),
            SessionDefinition.of(SessionRole.MARKET_DATA, marketDataCompId))).keySet())
        {
            roles.put(id, id.getTargetCompID().equals(orderEntryCompId) ? SessionRole.ORDER_ENTRY :
                SessionRole.MARKET_DATA);
        }
        return Collections.unmodifiableMap(roles);
    }

    /**
     * Session ids of session definitions.
     *
     * @param exchangeCompId the exchange's SenderCompID.
     * @param definitions    the sessions.
     * @return each session's definition by its id, in the given order.
     * @throws IllegalArgumentException if two definitions name the same session.
     */
    public static Map<SessionID, SessionDefinition> definitions(
        final String exchangeCompId, final List<SessionDefinition> definitions)
    {
        final Map<SessionID, SessionDefinition> sessions = new LinkedHashMap<>();
        for (final SessionDefinition definition : definitions)
        {
            final SessionID id = new SessionID(definition.beginString(), exchangeCompId, definition.clientCompId());
            if (sessions.put(id, definition) != null)
            {
                throw new IllegalArgumentException("session defined twice: " + id);
            }
        }
        return Collections.unmodifiableMap(sessions);
    }

    /**
     * @param definitions sessions by id.
     * @return the role of each.
     */
    public static Map<SessionID, SessionRole> roles(final Map<SessionID, SessionDefinition> definitions)
    {
        final Map<SessionID, SessionRole> roles = new LinkedHashMap<>();
        definitions.forEach((id, definition) -> roles.put(id, definition.role()));
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
        final Map<SessionID, SessionDefinition> definitions = new LinkedHashMap<>();
        roles.forEach((id, role) -> definitions.put(id, new SessionDefinition(role, id.getTargetCompID(),
            id.getBeginString(), id.getTargetCompID(), null, null)));
        return start(application, definitions, host, orderEntryPort, marketDataPort, logSessionEvents, null, null);
    }

    /**
     * Start listening.
     *
     * @param application        the exchange application.
     * @param definitions        sessions from {@link #definitions}.
     * @param host               address to bind, e.g. 127.0.0.1.
     * @param orderEntryPort     port of the order-entry sessions.
     * @param marketDataPort     port of the market-data sessions.
     * @param logSessionEvents   print session events (logon, logout, disconnects) to stdout.
     * @param keyStore           TLS key store (JKS or PKCS12), or null for plain TCP.
     * @param keyStorePassword   its password, or null.
     * @return the running acceptor.
     * @throws IllegalStateException if QuickFIX/J refuses the settings or a port cannot be bound
     *                               ({@code cannot listen on HOST:PORT (order entry): address already in use}).
     */
    public static FixAcceptor start(
        final Application application,
        final Map<SessionID, SessionDefinition> definitions,
        final String host,
        final int orderEntryPort,
        final int marketDataPort,
        final boolean logSessionEvents,
        final Path keyStore,
        final String keyStorePassword)
    {
        final Map<SessionID, SessionRole> roles = roles(definitions);
        final EnumMap<SessionRole, Integer> ports = new EnumMap<>(SessionRole.class);
        ports.put(SessionRole.ORDER_ENTRY, orderEntryPort);
        ports.put(SessionRole.MARKET_DATA, marketDataPort);
        for (final SessionRole role : SessionRole.values())
        {
            if (roles.containsValue(role))
            {
                ListenCheck.requireFree(host, ports.get(role), role == SessionRole.ORDER_ENTRY ? "order entry" :
                    "market data");
            }
        }
        final SessionSettings settings = settings(definitions, host, ports);
        if (keyStore != null)
        {
            settings.setString("SocketUseSSL", "Y");
            settings.setString("SocketKeyStore", keyStore.toAbsolutePath().toString());
            settings.setString("SocketKeyStorePassword", keyStorePassword == null ? "" : keyStorePassword);
        }
        final SessionEventLog log = new SessionEventLog(System.out, logSessionEvents);
        try
        {
            final SocketAcceptor acceptor = new SocketAcceptor(
                application, new RoleStoreFactory(roles), settings, log, new DefaultMessageFactory());
            acceptor.start();
            reportConnectionErrors(acceptor, log);
            return new FixAcceptor(acceptor, roles, ports);
        }
        catch (final ConfigError | RuntimeError ex)
        {
            throw new IllegalStateException("FIX acceptor cannot start on " + host + ":" + orderEntryPort + "/" +
                marketDataPort + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Put {@link ConnectionErrors} in front of QuickFIX/J's handler on every port. MINA takes a handler only while a
     * port is not bound and QuickFIX/J binds in {@code start()}, so each port is unbound and bound again at once,
     * before anyone can have connected.
     */
    private static void reportConnectionErrors(final SocketAcceptor acceptor, final SessionEventLog log)
    {
        for (final IoAcceptor endpoint : acceptor.getEndpoints())
        {
            final List<SocketAddress> addresses = new ArrayList<>(endpoint.getLocalAddresses());
            endpoint.unbind();
            endpoint.setHandler(new ConnectionErrors(endpoint.getHandler(), log));
            try
            {
                endpoint.bind(addresses);
            }
            catch (final IOException ex)
            {
                acceptor.stop(true);
                final InetSocketAddress address = (InetSocketAddress)addresses.get(0);
                throw new IllegalStateException(ListenCheck.failure(
                    address.getHostString(), address.getPort(), "FIX", ex), ex);
            }
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
        final Map<SessionID, SessionDefinition> definitions, final String host, final Map<SessionRole, Integer> ports)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("NonStopSession", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("ResetOnLogon", "N");
        settings.setString("ValidateUserDefinedFields", "N");
        settings.setString("SocketAcceptAddress", host);
        settings.setString("SocketTcpNoDelay", "Y");
        for (final Map.Entry<SessionID, SessionDefinition> entry : definitions.entrySet())
        {
            final SessionID id = entry.getKey();
            final SessionRole role = entry.getValue().role();
            settings.setString(id, "BeginString", id.getBeginString());
            settings.setString(id, "SenderCompID", id.getSenderCompID());
            settings.setString(id, "TargetCompID", id.getTargetCompID());
            settings.setString(id, "SocketAcceptPort", Integer.toString(ports.get(role)));
            settings.setString(id, "BasisRole", role.name());
            switch (id.getBeginString())
            {
                case SessionDefinition.FIX42 -> settings.setString(id, "DataDictionary", "FIX42.xml");
                case SessionDefinition.FIXT11 ->
                {
                    settings.setString(id, "DefaultApplVerID", "FIX.5.0SP2");
                    settings.setString(id, "TransportDataDictionary", "FIXT11.xml");
                    settings.setString(id, "AppDataDictionary", "FIX50SP2.xml");
                }
                default -> settings.setString(id, "DataDictionary", "FIX44.xml");
            }
            // FIX 4.4 order entry stays strict; other versions and market data take what they do not know
            // (message-level RptSeq, OrderRestrictions on 4.2).
            if (role == SessionRole.MARKET_DATA || !SessionDefinition.FIX44.equals(id.getBeginString()))
            {
                settings.setString(id, "AllowUnknownMsgFields", "Y");
            }
        }
        return settings;
    }
}
