package io.basis.gateway;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import io.basis.gateway.SimulatorHarness.FakeEngine;
import io.basis.gateway.SimulatorHarness.WireTap;
import io.basis.gateway.marketdata.MarketStatusTranslator;
import io.basis.gateway.ops.GatewayConfigException;
import io.basis.gateway.session.SessionRoles;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.InstrumentStatusDecoder;
import io.basis.protocol.sbe.MarketPhase;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.simulator.Simulator;
import io.basis.simulator.fix.SessionDefinition;
import io.basis.simulator.fix.SessionExtensions;
import io.basis.simulator.record.OrderRecord;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.SessionID;
import quickfix.SessionSettings;

import static io.basis.gateway.SimulatorHarness.ACCOUNT;
import static io.basis.gateway.SimulatorHarness.FUTURE;
import static io.basis.gateway.SimulatorHarness.FUTURE_ID;
import static io.basis.gateway.SimulatorHarness.STOCK;
import static io.basis.gateway.SimulatorHarness.STOCK_ID;
import static io.basis.gateway.SimulatorHarness.field;
import static io.basis.gateway.SimulatorHarness.launchGateway;
import static io.basis.gateway.SimulatorHarness.readable;
import static io.basis.gateway.SimulatorHarness.simulatorConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway trading and taking market data against the real exchange simulator in each FIX version it speaks:
 * FIX 4.4 (the exchange's dialect), FIXT 1.1 with FIX 5.0SP2 application messages, and a FIX 4.2 broker
 * order-entry session next to FIX 4.4 market data. What the simulator received is read off the wire.
 */
@Timeout(60)
class GatewayFixVersionsIntegrationTest
{
    @TempDir
    Path dir;

    private Simulator simulator;
    private WireTap tap;
    private WireTap marketDataTap;
    private Gateway gateway;
    private FakeEngine engine;

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engine, gateway, tap, marketDataTap, simulator);
    }

    @Test
    void fix44SessionsTradeAndStreamMarketData() throws Exception
    {
        start(UnaryOperator.identity(), SessionDefinition.FIX44, "BASIS-OE", SessionDefinition.FIX44, "BASIS-MD");

        roundTrip(4401);

        final String order = tap.toExchange("D").get(0);
        assertEquals("FIX.4.4", field(order, 8));
        assertEquals("2", field(order, 529), readable(order));
    }

    @Test
    void fixt11Fix50Sp2SessionsTradeAndStreamMarketData() throws Exception
    {
        start(settings -> settings
                .orderEntry("BeginString", SessionRoles.FIXT_1_1)
                .orderEntry("DataDictionary", null)
                .orderEntry("DefaultApplVerID", SessionRoles.FIX_5_0_SP2)
                .orderEntry("TransportDataDictionary", "FIXT11.xml")
                .orderEntry("AppDataDictionary", "FIX50SP2.xml")
                .orderEntry("SenderCompID", "OE50")
                .marketData("BeginString", SessionRoles.FIXT_1_1)
                .marketData("DataDictionary", null)
                .marketData("DefaultApplVerID", SessionRoles.FIX_5_0_SP2)
                .marketData("TransportDataDictionary", "FIXT11.xml")
                .marketData("AppDataDictionary", "FIX50SP2.xml")
                .marketData("SenderCompID", "MD50"),
            SessionDefinition.FIXT11, "OE50", SessionDefinition.FIXT11, "MD50");

        roundTrip(5001);

        final String logon = tap.toExchange("A").get(0);
        assertEquals("FIXT.1.1", field(logon, 8));
        assertEquals("9", field(logon, 1137), "DefaultApplVerID FIX.5.0SP2 in the Logon");
        final String order = tap.toExchange("D").get(0);
        assertEquals("FIXT.1.1", field(order, 8));
        assertEquals("2", field(order, 529), readable(order));
        assertNull(field(order, 21), "HandlInst is optional in 5.0SP2 and not sent");
    }

    @Test
    void fix42OrderEntryTradesNextToFix44MarketData() throws Exception
    {
        start(settings -> settings
                .orderEntry("BeginString", "FIX.4.2")
                .orderEntry("DataDictionary", "FIX42.xml")
                .orderEntry("SenderCompID", "OE42"),
            SessionDefinition.FIX42, "OE42", SessionDefinition.FIX44, "BASIS-MD");

        roundTrip(4201);

        final String order = tap.toExchange("D").get(0);
        assertEquals("FIX.4.2", field(order, 8));
        assertEquals("1", field(order, 21), "HandlInst, required in 4.2");
        final List<String> reports = tap.fromExchange("8");
        assertTrue(reports.stream().anyMatch(r -> "2".equals(field(r, 150))), "a 4.2 fill is ExecType 2");
    }

    @Test
    void aFixtSessionThatNamesNoDictionariesGetsFix50Sp2() throws Exception
    {
        final Path file = new GatewaySettings(dir, 1, 2)
            .orderEntry("BeginString", SessionRoles.FIXT_1_1)
            .orderEntry("DataDictionary", null)
            .write();
        final SessionSettings settings = new SessionSettings(file.toString());
        final SessionID orderEntry = new SessionID(SessionRoles.FIXT_1_1, "BASIS-OE", "SIM");

        SessionRoles.load(settings);

        assertEquals(SessionRoles.FIX_5_0_SP2, settings.getString(orderEntry, "DefaultApplVerID"));
        assertEquals("FIXT11.xml", settings.getString(orderEntry, "TransportDataDictionary"));
        assertEquals("FIX50SP2.xml", settings.getString(orderEntry, "AppDataDictionary"));
    }

    @Test
    void aFixtSessionWithAnotherApplicationVersionIsRefused() throws Exception
    {
        final Path file = new GatewaySettings(dir, 1, 2)
            .marketData("BeginString", SessionRoles.FIXT_1_1)
            .marketData("DataDictionary", null)
            .marketData("DefaultApplVerID", "FIX.5.0SP1")
            .write();

        final GatewayConfigException refused = assertThrows(GatewayConfigException.class,
            () -> SessionRoles.load(new SessionSettings(file.toString())));

        assertTrue(refused.getMessage().contains("FIX.5.0SP1"), refused.getMessage());
    }

    /**
     * Both sessions log on, market status and market data flow (the market phase, a snapshot of each instrument,
     * then incrementals), and a marketable order is acknowledged and filled; the exchange's record agrees. The
     * gateway rejected nothing the exchange sent.
     */
    private void roundTrip(final long orderId)
    {
        engine.awaitLoggedOn(SessionRole.ORDER_ENTRY);
        engine.awaitLoggedOn(SessionRole.MARKET_DATA);
        final InstrumentStatusDecoder phase = new InstrumentStatusDecoder().wrapAndApplyHeader(
            engine.await(InstrumentStatusDecoder.TEMPLATE_ID, buffer -> new InstrumentStatusDecoder()
                    .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).instrumentId() ==
                    MarketStatusTranslator.ALL_INSTRUMENTS, "the market phase"),
            0, new MessageHeaderDecoder());
        assertEquals(MarketPhase.TRADING, phase.phase());
        engine.defineInstrument(STOCK_ID, STOCK, InstrumentKind.STOCK);
        engine.defineInstrument(FUTURE_ID, FUTURE, InstrumentKind.FUTURE);
        engine.awaitSnapshot(STOCK_ID);
        final long snapshotSeq = engine.awaitSnapshot(FUTURE_ID).exchangeSeq();
        assertTrue(engine.awaitIncremental(FUTURE_ID).exchangeSeq() > snapshotSeq, "incrementals follow the snapshot");

        final ExecutionReportDecoder fill = engine.roundTripBuy(orderId, ProgramFlag.INDEX_ARBITRAGE, 10);

        assertEquals(OrdStatus.FILLED, fill.ordStatus());
        assertEquals(STOCK_ID, fill.instrumentId());
        assertEquals(10, fill.lastQty());
        final OrderRecord order = simulator.record().orders(ACCOUNT).get(0);
        assertEquals(Long.toString(orderId), order.clOrdId());
        assertEquals(STOCK, order.symbol());
        assertEquals(10, order.cumQuantity());
        assertEquals(10, simulator.record().netPosition(ACCOUNT, STOCK));
        assertEquals(List.of(), tap.toExchange("3"), "session rejects sent on order entry");
        assertEquals(List.of(), marketDataTap.toExchange("3"), "session rejects sent on market data");
        assertEquals(0, gateway.alarms().total(), gateway.alarms().summary());
    }

    /**
     * Start a simulator that accepts the given sessions, a wire tap on its order-entry port, and a gateway with
     * the settings as customised.
     */
    private void start(
        final UnaryOperator<GatewaySettings> customise,
        final String orderEntryVersion,
        final String orderEntryCompId,
        final String marketDataVersion,
        final String marketDataCompId) throws Exception
    {
        simulator = Simulator.start(simulatorConfig()
            .defaultSessions(false)
            .session(new SessionDefinition(io.basis.simulator.fix.SessionRole.ORDER_ENTRY, orderEntryCompId,
                orderEntryVersion, null, null, null)
                .withExtensions(SessionExtensions.BASIS))
            .session(new SessionDefinition(io.basis.simulator.fix.SessionRole.MARKET_DATA, marketDataCompId,
                marketDataVersion, null, null, null)
                .withExtensions(SessionExtensions.BASIS)));
        tap = new WireTap(simulator.orderEntryPort());
        marketDataTap = new WireTap(simulator.marketDataPort());
        final GatewaySettings settings = customise.apply(new GatewaySettings(dir, tap.port(), marketDataTap.port()));
        gateway = launchGateway(settings.write(), dir);
        engine = new FakeEngine(gateway.aeronDirectoryName(), () -> "alarms: " + gateway.alarms().summary());
    }
}
