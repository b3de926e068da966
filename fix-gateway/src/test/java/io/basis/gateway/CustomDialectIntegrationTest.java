package io.basis.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.basis.gateway.SimulatorHarness.FakeEngine;
import io.basis.gateway.SimulatorHarness.WireTap;
import io.basis.gateway.session.Dialect;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.simulator.Simulator;
import io.basis.simulator.matching.OrderStatus;
import io.basis.simulator.record.OrderRecord;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.basis.gateway.SimulatorHarness.ACCOUNT;
import static io.basis.gateway.SimulatorHarness.STOCK;
import static io.basis.gateway.SimulatorHarness.engineLoggedOn;
import static io.basis.gateway.SimulatorHarness.field;
import static io.basis.gateway.SimulatorHarness.launchGateway;
import static io.basis.gateway.SimulatorHarness.readable;
import static io.basis.gateway.SimulatorHarness.simulatorConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A counterparty dialect with the program flag in a custom tag ({@code programFlag.tag=20529}), against the real
 * exchange simulator: what the simulator received is read off the wire (the raw NewOrderSingle) and from its own
 * record (the order as it decoded and booked it), and the order fills.
 */
@Timeout(60)
class CustomDialectIntegrationTest
{
    private static final int CUSTOM_TAG = 20529;

    @TempDir
    Path dir;

    private Simulator simulator;
    private WireTap tap;
    private Gateway gateway;
    private FakeEngine engine;

    @BeforeEach
    void start() throws Exception
    {
        final Path dialect = dir.resolve("dialect-custom.properties");
        Files.writeString(dialect, String.join("\n",
            "# A venue that wants the program flag in its own tag, with its own codes.",
            "programFlag.tag=" + CUSTOM_TAG,
            "programFlag.PROGRAM_TRADE=PT",
            "programFlag.INDEX_ARBITRAGE=IA",
            "programFlag.NON_INDEX_ARBITRAGE=NA",
            "programFlag.NONE=",
            ""));
        simulator = Simulator.start(simulatorConfig());
        tap = new WireTap(simulator.orderEntryPort());
        gateway = launchGateway(new GatewaySettings(dir, tap.port(), simulator.marketDataPort())
            .orderEntry(Dialect.SETTINGS_KEY, dialect.toString())
            .write(), dir);
        engine = engineLoggedOn(gateway);
        engine.defineMarketAndAwaitSnapshots();
    }

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engine, gateway, tap, simulator);
    }

    @Test
    void theProgramFlagTravelsInTheCustomTagAndTheOrderFills()
    {
        assertEquals(OrdStatus.FILLED, engine.roundTripBuy(7001, ProgramFlag.INDEX_ARBITRAGE, 10).ordStatus());

        final List<String> orders = tap.toExchange("D");
        assertEquals(1, orders.size());
        final String order = orders.get(0);
        assertEquals("IA", field(order, CUSTOM_TAG), readable(order));
        assertNull(field(order, Dialect.ORDER_RESTRICTIONS), "no OrderRestrictions beside the custom tag");
        assertEquals("7001", field(order, 11));
        assertEquals(ACCOUNT, field(order, 1));
        assertBookedAndFilled("7001");
    }

    @Test
    void eachProgramFlagHasItsOwnCode()
    {
        engine.roundTripBuy(7101, ProgramFlag.PROGRAM_TRADE, 10);
        engine.roundTripBuy(7102, ProgramFlag.NON_INDEX_ARBITRAGE, 10);

        final List<String> orders = tap.toExchange("D");
        assertEquals("PT", field(orders.get(0), CUSTOM_TAG), readable(orders.get(0)));
        assertEquals("NA", field(orders.get(1), CUSTOM_TAG), readable(orders.get(1)));
        assertBookedAndFilled("7101");
        assertBookedAndFilled("7102");
    }

    @Test
    void anOrderWithoutAProgramFlagCarriesNoFlagTag()
    {
        engine.roundTripBuy(7201, ProgramFlag.NONE, 10);

        final String order = tap.toExchange("D").get(0);
        assertNull(field(order, CUSTOM_TAG), readable(order));
        assertNull(field(order, Dialect.ORDER_RESTRICTIONS), readable(order));
        assertBookedAndFilled("7201");
    }

    /** The simulator's own record: it booked the order for the gateway's account and filled it completely. */
    private void assertBookedAndFilled(final String clOrdId)
    {
        final OrderRecord booked = simulator.record().orders(ACCOUNT).stream()
            .filter(o -> clOrdId.equals(o.clOrdId())).findFirst()
            .orElseThrow(() -> new AssertionError("the exchange has no order " + clOrdId));
        assertEquals(STOCK, booked.symbol());
        assertEquals(10, booked.quantity());
        assertEquals(10, booked.cumQuantity());
        assertEquals(OrderStatus.FILLED, booked.status());
    }
}
