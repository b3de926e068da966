package io.basis.bench.latency;

import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * QuickFIX/J settings shared by the FIX scenarios, with the choices Basis makes deliberately: no message log (no
 * log factory at all), in-memory or no-op stores, TCP_NODELAY, validation of user-defined fields off for the
 * timestamp tags of {@code docs/fix-dialect.md}, unknown message-level fields allowed for RptSeq.
 */
final class Fix
{
    static final String BEGIN_STRING = "FIX.4.4";
    /** Exchange side CompID, as the simulator's. */
    static final String EXCHANGE = "SIM";
    /** Order-entry CompID of the initiator, as the gateway's. */
    static final String ORDER_ENTRY = "BASIS-OE";
    /** Market-data CompID of the initiator, as the gateway's. */
    static final String MARKET_DATA = "BASIS-MD";
    /** Host monotonic clock when the exchange sent (here: was due to send) a market data message. */
    static final int EXCHANGE_SEND_NANOS = 21001;
    /** ExchangeSendNanos of the tick that triggered an order. */
    static final int TRIGGER_NANOS = 21002;

    private Fix()
    {
    }

    static SessionSettings settings(final String connectionType)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", connectionType);
        settings.setString("BeginString", BEGIN_STRING);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("HeartBtInt", "30");
        settings.setString("ReconnectInterval", "1");
        settings.setString("ResetOnLogon", "Y");
        settings.setString("SocketTcpNoDelay", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("ValidateUserDefinedFields", "N");
        settings.setString("AllowUnknownMsgFields", "Y");
        return settings;
    }

    static SessionID acceptorSession(final SessionSettings settings, final String client, final int port)
    {
        final SessionID id = new SessionID(BEGIN_STRING, EXCHANGE, client);
        settings.setString(id, "SocketAcceptPort", Integer.toString(port));
        settings.setString(id, "SocketAcceptAddress", "127.0.0.1");
        return id;
    }

    static SessionID initiatorSession(final SessionSettings settings, final String client, final int port)
    {
        final SessionID id = new SessionID(BEGIN_STRING, client, EXCHANGE);
        settings.setString(id, "SocketConnectHost", "127.0.0.1");
        settings.setString(id, "SocketConnectPort", Integer.toString(port));
        return id;
    }

    static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
