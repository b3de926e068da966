package io.basis.gateway.session;

import io.basis.protocol.sbe.SessionRole;
import quickfix.FileStoreFactory;
import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.NoopStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * One message store per role: a {@link quickfix.FileStore} for order entry, whose messages must survive a restart
 * for resends, and a {@link quickfix.NoopStore} for market data, which is never resent but re-snapshotted, so
 * persisting every tick would only add disk writes to the market-data path.
 */
public final class RoleAwareStoreFactory implements MessageStoreFactory
{
    private final SessionRoles roles;
    private final MessageStoreFactory fileStores;
    private final MessageStoreFactory noopStores = new NoopStoreFactory();

    /**
     * @param settings the QuickFIX/J settings, for the order-entry sessions' file stores.
     * @param roles    which sessions are market data.
     */
    public RoleAwareStoreFactory(final SessionSettings settings, final SessionRoles roles)
    {
        this.roles = roles;
        this.fileStores = new FileStoreFactory(settings);
    }

    @Override
    public MessageStore create(final SessionID sessionId)
    {
        return roles.roleOf(sessionId) == SessionRole.ORDER_ENTRY ?
            fileStores.create(sessionId) : noopStores.create(sessionId);
    }
}
