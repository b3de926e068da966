package io.basis.gateway.order;

import java.nio.file.Path;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.RecordingSink;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdRejReason;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.RefMsgType;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.BusinessMessageReject;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderCancelReject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ExecutionTranslatorTest
{
    private static final int STOCK_ID = 3;
    private static final long RECEIVE_NS = 42L;

    private final InstrumentDirectory directory = new InstrumentDirectory();
    private final RecordingSink sink = new RecordingSink();
    private final Alarms alarms = new Alarms(line -> { });
    private final OrderJournal journal;
    private final ExecutionTranslator translator;

    ExecutionTranslatorTest(@TempDir final Path journalDir)
    {
        directory.define(STOCK_ID, "005930");
        journal = OrderJournal.open(journalDir, 1024);
        translator = new ExecutionTranslator(directory, sink, alarms, journal);
        // The orders the reports below are about, as the gateway sent them.
        for (long orderId = 1001; orderId <= 1012; orderId++)
        {
            journal.recordNew(orderId, STOCK_ID, "005930", io.basis.protocol.sbe.Side.BUY, 10);
        }
    }

    @Test
    void aReportForAClOrdIdThisGatewayNeverSentIsDroppedAndAlarmed()
    {
        assertFalse(translator.onExecutionReport(report("99999999", '0', '0', '1'), RECEIVE_NS));

        assertTrue(sink.sent.isEmpty());
        assertEquals(1, alarms.count(Alarm.UNKNOWN_CLORDID));
    }

    @AfterEach
    void closeJournal()
    {
        journal.close();
    }

    @Test
    void newAck()
    {
        final ExecutionReport report = report("1001", '0', '0', '1');
        report.setString(LeavesQty.FIELD, "100");
        report.setString(CumQty.FIELD, "0");
        report.setString(AvgPx.FIELD, "0");

        assertTrue(translator.onExecutionReport(report, RECEIVE_NS));

        final RecordingSink.Sent sent = sink.only();
        assertEquals(SbeSink.Delivery.WAIT_FOR_ENGINE, sent.delivery());
        final ExecutionReportDecoder decoded = decode(sent);
        assertEquals(1001, decoded.orderId());
        assertEquals(STOCK_ID, decoded.instrumentId());
        assertEquals(ExecType.NEW, decoded.execType());
        assertEquals(OrdStatus.NEW, decoded.ordStatus());
        assertEquals(Side.BUY, decoded.side());
        assertEquals(100, decoded.leavesQty());
        assertEquals(0, decoded.cumQty());
        assertEquals(RejectReason.NONE, decoded.rejectReason());
        assertEquals(RECEIVE_NS, decoded.receiveTimestampNs());
    }

    @Test
    void partialFill()
    {
        final ExecutionReport report = report("1002", 'F', '1', '5');
        report.setString(LastQty.FIELD, "30");
        report.setString(LastPx.FIELD, "71200");
        report.setString(CumQty.FIELD, "30");
        report.setString(LeavesQty.FIELD, "70");
        report.setString(AvgPx.FIELD, "71200.123456");

        assertTrue(translator.onExecutionReport(report, RECEIVE_NS));

        final ExecutionReportDecoder decoded = decode(sink.only());
        assertEquals(ExecType.TRADE, decoded.execType());
        assertEquals(OrdStatus.PARTIALLY_FILLED, decoded.ordStatus());
        assertEquals(Side.SELL_SHORT, decoded.side());
        assertEquals(30, decoded.lastQty());
        assertEquals(712_000_000L, decoded.lastPx());
        assertEquals(30, decoded.cumQty());
        assertEquals(70, decoded.leavesQty());
        assertEquals(712_001_235L, decoded.avgPx(), "AvgPx rounded to 4 decimals");
    }

    @Test
    void cancelUsesOrigClOrdIdAsOrderId()
    {
        final ExecutionReport report = report("2001", '4', '4', '2');
        report.setString(OrigClOrdID.FIELD, "1003");
        report.setString(LeavesQty.FIELD, "0");

        assertTrue(translator.onExecutionReport(report, RECEIVE_NS));

        final ExecutionReportDecoder decoded = decode(sink.only());
        assertEquals(1003, decoded.orderId());
        assertEquals(ExecType.CANCELED, decoded.execType());
        assertEquals(OrdStatus.CANCELED, decoded.ordStatus());
        assertEquals(Side.SELL, decoded.side());
    }

    @Test
    void rejectMapsOrdRejReason()
    {
        assertRejectReason(1, null, RejectReason.UNKNOWN_INSTRUMENT);
        assertRejectReason(13, "quantity not a lot multiple", RejectReason.INVALID_QUANTITY);
        assertRejectReason(6, null, RejectReason.DUPLICATE_ORDER);
        assertRejectReason(99, "price not on tick grid", RejectReason.INVALID_PRICE);
        assertRejectReason(99, "price outside daily limit", RejectReason.INVALID_PRICE);
        assertRejectReason(99, "something else", RejectReason.OTHER);
        assertRejectReason(2, null, RejectReason.EXCHANGE_REJECT);
        assertRejectReason(-1, null, RejectReason.EXCHANGE_REJECT);
    }

    @Test
    void nonNumericClOrdIdIsAlarmedNotPublished()
    {
        assertFalse(translator.onExecutionReport(report("ABC-1", '0', '0', '1'), RECEIVE_NS));
        assertTrue(sink.sent.isEmpty());
        assertEquals(1, alarms.count(Alarm.BAD_CLORDID));
    }

    @Test
    void unknownSymbolStillPublishesWithNullInstrument()
    {
        // Done already: the journal no longer knows its instrument, the symbol is all there is.
        journal.recordDone(1004);
        final ExecutionReport report = report("1004", 'F', '2', '1');
        report.setString(Symbol.FIELD, "UNKNOWN");

        assertTrue(translator.onExecutionReport(report, RECEIVE_NS));

        assertEquals(ExecutionReportDecoder.instrumentIdNullValue(), decode(sink.only()).instrumentId());
        assertEquals(1, alarms.count(Alarm.UNKNOWN_SYMBOL));
    }

    @Test
    void missingExecTypeIsAlarmedNotPublished()
    {
        final ExecutionReport report = report("1005", '0', '0', '1');
        report.removeField(quickfix.field.ExecType.FIELD);

        assertFalse(translator.onExecutionReport(report, RECEIVE_NS));
        assertEquals(1, alarms.count(Alarm.UNPARSABLE_EXECUTION));
    }

    @Test
    void cancelRejectBecomesCancelReject()
    {
        final OrderCancelReject reject = new OrderCancelReject();
        reject.setString(OrderID.FIELD, "X1");
        reject.setString(ClOrdID.FIELD, "2002");
        reject.setString(OrigClOrdID.FIELD, "1006");
        reject.setChar(quickfix.field.OrdStatus.FIELD, '2');
        reject.setChar(CxlRejResponseTo.FIELD, CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        reject.setInt(CxlRejReason.FIELD, CxlRejReason.TOO_LATE_TO_CANCEL);

        assertTrue(translator.onOrderCancelReject(reject));

        final RecordingSink.Sent sent = sink.only();
        assertEquals(CancelRejectDecoder.TEMPLATE_ID, sent.templateId());
        final CancelRejectDecoder decoded =
            new CancelRejectDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
        assertEquals(1006, decoded.orderId());
        assertEquals(2002, decoded.cancelId());
        assertEquals(RejectReason.TOO_LATE_TO_CANCEL, decoded.reason());
        assertEquals(RejectReason.UNKNOWN_ORDER, ExecutionTranslator.cancelRejectReason(CxlRejReason.UNKNOWN_ORDER));
    }

    @Test
    void businessRejectOfNewOrderBecomesOrderReject()
    {
        final BusinessMessageReject reject = new BusinessMessageReject();
        reject.setString(RefMsgType.FIELD, "D");
        reject.setString(BusinessRejectRefID.FIELD, "1007");
        reject.setInt(BusinessRejectReason.FIELD, BusinessRejectReason.UNKNOWN_SECURITY);

        assertTrue(translator.onBusinessMessageReject(reject));

        final RecordingSink.Sent sent = sink.only();
        assertEquals(OrderRejectDecoder.TEMPLATE_ID, sent.templateId());
        final OrderRejectDecoder decoded =
            new OrderRejectDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
        assertEquals(1007, decoded.orderId());
        assertEquals(3, decoded.instrumentId());
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, decoded.reason());
        assertFalse(journal.isOpen(1007), "the journal marks it done");
    }

    @Test
    void businessRejectOfAnOrderNoLongerOpenIsAlarmedNotForwarded()
    {
        final BusinessMessageReject reject = new BusinessMessageReject();
        reject.setString(RefMsgType.FIELD, "D");
        reject.setString(BusinessRejectRefID.FIELD, "1008");
        journal.recordDone(1008);
        reject.setInt(BusinessRejectReason.FIELD, BusinessRejectReason.OTHER);

        assertFalse(translator.onBusinessMessageReject(reject));
        assertTrue(sink.sent.isEmpty(), "the engine heard the order's end already");
        assertEquals(1, alarms.count(Alarm.UNROUTABLE_BUSINESS_REJECT));
    }

    @Test
    void businessRejectOfOtherMessageIsAlarmed()
    {
        final BusinessMessageReject reject = new BusinessMessageReject();
        reject.setString(RefMsgType.FIELD, "V");
        reject.setInt(BusinessRejectReason.FIELD, BusinessRejectReason.OTHER);

        assertFalse(translator.onBusinessMessageReject(reject));
        assertTrue(sink.sent.isEmpty());
        assertEquals(1, alarms.count(Alarm.UNROUTABLE_BUSINESS_REJECT));
    }

    private void assertRejectReason(final int ordRejReason, final String text, final RejectReason expected)
    {
        sink.sent.clear();
        final ExecutionReport report = report("1010", '8', '8', '1');
        if (ordRejReason >= 0)
        {
            report.setInt(OrdRejReason.FIELD, ordRejReason);
        }
        if (text != null)
        {
            report.setString(Text.FIELD, text);
        }
        assertTrue(translator.onExecutionReport(report, RECEIVE_NS));
        final ExecutionReportDecoder decoded = decode(sink.only());
        assertEquals(ExecType.REJECTED, decoded.execType());
        assertEquals(expected, decoded.rejectReason(), "OrdRejReason " + ordRejReason + " " + text);
    }

    @Test
    void fix42FillsAndDoneForDay()
    {
        final ExecutionReport partial = report("1010", '1', '1', '1');
        partial.setChar(quickfix.field.ExecTransType.FIELD, '0');
        partial.setString(quickfix.field.LastQty.FIELD, "5");
        partial.setString(quickfix.field.LastPx.FIELD, "71200");
        final ExecutionReport fill = report("1010", '2', '2', '1');
        fill.setChar(quickfix.field.ExecTransType.FIELD, '0');
        final ExecutionReport doneForDay = report("1011", '3', '3', '1');

        assertTrue(translator.onExecutionReport(partial, RECEIVE_NS));
        assertTrue(translator.onExecutionReport(fill, RECEIVE_NS));
        assertTrue(translator.onExecutionReport(doneForDay, RECEIVE_NS));

        assertEquals(io.basis.protocol.sbe.ExecType.TRADE, decode(sink.sent.get(0)).execType());
        assertEquals(5, decode(sink.sent.get(0)).lastQty());
        assertEquals(io.basis.protocol.sbe.OrdStatus.PARTIALLY_FILLED, decode(sink.sent.get(0)).ordStatus());
        assertEquals(io.basis.protocol.sbe.ExecType.TRADE, decode(sink.sent.get(1)).execType());
        assertEquals(io.basis.protocol.sbe.OrdStatus.FILLED, decode(sink.sent.get(1)).ordStatus());
        assertEquals(io.basis.protocol.sbe.ExecType.EXPIRED, decode(sink.sent.get(2)).execType());
        assertEquals(io.basis.protocol.sbe.OrdStatus.EXPIRED, decode(sink.sent.get(2)).ordStatus());
        assertEquals(0, alarms.total());
    }

    @Test
    void fix42TradeBustOrCorrectionIsAlarmedNotForwarded()
    {
        final ExecutionReport bust = report("1012", '2', '2', '1');
        bust.setChar(quickfix.field.ExecTransType.FIELD, '1');
        final ExecutionReport correction = report("1012", '2', '2', '1');
        correction.setChar(quickfix.field.ExecTransType.FIELD, '2');

        assertFalse(translator.onExecutionReport(bust, RECEIVE_NS));
        assertFalse(translator.onExecutionReport(correction, RECEIVE_NS));

        assertTrue(sink.sent.isEmpty());
        assertEquals(2, alarms.count(Alarm.EXECUTION_CORRECTION));
    }

    private static ExecutionReport report(
        final String clOrdId, final char execType, final char ordStatus, final char side)
    {
        final ExecutionReport report = new ExecutionReport();
        report.setString(OrderID.FIELD, "EX-" + clOrdId);
        report.setString(ExecID.FIELD, "E-" + clOrdId + execType);
        report.setString(ClOrdID.FIELD, clOrdId);
        report.setChar(quickfix.field.ExecType.FIELD, execType);
        report.setChar(quickfix.field.OrdStatus.FIELD, ordStatus);
        report.setChar(quickfix.field.Side.FIELD, side);
        report.setString(Symbol.FIELD, "005930");
        report.setString(LeavesQty.FIELD, "0");
        report.setString(CumQty.FIELD, "0");
        report.setString(AvgPx.FIELD, "0");
        return report;
    }

    private static ExecutionReportDecoder decode(final RecordingSink.Sent sent)
    {
        assertEquals(ExecutionReportDecoder.TEMPLATE_ID, sent.templateId());
        return new ExecutionReportDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
    }
}
