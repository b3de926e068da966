package io.basis.simulator.fix;

import quickfix.MemoryStoreFactory;
import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.NoopStoreFactory;
import quickfix.SessionID;

import java.util.Map;

/**
 * Message store per session role: order entry keeps its messages in memory so resend requests within a
 * connection work; market data keeps none, because market data is never resent, it is re-snapshotted.
 */
final class RoleStoreFactory implements MessageStoreFactory
{
    private final Map<SessionID, SessionRole> roles;
    private final MessageStoreFactory orderEntry = new MemoryStoreFactory();
    private final MessageStoreFactory marketData = new NoopStoreFactory();

    RoleStoreFactory(final Map<SessionID, SessionRole> roles)
    {
        this.roles = roles;
    }

    @Override
    public MessageStore create(final SessionID sessionId)
    {
        return roles.get(sessionId) == SessionRole.MARKET_DATA ?
            marketData.create(sessionId) : orderEntry.create(sessionId);
    }
}
