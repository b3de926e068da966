package io.basis.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.basis.gateway.ops.Alarm;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway, in its default dialect, trading with a FIX 4.4 acceptor of another implementation in that
 * implementation's default configuration and stock data dictionary: what the gateway sends must pass the
 * acceptor's validation, and what the acceptor answers must pass the gateway's. Each subclass starts one
 * counterparty (a child process from {@code src/test/interop}) that executes orders deterministically: an order of
 * at most 100 fills at once at its limit price, a larger one rests until canceled.
 * <p>
 * The test plays the engine over Aeron IPC against an in-process gateway with an embedded media driver.
 */
@Timeout(60)
abstract class StockAcceptorInterop
{
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration ACCEPTOR_START = Duration.ofSeconds(30);
    private static final int INSTRUMENT_ID = 11;
    private static final String SYMBOL = "005930";
    /** 71,200.0000 in Basis's 4-decimal fixed point; on the wire 71200. */
    private static final long PRICE = 712_000_000L;
    /** Session-level messages: every other message type an acceptor receives must reach its application. */
    private static final Set<String> ADMIN_TYPES = Set.of("0", "1", "2", "3", "4", "5", "A");

    @TempDir
    Path tempDir;

    private CounterpartyProcess acceptor;
    private Path gatewaySettings;
    private Gateway gateway;
    private AeronEngineEndpoint engine;

    /**
     * Start the counterparty: SenderCompID {@code EXEC}, the gateway's order-entry session {@code BASIS-OE} on one
     * port and its market-data session {@code BASIS-MD} on the other, both FIX 4.4.
     *
     * @param directory for its files (settings, store, logs).
     * @return the counterparty, listening.
     */
    abstract CounterpartyProcess startAcceptor(
        Path directory, int orderEntryPort, int marketDataPort, Duration within) throws IOException;

    @BeforeEach
    void start() throws IOException
    {
        final int orderEntryPort = freePort();
        final int marketDataPort = freePort();
        final Path acceptorDirectory = Files.createDirectories(tempDir.resolve("acceptor"));
        acceptor = startAcceptor(acceptorDirectory, orderEntryPort, marketDataPort, ACCEPTOR_START);

        // The gateway as a user would configure it for a FIX 4.4 venue: no BasisDialect (the default dialect), no
        // validation relaxations.
        gatewaySettings = new GatewaySettings(tempDir, orderEntryPort, marketDataPort)
            .defaults("TargetCompID", "EXEC")
            .write();
        launchGateway();
    }

    private void launchGateway()
    {
        gateway = Gateway.launch(GatewayConfig.builder()
            .settingsFile(gatewaySettings)
            .aeronDirectoryName(tempDir.resolve("aeron").toString())
            .embeddedDriver(true)
            .build());
        engine = new AeronEngineEndpoint(gateway.aeronDirectoryName(), this::context);
        engine.awaitLoggedOn(SessionRole.ORDER_ENTRY);
        engine.awaitLoggedOn(SessionRole.MARKET_DATA);
        engine.defineInstrument(INSTRUMENT_ID, SYMBOL, InstrumentKind.STOCK);
    }

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engine, gateway, acceptor);
    }

    @Test
    void anOrderTheAcceptorFillsReachesTheEngineAsNewThenFilled()
    {
        engine.newOrderTriggered(5001, INSTRUMENT_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10,
            System.nanoTime());

        final ExecutionReportDecoder ack = awaitExecution(5001, ExecType.NEW);
        assertEquals(OrdStatus.NEW, ack.ordStatus());
        assertEquals(10, ack.leavesQty());
        final ExecutionReportDecoder fill = awaitExecution(5001, ExecType.TRADE);
        assertEquals(OrdStatus.FILLED, fill.ordStatus());
        assertEquals(10, fill.lastQty());
        assertEquals(PRICE, fill.lastPx());
        assertEquals(10, fill.cumQty());
        assertEquals(0, fill.leavesQty());

        acceptor.awaitApplicationMessage("D", "5001", WAIT);
        final String order = received("D", "5001");
        assertEquals(SYMBOL, CounterpartyProcess.field(order, 55), order);
        assertEquals("1", CounterpartyProcess.field(order, 54), order);
        assertEquals("10", CounterpartyProcess.field(order, 38), order);
        assertEquals("71200", CounterpartyProcess.field(order, 44), order);
        assertEquals("2", CounterpartyProcess.field(order, 529), "index arbitrage flag: " + order);
        assertEverythingPassedValidationBothWays();
    }

    @Test
    void aRestingOrderIsCanceledOnRequest()
    {
        engine.newOrderTriggered(6001, INSTRUMENT_ID, Side.SELL, ProgramFlag.NONE, PRICE, 500,
            System.nanoTime());
        assertEquals(500, awaitExecution(6001, ExecType.NEW).leavesQty());

        engine.cancel(6002, 6001, INSTRUMENT_ID, Side.SELL, 500);

        final ExecutionReportDecoder canceled = awaitExecution(6001, ExecType.CANCELED);
        assertEquals(OrdStatus.CANCELED, canceled.ordStatus());
        assertEquals(0, canceled.cumQty());
        assertEquals(0, canceled.leavesQty());
        acceptor.awaitApplicationMessage("F", "6002", WAIT);
        final String cancel = received("F", "6002");
        assertEquals("6001", CounterpartyProcess.field(cancel, 41), cancel);
        assertEverythingPassedValidationBothWays();
    }

    @Test
    void anOrderLeftWorkingAcrossAGatewayRestartIsAskedAboutAndReportedToTheEngine()
    {
        engine.newOrderTriggered(7001, INSTRUMENT_ID, Side.BUY, ProgramFlag.PROGRAM_TRADE, PRICE, 300,
            System.nanoTime());
        assertEquals(300, awaitExecution(7001, ExecType.NEW).leavesQty());

        CloseHelper.quietCloseAll(engine, gateway);
        launchGateway();

        // The order journal survived the restart: the gateway asks the acceptor about the open order (H) and the
        // acceptor's ExecType I answer reaches the engine.
        final ExecutionReportDecoder status = awaitExecution(7001, ExecType.ORDER_STATUS);
        assertEquals(OrdStatus.NEW, status.ordStatus());
        assertEquals(0, status.cumQty());
        assertEquals(300, status.leavesQty());
        acceptor.awaitApplicationMessage("H", "7001", WAIT);
        final String request = received("H", "7001");
        assertEquals(SYMBOL, CounterpartyProcess.field(request, 55), request);
        assertEquals("1", CounterpartyProcess.field(request, 54), request);
        assertEverythingPassedValidationBothWays();
    }

    @Test
    void theMarketDataSessionsRequestsPassTheAcceptorsValidation()
    {
        // On logon and instrument definition the gateway asks for market data (V), the symbol's status (e) and the
        // trading session's status (g). These acceptors publish no market data, but must take the requests.
        for (final String msgType : List.of("V", "e", "g"))
        {
            acceptor.awaitLine(line -> line.startsWith("APP " + msgType + " "), WAIT,
                "application message " + msgType);
        }
        assertTrue(received().stream().anyMatch(raw -> "V".equals(CounterpartyProcess.msgType(raw)) &&
            raw.contains("|55=" + SYMBOL + "|")), "the market data request names the symbol");
        assertEverythingPassedValidationBothWays();
    }

    /**
     * No session Reject (3) or BusinessMessageReject (j) either way, and every application message the acceptor
     * received passed its validation and reached its application.
     */
    private void assertEverythingPassedValidationBothWays()
    {
        assertEquals(List.of(), rejectsSentByAcceptor(), "rejects sent by the acceptor\n" + acceptor.transcript());

        for (final String raw : received())
        {
            final String msgType = CounterpartyProcess.msgType(raw);
            if (!ADMIN_TYPES.contains(msgType))
            {
                acceptor.awaitApplicationMessage(msgType, idOf(raw), Duration.ofSeconds(2));
            }
        }

        for (final Alarm alarm : List.of(Alarm.SESSION_REJECT, Alarm.SESSION_REJECT_SENT,
            Alarm.UNROUTABLE_BUSINESS_REJECT, Alarm.UNPARSABLE_EXECUTION, Alarm.UNEXPECTED_FIX_MESSAGE))
        {
            assertEquals(0, gateway.alarms().count(alarm), alarm + ": " + context());
        }
    }

    /** Session Rejects (3) and BusinessMessageRejects (j) the acceptor sent so far. */
    private List<String> rejectsSentByAcceptor()
    {
        final List<String> rejects = new ArrayList<>();
        for (final String raw : acceptor.sent())
        {
            final String msgType = CounterpartyProcess.msgType(raw);
            if ("3".equals(msgType) || "j".equals(msgType))
            {
                rejects.add(raw);
            }
        }
        return rejects;
    }

    /** The id the counterparties record an application message by. */
    private static String idOf(final String raw)
    {
        switch (CounterpartyProcess.msgType(raw))
        {
            case "V":
                return CounterpartyProcess.field(raw, 262);
            case "e":
                return CounterpartyProcess.field(raw, 324);
            case "g":
                return CounterpartyProcess.field(raw, 335);
            case "D":
            case "F":
            case "H":
                return CounterpartyProcess.field(raw, 11);
            default:
                return "unsupported";
        }
    }

    private List<String> received()
    {
        return acceptor.received();
    }

    private String received(final String msgType, final String clOrdId)
    {
        return received().stream()
            .filter(raw -> msgType.equals(CounterpartyProcess.msgType(raw)) &&
                clOrdId.equals(CounterpartyProcess.field(raw, 11)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("acceptor never received " + msgType + " " + clOrdId + "\n" +
                acceptor.transcript()));
    }

    /**
     * Wait for the gateway's report of the order; fail at once, with what the acceptor sent, if the gateway rejects
     * the order instead (a session Reject of the D arrives as an OrderReject).
     */
    private ExecutionReportDecoder awaitExecution(final long orderId, final ExecType execType)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0)
        {
            final DirectBuffer report = engine.poll(ExecutionReportDecoder.TEMPLATE_ID, buffer ->
            {
                final ExecutionReportDecoder decoder = new ExecutionReportDecoder()
                    .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
                return decoder.orderId() == orderId && decoder.execType() == execType;
            }, Duration.ofMillis(100));
            if (report != null)
            {
                return new ExecutionReportDecoder().wrapAndApplyHeader(report, 0, new MessageHeaderDecoder());
            }
            final DirectBuffer reject = engine.poll(OrderRejectDecoder.TEMPLATE_ID, buffer -> new OrderRejectDecoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).orderId() == orderId, Duration.ZERO);
            final List<String> rejectsSent = rejectsSentByAcceptor();
            if (!rejectsSent.isEmpty())
            {
                // A session Reject leaves the order pending in the gateway: fail now, with the acceptor's reason.
                throw new AssertionError("the acceptor rejected a message instead of order " + orderId + "'s " +
                    execType + ": " + rejectsSent + "\n" + context());
            }
            if (reject != null)
            {
                throw new AssertionError("order " + orderId + " rejected (" + new OrderRejectDecoder()
                    .wrapAndApplyHeader(reject, 0, new MessageHeaderDecoder()).reason() + ") instead of " +
                    execType + "; " + context());
            }
        }
        throw new AssertionError("no ExecutionReport " + execType + " of order " + orderId + " within " + WAIT +
            "; " + context());
    }

    private String context()
    {
        return "gateway alarms: " + (gateway == null ? "none" : gateway.alarms().summary()) + "\n" +
            (acceptor == null ? "" : acceptor.transcript());
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
