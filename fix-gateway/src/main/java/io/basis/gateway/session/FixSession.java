package io.basis.gateway.session;

import quickfix.Message;

/**
 * The little the translators need of a QuickFIX/J session; lets them be tested without sockets.
 */
public interface FixSession
{
    /**
     * Whether the session is logged on and may send application messages.
     *
     * @return true if logged on.
     */
    boolean isLoggedOn();

    /**
     * Send an application message; the session fills in the header.
     *
     * @param message to send.
     * @return true if it was handed to the transport, false if the session is not logged on.
     */
    boolean send(Message message);
}
