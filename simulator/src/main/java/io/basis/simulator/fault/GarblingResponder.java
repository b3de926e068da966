package io.basis.simulator.fault;

import quickfix.Responder;

/**
 * Wraps a session's transport and corrupts the CheckSum(10) of the next application message it writes, once:
 * the receiver discards it as garbled and, on the next message, sees a sequence gap and asks for a resend.
 * Administrative messages (heartbeats, resend requests, ...) pass untouched so the session itself survives.
 */
final class GarblingResponder implements Responder
{
    private static final String[] ADMIN_TYPES = {"\u000135=0\u0001", "\u000135=1\u0001", "\u000135=2\u0001",
        "\u000135=3\u0001", "\u000135=4\u0001", "\u000135=5\u0001", "\u000135=A\u0001"};

    private final Responder delegate;
    private volatile boolean armed = true;

    GarblingResponder(final Responder delegate)
    {
        this.delegate = delegate;
    }

    Responder delegate()
    {
        return delegate;
    }

    void arm()
    {
        armed = true;
    }

    boolean armed()
    {
        return armed;
    }

    @Override
    public boolean send(final String data)
    {
        if (armed && !isAdmin(data))
        {
            armed = false;
            return delegate.send(corruptChecksum(data));
        }
        return delegate.send(data);
    }

    @Override
    public void disconnect()
    {
        delegate.disconnect();
    }

    @Override
    public String getRemoteAddress()
    {
        return delegate.getRemoteAddress();
    }

    static String corruptChecksum(final String data)
    {
        final int at = data.lastIndexOf("\u000110=");
        if (at < 0 || data.length() < at + 7)
        {
            return data + "garbled";
        }
        final int checksum = Integer.parseInt(data.substring(at + 4, at + 7));
        return data.substring(0, at + 4) + String.format("%03d", (checksum + 1) % 256) + data.substring(at + 7);
    }

    private static boolean isAdmin(final String data)
    {
        for (final String type : ADMIN_TYPES)
        {
            if (data.contains(type))
            {
                return true;
            }
        }
        return false;
    }
}
