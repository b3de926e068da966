package io.basis.gateway.session;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.basis.gateway.ops.GatewayConfigException;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.SessionRole;
import quickfix.SessionID;

/**
 * Which session of a role serves an instrument, from the Basis key {@value #ROUTE_KEY} of each {@code [SESSION]}:
 * a comma-separated list of instrument kinds ({@code STOCK}, {@code FUTURE}) and exact symbols.
 * <p>
 * Within one role a symbol entry beats a kind entry, and the one session of the role without {@value #ROUTE_KEY}
 * is its default: it takes every instrument no other session of the role claims. An instrument that matches
 * nothing resolves to {@link #NO_ROUTE}. Sessions are numbered per role in the order {@link SessionRoles} lists
 * them (by SessionID), the index every per-session array of the gateway uses.
 * <p>
 * Immutable once built: any thread may resolve.
 */
public final class SessionRouter
{
    /** Settings key listing the kinds and symbols a session serves; a session without it is its role's default. */
    public static final String ROUTE_KEY = "BasisRoute";
    /** Returned for an instrument no session of the role serves. */
    public static final int NO_ROUTE = -1;
    /** Longest exchange symbol: the length of the SBE Symbol field. */
    static final int MAX_SYMBOL_LENGTH = 16;

    private final Routes orderEntry;
    private final Routes marketData;

    private SessionRouter(final Routes orderEntry, final Routes marketData)
    {
        this.orderEntry = orderEntry;
        this.marketData = marketData;
    }

    /**
     * Build and check the routes of both roles.
     *
     * @param orderEntry       the order-entry sessions, in index order.
     * @param orderEntryRoutes each one's {@value #ROUTE_KEY} value, null for the default.
     * @param marketData       the market-data sessions, in index order.
     * @param marketDataRoutes each one's {@value #ROUTE_KEY} value, null for the default.
     * @return the router.
     * @throws GatewayConfigException if an entry is empty or too long, two sessions of a role claim the same kind
     *                                or symbol, or a role has two defaults.
     */
    public static SessionRouter of(
        final List<SessionID> orderEntry,
        final List<String> orderEntryRoutes,
        final List<SessionID> marketData,
        final List<String> marketDataRoutes)
    {
        return new SessionRouter(
            Routes.parse(SessionRole.ORDER_ENTRY, orderEntry, orderEntryRoutes),
            Routes.parse(SessionRole.MARKET_DATA, marketData, marketDataRoutes));
    }

    /**
     * @param symbol exchange symbol.
     * @param kind   instrument kind from the engine's definition (may be null or {@code NULL_VAL}).
     * @return index of the order-entry session serving it, or {@link #NO_ROUTE}.
     */
    public int orderEntryIndex(final String symbol, final InstrumentKind kind)
    {
        return orderEntry.resolve(symbol, kind);
    }

    /**
     * @param symbol exchange symbol.
     * @param kind   instrument kind from the engine's definition (may be null or {@code NULL_VAL}).
     * @return index of the market-data session serving it, or {@link #NO_ROUTE}.
     */
    public int marketDataIndex(final String symbol, final InstrumentKind kind)
    {
        return marketData.resolve(symbol, kind);
    }

    /**
     * @param role   a role.
     * @param symbol exchange symbol.
     * @param kind   instrument kind.
     * @return index of the session of that role serving it, or {@link #NO_ROUTE}.
     */
    public int indexOf(final SessionRole role, final String symbol, final InstrumentKind kind)
    {
        return role == SessionRole.ORDER_ENTRY ? orderEntryIndex(symbol, kind) : marketDataIndex(symbol, kind);
    }

    @Override
    public String toString()
    {
        return "{ORDER_ENTRY " + orderEntry + ", MARKET_DATA " + marketData + "}";
    }

    /** The routes of one role. */
    private static final class Routes
    {
        private final Map<String, Integer> bySymbol = new HashMap<>();
        private final Map<InstrumentKind, Integer> byKind = new EnumMap<>(InstrumentKind.class);
        private final List<SessionID> sessions;
        private int defaultIndex = NO_ROUTE;

        private Routes(final List<SessionID> sessions)
        {
            this.sessions = new ArrayList<>(sessions);
        }

        static Routes parse(final SessionRole role, final List<SessionID> sessions, final List<String> routes)
        {
            final Routes parsed = new Routes(sessions);
            for (int i = 0; i < sessions.size(); i++)
            {
                final SessionID sessionId = sessions.get(i);
                final String text = routes.get(i);
                if (text == null)
                {
                    if (parsed.defaultIndex != NO_ROUTE)
                    {
                        throw new GatewayConfigException("two default " + role + " sessions (without " + ROUTE_KEY +
                            "): " + sessions.get(parsed.defaultIndex) + " and " + sessionId + " (give all but one " +
                            "of them a " + ROUTE_KEY + ")");
                    }
                    parsed.defaultIndex = i;
                    continue;
                }
                if (text.isBlank())
                {
                    throw new GatewayConfigException("session " + sessionId + ": empty " + ROUTE_KEY +
                        " (omit the key to make the session its role's default)");
                }
                for (final String rawEntry : text.split(",", -1))
                {
                    parsed.add(role, i, rawEntry.trim());
                }
            }
            return parsed;
        }

        private void add(final SessionRole role, final int index, final String entry)
        {
            final SessionID sessionId = sessions.get(index);
            if (entry.isEmpty())
            {
                throw new GatewayConfigException("session " + sessionId + ": empty entry in " + ROUTE_KEY);
            }
            final InstrumentKind kind = kindNamed(entry);
            final Integer previous;
            if (kind != null)
            {
                previous = byKind.putIfAbsent(kind, index);
            }
            else
            {
                if (entry.length() > MAX_SYMBOL_LENGTH)
                {
                    throw new GatewayConfigException("session " + sessionId + ": " + ROUTE_KEY + " entry " + entry +
                        " is neither an instrument kind (STOCK, FUTURE) nor a symbol (at most " + MAX_SYMBOL_LENGTH +
                        " characters)");
                }
                previous = bySymbol.putIfAbsent(entry, index);
            }
            if (previous != null)
            {
                final String where = previous == index ? "twice by " + sessionId :
                    "by both " + sessions.get(previous) + " and " + sessionId;
                throw new GatewayConfigException(role + " " + ROUTE_KEY + " " + entry + " is claimed " + where);
            }
        }

        int resolve(final String symbol, final InstrumentKind kind)
        {
            final Integer bySymbolIndex = symbol == null ? null : bySymbol.get(symbol);
            if (bySymbolIndex != null)
            {
                return bySymbolIndex;
            }
            final Integer byKindIndex = kind == null ? null : byKind.get(kind);
            return byKindIndex != null ? byKindIndex : defaultIndex;
        }

        @Override
        public String toString()
        {
            return "{sessions " + sessions + ", kinds " + byKind + ", symbols " + bySymbol + ", default " +
                (defaultIndex == NO_ROUTE ? "none" : sessions.get(defaultIndex)) + "}";
        }
    }

    /** A kind entry is matched without regard to case; {@code NULL_VAL} is never one. */
    private static InstrumentKind kindNamed(final String entry)
    {
        for (final InstrumentKind kind : InstrumentKind.values())
        {
            if (kind != InstrumentKind.NULL_VAL && kind.name().equalsIgnoreCase(entry))
            {
                return kind;
            }
        }
        return null;
    }
}
