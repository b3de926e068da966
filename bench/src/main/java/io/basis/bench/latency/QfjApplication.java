package io.basis.bench.latency;

import quickfix.Application;
import quickfix.Message;
import quickfix.SessionID;

/**
 * A QuickFIX/J application that only handles application messages; session-level callbacks do nothing.
 */
abstract class QfjApplication implements Application
{
    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
    }
}
