package io.basis.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.basis.gateway.StockAcceptor.CancelHandling;
import io.basis.gateway.StockAcceptor.OrderHandling;
import io.basis.gateway.StockAcceptor.StatusHandling;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.session.Dialect;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.Side;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.MsgType;

import static io.basis.gateway.SimulatorHarness.awaitTrue;
import static io.basis.gateway.SimulatorHarness.freePort;
import static io.basis.gateway.SimulatorHarness.launchGateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against FIX software nobody here wrote, in its default configuration ({@link StockAcceptor}: stock
 * QuickFIX/J, stock FIX44.xml, default validation): with the default dialect it trades without a single reject;
 * and whenever that counterparty refuses an order, a cancel or a status request, at session level (3), business
 * level (j) or with an OrderCancelReject (9), the order ends in a known state in the engine, never working forever.
 */
@Timeout(90)
class StockAcceptorIntegrationTest
{
    private static final int STOCK_ID = 1;
    private static final String STOCK = "AAA";
    private static final long PRICE = 71_000_0000L;
    private static final Duration QUIET = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private StockAcceptor exchange;
    private Gateway gateway;
    private AeronEngineEndpoint engine;

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engine, gateway, exchange);
    }

    @Test
    void withTheDefaultDialectAnOrderFillsARestingOrderCancelsAndNothingIsRejected() throws Exception
    {
        start("");

        engine.newOrder(101, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);
        engine.awaitExecution(101, ExecType.NEW);
        final ExecutionReportDecoder fill = engine.awaitExecution(101, ExecType.TRADE);
        assertEquals(10, fill.cumQty());
        assertEquals(OrdStatus.FILLED, fill.ordStatus());

        exchange.orders = OrderHandling.REST;
        engine.newOrder(102, STOCK_ID, Side.SELL_SHORT, ProgramFlag.INDEX_ARBITRAGE, PRICE, 5);
        engine.awaitExecution(102, ExecType.NEW);
        engine.cancel(103, 102, STOCK_ID, Side.SELL_SHORT, 5);
        assertEquals(OrdStatus.CANCELED, engine.awaitExecution(102, ExecType.CANCELED).ordStatus());

        assertEquals(2, exchange.receivedCount(MsgType.ORDER_SINGLE));
        assertEquals(1, exchange.receivedCount(MsgType.ORDER_CANCEL_REQUEST));
        assertTrue(exchange.receivedCount(MsgType.MARKET_DATA_REQUEST) >= 1, "the subscription reached it");
        for (final Message message : exchange.received)
        {
            assertFalse(message.isSetField(Dialect.BASIS_TRIGGER_NANOS_TAG), message.toString());
        }
        assertTrue(exchange.rejectsSent.isEmpty(), () -> "rejects: " + exchange.rejectsSent + exchange.eventLog());
        assertEquals(0, gateway.alarms().total(), gateway.alarms().summary());
    }

    @Test
    void anOrderCarryingATagTheCounterpartyDoesNotKnowIsRejectedNotLeftWorking() throws Exception
    {
        // The simulator's dialect against a stock acceptor: TriggerNanos (21002) is an invalid tag to it.
        start("triggerNanos.tag=21002\n");

        engine.newOrder(201, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);
        engine.newOrderTriggered(202, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10, 123_456_789L);

        engine.awaitExecution(201, ExecType.TRADE);
        final OrderRejectDecoder reject = engine.awaitOrderReject(202);
        assertEquals(RejectReason.SESSION_REJECT, reject.reason());
        assertEquals(STOCK_ID, reject.instrumentId());
        assertEquals(1, exchange.rejectsSent.size(), "the one order carrying the tag");
        assertEquals(1, gateway.alarms().count(Alarm.ORDER_SESSION_REJECTED), gateway.alarms().summary());
    }

    @Test
    void aSessionRejectOfAnOrderRejectsIt() throws Exception
    {
        start("");
        exchange.orders = OrderHandling.SESSION_REJECT;

        engine.newOrder(301, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);

        assertEquals(RejectReason.SESSION_REJECT, engine.awaitOrderReject(301).reason());
        assertNoExecution(301);
    }

    @Test
    void aSessionRejectOfACancelRejectsTheCancelAndTheOrdersStatusIsAsked() throws Exception
    {
        start("");
        exchange.orders = OrderHandling.REST;
        exchange.cancels = CancelHandling.SESSION_REJECT;
        engine.newOrder(401, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);
        engine.awaitExecution(401, ExecType.NEW);

        engine.cancel(402, 401, STOCK_ID, Side.BUY, 10);

        final CancelRejectDecoder cancelReject = engine.awaitCancelReject(402);
        assertEquals(401, cancelReject.orderId());
        assertEquals(RejectReason.SESSION_REJECT, cancelReject.reason());
        final ExecutionReportDecoder status = engine.awaitExecution(401, ExecType.ORDER_STATUS);
        assertEquals(OrdStatus.NEW, status.ordStatus(), "still working, as the exchange says");
        assertEquals(1, exchange.receivedCount(MsgType.ORDER_STATUS_REQUEST));
        assertEquals(1, gateway.alarms().count(Alarm.CANCEL_REFUSED), gateway.alarms().summary());
    }

    @Test
    void aBusinessRejectOfACancelRejectsTheCancelAndTheOrdersStatusIsAsked() throws Exception
    {
        start("");
        exchange.orders = OrderHandling.FILL_SILENTLY;
        exchange.cancels = CancelHandling.BUSINESS_REJECT;
        engine.newOrder(501, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);
        engine.awaitExecution(501, ExecType.NEW);

        engine.cancel(502, 501, STOCK_ID, Side.BUY, 10);

        assertEquals(RejectReason.BUSINESS_REJECT, engine.awaitCancelReject(502).reason());
        final ExecutionReportDecoder status = engine.awaitExecution(501, ExecType.ORDER_STATUS);
        assertEquals(OrdStatus.FILLED, status.ordStatus(), "the fill the gateway never heard of");
        assertEquals(10, status.cumQty());
    }

    @Test
    void aCancelRejectSayingTheOrderIsUnknownAsksItsStatusAndTheOrderEnds() throws Exception
    {
        start("");
        exchange.orders = OrderHandling.REST;
        exchange.cancels = CancelHandling.UNKNOWN_ORDER;
        engine.newOrder(601, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);
        engine.awaitExecution(601, ExecType.NEW);

        engine.cancel(602, 601, STOCK_ID, Side.BUY, 10);

        assertEquals(RejectReason.UNKNOWN_ORDER, engine.awaitCancelReject(602).reason());
        final ExecutionReportDecoder status = engine.awaitExecution(601, ExecType.ORDER_STATUS);
        assertEquals(OrdStatus.REJECTED, status.ordStatus(), "the exchange no longer knows it");
        assertEquals(1, gateway.alarms().count(Alarm.ORDER_STATE_IN_DOUBT), gateway.alarms().summary());
    }

    @Test
    void aCancelRejectOfAFilledOrderBringsTheMissedFill() throws Exception
    {
        start("");
        exchange.orders = OrderHandling.FILL_SILENTLY;
        engine.newOrder(701, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);
        engine.awaitExecution(701, ExecType.NEW);

        engine.cancel(702, 701, STOCK_ID, Side.BUY, 10);

        assertEquals(RejectReason.TOO_LATE_TO_CANCEL, engine.awaitCancelReject(702).reason());
        final ExecutionReportDecoder status = engine.awaitExecution(701, ExecType.ORDER_STATUS);
        assertEquals(OrdStatus.FILLED, status.ordStatus());
        assertEquals(10, status.cumQty());
    }

    @Test
    void aStatusRequestRefusedAtSessionLevelEndsTheOrderUnresolved() throws Exception
    {
        assertStatusRequestRefusalEndsTheOrderUnresolved(StatusHandling.SESSION_REJECT, 801);
    }

    @Test
    void aStatusRequestRefusedAsUnsupportedEndsTheOrderUnresolved() throws Exception
    {
        assertStatusRequestRefusalEndsTheOrderUnresolved(StatusHandling.BUSINESS_REJECT, 811);
    }

    @Test
    void anOrderIsAskedAboutAtMostTheDialectsBoundThenEndsUnresolved() throws Exception
    {
        start("orderStatus.maxRequests=2\n");
        exchange.orders = OrderHandling.REST;
        exchange.cancels = CancelHandling.BUSINESS_REJECT;
        exchange.statusRequests = StatusHandling.IGNORE;
        engine.newOrder(901, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);
        engine.awaitExecution(901, ExecType.NEW);

        // Each refused cancel leaves the order in doubt; the exchange never answers the question.
        for (long cancelId = 902; cancelId <= 903; cancelId++)
        {
            engine.cancel(cancelId, 901, STOCK_ID, Side.BUY, 10);
            engine.awaitCancelReject(cancelId);
        }
        awaitTrue("two status requests", () -> exchange.receivedCount(MsgType.ORDER_STATUS_REQUEST) == 2,
            exchange::eventLog);
        assertNull(engine.poll(OrderRejectDecoder.TEMPLATE_ID, buffer -> true, QUIET), "still within the bound");

        engine.cancel(904, 901, STOCK_ID, Side.BUY, 10);

        engine.awaitCancelReject(904);
        assertEquals(RejectReason.STATUS_UNRESOLVED, engine.awaitOrderReject(901).reason());
        assertEquals(2, exchange.receivedCount(MsgType.ORDER_STATUS_REQUEST), "never asked a third time");
        assertEquals(1, gateway.alarms().count(Alarm.ORDER_STATUS_UNRESOLVED), gateway.alarms().summary());
    }

    @Test
    void aVenueThatTakesNoStatusRequestsIsNeverAsked() throws Exception
    {
        start("orderStatus.requests=N\n");
        exchange.orders = OrderHandling.REST;
        exchange.cancels = CancelHandling.SESSION_REJECT;
        engine.newOrder(951, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);
        engine.awaitExecution(951, ExecType.NEW);

        engine.cancel(952, 951, STOCK_ID, Side.BUY, 10);

        engine.awaitCancelReject(952);
        assertEquals(RejectReason.STATUS_UNRESOLVED, engine.awaitOrderReject(951).reason());
        assertEquals(0, exchange.receivedCount(MsgType.ORDER_STATUS_REQUEST));
        assertEquals(1, gateway.alarms().count(Alarm.ORDER_STATUS_UNSUPPORTED), gateway.alarms().summary());
    }

    private void assertStatusRequestRefusalEndsTheOrderUnresolved(final StatusHandling refusal, final long orderId)
        throws Exception
    {
        start("");
        exchange.orders = OrderHandling.REST;
        exchange.cancels = CancelHandling.SESSION_REJECT;
        exchange.statusRequests = refusal;
        engine.newOrder(orderId, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, PRICE, 10);
        engine.awaitExecution(orderId, ExecType.NEW);

        engine.cancel(orderId + 1, orderId, STOCK_ID, Side.BUY, 10);

        engine.awaitCancelReject(orderId + 1);
        final OrderRejectDecoder unresolved = engine.awaitOrderReject(orderId);
        assertEquals(RejectReason.STATUS_UNRESOLVED, unresolved.reason());
        assertEquals(STOCK_ID, unresolved.instrumentId());
        assertEquals(1, gateway.alarms().count(Alarm.ORDER_STATUS_UNSUPPORTED), gateway.alarms().summary());
    }

    private void assertNoExecution(final long orderId)
    {
        assertNull(engine.poll(ExecutionReportDecoder.TEMPLATE_ID, buffer -> new ExecutionReportDecoder()
            .wrapAndApplyHeader(buffer, 0, new io.basis.protocol.sbe.MessageHeaderDecoder()).orderId() == orderId,
            QUIET));
    }

    /** Acceptor, gateway (order entry with the given dialect keys, if any) and engine; the stock defined. */
    private void start(final String orderEntryDialect) throws Exception
    {
        final int orderEntryPort = freePort();
        final int marketDataPort = freePort();
        exchange = new StockAcceptor(orderEntryPort, marketDataPort, dir);
        final GatewaySettings settings = new GatewaySettings(dir, orderEntryPort, marketDataPort);
        if (!orderEntryDialect.isEmpty())
        {
            final Path dialect = dir.resolve("dialect.properties");
            Files.writeString(dialect, orderEntryDialect);
            settings.orderEntry(Dialect.SETTINGS_KEY, dialect.toString());
        }
        gateway = launchGateway(settings.write(), dir);
        engine = new AeronEngineEndpoint(gateway.aeronDirectoryName(),
            () -> "alarms: " + gateway.alarms().summary() + "; acceptor received " + exchange.received +
                "; log: " + exchange.eventLog());
        engine.awaitLoggedOn(SessionRole.ORDER_ENTRY);
        engine.awaitLoggedOn(SessionRole.MARKET_DATA);
        engine.defineInstrument(STOCK_ID, STOCK, InstrumentKind.STOCK);
        awaitTrue("the subscription reached the acceptor",
            () -> exchange.receivedCount(MsgType.MARKET_DATA_REQUEST) >= 1, exchange::eventLog);
    }
}
