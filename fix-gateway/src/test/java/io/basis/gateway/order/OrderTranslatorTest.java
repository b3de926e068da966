package io.basis.gateway.order;

import java.nio.file.Path;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.link.RecordingSink;
import io.basis.gateway.link.SbeSink;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.session.Dialect;
import io.basis.gateway.session.FixFields;
import io.basis.gateway.session.RecordingSession;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.CancelOrderEncoder;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.OrderQty;
import quickfix.field.OrderRestrictions;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class OrderTranslatorTest
{
    private static final int STOCK_ID = 3;

    private final InstrumentDirectory directory = new InstrumentDirectory();
    private final RecordingSession session = new RecordingSession();
    private final RecordingSink sink = new RecordingSink();
    private final Alarms alarms = new Alarms(line -> { });
    private final OrderJournal journal;
    private final OrderTranslator translator;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    OrderTranslatorTest(@TempDir final Path journalDir)
    {
        directory.define(STOCK_ID, "005930");
        journal = OrderJournal.open(journalDir, 1024);
        translator = new OrderTranslator(directory, session, sink, alarms, "ACC9", journal);
    }

    @AfterEach
    void closeJournal()
    {
        journal.close();
    }

    @Test
    void newOrderBecomesNewOrderSingle() throws FieldNotFound
    {
        assertTrue(translator.onNewOrder(newOrder(1001, STOCK_ID, Side.SELL_SHORT, ProgramFlag.INDEX_ARBITRAGE,
            71_200_0000L, 250, 987_654_321L)));

        final Message d = session.only();
        assertEquals(MsgType.ORDER_SINGLE, d.getHeader().getString(MsgType.FIELD));
        assertEquals("1001", d.getString(ClOrdID.FIELD));
        assertEquals("ACC9", d.getString(Account.FIELD));
        assertEquals("005930", d.getString(Symbol.FIELD));
        assertEquals('5', d.getChar(quickfix.field.Side.FIELD));
        assertEquals("250", d.getString(OrderQty.FIELD));
        assertEquals('2', d.getChar(quickfix.field.OrdType.FIELD));
        assertEquals("71200", d.getString(Price.FIELD));
        assertEquals('3', d.getChar(quickfix.field.TimeInForce.FIELD));
        assertEquals("2", d.getString(OrderRestrictions.FIELD));
        assertFalse(d.isSetField(FixFields.TRIGGER_NANOS), "the default dialect sends no user-defined tag");
        assertTrue(d.isSetField(TransactTime.FIELD));
        assertTrue(sink.sent.isEmpty());
    }

    @Test
    void triggerNanosGoesInTheTagTheDialectNames(@TempDir final Path otherJournal) throws FieldNotFound
    {
        final java.util.Properties properties = new java.util.Properties();
        properties.setProperty("triggerNanos.tag", "21002");
        try (OrderJournal journal = OrderJournal.open(otherJournal, 16))
        {
            final OrderTranslator simulatorDialect = new OrderTranslator(directory, session, sink, alarms, "ACC9",
                Dialect.parse("simulator", properties), "FIX.4.4", journal);

            assertTrue(simulatorDialect.onNewOrder(newOrder(1005, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE,
                71_200_0000L, 1, 987_654_321L)));
        }

        assertEquals("987654321", session.only().getString(FixFields.TRIGGER_NANOS));
    }

    @Test
    void optionalFieldsAreLeftOut() throws FieldNotFound
    {
        assertTrue(translator.onNewOrder(newOrder(1002, STOCK_ID, Side.BUY, ProgramFlag.NONE, 3_524_500L, 1, 0)));

        final Message d = session.only();
        assertEquals('1', d.getChar(quickfix.field.Side.FIELD));
        assertEquals("352.45", d.getString(Price.FIELD));
        assertFalse(d.isSetField(OrderRestrictions.FIELD));
        assertFalse(d.isSetField(FixFields.TRIGGER_NANOS));
    }

    @Test
    void unknownInstrumentIsRejectedNotSent()
    {
        assertFalse(translator.onNewOrder(newOrder(1003, 99, Side.BUY, ProgramFlag.NONE, 1, 1, 0)));

        assertTrue(session.sent.isEmpty());
        final OrderRejectDecoder reject = orderReject();
        assertEquals(1003, reject.orderId());
        assertEquals(99, reject.instrumentId());
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, reject.reason());
    }

    @Test
    void sessionDownIsRejectedNotSent()
    {
        session.loggedOn = false;

        assertFalse(translator.onNewOrder(newOrder(1004, STOCK_ID, Side.BUY, ProgramFlag.NONE, 1, 1, 0)));

        assertTrue(session.sent.isEmpty());
        assertEquals(RejectReason.SESSION_DOWN, orderReject().reason());
    }

    @Test
    void cancelBecomesOrderCancelRequest() throws FieldNotFound
    {
        final CancelOrderDecoder cancel = cancel(2001, 1001, STOCK_ID);

        assertTrue(translator.onCancelOrder(cancel));

        final Message f = session.only();
        assertEquals(MsgType.ORDER_CANCEL_REQUEST, f.getHeader().getString(MsgType.FIELD));
        assertEquals("2001", f.getString(ClOrdID.FIELD));
        assertEquals("1001", f.getString(OrigClOrdID.FIELD));
        assertEquals("005930", f.getString(Symbol.FIELD));
        assertEquals('2', f.getChar(quickfix.field.Side.FIELD));
        assertEquals("40", f.getString(OrderQty.FIELD));
        assertTrue(f.isSetField(TransactTime.FIELD));
    }

    @Test
    void cancelOfUnknownInstrumentIsCancelRejected()
    {
        assertFalse(translator.onCancelOrder(cancel(2002, 1002, 99)));

        assertTrue(session.sent.isEmpty());
        final RecordingSink.Sent sent = sink.only();
        assertEquals(CancelRejectDecoder.TEMPLATE_ID, sent.templateId());
        final CancelRejectDecoder reject =
            new CancelRejectDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
        assertEquals(1002, reject.orderId());
        assertEquals(2002, reject.cancelId());
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, reject.reason());
    }

    private NewOrderDecoder newOrder(
        final long orderId, final int instrumentId, final Side side, final ProgramFlag flag, final long price,
        final long quantity, final long triggerNs)
    {
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
            .orderId(orderId)
            .programId(1)
            .instrumentId(instrumentId)
            .side(side)
            .ordType(OrdType.LIMIT)
            .timeInForce(side == Side.BUY ? TimeInForce.DAY : TimeInForce.IOC)
            .programFlag(flag)
            .price(price)
            .quantity(quantity)
            .triggerTimestampNs(triggerNs);
        return new NewOrderDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }

    private CancelOrderDecoder cancel(final long cancelId, final long orderId, final int instrumentId)
    {
        new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .cancelId(cancelId)
            .orderId(orderId)
            .instrumentId(instrumentId)
            .side(Side.SELL)
            .quantity(40);
        return new CancelOrderDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }

    private OrderRejectDecoder orderReject()
    {
        final RecordingSink.Sent sent = sink.only();
        assertEquals(OrderRejectDecoder.TEMPLATE_ID, sent.templateId());
        assertEquals(SbeSink.Delivery.WAIT_FOR_ENGINE, sent.delivery());
        return new OrderRejectDecoder().wrapAndApplyHeader(sent.buffer(), 0, new MessageHeaderDecoder());
    }
}
