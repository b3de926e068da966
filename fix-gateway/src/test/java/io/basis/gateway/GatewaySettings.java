package io.basis.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.basis.gateway.session.SessionRoles;

/**
 * The gateway's QuickFIX/J settings file of every test that starts a gateway: one order-entry and one market-data
 * session to the simulator's default sessions (FIX 4.4, {@code BASIS-OE} / {@code BASIS-MD} to {@code SIM}), keys
 * overridable per section (another counterparty's TargetCompID, a dialect, a FIX version, TLS).
 */
final class GatewaySettings
{
    private final Path dir;
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> orderEntry = new LinkedHashMap<>();
    private final Map<String, String> marketData = new LinkedHashMap<>();

    /**
     * @param dir            where the file and the order-entry store go.
     * @param orderEntryPort the port the order-entry session connects to.
     * @param marketDataPort the port the market-data session connects to.
     */
    GatewaySettings(final Path dir, final int orderEntryPort, final int marketDataPort)
    {
        this.dir = dir;
        defaults.put("ConnectionType", "initiator");
        defaults.put("TargetCompID", "SIM");
        defaults.put("SocketConnectHost", "127.0.0.1");
        defaults.put("HeartBtInt", "30");
        defaults.put("ReconnectInterval", "1");
        defaults.put("ResetOnLogon", "Y");
        defaults.put("NonStopSession", "Y");
        defaults.put("UseDataDictionary", "Y");
        defaults.put("FileStorePath", dir.resolve("store").toString());
        session(orderEntry, "BASIS-OE", orderEntryPort, "ORDER_ENTRY");
        session(marketData, "BASIS-MD", marketDataPort, "MARKET_DATA");
    }

    private static void session(
        final Map<String, String> section, final String compId, final int port, final String role)
    {
        section.put("BeginString", "FIX.4.4");
        section.put("DataDictionary", "FIX44.xml");
        section.put("SenderCompID", compId);
        section.put("SocketConnectPort", Integer.toString(port));
        section.put(SessionRoles.ROLE_KEY, role);
    }

    /**
     * @param key   a [DEFAULT] key.
     * @param value its value, null to remove it.
     * @return this.
     */
    GatewaySettings defaults(final String key, final String value)
    {
        put(defaults, key, value);
        return this;
    }

    /**
     * @param key   an order-entry [SESSION] key.
     * @param value its value, null to remove it.
     * @return this.
     */
    GatewaySettings orderEntry(final String key, final String value)
    {
        put(orderEntry, key, value);
        return this;
    }

    /**
     * @param key   a market-data [SESSION] key.
     * @param value its value, null to remove it.
     * @return this.
     */
    GatewaySettings marketData(final String key, final String value)
    {
        put(marketData, key, value);
        return this;
    }

    private static void put(final Map<String, String> section, final String key, final String value)
    {
        if (value == null)
        {
            section.remove(key);
        }
        else
        {
            section.put(key, value);
        }
    }

    /**
     * Write the file.
     *
     * @return its path.
     * @throws IOException if it cannot be written.
     */
    Path write() throws IOException
    {
        final StringBuilder text = new StringBuilder("[DEFAULT]\n");
        defaults.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        for (final Map<String, String> section : List.of(orderEntry, marketData))
        {
            text.append("\n[SESSION]\n");
            section.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        }
        final Path file = dir.resolve("gateway.cfg");
        Files.writeString(file, text);
        return file;
    }
}
