package io.basis.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.basis.gateway.marketdata.MarketStatusTranslator;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.FixFields;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.InstrumentStatusDecoder;
import io.basis.protocol.sbe.MarketPhase;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.BeginString;
import quickfix.field.MDEntryPositionNo;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgType;
import quickfix.field.NoRelatedSym;
import quickfix.field.RptSeq;
import quickfix.field.SecurityTradingStatus;
import quickfix.field.Symbol;
import quickfix.field.TradSesStatus;
import quickfix.field.TradingSessionID;
import quickfix.field.TradingSessionSubID;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.SecurityStatus;
import quickfix.fix44.TradingSessionStatus;

import static io.basis.gateway.SimulatorHarness.engineLoggedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The whole gateway against a real embedded media driver and an in-test QuickFIX/J acceptor: market-data gaps
 * (RptSeq and MsgSeqNum) recovered by re-snapshotting, market status reaching the engine, and a FIX 4.2 broker
 * order-entry session with the Rule80A fan-out dialect.
 */
@Timeout(60)
class GatewayRecoveryAndDialectIntegrationTest
{
    private static final int FUTURE_ID = 7;
    private static final int STOCK_ID = 3;
    private static final long WAIT_MS = AeronEngineEndpoint.WAIT.toMillis();

    @TempDir
    Path tempDir;

    private TestAcceptor exchange;
    private Gateway gateway;
    private AeronEngineEndpoint engine;

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engine, gateway, exchange);
    }

    @Test
    void marketDataGapsAreReSnapshottedAndMarketStatusReachesTheEngine() throws Exception
    {
        start("FIX.4.4", null);
        engine.defineInstrument(FUTURE_ID, "KS200F", InstrumentKind.FUTURE);
        awaitSnapshot(17, 2);
        assertNotNull(exchange.requestsReceived.poll(WAIT_MS, TimeUnit.MILLISECONDS));
        final Set<String> statusRequests = new HashSet<>();
        for (int i = 0; i < 2; i++)
        {
            final Message request = exchange.statusRequestsReceived.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            assertNotNull(request, "g on logon, e for the new symbol");
            statusRequests.add(request.getHeader().getString(MsgType.FIELD));
        }
        assertEquals(Set.of(MsgType.TRADING_SESSION_STATUS_REQUEST, MsgType.SECURITY_STATUS_REQUEST), statusRequests);

        // In sequence: published as an incremental.
        exchange.sendMarketData(incremental(18));
        engine.await(BookUpdateDecoder.TEMPLATE_ID, buffer -> bookUpdate(buffer).exchangeSeq() == 18);

        // RptSeq 19 is lost: the engine's book is cleared, the snapshot re-requested, and the new one resumes.
        exchange.snapshotSeq.set(30);
        exchange.sendMarketData(incremental(20));
        awaitEmptySnapshot();
        awaitSnapshot(30, 2);
        assertResnapshotRequested();
        assertEquals(1, gateway.alarms().count(Alarm.MARKET_DATA_GAP));
        exchange.sendMarketData(incremental(31));
        engine.await(BookUpdateDecoder.TEMPLATE_ID, buffer -> bookUpdate(buffer).exchangeSeq() == 31);

        // A halt, then a phase with a sidecar: the halted future stays halted and carries the sidecar.
        final SecurityStatus halt = new SecurityStatus();
        halt.setString(Symbol.FIELD, "KS200F");
        halt.setInt(SecurityTradingStatus.FIELD, SecurityTradingStatus.TRADING_HALT);
        exchange.sendMarketData(halt);
        assertStatus(awaitStatus(FUTURE_ID), MarketPhase.HALTED, false);
        final TradingSessionStatus sidecar = new TradingSessionStatus();
        sidecar.setString(TradingSessionID.FIELD, "DAY");
        sidecar.setInt(TradSesStatus.FIELD, TradSesStatus.OPEN);
        sidecar.setString(TradingSessionSubID.FIELD, "3");
        sidecar.setString(Dialect.DEFAULT_SIDECAR_TAG, "1");
        exchange.sendMarketData(sidecar);
        assertStatus(awaitStatus(MarketStatusTranslator.ALL_INSTRUMENTS), MarketPhase.TRADING, true);
        assertStatus(awaitStatus(FUTURE_ID), MarketPhase.HALTED, true);

        // A MsgSeqNum the exchange cannot resend (gap fill): every instrument is re-snapshotted.
        exchange.snapshotSeq.set(40);
        exchange.skipMarketDataSeqNum();
        exchange.sendMarketData(incremental(32));
        awaitEmptySnapshot();
        awaitSnapshot(40, 2);
        assertResnapshotRequested();
        assertEquals(1, gateway.alarms().count(Alarm.MARKET_DATA_GAP_FILL));

        // What AeronStat shows (the agent refreshes the driver's copy every millisecond or so).
        awaitCounter("basis-gateway: market data RptSeq gaps", 1);
        awaitCounter("basis-gateway: market data MsgSeqNum gaps not filled", 1);
        awaitCounter("basis-gateway: instruments stale", 0);
        awaitCounter("basis-gateway: alarm MARKET_DATA_GAP", 1);
        awaitCounter("basis-gateway: instrument status to engine", 3);
        assertEquals(0, gateway.alarms().count(Alarm.UNKNOWN_SYMBOL));
    }

    @Test
    void fix42BrokerSessionSendsRule80AFanOutOrdersAndTranslatesItsFills() throws Exception
    {
        final Path dialect = Path.of("..", "config", "dialect-broker42.properties").toAbsolutePath();
        start("FIX.4.2", dialect);
        engine.defineInstrument(STOCK_ID, "005930", InstrumentKind.STOCK);

        engine.newOrder(5001, 77, STOCK_ID, Side.SELL_SHORT, ProgramFlag.INDEX_ARBITRAGE, 71_200_0000L, 10);

        final ExecutionReportDecoder fill = new ExecutionReportDecoder().wrapAndApplyHeader(
            engine.await(ExecutionReportDecoder.TEMPLATE_ID, buffer -> new ExecutionReportDecoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).execType() == ExecType.TRADE),
            0, new MessageHeaderDecoder());
        assertEquals(5001, fill.orderId());
        assertEquals(OrdStatus.FILLED, fill.ordStatus());
        assertEquals(10, fill.lastQty());
        assertEquals(71_200_0000L, fill.lastPx());

        final Message d = exchange.ordersReceived.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(d);
        assertEquals("FIX.4.2", d.getHeader().getString(BeginString.FIELD));
        assertEquals('D', d.getChar(quickfix.field.Rule80A.FIELD));
        assertFalse(d.isSetField(quickfix.field.OrderRestrictions.FIELD));
        assertEquals('1', d.getChar(quickfix.field.HandlInst.FIELD));
        assertEquals("77", d.getString(quickfix.field.ListID.FIELD));
        assertEquals("KRX", d.getString(quickfix.field.ExDestination.FIELD));
        assertFalse(d.isSetField(quickfix.field.ExecInst.FIELD), "Q is not a FIX 4.2 ExecInst");
        assertEquals('5', d.getChar(quickfix.field.Side.FIELD));
        assertEquals("Y", d.getString(21011));
        assertEquals("1000", d.getString(21010));
        assertEquals("TEST1", d.getString(quickfix.field.Account.FIELD));
        assertEquals(0, gateway.alarms().total(), gateway.alarms().summary());
    }

    private void start(final String orderEntryBeginString, final Path orderEntryDialect) throws Exception
    {
        final int orderEntryPort = freePort();
        final int marketDataPort = freePort();
        exchange = new TestAcceptor(orderEntryPort, marketDataPort, orderEntryBeginString);
        final GatewaySettings settings = new GatewaySettings(tempDir, orderEntryPort, marketDataPort)
            .orderEntry("BeginString", orderEntryBeginString)
            .orderEntry("DataDictionary", "FIX.4.2".equals(orderEntryBeginString) ? "FIX42.xml" : "FIX44.xml");
        if (orderEntryDialect != null)
        {
            settings.orderEntry(Dialect.SETTINGS_KEY, orderEntryDialect.toString());
        }
        gateway = Gateway.launch(GatewayConfig.builder()
            .settingsFile(settings.write())
            .aeronDirectoryName(tempDir.resolve("aeron").toString())
            .embeddedDriver(true)
            .account("TEST1")
            .publishTimeout(Duration.ofSeconds(2))
            .build());
        engine = engineLoggedOn(gateway);
    }

    private void awaitSnapshot(final long rptSeq, final int levels)
    {
        final BookUpdateDecoder book = bookUpdate(engine.await(BookUpdateDecoder.TEMPLATE_ID, buffer ->
            bookUpdate(buffer).snapshot() == BooleanType.TRUE && bookUpdate(buffer).exchangeSeq() == rptSeq));
        assertEquals(FUTURE_ID, book.instrumentId());
        assertEquals(levels, book.levels().count());
    }

    private void awaitEmptySnapshot()
    {
        engine.await(BookUpdateDecoder.TEMPLATE_ID, buffer ->
            bookUpdate(buffer).snapshot() == BooleanType.TRUE && bookUpdate(buffer).levels().count() == 0);
    }

    private void assertResnapshotRequested() throws Exception
    {
        final Message request = exchange.requestsReceived.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(request, "MarketDataRequest to re-snapshot");
        final List<Group> symbols = request.getGroups(NoRelatedSym.FIELD);
        assertEquals(1, symbols.size());
        assertEquals("KS200F", symbols.get(0).getString(Symbol.FIELD));
    }

    private InstrumentStatusDecoder awaitStatus(final int instrumentId)
    {
        return new InstrumentStatusDecoder().wrapAndApplyHeader(
            engine.await(InstrumentStatusDecoder.TEMPLATE_ID, buffer -> new InstrumentStatusDecoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).instrumentId() == instrumentId),
            0, new MessageHeaderDecoder());
    }

    private static void assertStatus(final InstrumentStatusDecoder status, final MarketPhase phase,
        final boolean buySuspended)
    {
        assertEquals(phase, status.phase());
        assertEquals(buySuspended ? BooleanType.TRUE : BooleanType.FALSE, status.programBuySuspended());
        assertEquals(BooleanType.FALSE, status.programSellSuspended());
    }

    private static MarketDataIncrementalRefresh incremental(final int rptSeq)
    {
        final MarketDataIncrementalRefresh x = new MarketDataIncrementalRefresh();
        x.setInt(RptSeq.FIELD, rptSeq);
        x.setString(FixFields.EXCHANGE_SEND_NANOS, Long.toString(System.nanoTime()));
        final Group entry = new MarketDataIncrementalRefresh.NoMDEntries();
        entry.setChar(MDUpdateAction.FIELD, MDUpdateAction.CHANGE);
        entry.setChar(MDEntryType.FIELD, MDEntryType.BID);
        entry.setString(Symbol.FIELD, "KS200F");
        entry.setString(MDEntryPx.FIELD, "352.40");
        entry.setInt(MDEntrySize.FIELD, rptSeq);
        entry.setInt(MDEntryPositionNo.FIELD, 1);
        x.addGroup(entry);
        return x;
    }

    private static BookUpdateDecoder bookUpdate(final DirectBuffer buffer)
    {
        return new BookUpdateDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private void awaitCounter(final String label, final long expected)
    {
        SimulatorHarness.awaitTrue(label + " = " + expected, () -> engine.counter(label) == expected,
            () -> label + " = " + engine.counter(label));
    }
}
