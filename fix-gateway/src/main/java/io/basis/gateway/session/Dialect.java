package io.basis.gateway.session;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.basis.gateway.ops.GatewayConfigException;
import io.basis.protocol.sbe.ProgramFlag;

/**
 * A counterparty's FIX dialect: the few tags and values that differ between exchanges and brokers, declared in a
 * properties file that a session names with the Basis key {@value #SETTINGS_KEY} in the QuickFIX/J settings.
 * Immutable. Every key is optional; without a file a session speaks the Basis dialect of
 * {@code docs/fix-dialect.md} ({@link #DEFAULT}). Unknown keys are refused, so a typo cannot silently fall back
 * to a default.
 * <p>
 * Keys (see {@code docs/fix-dialect.md} for examples):
 * <ul>
 *     <li>{@code programFlag.tag}: the program-trading flag's tag: 529 OrderRestrictions (default), 47 Rule80A
 *     (FIX 4.2), a custom tag, or {@code none}; {@code programFlag.NONE|PROGRAM_TRADE|INDEX_ARBITRAGE|
 *     NON_INDEX_ARBITRAGE}: the value for each SBE {@link ProgramFlag} (defaults 1, 2, 3 for 529; empty: not
 *     sent).</li>
 *     <li>{@code account.tag} (default 1) and {@code account} (default: the gateway's {@code --account}).</li>
 *     <li>{@code exDestination}: ExDestination (100) on every order.</li>
 *     <li>{@code shortSale.side}: Side for a short sale (default 5; 6 short exempt; 2 with a marker tag);
 *     {@code shortSale.tag}, {@code shortSale.value}: a marker on short sales; {@code borrow.tag},
 *     {@code borrow.value}: the borrow (locate) confirmation on short sales.</li>
 *     <li>{@code cancelOnDisconnect}: Y puts ExecInst (18) = Q on every order.</li>
 *     <li>{@code handlInst}: HandlInst (21); default 1 on FIX 4.2 sessions, where it is required, else absent.</li>
 *     <li>{@code orderMode}: {@code SINGLE} (default: one NewOrderSingle per engine order), {@code FAN_OUT}
 *     (the same, each stamped with ListID (66) = the engine's program id) or {@code LIST} (the listed legs of a
 *     program in one NewOrderList (E), see {@code OrderLists}); {@code list.execInst}: ListExecInstType (433) of
 *     the NewOrderList, 1 immediate or 2 wait for ListExecute (default: not sent); {@code list.assemblyTimeoutMs}:
 *     how long a list may wait for its missing legs before they are rejected (default
 *     {@value #DEFAULT_LIST_ASSEMBLY_TIMEOUT_MS}). The {@code list.} keys require {@code orderMode=LIST}.</li>
 *     <li>{@code tag.N}: a constant tag N on every NewOrderSingle (investor id, trader id, ...).</li>
 *     <li>{@code marketStatus.requests}: Y (default) sends SecurityStatusRequest and TradingSessionStatusRequest
 *     on market-data logon; N for venues that push status unasked. {@code sidecar.tag}: the sidecar flag on
 *     TradingSessionStatus (default 21003; {@code none} if the venue sends none).</li>
 *     <li>{@code triggerNanos.tag}: the user-defined tag carrying TriggerNanos (the market data time that
 *     triggered the order) on new orders and list legs: {@code none} (default: not sent, for any counterparty that
 *     did not agree to it) or a tag, 21002 for the Basis simulator and the latency harness's exchange.</li>
 *     <li>{@code orderStatus.requests}: Y (default) asks OrderStatusRequest (H) about orders whose reports may
 *     have been missed; N for venues that do not support H (those orders end unresolved at once).
 *     {@code orderStatus.maxRequests}: at most this many H per order over a gateway run (default
 *     {@value #DEFAULT_ORDER_STATUS_MAX_REQUESTS}), then the order ends unresolved.</li>
 * </ul>
 */
public final class Dialect
{
    /** QuickFIX/J settings key, per session or in [DEFAULT], naming a dialect properties file. */
    public static final String SETTINGS_KEY = "BasisDialect";
    /** OrderRestrictions (529), FIX 4.4's program-trading flag. */
    public static final int ORDER_RESTRICTIONS = 529;
    /** Rule80A (47), FIX 4.2's order capacity and program-trading flag. */
    public static final int RULE_80A = 47;
    /** Default tag of the sidecar flag on TradingSessionStatus (ProgramTradingSuspended, user-defined). */
    public static final int DEFAULT_SIDECAR_TAG = 21003;
    /** Default of {@code list.assemblyTimeoutMs}. */
    public static final long DEFAULT_LIST_ASSEMBLY_TIMEOUT_MS = 100;
    /** TriggerNanos: the user-defined tag Basis and its simulator use for tick-to-order latency. */
    public static final int BASIS_TRIGGER_NANOS_TAG = 21002;
    /** Default of {@code orderStatus.maxRequests}. */
    public static final int DEFAULT_ORDER_STATUS_MAX_REQUESTS = 3;
    /** ListExecInstType (433) 1: execute the list at once. */
    public static final char LIST_EXEC_IMMEDIATE = '1';
    /** ListExecInstType (433) 2: wait for ListExecute (L). */
    public static final char LIST_EXEC_WAIT = '2';

    /** How engine orders become FIX messages. */
    public enum OrderMode
    {
        /** One NewOrderSingle per engine order. */
        SINGLE,
        /** One NewOrderSingle per leg, each stamped with ListID (66) = program id. */
        FAN_OUT,
        /**
         * The listed legs of a program (the engine's {@code listSeqNo} &gt; 0) in one NewOrderList (E) with ListID =
         * program id; unlisted orders as NewOrderSingle.
         */
        LIST
    }

    /** The Basis dialect of {@code docs/fix-dialect.md}. */
    public static final Dialect DEFAULT = new Dialect();

    private static final Set<String> KEYS = Set.of(
        "programFlag.tag", "programFlag.NONE", "programFlag.PROGRAM_TRADE", "programFlag.INDEX_ARBITRAGE",
        "programFlag.NON_INDEX_ARBITRAGE", "account.tag", "account", "exDestination", "shortSale.side",
        "shortSale.tag", "shortSale.value", "borrow.tag", "borrow.value", "cancelOnDisconnect", "handlInst",
        "orderMode", "list.execInst", "list.assemblyTimeoutMs", "marketStatus.requests", "sidecar.tag",
        "triggerNanos.tag", "orderStatus.requests", "orderStatus.maxRequests");

    private final String source;
    private final int programFlagTag;
    /** True when the file names programFlag.tag: then it is sent on every version, even where not standard. */
    private final boolean programFlagTagExplicit;
    private final Map<ProgramFlag, String> programFlagValues;
    private final int accountTag;
    private final String account;
    private final String exDestination;
    private final char shortSaleSide;
    private final int shortSaleTag;
    private final String shortSaleValue;
    private final int borrowTag;
    private final String borrowValue;
    private final boolean cancelOnDisconnect;
    private final String handlInst;
    private final OrderMode orderMode;
    private final char listExecInst;
    private final long listAssemblyTimeoutMs;
    private final Map<Integer, String> constantTags;
    private final boolean marketStatusRequests;
    private final int sidecarTag;
    private final int triggerNanosTag;
    private final boolean orderStatusRequests;
    private final int orderStatusMaxRequests;

    private Dialect()
    {
        source = "default";
        programFlagTag = ORDER_RESTRICTIONS;
        programFlagTagExplicit = false;
        programFlagValues = defaultProgramFlagValues();
        accountTag = 1;
        account = null;
        exDestination = null;
        shortSaleSide = '5';
        shortSaleTag = 0;
        shortSaleValue = null;
        borrowTag = 0;
        borrowValue = null;
        cancelOnDisconnect = false;
        handlInst = null;
        orderMode = OrderMode.SINGLE;
        listExecInst = 0;
        listAssemblyTimeoutMs = DEFAULT_LIST_ASSEMBLY_TIMEOUT_MS;
        constantTags = Map.of();
        marketStatusRequests = true;
        sidecarTag = DEFAULT_SIDECAR_TAG;
        triggerNanosTag = 0;
        orderStatusRequests = true;
        orderStatusMaxRequests = DEFAULT_ORDER_STATUS_MAX_REQUESTS;
    }

    private Dialect(final String source, final Properties properties)
    {
        this.source = source;
        for (final String key : properties.stringPropertyNames())
        {
            if (!KEYS.contains(key) && !key.startsWith("tag."))
            {
                throw error("unknown key " + key + " (known: " + new TreeSet<>(KEYS) + " and tag.N)");
            }
        }
        programFlagTag = tag(properties, "programFlag.tag", ORDER_RESTRICTIONS);
        programFlagTagExplicit = text(properties, "programFlag.tag") != null;
        final Map<ProgramFlag, String> values = programFlagTag == ORDER_RESTRICTIONS ?
            defaultProgramFlagValues() : new EnumMap<>(ProgramFlag.class);
        for (final ProgramFlag flag : new ProgramFlag[]{ ProgramFlag.NONE, ProgramFlag.PROGRAM_TRADE,
            ProgramFlag.INDEX_ARBITRAGE, ProgramFlag.NON_INDEX_ARBITRAGE })
        {
            final String value = properties.getProperty("programFlag." + flag.name());
            if (value != null)
            {
                if (value.isBlank())
                {
                    values.remove(flag);
                }
                else
                {
                    values.put(flag, value.trim());
                }
            }
        }
        if (programFlagTag != 0 && values.isEmpty())
        {
            throw error("programFlag.tag=" + programFlagTag + " but no programFlag.<FLAG> values");
        }
        programFlagValues = Collections.unmodifiableMap(values);
        accountTag = tag(properties, "account.tag", 1);
        account = text(properties, "account");
        exDestination = text(properties, "exDestination");
        final String side = text(properties, "shortSale.side");
        if (side != null && !("5".equals(side) || "6".equals(side) || "2".equals(side)))
        {
            throw error("shortSale.side must be 5, 6 or 2, not " + side);
        }
        shortSaleSide = side == null ? '5' : side.charAt(0);
        shortSaleTag = tag(properties, "shortSale.tag", 0);
        shortSaleValue = pairedValue(properties, "shortSale", shortSaleTag);
        borrowTag = tag(properties, "borrow.tag", 0);
        borrowValue = pairedValue(properties, "borrow", borrowTag);
        cancelOnDisconnect = flag(properties, "cancelOnDisconnect", false);
        handlInst = text(properties, "handlInst");
        if (handlInst != null && !("1".equals(handlInst) || "2".equals(handlInst) || "3".equals(handlInst)))
        {
            throw error("handlInst must be 1, 2 or 3, not " + handlInst);
        }
        final String mode = text(properties, "orderMode");
        if (mode == null)
        {
            orderMode = OrderMode.SINGLE;
        }
        else
        {
            try
            {
                orderMode = OrderMode.valueOf(mode.toUpperCase(Locale.ROOT));
            }
            catch (final IllegalArgumentException ex)
            {
                throw error("orderMode must be SINGLE, FAN_OUT or LIST, not " + mode);
            }
        }
        final String execInst = text(properties, "list.execInst");
        final String timeout = text(properties, "list.assemblyTimeoutMs");
        if (orderMode != OrderMode.LIST && (execInst != null || timeout != null))
        {
            throw error("list." + (execInst != null ? "execInst" : "assemblyTimeoutMs") +
                " is set but orderMode is not LIST");
        }
        if (execInst != null && !("1".equals(execInst) || "2".equals(execInst)))
        {
            throw error("list.execInst must be 1 (immediate) or 2 (wait for ListExecute), not " + execInst);
        }
        listExecInst = execInst == null ? 0 : execInst.charAt(0);
        listAssemblyTimeoutMs = timeout == null ? DEFAULT_LIST_ASSEMBLY_TIMEOUT_MS : positiveMillis(timeout);
        final Map<Integer, String> constants = new TreeMap<>();
        for (final String key : properties.stringPropertyNames())
        {
            if (key.startsWith("tag."))
            {
                final int tag = parseTag(key.substring(4), key);
                final String value = text(properties, key);
                if (value == null)
                {
                    throw error(key + " has no value");
                }
                constants.put(tag, value);
            }
        }
        constantTags = Collections.unmodifiableMap(constants);
        marketStatusRequests = flag(properties, "marketStatus.requests", true);
        sidecarTag = tag(properties, "sidecar.tag", DEFAULT_SIDECAR_TAG);
        triggerNanosTag = tag(properties, "triggerNanos.tag", 0);
        orderStatusRequests = flag(properties, "orderStatus.requests", true);
        orderStatusMaxRequests = maxRequests(text(properties, "orderStatus.maxRequests"));
    }

    /**
     * Parse a dialect from properties.
     *
     * @param source     where it came from, for error messages.
     * @param properties the keys.
     * @return the dialect.
     * @throws GatewayConfigException on an unknown key or a bad value.
     */
    public static Dialect parse(final String source, final Properties properties)
    {
        return new Dialect(source, properties);
    }

    /**
     * Load a dialect file.
     *
     * @param file a properties file (UTF-8).
     * @return the dialect.
     * @throws GatewayConfigException if the file cannot be read or holds an unknown key or a bad value.
     */
    public static Dialect load(final Path file)
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new GatewayConfigException("cannot read dialect file " + file + ": " + ex.getMessage(), ex);
        }
        return parse(file.toString(), properties);
    }

    /**
     * @return where the dialect came from ("default" or the file).
     */
    public String source()
    {
        return source;
    }

    /**
     * @return the program-trading flag's tag, 0 if none is sent.
     */
    public int programFlagTag()
    {
        return programFlagTag;
    }

    /**
     * @param beginString the session's BeginString.
     * @return the program-trading flag's tag on that session, 0 if none is sent: FIX 4.2 has no OrderRestrictions
     * (529), so a FIX 4.2 session sends no flag unless its dialect names a tag (Rule80A, 47, usually).
     */
    public int programFlagTag(final String beginString)
    {
        return !programFlagTagExplicit && "FIX.4.2".equals(beginString) ? 0 : programFlagTag;
    }

    /**
     * @param flag        the engine's flag.
     * @param beginString the session's BeginString.
     * @return the value to send on that session, or null to send nothing.
     */
    public String programFlagValue(final ProgramFlag flag, final String beginString)
    {
        return programFlagTag(beginString) == 0 ? null : programFlagValues.get(flag);
    }

    /**
     * @param flag the engine's flag.
     * @return the value to send, or null to send nothing.
     */
    public String programFlagValue(final ProgramFlag flag)
    {
        return programFlagTag == 0 ? null : programFlagValues.get(flag);
    }

    /**
     * @return the tag the account goes in.
     */
    public int accountTag()
    {
        return accountTag;
    }

    /**
     * @param fallback the gateway's configured account.
     * @return the dialect's account, or the fallback.
     */
    public String account(final String fallback)
    {
        return account != null ? account : fallback;
    }

    /**
     * @return ExDestination (100), or null.
     */
    public String exDestination()
    {
        return exDestination;
    }

    /**
     * @return Side (54) of a short sale.
     */
    public char shortSaleSide()
    {
        return shortSaleSide;
    }

    /**
     * @return tag of the short-sale marker, 0 if none.
     */
    public int shortSaleTag()
    {
        return shortSaleTag;
    }

    /**
     * @return value of the short-sale marker.
     */
    public String shortSaleValue()
    {
        return shortSaleValue;
    }

    /**
     * @return tag of the borrow confirmation on short sales, 0 if none.
     */
    public int borrowTag()
    {
        return borrowTag;
    }

    /**
     * @return value of the borrow confirmation.
     */
    public String borrowValue()
    {
        return borrowValue;
    }

    /**
     * @return true to send ExecInst (18) = Q (cancel on system failure / disconnect).
     */
    public boolean cancelOnDisconnect()
    {
        return cancelOnDisconnect;
    }

    /**
     * @param beginString the session's BeginString.
     * @return HandlInst (21) to send, or null: the dialect's, else 1 on FIX 4.2 (required there).
     */
    public String handlInst(final String beginString)
    {
        if (handlInst != null)
        {
            return handlInst;
        }
        return "FIX.4.2".equals(beginString) ? "1" : null;
    }

    /**
     * @return how orders are sent.
     */
    public OrderMode orderMode()
    {
        return orderMode;
    }

    /**
     * @return ListExecInstType (433) of a NewOrderList: {@link #LIST_EXEC_IMMEDIATE}, {@link #LIST_EXEC_WAIT}, or 0
     * to leave it out (the counterparty's default, usually immediate).
     */
    public char listExecInst()
    {
        return listExecInst;
    }

    /**
     * @return how long, in milliseconds, the legs of an incomplete list wait for the rest before they are rejected.
     */
    public long listAssemblyTimeoutMs()
    {
        return listAssemblyTimeoutMs;
    }

    /**
     * @return constant tags for every NewOrderSingle (and every leg of a NewOrderList), by tag.
     */
    public Map<Integer, String> constantTags()
    {
        return constantTags;
    }

    /**
     * @return true to request market status (e, g) on market-data logon.
     */
    public boolean marketStatusRequests()
    {
        return marketStatusRequests;
    }

    /**
     * @return tag of the sidecar flag on TradingSessionStatus, 0 if none.
     */
    public int sidecarTag()
    {
        return sidecarTag;
    }

    /**
     * @return the tag TriggerNanos goes in on every new order (and list leg), 0 (the default) to send none: a
     * counterparty that does not know the tag would reject the whole order (Reject 3, invalid tag number).
     */
    public int triggerNanosTag()
    {
        return triggerNanosTag;
    }

    /**
     * @return false for a counterparty known not to answer OrderStatusRequest (H): the gateway never asks, and an
     * order whose reports may have been missed ends unresolved at once.
     */
    public boolean orderStatusRequests()
    {
        return orderStatusRequests;
    }

    /**
     * @return at most this many status requests are sent about one order over the gateway's run; after that its
     * state is given up as unresolved.
     */
    public int orderStatusMaxRequests()
    {
        return orderStatusMaxRequests;
    }

    @Override
    public String toString()
    {
        return source + " (programFlag.tag=" + programFlagTag + " orderMode=" + orderMode + ")";
    }

    private static Map<ProgramFlag, String> defaultProgramFlagValues()
    {
        final Map<ProgramFlag, String> values = new EnumMap<>(ProgramFlag.class);
        values.put(ProgramFlag.PROGRAM_TRADE, "1");
        values.put(ProgramFlag.INDEX_ARBITRAGE, "2");
        values.put(ProgramFlag.NON_INDEX_ARBITRAGE, "3");
        return values;
    }

    private int tag(final Properties properties, final String key, final int defaultTag)
    {
        final String text = text(properties, key);
        if (text == null)
        {
            return defaultTag;
        }
        if ("none".equalsIgnoreCase(text))
        {
            return 0;
        }
        return parseTag(text, key);
    }

    private int parseTag(final String text, final String key)
    {
        try
        {
            final int tag = Integer.parseInt(text.trim());
            if (tag > 0)
            {
                return tag;
            }
        }
        catch (final NumberFormatException ex)
        {
            // Reported below.
        }
        throw error(key + ": not a FIX tag number: " + text);
    }

    private int maxRequests(final String text)
    {
        if (text == null)
        {
            return DEFAULT_ORDER_STATUS_MAX_REQUESTS;
        }
        try
        {
            final int max = Integer.parseInt(text);
            if (max >= 1 && max <= 100)
            {
                return max;
            }
        }
        catch (final NumberFormatException ex)
        {
            // Reported below.
        }
        throw error("orderStatus.maxRequests must be a number from 1 to 100, not " + text);
    }

    private long positiveMillis(final String text)
    {
        try
        {
            final long millis = Long.parseLong(text);
            if (millis > 0 && millis <= 60_000)
            {
                return millis;
            }
        }
        catch (final NumberFormatException ex)
        {
            // Reported below.
        }
        throw error("list.assemblyTimeoutMs must be a number of milliseconds from 1 to 60000, not " + text);
    }

    private String pairedValue(final Properties properties, final String prefix, final int tag)
    {
        final String value = text(properties, prefix + ".value");
        if (tag != 0 && value == null)
        {
            throw error(prefix + ".tag is set but " + prefix + ".value is not");
        }
        if (tag == 0 && value != null)
        {
            throw error(prefix + ".value is set but " + prefix + ".tag is not");
        }
        return value;
    }

    private boolean flag(final Properties properties, final String key, final boolean defaultValue)
    {
        final String text = text(properties, key);
        if (text == null)
        {
            return defaultValue;
        }
        switch (text.toUpperCase(Locale.ROOT))
        {
            case "Y":
            case "YES":
            case "TRUE":
                return true;
            case "N":
            case "NO":
            case "FALSE":
                return false;
            default:
                throw error(key + " must be Y or N, not " + text);
        }
    }

    private static String text(final Properties properties, final String key)
    {
        final String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private GatewayConfigException error(final String message)
    {
        return new GatewayConfigException("dialect " + source + ": " + message);
    }
}
