package io.basis.gateway;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.basis.protocol.sbe.InstrumentKind;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Engine instrument id to exchange symbol and back, filled from the engine's InstrumentDefinition messages, with
 * each symbol's instrument kind (which {@link SessionRouter} routes by).
 * <p>
 * Threading: {@link #define} and {@link #symbolOf} belong to the gateway agent (the only writer, and the only
 * thread that routes orders); {@link #idOf} and {@link #symbols} may be called from the QuickFIX/J thread, which
 * translates market data and execution reports, hence the concurrent map in that direction.
 */
public final class InstrumentDirectory
{
    /** Returned by {@link #idOf} for a symbol the engine has not defined. */
    public static final int UNKNOWN = Integer.MIN_VALUE;

    private final ConcurrentHashMap<String, Integer> idBySymbol = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, InstrumentKind> kindBySymbol = new ConcurrentHashMap<>();
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
        // The kind first: a thread that sees the symbol must find its kind too.
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
