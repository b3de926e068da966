package io.basis.gateway.session;

import io.basis.gateway.link.FixHandOff;
import quickfix.ConfigError;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.mina.EventHandlingStrategy;
import quickfix.mina.SessionConnector;

/**
 * QuickFIX/J's socket initiator with its message processing moved to the gateway agent: what the socket (MINA I/O)
 * threads read and parse goes through the {@link FixHandOff} to the agent, which runs QuickFIX/J's session
 * processing ({@code Session.next(message)}: sequence numbers, admin replies, then the {@link GatewayApplication}
 * callbacks) on its own duty cycle. A plain {@link SocketInitiator} runs it on a thread of its own, and every message
 * would then need a second hand-off to reach the agent, which owns the gateway's state.
 * <p>
 * Everything else is QuickFIX/J's: connections, reconnects, TLS, the session registry, the session timer
 * (heartbeats, test requests) and the logout on stop, which waits for the agent to handle the exchange's answers:
 * stop it before the agent. The initiator's own message thread still starts, and waits on a queue nothing fills.
 */
public final class HandOffInitiator extends SocketInitiator
{
    private final FixHandOff handOff;
    private final EventHandlingStrategy toAgent = new EventHandlingStrategy()
    {
        @Override
        public void onMessage(final Session session, final Message message)
        {
            handOff.message(session, message);
        }

        @Override
        public SessionConnector getSessionConnector()
        {
            return HandOffInitiator.this;
        }

        @Override
        public int getQueueSize()
        {
            return handOff.size();
        }

        @Override
        public int getQueueSize(final SessionID sessionId)
        {
            return handOff.size();
        }
    };

    /**
     * @param sessions creates each session (with the gateway's application, stores and logs).
     * @param settings QuickFIX/J settings of every session.
     * @param handOff  to the gateway agent, which drains it.
     * @throws ConfigError if QuickFIX/J refuses the settings.
     */
    public HandOffInitiator(final SessionFactory sessions, final SessionSettings settings, final FixHandOff handOff)
        throws ConfigError
    {
        // The initiator's own queue stays empty but for the stop events of its thread; QuickFIX/J's stop can
        // deadlock on a queue too small for them, so it keeps QuickFIX/J's default bound (allocated as used).
        super(sessions, settings, DEFAULT_QUEUE_CAPACITY);
        this.handOff = handOff;
    }

    /**
     * The connections' message handler asks for this when they are created (on start): every message they read
     * is handed to the agent.
     *
     * @return the hand-off to the agent.
     */
    @Override
    protected EventHandlingStrategy getEventHandlingStrategy()
    {
        return toAgent;
    }
}
