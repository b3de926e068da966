package io.basis.gateway.marketdata;

import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.InstrumentStatusEncoder;
import io.basis.protocol.sbe.MarketPhase;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.MsgType;
import quickfix.field.SecurityTradingStatus;
import quickfix.field.Symbol;
import quickfix.field.TradSesStatus;
import quickfix.field.TradingSessionSubID;

/**
 * Market state from the exchange to SBE {@code InstrumentStatus}: SecurityStatus (f) per instrument (halts,
 * resumes, volatility interruptions, per-instrument auctions) and TradingSessionStatus (h) for the market-wide
 * phase and the sidecar, per {@code docs/fix-dialect.md}.
 * <p>
 * The engine applies an {@code InstrumentStatus} with instrumentId -1 to every instrument and takes the sidecar
 * flags from every message, so this class keeps the state that makes each message complete: the market phase, the
 * sidecar, and the instruments whose own status overrides the market phase (halted, interrupted). A phase change
 * is published as one message for all instruments followed by one per overriding instrument, so a halt survives
 * the open of the closing auction; every message carries the current sidecar flags.
 * <p>
 * Owned by the gateway agent: it translates what QuickFIX/J hands over ({@link FixHandOff}) and
 * {@link #republish republishes} when an engine connects, so the state needs no lock.
 */
public final class MarketStatusTranslator
{
    /** Instrument id of an {@code InstrumentStatus} that applies to every instrument. */
    public static final int ALL_INSTRUMENTS = -1;
    /** FIX 5.0SP2 SecurityTradingEvent(1174), read when present: 3 is a price volatility interruption. */
    static final int SECURITY_TRADING_EVENT = 1174;
    private static final int VOLATILITY_INTERRUPTION_EVENT = 3;
    /** SecurityTradingStatus 24 and 25 (pre-cross, cross), whose QuickFIX/J constant names run to a line each. */
    private static final int PRE_CROSS = 24;
    private static final int CROSS = 25;

    private final InstrumentDirectory directory;
    private final SbeSink sink;
    private final Alarms alarms;
    private final GatewayCounters counters;
    private final int sidecarTag;
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(64);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final InstrumentStatusEncoder encoder = new InstrumentStatusEncoder();
    private final Int2ObjectHashMap<MarketPhase> overrides = new Int2ObjectHashMap<>();
    private MarketPhase marketPhase = MarketPhase.TRADING;
    private boolean programBuySuspended;
    private boolean programSellSuspended;
    private boolean marketKnown;

    /**
     * @param directory  symbol to engine instrument id.
     * @param sink       the gateway agent's sink.
     * @param alarms     for unknown symbols and unmappable statuses.
     * @param counters   status messages in and out.
     * @param sidecarTag tag of the sidecar flag on TradingSessionStatus (dialect key {@code sidecar.tag}), 0 if the
     *                   venue sends none.
     */
    public MarketStatusTranslator(
        final InstrumentDirectory directory,
        final SbeSink sink,
        final Alarms alarms,
        final GatewayCounters counters,
        final int sidecarTag)
    {
        this.directory = directory;
        this.sink = sink;
        this.alarms = alarms;
        this.counters = counters;
        this.sidecarTag = sidecarTag;
    }

    /**
     * Translate an f or h and publish the resulting {@code InstrumentStatus} messages.
     *
     * @param message     SecurityStatus or TradingSessionStatus.
     * @param timestampNs {@link System#nanoTime()} when it was received.
     * @return how many SBE messages were published.
     */
    public int onMessage(final Message message, final long timestampNs)
    {
        counters.marketStatusIn.incrementRelease();
        String msgType = "?";
        try
        {
            msgType = message.getHeader().getString(MsgType.FIELD);
            switch (msgType)
            {
                case MsgType.SECURITY_STATUS:
                    return onSecurityStatus(message, timestampNs);
                case MsgType.TRADING_SESSION_STATUS:
                    return onTradingSessionStatus(message, timestampNs);
                default:
                    alarms.raise(Alarm.UNEXPECTED_FIX_MESSAGE, "not market status: MsgType=" + msgType);
                    return 0;
            }
        }
        catch (final FieldNotFound | RuntimeException ex)
        {
            alarms.raise(Alarm.UNKNOWN_MARKET_STATUS, "MsgType=" + msgType + ": " + ex + " in " + message);
            return 0;
        }
    }

    /**
     * Publish the whole known state again, for an engine that just connected: the market phase and sidecar (if
     * the exchange has told any) and every overriding instrument.
     *
     * @param agentSink the calling thread's sink.
     * @return how many SBE messages were published.
     */
    public int republish(final SbeSink agentSink)
    {
        int published = 0;
        if (marketKnown)
        {
            published += publish(agentSink, ALL_INSTRUMENTS, marketPhase, System.nanoTime());
        }
        return published + publishOverrides(agentSink, System.nanoTime());
    }

    /**
     * @return the market-wide phase last announced.
     */
    public MarketPhase marketPhase()
    {
        return marketPhase;
    }

    /**
     * @param instrumentId engine id.
     * @return the phase the engine was last told for the instrument.
     */
    public MarketPhase phaseOf(final int instrumentId)
    {
        final MarketPhase override = overrides.get(instrumentId);
        return override != null ? override : marketPhase;
    }

    private int onSecurityStatus(final Message message, final long timestampNs) throws FieldNotFound
    {
        final String symbol = message.getString(Symbol.FIELD);
        if (!message.isSetField(SecurityTradingStatus.FIELD))
        {
            // A status without a trading status (e.g. only prices or volumes) changes nothing.
            return 0;
        }
        final int status = message.getInt(SecurityTradingStatus.FIELD);
        final int event = message.isSetField(SECURITY_TRADING_EVENT) ? message.getInt(SECURITY_TRADING_EVENT) : 0;
        if (status == SecurityTradingStatus.UNKNOWN_OR_INVALID)
        {
            alarms.raise(Alarm.UNKNOWN_SYMBOL, "SecurityStatus unknown or invalid for " + symbol);
            return 0;
        }
        final int instrumentId = directory.idOf(symbol);
        if (instrumentId == InstrumentDirectory.UNKNOWN)
        {
            alarms.raise(Alarm.UNKNOWN_SYMBOL, "SecurityStatus for " + symbol);
            return 0;
        }
        final MarketPhase phase = instrumentPhase(status, event);
        if (phase == null)
        {
            if (!isInformational(status))
            {
                alarms.raise(Alarm.UNKNOWN_MARKET_STATUS, "SecurityTradingStatus " + status + " for " + symbol);
            }
            return 0;
        }
        if (phase == MarketPhase.TRADING)
        {
            // Resumed or ready: the instrument follows the market again (which may itself be in an auction).
            overrides.remove(instrumentId);
        }
        else
        {
            overrides.put(instrumentId, phase);
        }
        return publish(sink, instrumentId, phaseOfLocked(instrumentId), timestampNs);
    }

    private int onTradingSessionStatus(final Message message, final long timestampNs) throws FieldNotFound
    {
        final int status = message.getInt(TradSesStatus.FIELD);
        final String subId = message.isSetField(TradingSessionSubID.FIELD) ?
            message.getString(TradingSessionSubID.FIELD) : null;
        final MarketPhase phase = sessionPhase(status, subId);
        if (phase == null)
        {
            alarms.raise(Alarm.UNKNOWN_MARKET_STATUS, "TradSesStatus " + status + " TradingSessionSubID " + subId);
            return 0;
        }
        if (sidecarTag > 0 && message.isSetField(sidecarTag))
        {
            final String sidecar = message.getString(sidecarTag);
            switch (sidecar)
            {
                case "1":
                    programBuySuspended = true;
                    programSellSuspended = false;
                    break;
                case "2":
                    programBuySuspended = false;
                    programSellSuspended = true;
                    break;
                case "3":
                    programBuySuspended = true;
                    programSellSuspended = true;
                    break;
                case "N":
                case "0":
                    programBuySuspended = false;
                    programSellSuspended = false;
                    break;
                default:
                    // Keep the previous flags: guessing could lift a sidecar that is still on.
                    alarms.raise(Alarm.UNKNOWN_MARKET_STATUS, "sidecar tag " + sidecarTag + "=" + sidecar);
            }
        }
        marketPhase = phase;
        marketKnown = true;
        final int published = publish(sink, ALL_INSTRUMENTS, phase, timestampNs);
        return published + publishOverrides(sink, timestampNs);
    }

    private int publishOverrides(final SbeSink target, final long timestampNs)
    {
        int published = 0;
        for (final Int2ObjectHashMap<MarketPhase>.EntryIterator it = overrides.entrySet().iterator(); it.hasNext(); )
        {
            it.next();
            published += publish(target, it.getIntKey(), it.getValue(), timestampNs);
        }
        return published;
    }

    private MarketPhase phaseOfLocked(final int instrumentId)
    {
        final MarketPhase override = overrides.get(instrumentId);
        return override != null ? override : marketPhase;
    }

    private int publish(final SbeSink target, final int instrumentId, final MarketPhase phase, final long timestampNs)
    {
        encoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .phase(phase)
            .programBuySuspended(programBuySuspended ? BooleanType.TRUE : BooleanType.FALSE)
            .programSellSuspended(programSellSuspended ? BooleanType.TRUE : BooleanType.FALSE)
            .timestampNs(timestampNs);
        // Not waited for: an engine that connects later gets the whole state from republish().
        if (target.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(),
            SbeSink.Delivery.DROP_IF_NO_ENGINE))
        {
            counters.instrumentStatusToEngine.incrementRelease();
            return 1;
        }
        return 0;
    }

    /**
     * SecurityTradingStatus (326), with SecurityTradingEvent (1174), to the phase of one instrument.
     *
     * @param securityTradingStatus the FIX code.
     * @param securityTradingEvent  1174, or 0 if absent.
     * @return the phase, {@link MarketPhase#TRADING} for "resume" and "ready to trade" (the instrument follows
     * the market again), or null if the status does not change the phase.
     */
    public static MarketPhase instrumentPhase(final int securityTradingStatus, final int securityTradingEvent)
    {
        final boolean resumes = securityTradingStatus == SecurityTradingStatus.RESUME ||
            securityTradingStatus == SecurityTradingStatus.READY_TO_TRADE;
        if (securityTradingEvent == VOLATILITY_INTERRUPTION_EVENT && !resumes)
        {
            return MarketPhase.VOLATILITY_INTERRUPTION;
        }
        switch (securityTradingStatus)
        {
            case SecurityTradingStatus.RESUME:
            case SecurityTradingStatus.READY_TO_TRADE:
                return MarketPhase.TRADING;
            case SecurityTradingStatus.OPENING_DELAY:
            case SecurityTradingStatus.TRADING_HALT:
            case SecurityTradingStatus.NO_OPEN_NO_RESUME:
            case SecurityTradingStatus.NOT_AVAILABLE_FOR_TRADING:
            case SecurityTradingStatus.NOT_TRADED_ON_THIS_MARKET:
                return MarketPhase.HALTED;
            case SecurityTradingStatus.ITS_PRE_OPENING:
            case SecurityTradingStatus.PRE_OPEN:
            case SecurityTradingStatus.OPENING_ROTATION:
            case PRE_CROSS:
            case CROSS:
                return MarketPhase.AUCTION;
            case SecurityTradingStatus.POST_CLOSE:
                return MarketPhase.CLOSED;
            default:
                return null;
        }
    }

    /**
     * Statuses that carry information (imbalances, indications) but no change of phase: ignored without alarm.
     */
    static boolean isInformational(final int securityTradingStatus)
    {
        return securityTradingStatus >= 5 && securityTradingStatus <= 16 || securityTradingStatus == 23;
    }

    /**
     * TradSesStatus (340), refined by TradingSessionSubID (625), to the market-wide phase.
     *
     * @param tradSesStatus FIX code.
     * @param subId         TradingSessionSubID, or null: while open, "2" (opening auction) and "4" (closing auction)
     *                      mean an auction and "5" (post-trading) closed.
     * @return the phase, or null if unknown (0) or a rejected request (6).
     */
    public static MarketPhase sessionPhase(final int tradSesStatus, final String subId)
    {
        switch (tradSesStatus)
        {
            case TradSesStatus.HALTED:
                return MarketPhase.HALTED;
            case TradSesStatus.OPEN:
                if ("2".equals(subId) || "4".equals(subId))
                {
                    return MarketPhase.AUCTION;
                }
                return "5".equals(subId) ? MarketPhase.CLOSED : MarketPhase.TRADING;
            case TradSesStatus.CLOSED:
                return MarketPhase.CLOSED;
            case TradSesStatus.PRE_OPEN:
            case TradSesStatus.PRE_CLOSE:
                return MarketPhase.AUCTION;
            default:
                return null;
        }
    }
}
