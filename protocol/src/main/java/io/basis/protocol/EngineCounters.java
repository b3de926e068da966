package io.basis.protocol;

/**
 * Type ids of the Aeron counters the engine publishes in the media driver's CnC file, so that operator tools
 * (the demo's status line, {@code AeronStat}) read live engine state without a protocol of their own.
 * Each counter's label is its {@link #LABELS name}; ids are stable across versions.
 */
public final class EngineCounters
{
    /** Program orders sent. */
    public static final int PROGRAMS_SENT = 7100;
    /** Program orders whose every leg reached a terminal state. */
    public static final int PROGRAMS_COMPLETED = 7101;
    /** Child orders sent. */
    public static final int CHILD_ORDERS_SENT = 7102;
    /** Child orders in a non-terminal state. */
    public static final int WORKING_ORDERS = 7103;
    /** Fills booked. */
    public static final int FILLS = 7104;
    /** Orders rejected by the gateway or the exchange. */
    public static final int REJECTS = 7105;
    /** Cash-and-carry executable basis, index points times {@link Prices#SCALE}. */
    public static final int BASIS_CASH_AND_CARRY = 7106;
    /** Reverse executable basis, index points times {@link Prices#SCALE}. */
    public static final int BASIS_REVERSE = 7107;
    /** Upper bound of the band in basis terms, index points times {@link Prices#SCALE}. */
    public static final int BAND_UPPER = 7108;
    /** Lower bound of the band in basis terms, index points times {@link Prices#SCALE}. */
    public static final int BAND_LOWER = 7109;
    /** Position in the index future, contracts. */
    public static final int FUTURE_POSITION = 7110;
    /** Net basket position held, in programs (contracts of basket). */
    public static final int BASKET_POSITION = 7111;
    /** The engine's trading state: 0 active, 1 reducing (reduce-only), 2 halted (kill switch). */
    public static final int TRADING_STATE = 7112;
    /** Market data messages applied. */
    public static final int MARKET_DATA_UPDATES = 7113;
    /** 1 while the order-entry session is logged on. */
    public static final int ORDER_SESSION_UP = 7114;
    /** 1 while the market-data session is logged on. */
    public static final int MARKET_DATA_SESSION_UP = 7115;

    /** {@code ModelState} ordinal of the valuation: 0 valid, else the reason the engine does not trade. */
    public static final int MODEL_STATE = 7116;

    /** Orders and programs refused by pre-trade risk. */
    public static final int RISK_REJECTS = 7117;

    /** Operator commands that passed authentication and were executed. */
    public static final int COMMANDS_ACCEPTED = 7118;

    /** Operator commands refused: unknown operator, bad signature or replayed (each recorded in the command log). */
    public static final int COMMANDS_REFUSED = 7119;

    /** Orders whose state the exchange could not report; out of the engine's control, to reconcile by hand. */
    public static final int UNRESOLVED_ORDERS = 7120;

    /** Orders and cancels the gateway's publication would never take (no gateway, or its queue full): rejected. */
    public static final int UNDELIVERABLE_ORDERS = 7121;

    /** Execution reports or rejects for orders the engine does not know. */
    public static final int UNKNOWN_REPORTS = 7122;

    /** Reports that repeated a state or fill already booked. */
    public static final int DUPLICATE_REPORTS = 7123;

    /** Fills booked from an order status because their own reports never arrived. */
    public static final int RECOVERED_FILLS = 7124;

    /** Orders of an earlier engine run taken over from their reports. */
    public static final int ADOPTED_ORDERS = 7125;

    /** Undeliverable orders that could not even be kept to be rejected: they stay pending until settled by hand. */
    public static final int LOST_ORDERS = 7126;

    /** Journal entries the recorder could not take in time (commands, outputs): a replay reports the first. */
    public static final int JOURNAL_LOST = 7127;

    /** Snapshots of the engine's state recorded in the archive since start. */
    public static final int SNAPSHOTS_TAKEN = 7128;

    /** Snapshots that could not be recorded (the archive did not take them in time): restart replays further back. */
    public static final int SNAPSHOT_FAILURES = 7129;

    /** Programs that became legged (basket and hedge filled in different proportions) since start. */
    public static final int LEGGED_PROGRAMS = 7130;

    /** Residual futures hedges sent for what legged programs left unhedged, since start. */
    public static final int HEDGES_SENT = 7131;

    /** Legs cancelled to be sent again at the current executable level, since start. */
    public static final int REPRICED_LEGS = 7132;

    /** Lowest type id used by Basis engine counters. */
    public static final int FIRST = PROGRAMS_SENT;
    /** Highest type id used by Basis engine counters. */
    public static final int LAST = REPRICED_LEGS;

    private static final String[] LABELS =
    {
        "basis-programs-sent", "basis-programs-completed", "basis-child-orders-sent", "basis-working-orders",
        "basis-fills", "basis-rejects", "basis-basis-cash-and-carry", "basis-basis-reverse", "basis-band-upper",
        "basis-band-lower", "basis-future-position", "basis-basket-position", "basis-trading-state",
        "basis-market-data-updates", "basis-order-session-up", "basis-market-data-session-up",
        "basis-model-state", "basis-risk-rejects", "basis-commands-accepted", "basis-commands-refused",
        "basis-unresolved-orders", "basis-undeliverable-orders", "basis-unknown-reports", "basis-duplicate-reports",
        "basis-recovered-fills", "basis-adopted-orders", "basis-lost-orders", "basis-journal-lost",
        "basis-snapshots-taken", "basis-snapshot-failures", "basis-legged-programs", "basis-hedges-sent",
        "basis-repriced-legs",
    };

    private EngineCounters()
    {
    }

    /**
     * Label of a counter type.
     *
     * @param typeId one of the constants above.
     * @return its label.
     */
    public static String label(final int typeId)
    {
        if (typeId < FIRST || typeId > LAST)
        {
            throw new IllegalArgumentException("not a Basis engine counter type: " + typeId);
        }
        return LABELS[typeId - FIRST];
    }
}
