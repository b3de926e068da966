package io.basis.demo;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the engine's positions with the exchange's record of fills, instrument by instrument.
 */
final class Reconciliation
{
    private final Map<String, long[]> positions = new TreeMap<>();

    /**
     * @param engineReport     the engine's report ({@code position.<SYMBOL>}).
     * @param exchangeRecord   the simulator's record ({@code account.<ACC>.position.<SYMBOL>}).
     * @param account          the account the engine traded under.
     */
    Reconciliation(final Properties engineReport, final Properties exchangeRecord, final String account)
    {
        final String enginePrefix = "position.";
        final String exchangePrefix = "account." + account + ".position.";
        final TreeSet<String> symbols = new TreeSet<>();
        for (final String key : engineReport.stringPropertyNames())
        {
            if (key.startsWith(enginePrefix))
            {
                symbols.add(key.substring(enginePrefix.length()));
            }
        }
        for (final String key : exchangeRecord.stringPropertyNames())
        {
            if (key.startsWith(exchangePrefix))
            {
                symbols.add(key.substring(exchangePrefix.length()));
            }
        }
        for (final String symbol : symbols)
        {
            positions.put(symbol, new long[]
            {
                Long.parseLong(engineReport.getProperty(enginePrefix + symbol, "0")),
                Long.parseLong(exchangeRecord.getProperty(exchangePrefix + symbol, "0")),
            });
        }
    }

    /**
     * @return true if every instrument's position is the same on both sides.
     */
    boolean reconciled()
    {
        for (final long[] pair : positions.values())
        {
            if (pair[0] != pair[1])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return symbol to {engine, exchange} positions.
     */
    Map<String, long[]> positions()
    {
        return positions;
    }
}
