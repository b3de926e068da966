package io.basis.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.basis.gateway.ops.Alarm;
import io.basis.gateway.session.Dialect;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.Side;
import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.program.ProgramList;
import io.basis.simulator.record.ListRecord;
import io.basis.simulator.record.OrderRecord;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.basis.gateway.SimulatorHarness.engineLoggedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * List mode end to end against the real exchange simulator over loopback TCP, with the test playing the engine
 * over Aeron: a program's listed basket leaves as one NewOrderList (waiting for the ListExecute the gateway sends
 * on the acknowledgement), its unlisted futures hedge as a NewOrderSingle, every leg's execution reports reach
 * the engine, and a list the exchange refuses comes back as an OrderReject per leg.
 */
@Timeout(120)
class ListModeIntegrationTest
{
    private static final String ACCOUNT = "BASIS1";
    private static final long PROGRAM_ID = 77;
    private static final int FUTURE_ID = 0;
    /** Five constituents and their previous closes (on the tick grid, inside the daily limits). */
    private static final String[] SYMBOLS = { "005930", "000660", "005380", "000270", "035420" };
    private static final long[] PREV_CLOSES = { 71_000L, 182_000L, 238_500L, 98_700L, 187_300L };

    @TempDir
    Path dir;

    private Simulator simulator;
    private Gateway gateway;
    private AeronEngineEndpoint engine;

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engine, gateway, simulator);
    }

    @Test
    void basketLeavesAsOneListHedgeAsASingleOrderAndARefusedListIsRejectedLegByLeg() throws Exception
    {
        start();
        engine.defineInstrument(FUTURE_ID, "K200F", InstrumentKind.FUTURE);
        for (int i = 0; i < SYMBOLS.length; i++)
        {
            engine.defineInstrument(i + 1, SYMBOLS[i], InstrumentKind.STOCK);
        }

        // The program as the engine sends it: the hedge first, unlisted, then the basket legs 1..5 of 5.
        engine.newOrder(9001, PROGRAM_ID, FUTURE_ID, Side.SELL, ProgramFlag.INDEX_ARBITRAGE, 353_9500L, 1);
        for (int i = 0; i < SYMBOLS.length; i++)
        {
            engine.newOrder(9002 + i, PROGRAM_ID, i + 1, Side.BUY, ProgramFlag.INDEX_ARBITRAGE,
                PREV_CLOSES[i] * 10_000L, 1, i + 1, SYMBOLS.length);
        }

        for (long orderId = 9001; orderId <= 9006; orderId++)
        {
            final ExecutionReportDecoder report = awaitExecutionReport(orderId);
            assertEquals(orderId == 9001 ? FUTURE_ID : (int)(orderId - 9001), report.instrumentId());
        }

        // The exchange saw one NewOrderList of the five legs, in ListSeqNo order, and the hedge on its own.
        final List<ProgramList> programs = simulator.programs();
        assertEquals(1, programs.size(), "one list; the unlisted hedge joins none");
        final ProgramList list = programs.get(0);
        assertEquals("77", list.listId());
        assertTrue(list.newOrderList(), "a NewOrderList, not ListID-stamped singles");
        final List<String> legs = new ArrayList<>();
        for (final ProgramList.Leg leg : list.legs())
        {
            legs.add(leg.request().clOrdId());
            assertNull(leg.rejectText(), leg.rejectText());
        }
        assertEquals(List.of("9002", "9003", "9004", "9005", "9006"), legs);
        final List<ListRecord> records = simulator.record().lists();
        assertEquals(1, records.size());
        assertEquals(5, records.get(0).clOrdIds().size());
        assertEquals(ACCOUNT, records.get(0).account());
        final OrderRecord hedge = order("9001");
        assertEquals("K200F", hedge.symbol());
        assertNull(hedge.rejectText());

        // The engine reuses the program id: the exchange refuses the duplicate ListID, the legs come back rejected.
        for (int i = 0; i < 3; i++)
        {
            engine.newOrder(9011 + i, PROGRAM_ID, i + 1, Side.BUY, ProgramFlag.INDEX_ARBITRAGE,
                PREV_CLOSES[i] * 10_000L, 1, i + 1, 3);
        }
        for (long orderId = 9011; orderId <= 9013; orderId++)
        {
            final OrderRejectDecoder reject = awaitOrderReject(orderId);
            assertEquals(RejectReason.EXCHANGE_REJECT, reject.reason());
            assertEquals((int)(orderId - 9010), reject.instrumentId());
        }
        assertEquals(1, gateway.alarms().count(Alarm.LIST_REJECTED));
        assertEquals(1, simulator.programs().size(), "the refused list left nothing at the exchange");
        assertEquals(0, gateway.alarms().count(Alarm.LIST_INCOMPLETE));
        assertEquals(0, gateway.alarms().count(Alarm.UNEXPECTED_FIX_MESSAGE));
        assertEquals(0, gateway.alarms().count(Alarm.UNPARSABLE_EXECUTION));
        assertEquals(0, gateway.alarms().count(Alarm.SESSION_REJECT), gateway.alarms().summary());
    }

    private void start() throws IOException
    {
        final int orderEntryPort = freePort();
        final int marketDataPort = freePort();
        simulator = Simulator.start(new SimulatorConfig()
            .referenceDataDirectory(Path.of("..", "refdata", "kospi200"))
            .orderEntryPort(orderEntryPort)
            .marketDataPort(marketDataPort)
            .logSessionEvents(false));
        final Path dialect = Path.of("..", "config", "dialect-list.properties").toAbsolutePath();
        final Path settings = new GatewaySettings(dir, orderEntryPort, marketDataPort)
            .defaults("ValidateUserDefinedFields", "N")
            .orderEntry(Dialect.SETTINGS_KEY, dialect.toString())
            .marketData("AllowUnknownMsgFields", "Y")
            .write();
        gateway = Gateway.launch(GatewayConfig.builder()
            .settingsFile(settings)
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .embeddedDriver(true)
            .account(ACCOUNT)
            .publishTimeout(Duration.ofSeconds(5))
            .build());
        engine = engineLoggedOn(gateway);
    }

    private ExecutionReportDecoder awaitExecutionReport(final long orderId)
    {
        return new ExecutionReportDecoder().wrapAndApplyHeader(
            engine.await(ExecutionReportDecoder.TEMPLATE_ID, buffer -> new ExecutionReportDecoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).orderId() == orderId),
            0, new MessageHeaderDecoder());
    }

    private OrderRejectDecoder awaitOrderReject(final long orderId)
    {
        return new OrderRejectDecoder().wrapAndApplyHeader(
            engine.await(OrderRejectDecoder.TEMPLATE_ID, buffer -> new OrderRejectDecoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).orderId() == orderId),
            0, new MessageHeaderDecoder());
    }

    private OrderRecord order(final String clOrdId)
    {
        for (final OrderRecord record : simulator.record().orders(ACCOUNT))
        {
            if (clOrdId.equals(record.clOrdId()))
            {
                return record;
            }
        }
        throw new AssertionError("the exchange has no order " + clOrdId);
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
