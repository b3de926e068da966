package io.basis.gateway.session;

import java.util.Locale;
import java.util.function.Consumer;

import quickfix.SessionStateListener;

/**
 * The retry policy of one FIX session's connection to the exchange, made visible: QuickFIX/J reconnects every
 * ReconnectInterval forever and says so only in its own log format. Here every failed attempt is one line naming the
 * session's role, the address and the cause, e.g.
 * {@code cannot connect to order entry 127.0.0.1:9878: connection refused; attempt 3 of 10, next in 1 s}.
 * <p>
 * Before the session's first logon the attempts are bounded ({@code --connect-attempts}): when the bound is reached
 * the gateway is told to give up with one line ({@code giveUp}), since a gateway that never reached its exchange
 * (wrong host, port, firewall) should fail loudly rather than retry unseen. After a first logon the exchange is
 * known to exist, so reconnection never gives up; failures are still logged (the first ten of an outage, then one
 * in sixty).
 * <p>
 * Called on QuickFIX/J's connection threads; the counts are only read and written there, one session at a time.
 */
public final class ConnectionAttempts implements SessionStateListener
{
    private static final int LOGGED_IN_FULL = 10;
    private static final int LOG_EVERY = 60;

    private final String session;
    private final String address;
    private final int maxAttempts;
    private final long retrySeconds;
    private final Consumer<String> log;
    private final Consumer<String> giveUp;
    private volatile boolean everLoggedOn;
    private volatile int failures;

    /**
     * @param session      the session's role as an operator says it ("order entry", "market data").
     * @param address      host:port it connects to.
     * @param maxAttempts  attempts before a first logon before giving up, 0 for no limit.
     * @param retrySeconds QuickFIX/J's ReconnectInterval, for the log line.
     * @param log          one line per failure.
     * @param giveUp       told once, with the line to exit with, when the bound is reached.
     */
    public ConnectionAttempts(
        final String session,
        final String address,
        final int maxAttempts,
        final long retrySeconds,
        final Consumer<String> log,
        final Consumer<String> giveUp)
    {
        this.session = session;
        this.address = address;
        this.maxAttempts = maxAttempts;
        this.retrySeconds = retrySeconds;
        this.log = log;
        this.giveUp = giveUp;
    }

    @Override
    public void onConnectException(final Exception exception)
    {
        final int attempt = ++failures;
        final String cannot = "cannot connect to " + session + " " + address + ": " + cause(exception);
        if (!everLoggedOn && maxAttempts > 0)
        {
            if (attempt >= maxAttempts)
            {
                giveUp.accept(cannot + "; gave up after " + attempt + " attempts (--connect-attempts " +
                    maxAttempts + ")");
                return;
            }
            log.accept(cannot + "; attempt " + attempt + " of " + maxAttempts + ", next in " + retrySeconds + " s");
        }
        else if (attempt <= LOGGED_IN_FULL || attempt % LOG_EVERY == 0)
        {
            log.accept(cannot + "; attempt " + attempt + ", retrying every " + retrySeconds + " s");
        }
    }

    @Override
    public void onLogon()
    {
        everLoggedOn = true;
        failures = 0;
    }

    @Override
    public void onLogout()
    {
        // A new outage counts from one.
        failures = 0;
    }

    /**
     * @return failed attempts since the last logon (or the start).
     */
    int failures()
    {
        return failures;
    }

    private static String cause(final Throwable exception)
    {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        final String message = root.getMessage();
        if (message == null || message.isBlank())
        {
            return root.getClass().getSimpleName();
        }
        // "Connection refused" reads as part of the sentence.
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
}
