package io.basis.gateway.link;

import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;

import io.basis.protocol.sbe.InstrumentKind;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Engine instrument id to exchange symbol and back, filled from the engine's InstrumentDefinition messages, with
 * each symbol's instrument kind (which {@code SessionRouter} routes by).
 * <p>
 * Owned by the gateway agent: it defines instruments from the engine's stream, routes orders, and translates the
 * market data and execution reports QuickFIX/J hands over ({@link FixHandOff}).
 */
public final class InstrumentDirectory
{
    /** Returned by {@link #idOf} for a symbol the engine has not defined. */
    public static final int UNKNOWN = Integer.MIN_VALUE;

    private final HashMap<String, Integer> idBySymbol = new HashMap<>();
    private final HashMap<String, InstrumentKind> kindBySymbol = new HashMap<>();
    private final Int2ObjectHashMap<String> symbolById = new Int2ObjectHashMap<>();

    /**
     * Add or replace an instrument of unknown kind. Agent thread only.
     *
     * @param instrumentId engine id.
     * @param symbol       exchange symbol.
     */
    public void define(final int instrumentId, final String symbol)
    {
        define(instrumentId, symbol, InstrumentKind.NULL_VAL);
    }

    /**
     * Add or replace an instrument. Agent thread only.
     *
     * @param instrumentId engine id.
     * @param symbol       exchange symbol.
     * @param kind         its kind, {@code NULL_VAL} if unknown.
     */
    public void define(final int instrumentId, final String symbol, final InstrumentKind kind)
    {
        kindBySymbol.put(symbol, kind == null ? InstrumentKind.NULL_VAL : kind);
        final String previousSymbol = symbolById.put(instrumentId, symbol);
        if (previousSymbol != null && !previousSymbol.equals(symbol))
        {
            idBySymbol.remove(previousSymbol, instrumentId);
        }
        final Integer previousId = idBySymbol.put(symbol, instrumentId);
        if (previousId != null && previousId != instrumentId)
        {
            symbolById.remove(previousId.intValue());
        }
    }

    /**
     * Symbol of an engine instrument. Agent thread only.
     *
     * @param instrumentId engine id.
     * @return the symbol, or null if the engine has not defined the instrument.
     */
    public String symbolOf(final int instrumentId)
    {
        return symbolById.get(instrumentId);
    }

    /**
     * Engine id of a symbol. Any thread.
     *
     * @param symbol exchange symbol.
     * @return the id, or {@link #UNKNOWN}.
     */
    public int idOf(final String symbol)
    {
        final Integer id = idBySymbol.get(symbol);
        return id == null ? UNKNOWN : id;
    }

    /**
     * Kind of a symbol. Any thread.
     *
     * @param symbol exchange symbol.
     * @return its kind as last defined, {@code NULL_VAL} if unknown or never defined.
     */
    public InstrumentKind kindOf(final String symbol)
    {
        final InstrumentKind kind = kindBySymbol.get(symbol);
        return kind == null ? InstrumentKind.NULL_VAL : kind;
    }

    /**
     * All defined symbols, sorted. Any thread.
     *
     * @return a copy.
     */
    public Set<String> symbols()
    {
        return new TreeSet<>(idBySymbol.keySet());
    }
}
