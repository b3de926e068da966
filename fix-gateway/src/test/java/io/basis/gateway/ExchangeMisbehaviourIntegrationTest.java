package io.basis.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import io.basis.gateway.SimulatorHarness.FakeEngine;
import io.basis.gateway.SimulatorHarness.WireTap;
import io.basis.gateway.ops.Alarm;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.Side;
import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.basis.gateway.SimulatorHarness.ACCOUNT;
import static io.basis.gateway.SimulatorHarness.FUTURE_ID;
import static io.basis.gateway.SimulatorHarness.MARKETABLE_BUY_PRICE;
import static io.basis.gateway.SimulatorHarness.STOCK;
import static io.basis.gateway.SimulatorHarness.STOCK_ID;
import static io.basis.gateway.SimulatorHarness.awaitTrue;
import static io.basis.gateway.SimulatorHarness.engineLoggedOn;
import static io.basis.gateway.SimulatorHarness.field;
import static io.basis.gateway.SimulatorHarness.launchGateway;
import static io.basis.gateway.SimulatorHarness.simulatorConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against an exchange that misbehaves on demand (the simulator's fault injection): garbled messages,
 * skipped sequence numbers, a dropped connection, and application messages the gateway does not handle. In every
 * case the gateway survives, the session stays up or comes back, the damage is recovered or alarmed, and the next
 * order still round-trips. The wire taps show the FIX-level recovery (ResendRequest, resend, gap fill).
 */
@Timeout(60)
class ExchangeMisbehaviourIntegrationTest
{
    private static final Duration NO_DUPLICATE = Duration.ofMillis(500);

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
    void aGarbledExecutionReportIsResentAndTheOrderStillCompletes() throws Exception
    {
        start(UnaryOperator.identity());

        simulator.faults().garble("OE");
        engine.newOrder(101, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, MARKETABLE_BUY_PRICE, 10);

        // The acknowledgement went out with a bad checksum: dropped, asked for again, resent as a possible duplicate.
        engine.awaitExecution(101, ExecType.NEW);
        engine.awaitExecution(101, ExecType.TRADE);
        assertNull(engine.poll(ExecutionReportDecoder.TEMPLATE_ID, buffer -> report(buffer).orderId() == 101,
            NO_DUPLICATE), "each report reaches the engine once");
        assertTrue(orderEntryTap.toExchange("2").size() >= 1, "the gateway asked for a resend");
        assertTrue(orderEntryTap.fromExchange("8").stream().anyMatch(r -> "Y".equals(field(r, 43))),
            "the report was resent with PossDupFlag=Y");
        assertEquals(0, gateway.alarms().count(Alarm.UNPARSABLE_EXECUTION), gateway.alarms().summary());
        assertOrderEntryUpAndTrading(102);
    }

    @Test
    void aGarbledMarketDataMessageIsGapFilledAndEveryBookReSnapshotted() throws Exception
    {
        start(UnaryOperator.identity());
        engine.forgetReceived();

        simulator.faults().garble("MD");

        // Market data is not stored: the resend is a gap fill, so the books are cleared and re-requested.
        engine.awaitClearedBook(STOCK_ID);
        engine.awaitClearedBook(FUTURE_ID);
        engine.awaitSnapshot(STOCK_ID);
        engine.awaitSnapshot(FUTURE_ID);
        assertTrue(gateway.alarms().count(Alarm.MARKET_DATA_GAP_FILL) >= 1, gateway.alarms().summary());
        assertTrue(marketDataTap.toExchange("2").size() >= 1, "the gateway asked for a resend");
        assertTrue(marketDataTap.fromExchange("4").stream().anyMatch(m -> "Y".equals(field(m, 123))),
            "the exchange answered with a gap fill");
        assertTrue(gateway.isLoggedOn(SessionRole.MARKET_DATA));
        assertOrderEntryUpAndTrading(201);
    }

    @Test
    void aSkippedOrderEntrySequenceNumberIsGapFilledAndOrdersKeepFlowing() throws Exception
    {
        start(UnaryOperator.identity());

        simulator.faults().sequenceGap("OE");

        engine.roundTripBuy(301, ProgramFlag.INDEX_ARBITRAGE, 10);
        assertTrue(orderEntryTap.toExchange("2").size() >= 1, "the gateway asked for the missing message");
        assertTrue(orderEntryTap.fromExchange("4").stream().anyMatch(m -> "Y".equals(field(m, 123))),
            "the exchange answered with a gap fill");
        assertTrue(gateway.isLoggedOn(SessionRole.ORDER_ENTRY));
        assertOrderEntryUpAndTrading(302);
    }

    @Test
    void aSkippedMarketDataSequenceNumberReSnapshotsEveryBook() throws Exception
    {
        start(UnaryOperator.identity());
        engine.forgetReceived();

        simulator.faults().sequenceGap("MD");

        engine.awaitClearedBook(STOCK_ID);
        engine.awaitClearedBook(FUTURE_ID);
        engine.awaitSnapshot(STOCK_ID);
        engine.awaitSnapshot(FUTURE_ID);
        assertTrue(gateway.alarms().count(Alarm.MARKET_DATA_GAP_FILL) >= 1, gateway.alarms().summary());
        assertTrue(gateway.isLoggedOn(SessionRole.MARKET_DATA));
        assertOrderEntryUpAndTrading(401);
    }

    @Test
    void applicationMessagesTheGatewayDoesNotHandleAreAlarmedAndIgnored() throws Exception
    {
        // SecurityDefinition (d) for every instrument, pushed unasked after the market-data logon.
        start(config -> config.securityDefinitionsOnLogon(true));

        awaitTrue("a SecurityDefinition per instrument alarmed",
            () -> gateway.alarms().count(Alarm.UNEXPECTED_FIX_MESSAGE) >= 3, () -> gateway.alarms().summary());
        assertEquals(marketDataTap.fromExchange("d").size(), gateway.alarms().count(Alarm.UNEXPECTED_FIX_MESSAGE),
            "one alarm per unhandled message");
        assertTrue(marketDataTap.toExchange("3").isEmpty(), "a valid message of an unhandled type is no reject");
        assertTrue(gateway.isLoggedOn(SessionRole.MARKET_DATA));
        engine.awaitIncremental(FUTURE_ID);
        assertOrderEntryUpAndTrading(501);
    }

    @Test
    void aDroppedConnectionIsReconnectedAndOrdersFlowAgain() throws Exception
    {
        start(UnaryOperator.identity());
        engine.forgetReceived();

        assertEquals(1, simulator.faults().dropSession("OE", true));

        engine.await(SessionStatusDecoder.TEMPLATE_ID, buffer -> status(buffer).role() == SessionRole.ORDER_ENTRY &&
            status(buffer).state() == SessionState.DISCONNECTED, "order entry reported down");
        engine.awaitLoggedOn(SessionRole.ORDER_ENTRY);
        assertTrue(orderEntryTap.connections() >= 2, "the gateway reconnected");
        assertOrderEntryUpAndTrading(601);
    }

    /**
     * Simulator (adjusted), wire taps on both ports, gateway and fake engine; both sessions logged on and market
     * data flowing for the stock and the future.
     */
    private void start(final UnaryOperator<SimulatorConfig> adjust) throws Exception
    {
        simulator = Simulator.start(adjust.apply(simulatorConfig()));
        orderEntryTap = new WireTap(simulator.orderEntryPort());
        marketDataTap = new WireTap(simulator.marketDataPort());
        gateway = launchGateway(new GatewaySettings(dir, orderEntryTap.port(), marketDataTap.port()).write(), dir);
        engine = engineLoggedOn(gateway);
        engine.defineMarketAndAwaitSnapshots();
    }

    /** The session is still (or again) usable: a new order is acknowledged and filled, as the exchange agrees. */
    private void assertOrderEntryUpAndTrading(final long orderId)
    {
        final long before = simulator.record().netPosition(ACCOUNT, STOCK);
        engine.roundTripBuy(orderId, ProgramFlag.INDEX_ARBITRAGE, 10);
        assertEquals(before + 10, simulator.record().netPosition(ACCOUNT, STOCK));
    }

    private static ExecutionReportDecoder report(final org.agrona.DirectBuffer buffer)
    {
        return new ExecutionReportDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }

    private static SessionStatusDecoder status(final org.agrona.DirectBuffer buffer)
    {
        return new SessionStatusDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }
}
