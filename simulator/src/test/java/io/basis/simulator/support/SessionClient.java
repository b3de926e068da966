package io.basis.simulator.support;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ApplVerID;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

import static io.basis.simulator.support.FixClient.type;

/**
 * One QuickFIX/J initiator session of any version (FIX 4.2, 4.4, FIXT 1.1 / 5.0SP2), collecting the application
 * messages it receives and the admin messages it receives and sends. Either lenient, as Basis's own gateway
 * connects (user-defined and unknown fields accepted), or {@link #standard standard}: the stock dictionary of its
 * version and QuickFIX/J's default validation, as a third-party client connects. No message logging.
 */
public final class SessionClient implements AutoCloseable
{
    private final SessionID id;
    private final SocketInitiator initiator;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> adminIn = new LinkedBlockingQueue<>();
    private final BlockingQueue<Message> adminOut = new LinkedBlockingQueue<>();

    private SessionClient(
        final SessionID id, final int port, final boolean lenient, final String username, final String password,
        final boolean tls) throws ConfigError
    {
        this(id, port, lenient, true, username, password, tls);
    }

    private SessionClient(
        final SessionID id, final int port, final boolean lenient, final boolean resetOnLogon, final String username,
        final String password, final boolean tls) throws ConfigError
    {
        this.id = id;
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("NonStopSession", "Y");
        settings.setString("HeartBtInt", "30");
        // A client that logs on again (keepingSequenceNumbers) reconnects at once; the others never need to.
        settings.setString("ReconnectInterval", resetOnLogon ? "30" : "1");
        settings.setString("ResetOnLogon", resetOnLogon ? "Y" : "N");
        settings.setString("UseDataDictionary", "Y");
        if (lenient)
        {
            settings.setString("ValidateUserDefinedFields", "N");
            settings.setString("AllowUnknownMsgFields", "Y");
        }
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setString(id, "BeginString", id.getBeginString());
        settings.setString(id, "SenderCompID", id.getSenderCompID());
        settings.setString(id, "TargetCompID", id.getTargetCompID());
        settings.setString(id, "SocketConnectPort", Integer.toString(port));
        if (id.isFIXT())
        {
            settings.setString(id, "DefaultApplVerID", ApplVerID.FIX50SP2);
            settings.setString(id, "TransportDataDictionary", "FIXT11.xml");
            settings.setString(id, "AppDataDictionary", "FIX50SP2.xml");
        }
        else
        {
            settings.setString(id, "DataDictionary", id.getBeginString().replace(".", "") + ".xml");
        }
        if (tls)
        {
            settings.setString(id, "SocketUseSSL", "Y");
        }
        final Application application = new quickfix.ApplicationAdapter()
        {
            @Override
            public void fromApp(final Message message, final SessionID sessionId)
            {
                inbox.add(message);
            }

            @Override
            public void fromAdmin(final Message message, final SessionID sessionId)
            {
                adminIn.add(message);
            }

            @Override
            public void toAdmin(final Message message, final SessionID sessionId)
            {
                if (username != null && type(message).equals("A"))
                {
                    message.setString(553, username);
                    message.setString(554, password);
                }
                adminOut.add(message);
            }
        };
        initiator = new SocketInitiator(application, new MemoryStoreFactory(), settings,
            new ScreenLogFactory(false, false, false), new DefaultMessageFactory());
        initiator.start();
    }

    /**
     * A lenient session, as the Basis gateway connects: user-defined and unknown fields accepted.
     *
     * @param id       session id (initiator's view: SenderCompID is the client).
     * @param port     the simulator's port for the session's role.
     * @param username Username(553) for the Logon, or null.
     * @param password Password(554) for the Logon, or null.
     * @param tls      connect over TLS.
     * @return the connecting client.
     * @throws ConfigError if QuickFIX/J refuses the settings.
     */
    public static SessionClient lenient(
        final SessionID id, final int port, final String username, final String password, final boolean tls)
        throws ConfigError
    {
        return new SessionClient(id, port, true, username, password, tls);
    }

    /**
     * A session with nothing but the stock QuickFIX/J dictionary of its version and default validation
     * (user-defined fields validated, unknown fields and fields out of order rejected).
     *
     * @param id   session id.
     * @param port the simulator's port for the session's role.
     * @return the connecting client.
     * @throws ConfigError if QuickFIX/J refuses the settings.
     */
    public static SessionClient standard(final SessionID id, final int port) throws ConfigError
    {
        return new SessionClient(id, port, false, null, null, false);
    }

    /**
     * A lenient session that keeps its sequence numbers across logons (ResetOnLogon=N, its messages in memory for
     * the client's lifetime), as an exchange member runs order entry.
     *
     * @param id   session id.
     * @param port the simulator's port for the session's role.
     * @return the connecting client.
     * @throws ConfigError if QuickFIX/J refuses the settings.
     */
    public static SessionClient keepingSequenceNumbers(final SessionID id, final int port) throws ConfigError
    {
        return new SessionClient(id, port, true, false, null, null, false);
    }

    /**
     * Log out and stay out (the initiator does not reconnect) until {@link #logon()}.
     */
    public void logout()
    {
        Session.lookupSession(id).logout("client logs out");
        Poll.until(() -> !loggedOn(), FixClient.WAIT_MS, "logout of " + id);
    }

    /**
     * Log on again after {@link #logout()}, keeping or resetting sequence numbers as configured.
     */
    public void logon()
    {
        Session.lookupSession(id).logon();
        awaitLogon();
    }

    /**
     * Wait until logged on.
     */
    public void awaitLogon()
    {
        Poll.until(this::loggedOn, FixClient.WAIT_MS, "logon of " + id);
    }

    /**
     * @return true if logged on.
     */
    public boolean loggedOn()
    {
        return FixClient.loggedOn(id);
    }

    /**
     * @param message an application message; fails the test if the session does not take it.
     */
    public void send(final Message message)
    {
        if (!Session.lookupSession(id).send(message))
        {
            throw new AssertionError(id + " did not take the message");
        }
    }

    /**
     * @param predicate what to wait for.
     * @return the next application message matching, discarding others.
     * @throws InterruptedException if interrupted.
     */
    public Message next(final Predicate<Message> predicate) throws InterruptedException
    {
        return Poll.until(inbox, predicate, FixClient.WAIT_MS, "message on " + id);
    }

    /**
     * @return application messages received.
     */
    public BlockingQueue<Message> inbox()
    {
        return inbox;
    }

    /**
     * @return admin messages received (Logon, Heartbeat, Reject, Logout ...).
     */
    public BlockingQueue<Message> adminIn()
    {
        return adminIn;
    }

    /**
     * @return admin messages sent, among them any Reject (3) of a message this client found invalid.
     */
    public BlockingQueue<Message> adminOut()
    {
        return adminOut;
    }

    @Override
    public void close()
    {
        initiator.stop(true);
    }
}
