package io.basis.gateway.marketdata;

import java.util.ArrayList;
import java.util.List;

import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.RecordingSink;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.gateway.session.Dialect;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.InstrumentStatusDecoder;
import io.basis.protocol.sbe.MarketPhase;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.DataDictionary;
import quickfix.DefaultMessageFactory;
import quickfix.Message;
import quickfix.MessageUtils;
import quickfix.field.SecurityTradingStatus;
import quickfix.field.Symbol;
import quickfix.field.TradSesStatus;
import quickfix.field.TradingSessionID;
import quickfix.field.TradingSessionSubID;
import quickfix.fix44.SecurityStatus;
import quickfix.fix44.TradingSessionStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SecurityStatus (f) and TradingSessionStatus (h) to SBE InstrumentStatus, as the simulator sends them
 * (simulator/.../fix/MarketStatusService.java).
 */
@Timeout(10)
class MarketStatusTranslatorTest
{
    private static final int FUTURE_ID = 0;
    private static final int STOCK_ID = 3;
    private static final long NOW = 42L;

    private final InstrumentDirectory directory = new InstrumentDirectory();
    private final RecordingSink sink = new RecordingSink();
    private final List<String> alarmLines = new ArrayList<>();
    private final Alarms alarms = new Alarms(alarmLines::add);
    private final GatewayCounters counters = GatewayCounters.inMemory();
    private final MarketStatusTranslator translator =
        new MarketStatusTranslator(directory, sink, alarms, counters, Dialect.DEFAULT_SIDECAR_TAG);

    @BeforeEach
    void define()
    {
        directory.define(FUTURE_ID, "KS200F");
        directory.define(STOCK_ID, "005930");
    }

    @Test
    void haltAndResumeOfOneInstrument()
    {
        assertEquals(1, translator.onMessage(securityStatus("005930", SecurityTradingStatus.TRADING_HALT, 0), NOW));
        assertStatus(sink.only(), STOCK_ID, MarketPhase.HALTED, false, false);
        assertEquals(NOW, status(sink.only()).timestampNs());
        assertEquals(SbeSink.Delivery.DROP_IF_NO_ENGINE, sink.only().delivery());

        sink.sent.clear();
        assertEquals(1, translator.onMessage(securityStatus("005930", SecurityTradingStatus.RESUME, 0), NOW));
        assertStatus(sink.only(), STOCK_ID, MarketPhase.TRADING, false, false);
        assertEquals(2, counters.instrumentStatusToEngine.get());
        assertEquals(2, counters.marketStatusIn.get());
        assertEquals(0, alarms.total());
    }

    @Test
    void volatilityInterruptionIsPreOpenWithTradingEvent3()
    {
        translator.onMessage(securityStatus("005930", SecurityTradingStatus.PRE_OPEN, 3), NOW);
        assertStatus(sink.sent.get(0), STOCK_ID, MarketPhase.VOLATILITY_INTERRUPTION, false, false);

        // Pre-open without the event is an auction of the instrument; ready to trade ends either.
        translator.onMessage(securityStatus("KS200F", SecurityTradingStatus.PRE_OPEN, 0), NOW);
        assertStatus(sink.sent.get(1), FUTURE_ID, MarketPhase.AUCTION, false, false);
        translator.onMessage(securityStatus("005930", SecurityTradingStatus.READY_TO_TRADE, 0), NOW);
        assertStatus(sink.sent.get(2), STOCK_ID, MarketPhase.TRADING, false, false);
        assertEquals(0, alarms.total());
    }

    @Test
    void tradingSessionPhasesApplyToEveryInstrument()
    {
        translator.onMessage(tradingSessionStatus(TradSesStatus.PRE_OPEN, "2", "N"), NOW);
        translator.onMessage(tradingSessionStatus(TradSesStatus.OPEN, "3", "N"), NOW);
        translator.onMessage(tradingSessionStatus(TradSesStatus.PRE_CLOSE, "4", "N"), NOW);
        translator.onMessage(tradingSessionStatus(TradSesStatus.CLOSED, "5", "N"), NOW);
        translator.onMessage(tradingSessionStatus(TradSesStatus.HALTED, "3", "N"), NOW);

        assertEquals(5, sink.sent.size());
        assertStatus(sink.sent.get(0), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.AUCTION, false, false);
        assertStatus(sink.sent.get(1), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.TRADING, false, false);
        assertStatus(sink.sent.get(2), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.AUCTION, false, false);
        assertStatus(sink.sent.get(3), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.CLOSED, false, false);
        assertStatus(sink.sent.get(4), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.HALTED, false, false);
    }

    @Test
    void phaseChangeKeepsAHaltedInstrumentHaltedAndAResumeFollowsTheMarket()
    {
        translator.onMessage(securityStatus("005930", SecurityTradingStatus.TRADING_HALT, 0), NOW);
        sink.sent.clear();

        assertEquals(2, translator.onMessage(tradingSessionStatus(TradSesStatus.PRE_CLOSE, "4", "N"), NOW));
        assertStatus(sink.sent.get(0), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.AUCTION, false, false);
        assertStatus(sink.sent.get(1), STOCK_ID, MarketPhase.HALTED, false, false);

        sink.sent.clear();
        translator.onMessage(securityStatus("005930", SecurityTradingStatus.RESUME, 0), NOW);
        assertStatus(sink.only(), STOCK_ID, MarketPhase.AUCTION, false, false);
        assertEquals(MarketPhase.AUCTION, translator.phaseOf(STOCK_ID));
    }

    @Test
    void sidecarRidesOnTradingSessionStatusAndEveryLaterMessage()
    {
        translator.onMessage(tradingSessionStatus(TradSesStatus.OPEN, "3", "1"), NOW);
        assertStatus(sink.sent.get(0), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.TRADING, true, false);

        // The engine takes the sidecar from every InstrumentStatus: a later halt must not lift it.
        translator.onMessage(securityStatus("005930", SecurityTradingStatus.TRADING_HALT, 0), NOW);
        assertStatus(sink.sent.get(1), STOCK_ID, MarketPhase.HALTED, true, false);

        translator.onMessage(tradingSessionStatus(TradSesStatus.OPEN, "3", "2"), NOW);
        assertStatus(sink.sent.get(2), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.TRADING, false, true);
        assertStatus(sink.sent.get(3), STOCK_ID, MarketPhase.HALTED, false, true);

        translator.onMessage(tradingSessionStatus(TradSesStatus.OPEN, "3", "N"), NOW);
        assertStatus(sink.sent.get(4), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.TRADING, false, false);

        // No sidecar tag: the flags stay as they were.
        translator.onMessage(tradingSessionStatus(TradSesStatus.OPEN, "3", "1"), NOW);
        translator.onMessage(tradingSessionStatus(TradSesStatus.OPEN, "3", null), NOW);
        assertStatus(sink.sent.get(sink.sent.size() - 2), MarketStatusTranslator.ALL_INSTRUMENTS,
            MarketPhase.TRADING, true, false);
        assertEquals(0, alarms.total(), alarms.summary());
    }

    @Test
    void republishGivesANewEngineTheWholeState()
    {
        final RecordingSink agentSink = new RecordingSink();
        assertEquals(0, translator.republish(agentSink), "nothing known yet: nothing to tell");

        translator.onMessage(tradingSessionStatus(TradSesStatus.PRE_CLOSE, "4", "2"), NOW);
        translator.onMessage(securityStatus("KS200F", SecurityTradingStatus.PRE_OPEN, 3), NOW);

        assertEquals(2, translator.republish(agentSink));
        assertStatus(agentSink.sent.get(0), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.AUCTION, false, true);
        assertStatus(agentSink.sent.get(1), FUTURE_ID, MarketPhase.VOLATILITY_INTERRUPTION, false, true);
    }

    @Test
    void unknownSymbolsAndUnmappableStatusesAreAlarmedNotPublished()
    {
        assertEquals(0, translator.onMessage(securityStatus("NOPE", SecurityTradingStatus.TRADING_HALT, 0), NOW));
        // What the simulator answers for a symbol it does not list.
        assertEquals(0, translator.onMessage(securityStatus("NOPE", SecurityTradingStatus.UNKNOWN_OR_INVALID, 0), NOW));
        assertEquals(2, alarms.count(Alarm.UNKNOWN_SYMBOL));

        assertEquals(0, translator.onMessage(tradingSessionStatus(TradSesStatus.UNKNOWN, null, null), NOW));
        assertEquals(1, translator.onMessage(tradingSessionStatus(TradSesStatus.OPEN, "3", "X"), NOW));
        assertEquals(0, translator.onMessage(securityStatus("005930", 99, 0), NOW));
        assertEquals(0, translator.onMessage(new TradingSessionStatus(), NOW), "no TradSesStatus: no crash");
        assertEquals(4, alarms.count(Alarm.UNKNOWN_MARKET_STATUS));

        // Informational statuses (imbalances) change nothing and are not alarms.
        assertEquals(0, translator.onMessage(
            securityStatus("005930", SecurityTradingStatus.MARKET_IMBALANCE_BUY, 0), NOW));
        assertEquals(4, alarms.count(Alarm.UNKNOWN_MARKET_STATUS));
        assertEquals(1, sink.sent.size(), "only the open with an unknown sidecar value");
    }

    @Test
    void mappingTables()
    {
        assertEquals(MarketPhase.HALTED, MarketStatusTranslator.instrumentPhase(1, 0));
        assertEquals(MarketPhase.HALTED, MarketStatusTranslator.instrumentPhase(18, 0));
        assertEquals(MarketPhase.AUCTION, MarketStatusTranslator.instrumentPhase(22, 0));
        assertEquals(MarketPhase.CLOSED, MarketStatusTranslator.instrumentPhase(26, 0));
        assertEquals(MarketPhase.TRADING, MarketStatusTranslator.instrumentPhase(3, 3), "a resume ends the VI");
        assertNull(MarketStatusTranslator.instrumentPhase(7, 0));
        assertEquals(MarketPhase.CLOSED, MarketStatusTranslator.sessionPhase(2, "5"));
        assertEquals(MarketPhase.AUCTION, MarketStatusTranslator.sessionPhase(2, "2"));
        assertEquals(MarketPhase.TRADING, MarketStatusTranslator.sessionPhase(2, null));
        assertNull(MarketStatusTranslator.sessionPhase(6, null));
    }

    @Test
    void parsesWhatTheSimulatorPutsOnTheWire() throws Exception
    {
        // 1174 is not in the FIX 4.4 dictionary (AllowUnknownMsgFields=Y on the market-data session), 21003 is
        // user-defined.
        final DataDictionary dictionary = new DataDictionary("FIX44.xml");
        final Message f = MessageUtils.parse(new DefaultMessageFactory(), dictionary,
            wire("35=f|49=SIM|56=BASIS-MD|34=7|52=20261123-01:00:00.000|55=005930|325=Y|326=21|1174=3|58=vi|"));
        final Message h = MessageUtils.parse(new DefaultMessageFactory(), dictionary,
            wire("35=h|49=SIM|56=BASIS-MD|34=8|52=20261123-01:00:00.000|325=Y|336=DAY|340=2|625=3|21003=2|"));

        translator.onMessage(h, NOW);
        translator.onMessage(f, NOW);

        assertStatus(sink.sent.get(0), MarketStatusTranslator.ALL_INSTRUMENTS, MarketPhase.TRADING, false, true);
        assertStatus(sink.sent.get(1), STOCK_ID, MarketPhase.VOLATILITY_INTERRUPTION, false, true);
        assertEquals(0, alarms.total(), alarms.summary());
    }

    /** A FIX 4.4 message from "|"-separated body fields: BeginString, BodyLength and CheckSum added. */
    static String wire(final String body)
    {
        final String soh = body.replace('|', '\u0001');
        final String head = "8=FIX.4.4\u00019=" + soh.length() + "\u0001";
        int sum = 0;
        for (final char c : (head + soh).toCharArray())
        {
            sum += c;
        }
        return head + soh + String.format("10=%03d\u0001", sum % 256);
    }

    private static SecurityStatus securityStatus(final String symbol, final int status, final int event)
    {
        final SecurityStatus message = new SecurityStatus();
        message.setString(Symbol.FIELD, symbol);
        message.setInt(SecurityTradingStatus.FIELD, status);
        if (event != 0)
        {
            message.setInt(MarketStatusTranslator.SECURITY_TRADING_EVENT, event);
        }
        return message;
    }

    private static TradingSessionStatus tradingSessionStatus(
        final int status, final String subId, final String sidecar)
    {
        final TradingSessionStatus message = new TradingSessionStatus();
        message.setString(TradingSessionID.FIELD, "DAY");
        message.setInt(TradSesStatus.FIELD, status);
        if (subId != null)
        {
            message.setString(TradingSessionSubID.FIELD, subId);
        }
        if (sidecar != null)
        {
            message.setString(Dialect.DEFAULT_SIDECAR_TAG, sidecar);
        }
        return message;
    }

    private static InstrumentStatusDecoder status(final RecordingSink.Sent sent)
    {
        assertEquals(InstrumentStatusDecoder.TEMPLATE_ID, sent.templateId());
        return new InstrumentStatusDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
    }

    private static void assertStatus(
        final RecordingSink.Sent sent, final int instrumentId, final MarketPhase phase, final boolean buySuspended,
        final boolean sellSuspended)
    {
        final InstrumentStatusDecoder status = status(sent);
        assertEquals(instrumentId, status.instrumentId());
        assertEquals(phase, status.phase());
        assertEquals(buySuspended ? BooleanType.TRUE : BooleanType.FALSE, status.programBuySuspended(), "buy");
        assertEquals(sellSuspended ? BooleanType.TRUE : BooleanType.FALSE, status.programSellSuspended(), "sell");
        assertTrue(status.timestampNs() > 0);
    }
}
