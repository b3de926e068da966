package io.basis.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.basis.gateway.SimulatorHarness.FakeEngine;
import io.basis.gateway.SimulatorHarness.WireTap;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.SessionRoles;
import io.basis.gateway.session.SessionRouter;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.Side;
import io.basis.simulator.Simulator;
import io.basis.simulator.fix.SessionDefinition;
import io.basis.simulator.fix.SessionExtensions;
import io.basis.simulator.record.OrderRecord;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.basis.gateway.SimulatorHarness.FUTURE;
import static io.basis.gateway.SimulatorHarness.FUTURE_ID;
import static io.basis.gateway.SimulatorHarness.STOCK;
import static io.basis.gateway.SimulatorHarness.STOCK_ID;
import static io.basis.gateway.SimulatorHarness.field;
import static io.basis.gateway.SimulatorHarness.launchGateway;
import static io.basis.gateway.SimulatorHarness.simulatorConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two order-entry and two market-data sessions against the real exchange simulator, instruments routed by
 * {@code BasisRoute}: the stock AAA trades on one order-entry session (by symbol), the future on the other (by
 * kind), and the stock LOT, which no order-entry session claims, is refused. Market data of the future comes over
 * its own session, that of the stocks over the default one. Each order-entry session's dialect names its own
 * account, which the simulator books its orders to; the wire taps show the SenderCompID of each message.
 */
@Timeout(90)
class MultiSessionIntegrationTest
{
    private static final String STOCK_ACCOUNT = "ACC-STK";
    private static final String FUTURE_ACCOUNT = "ACC-FUT";
    private static final String UNROUTED = "LOT";
    private static final int UNROUTED_ID = 3;
    /** A buy limit for the future: 355.00, above its quotes around 350.00. */
    private static final long FUTURE_BUY_PRICE = 3_550_000L;

    @TempDir
    Path dir;

    private Simulator simulator;
    private WireTap orderEntryTap;
    private WireTap marketDataTap;
    private Gateway gateway;
    private FakeEngine engine;

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engine, gateway, orderEntryTap, marketDataTap, simulator);
    }

    @Test
    void eachInstrumentTradesAndStreamsOnItsSessions() throws Exception
    {
        simulator = Simulator.start(simulatorConfig()
            .defaultSessions(false)
            .session(new SessionDefinition(io.basis.simulator.fix.SessionRole.ORDER_ENTRY, "OE-STK",
                SessionDefinition.FIX44, STOCK_ACCOUNT, null, null)
                .withExtensions(SessionExtensions.BASIS))
            .session(new SessionDefinition(io.basis.simulator.fix.SessionRole.ORDER_ENTRY, "OE-FUT",
                SessionDefinition.FIX44, FUTURE_ACCOUNT, null, null)
                .withExtensions(SessionExtensions.BASIS))
            .session(new SessionDefinition(io.basis.simulator.fix.SessionRole.MARKET_DATA, "MD-STK",
                SessionDefinition.FIX44, null, null, null)
                .withExtensions(SessionExtensions.BASIS))
            .session(new SessionDefinition(io.basis.simulator.fix.SessionRole.MARKET_DATA, "MD-FUT",
                SessionDefinition.FIX44, null, null, null)
                .withExtensions(SessionExtensions.BASIS)));
        orderEntryTap = new WireTap(simulator.orderEntryPort());
        marketDataTap = new WireTap(simulator.marketDataPort());
        // The simulator books an order to its Account (1): each session's dialect names its own.
        Files.writeString(dir.resolve("stocks.properties"), "account=" + STOCK_ACCOUNT + "\n");
        Files.writeString(dir.resolve("futures.properties"), "account=" + FUTURE_ACCOUNT + "\n");
        final Path settings = dir.resolve("gateway.cfg");
        Files.writeString(settings, "[DEFAULT]\n" +
            "ConnectionType=initiator\nTargetCompID=SIM\nSocketConnectHost=127.0.0.1\nHeartBtInt=30\n" +
            "ReconnectInterval=1\nResetOnLogon=Y\nNonStopSession=Y\nUseDataDictionary=Y\n" +
            "BeginString=FIX.4.4\nDataDictionary=FIX44.xml\nFileStorePath=" + dir.resolve("store") + "\n" +
            section("OE-STK", orderEntryTap.port(), "ORDER_ENTRY", STOCK) +
            Dialect.SETTINGS_KEY + "=" + dir.resolve("stocks.properties") + "\n" +
            section("OE-FUT", orderEntryTap.port(), "ORDER_ENTRY", "FUTURE") +
            Dialect.SETTINGS_KEY + "=" + dir.resolve("futures.properties") + "\n" +
            section("MD-STK", marketDataTap.port(), "MARKET_DATA", null) +
            section("MD-FUT", marketDataTap.port(), "MARKET_DATA", "FUTURE"));
        gateway = launchGateway(settings, dir);
        engine = new FakeEngine(gateway.aeronDirectoryName(), () -> "alarms: " + gateway.alarms().summary());

        // Published only once both sessions of the role are up.
        engine.awaitLoggedOn(SessionRole.ORDER_ENTRY);
        engine.awaitLoggedOn(SessionRole.MARKET_DATA);
        assertTrue(gateway.isLoggedOn(SessionRole.ORDER_ENTRY));
        engine.defineInstrument(STOCK_ID, STOCK, InstrumentKind.STOCK);
        engine.defineInstrument(FUTURE_ID, FUTURE, InstrumentKind.FUTURE);
        engine.defineInstrument(UNROUTED_ID, UNROUTED, InstrumentKind.STOCK);

        // Market data: every instrument has a market-data session, the future its own.
        engine.awaitSnapshot(STOCK_ID);
        engine.awaitSnapshot(FUTURE_ID);
        engine.awaitSnapshot(UNROUTED_ID);
        final List<String> requests = marketDataTap.toExchange("V");
        assertEquals(List.of(STOCK, UNROUTED), symbolsRequestedBy("MD-STK", requests));
        assertEquals(List.of(FUTURE), symbolsRequestedBy("MD-FUT", requests));
        final List<String> snapshots = marketDataTap.fromExchange("W");
        assertTrue(snapshots.stream().filter(w -> "MD-FUT".equals(field(w, 56)))
            .allMatch(w -> FUTURE.equals(field(w, 55))), "only the future on its session");
        assertTrue(snapshots.stream().filter(w -> "MD-STK".equals(field(w, 56)))
            .noneMatch(w -> FUTURE.equals(field(w, 55))), "no future on the stocks' session");

        // Orders: each on its session, reports back from both.
        engine.roundTripBuy(101, ProgramFlag.INDEX_ARBITRAGE, 10);
        engine.newOrder(102, FUTURE_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, FUTURE_BUY_PRICE, 1);
        engine.awaitExecution(102, ExecType.NEW);
        final List<OrderRecord> stockOrders = simulator.record().orders(STOCK_ACCOUNT);
        final List<OrderRecord> futureOrders = simulator.record().orders(FUTURE_ACCOUNT);
        assertEquals(List.of("101"), stockOrders.stream().map(OrderRecord::clOrdId).toList());
        assertEquals(STOCK, stockOrders.get(0).symbol());
        assertEquals(List.of("102"), futureOrders.stream().map(OrderRecord::clOrdId).toList());
        assertEquals(FUTURE, futureOrders.get(0).symbol());
        for (final String order : orderEntryTap.toExchange("D"))
        {
            assertEquals("101".equals(field(order, 11)) ? "OE-STK" : "OE-FUT", field(order, 49));
        }

        // No order-entry session claims LOT: refused without reaching the exchange.
        engine.newOrder(103, UNROUTED_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, 10_100_0000L, 10);
        final OrderRejectDecoder reject = engine.awaitOrderReject(103);
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, reject.reason());
        assertTrue(gateway.alarms().count(Alarm.NO_ROUTE) >= 2, gateway.alarms().summary());
        assertFalse(orderEntryTap.toExchange("D").stream().anyMatch(d -> "103".equals(field(d, 11))));
        assertEquals(List.of(), orderEntryTap.toExchange("3"), "session rejects sent on order entry");
        assertEquals(List.of(), marketDataTap.toExchange("3"), "session rejects sent on market data");
        assertEquals(gateway.alarms().count(Alarm.NO_ROUTE), gateway.alarms().total(),
            gateway.alarms().summary());
    }

    private static List<String> symbolsRequestedBy(final String compId, final List<String> requests)
    {
        return requests.stream()
            .filter(v -> compId.equals(field(v, 49)))
            .flatMap(v -> java.util.Arrays.stream(v.split("\u0001")))
            .filter(pair -> pair.startsWith("55="))
            .map(pair -> pair.substring(3))
            .distinct()
            .sorted()
            .toList();
    }

    private static String section(final String compId, final int port, final String role, final String route)
    {
        return "\n[SESSION]\nSenderCompID=" + compId + "\nSocketConnectPort=" + port + "\n" +
            SessionRoles.ROLE_KEY + "=" + role + "\n" +
            (route == null ? "" : SessionRouter.ROUTE_KEY + "=" + route + "\n");
    }
}
