package io.basis.protocol;

import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.AdminCommandEncoder;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.CancelOrderEncoder;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.CancelRejectEncoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.ExecutionReportEncoder;
import io.basis.protocol.sbe.InstrumentDefinitionDecoder;
import io.basis.protocol.sbe.InstrumentDefinitionEncoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.OrderStatusRequestDecoder;
import io.basis.protocol.sbe.OrderStatusRequestEncoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.SessionStatusEncoder;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.StartOfDayPositionDecoder;
import io.basis.protocol.sbe.StartOfDayPositionEncoder;
import io.basis.protocol.sbe.TimeInForce;
import io.basis.protocol.sbe.TradeDecoder;
import io.basis.protocol.sbe.TradeEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message of the schema encodes and decodes to the same values, with the header naming the schema,
 * the version and the template.
 */
@Timeout(10)
class SchemaRoundTripTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    private void assertHeader(final int templateId)
    {
        header.wrap(buffer, 0);
        assertEquals(MessageHeaderDecoder.SCHEMA_ID, header.schemaId());
        assertEquals(7117, header.schemaId());
        assertEquals(5, header.version());
        assertEquals(templateId, header.templateId());
    }

    @Test
    void instrumentDefinitionKeepsItsFixedLengthSymbol()
    {
        new InstrumentDefinitionEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(3).kind(InstrumentKind.FUTURE).lotSize(1).multiplier(250_000).symbol("K200F");

        assertHeader(InstrumentDefinitionDecoder.TEMPLATE_ID);
        final InstrumentDefinitionDecoder decoder = new InstrumentDefinitionDecoder().wrapAndApplyHeader(
            buffer, 0, header);
        assertEquals(3, decoder.instrumentId());
        assertEquals(InstrumentKind.FUTURE, decoder.kind());
        assertEquals(1, decoder.lotSize());
        assertEquals(250_000, decoder.multiplier());
        assertEquals("K200F", decoder.symbol());
    }

    @Test
    void bookUpdateCarriesEveryChangedLevel()
    {
        final BookUpdateEncoder encoder = new BookUpdateEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(7).exchangeSeq(42).exchangeTimestampNs(1_000).receiveTimestampNs(2_000)
            .snapshot(BooleanType.TRUE);
        final BookUpdateEncoder.LevelsEncoder levels = encoder.levelsCount(2);
        levels.next().side(BookSide.BID).level((short)0).price(Prices.parse("70900")).size(1_500);
        levels.next().side(BookSide.ASK).level((short)9).price(Prices.parse("72000")).size(0);

        assertHeader(BookUpdateDecoder.TEMPLATE_ID);
        final BookUpdateDecoder decoder = new BookUpdateDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(7, decoder.instrumentId());
        assertEquals(42, decoder.exchangeSeq());
        assertEquals(1_000, decoder.exchangeTimestampNs());
        assertEquals(2_000, decoder.receiveTimestampNs());
        assertEquals(BooleanType.TRUE, decoder.snapshot());
        final BookUpdateDecoder.LevelsDecoder decoded = decoder.levels();
        assertEquals(2, decoded.count());
        decoded.next();
        assertEquals(BookSide.BID, decoded.side());
        assertEquals(0, decoded.level());
        assertEquals(Prices.parse("70900"), decoded.price());
        assertEquals(1_500, decoded.size());
        decoded.next();
        assertEquals(BookSide.ASK, decoded.side());
        assertEquals(9, decoded.level());
        assertEquals(0, decoded.size());
        assertFalse(decoded.hasNext());
    }

    @Test
    void tradeRoundTrips()
    {
        new TradeEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(1).exchangeSeq(5).exchangeTimestampNs(10).receiveTimestampNs(11)
            .price(Prices.parse("352.45")).size(3);

        assertHeader(TradeDecoder.TEMPLATE_ID);
        final TradeDecoder decoder = new TradeDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(1, decoder.instrumentId());
        assertEquals(5, decoder.exchangeSeq());
        assertEquals(Prices.parse("352.45"), decoder.price());
        assertEquals(3, decoder.size());
    }

    @Test
    void newOrderCarriesEverythingTheGatewayNeedsForANewOrderSingle()
    {
        new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(1_763_700_000_000_001L).programId(9).instrumentId(4).side(Side.SELL_SHORT)
            .ordType(OrdType.LIMIT).timeInForce(TimeInForce.IOC).programFlag(ProgramFlag.INDEX_ARBITRAGE)
            .price(Prices.parse("182000")).quantity(66).triggerTimestampNs(123_456_789L);

        assertHeader(NewOrderDecoder.TEMPLATE_ID);
        final NewOrderDecoder decoder = new NewOrderDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(1_763_700_000_000_001L, decoder.orderId());
        assertEquals(9, decoder.programId());
        assertEquals(4, decoder.instrumentId());
        assertEquals(Side.SELL_SHORT, decoder.side());
        assertEquals('5', decoder.side().value());
        assertEquals(OrdType.LIMIT, decoder.ordType());
        assertEquals(TimeInForce.IOC, decoder.timeInForce());
        assertEquals(ProgramFlag.INDEX_ARBITRAGE, decoder.programFlag());
        assertEquals(Prices.parse("182000"), decoder.price());
        assertEquals(66, decoder.quantity());
        assertEquals(123_456_789L, decoder.triggerTimestampNs());
    }

    @Test
    void cancelOrderRoundTrips()
    {
        new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .cancelId(11).orderId(10).instrumentId(2).side(Side.BUY).quantity(100);

        assertHeader(CancelOrderDecoder.TEMPLATE_ID);
        final CancelOrderDecoder decoder = new CancelOrderDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(11, decoder.cancelId());
        assertEquals(10, decoder.orderId());
        assertEquals(2, decoder.instrumentId());
        assertEquals(Side.BUY, decoder.side());
        assertEquals(100, decoder.quantity());
    }

    @Test
    void anOrderStatusRequestNamesTheOrderItsInstrumentAndSide()
    {
        new OrderStatusRequestEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(10).instrumentId(2).side(Side.SELL_SHORT);

        assertHeader(OrderStatusRequestDecoder.TEMPLATE_ID);
        final OrderStatusRequestDecoder decoder = new OrderStatusRequestDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(10, decoder.orderId());
        assertEquals(2, decoder.instrumentId());
        assertEquals(Side.SELL_SHORT, decoder.side());
    }

    @Test
    void aStartOfDayPositionKeepsItsAveragePriceExactly()
    {
        final double averagePrice = 71_400.0 / 7 * 3;
        new StartOfDayPositionEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(4).quantity(-26).averagePrice(averagePrice);

        assertHeader(StartOfDayPositionDecoder.TEMPLATE_ID);
        final StartOfDayPositionDecoder decoder = new StartOfDayPositionDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(4, decoder.instrumentId());
        assertEquals(-26, decoder.quantity());
        assertEquals(averagePrice, decoder.averagePrice(), 0.0);
    }

    @Test
    void executionReportCarriesTheFieldsOfAFixExecutionReport()
    {
        new ExecutionReportEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(10).instrumentId(2).execType(ExecType.TRADE).ordStatus(OrdStatus.PARTIALLY_FILLED)
            .side(Side.BUY).lastQty(40).lastPx(Prices.parse("71000")).cumQty(60).leavesQty(40)
            .avgPx(Prices.parse("70966.6667")).rejectReason(RejectReason.NONE).receiveTimestampNs(77);

        assertHeader(ExecutionReportDecoder.TEMPLATE_ID);
        final ExecutionReportDecoder decoder = new ExecutionReportDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(10, decoder.orderId());
        assertEquals(ExecType.TRADE, decoder.execType());
        assertEquals('F', decoder.execType().value());
        assertEquals(OrdStatus.PARTIALLY_FILLED, decoder.ordStatus());
        assertEquals(40, decoder.lastQty());
        assertEquals(Prices.parse("71000"), decoder.lastPx());
        assertEquals(60, decoder.cumQty());
        assertEquals(40, decoder.leavesQty());
        assertEquals(Prices.parse("70966.6667"), decoder.avgPx());
        assertEquals(RejectReason.NONE, decoder.rejectReason());
        assertEquals(77, decoder.receiveTimestampNs());
    }

    @Test
    void rejectsCarryAReasonCode()
    {
        new OrderRejectEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(10).instrumentId(2).reason(RejectReason.UNKNOWN_INSTRUMENT);
        assertHeader(OrderRejectDecoder.TEMPLATE_ID);
        final OrderRejectDecoder orderReject = new OrderRejectDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(10, orderReject.orderId());
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, orderReject.reason());

        new CancelRejectEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(10).cancelId(12).reason(RejectReason.TOO_LATE_TO_CANCEL);
        assertHeader(CancelRejectDecoder.TEMPLATE_ID);
        final CancelRejectDecoder cancelReject = new CancelRejectDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(12, cancelReject.cancelId());
        assertEquals(RejectReason.TOO_LATE_TO_CANCEL, cancelReject.reason());
    }

    @Test
    void sessionStatusAndAdminCommandRoundTrip()
    {
        new SessionStatusEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .role(SessionRole.MARKET_DATA).state(SessionState.LOGGED_ON).timestampNs(5);
        assertHeader(SessionStatusDecoder.TEMPLATE_ID);
        final SessionStatusDecoder status = new SessionStatusDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(SessionRole.MARKET_DATA, status.role());
        assertEquals(SessionState.LOGGED_ON, status.state());

        new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .command(AdminCommandType.CANCEL_ALL).correlationId(3).operatorName("alice").signature(31, (short)0xAB);
        assertHeader(AdminCommandDecoder.TEMPLATE_ID);
        final AdminCommandDecoder command = new AdminCommandDecoder().wrapAndApplyHeader(buffer, 0, header);
        assertEquals(AdminCommandType.CANCEL_ALL, command.command());
        assertEquals(3, command.correlationId());
        assertEquals("alice", command.operatorName());
        assertEquals(0xAB, command.signature(31));
    }

    @Test
    void engineCounterLabelsAreDistinctAndNamed()
    {
        for (int typeId = EngineCounters.FIRST; typeId <= EngineCounters.LAST; typeId++)
        {
            assertTrue(EngineCounters.label(typeId).startsWith("basis-"));
        }
    }
}
