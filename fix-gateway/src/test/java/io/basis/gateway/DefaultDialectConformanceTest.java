package io.basis.gateway;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.basis.gateway.marketdata.MarketDataSubscriptions;
import io.basis.gateway.order.ListStatusTranslator;
import io.basis.gateway.order.OrderLists;
import io.basis.gateway.order.OrderStatusRecovery;
import io.basis.gateway.order.OrderTranslator;
import io.basis.gateway.session.Dialect;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.CancelOrderEncoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.DataDictionary;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.ApplVerID;
import quickfix.field.BeginString;
import quickfix.field.MsgSeqNum;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.TargetCompID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * With the default dialect every application message the gateway builds is plain FIX: it passes the stock
 * QuickFIX/J dictionary of its version (FIX42.xml, FIX44.xml, FIXT11.xml with FIX50SP2.xml) under QuickFIX/J's
 * default validation (user-defined fields, field order, group field order, no unknown message fields), exactly as a
 * counterparty nobody here wrote would check it.
 */
@Timeout(30)
class DefaultDialectConformanceTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @ParameterizedTest
    @ValueSource(strings = { "FIX.4.2", "FIX.4.4", "FIXT.1.1" })
    void everyOrderEntryMessagePassesTheStockDictionary(final String beginString) throws Exception
    {
        final Dictionaries dictionaries = new Dictionaries(beginString);
        final boolean fix42 = "FIX.4.2".equals(beginString);
        final List<Message> messages = new ArrayList<>();
        for (final ProgramFlag flag : new ProgramFlag[]{ ProgramFlag.NONE, ProgramFlag.PROGRAM_TRADE,
            ProgramFlag.INDEX_ARBITRAGE, ProgramFlag.NON_INDEX_ARBITRAGE })
        {
            for (final Side side : new Side[]{ Side.BUY, Side.SELL, Side.SELL_SHORT })
            {
                // A trigger time is always known to the engine: the default dialect must still not send it.
                messages.add(OrderTranslator.newOrderSingle(newOrder(side, flag, 987_654_321L), "005930", "ACC1",
                    Dialect.DEFAULT, beginString));
            }
        }
        messages.add(OrderTranslator.orderCancelRequest(cancel(), "005930"));
        messages.add(OrderStatusRecovery.orderStatusRequest(1001, "005930", Side.SELL_SHORT));
        final Message leg1 = OrderTranslator.newOrderSingle(newOrder(Side.BUY, ProgramFlag.INDEX_ARBITRAGE, 5L),
            "005930", "ACC1", Dialect.DEFAULT, beginString);
        final Message leg2 = OrderTranslator.newOrderSingle(newOrder(Side.SELL, ProgramFlag.INDEX_ARBITRAGE, 5L),
            "000660", "ACC1", Dialect.DEFAULT, beginString);
        messages.add(OrderLists.newOrderList("77",
            new Group[]{ OrderLists.leg(leg1, 1, fix42), OrderLists.leg(leg2, 2, fix42) }, Dialect.DEFAULT));
        messages.add(ListStatusTranslator.listExecute("77"));

        for (final Message message : messages)
        {
            dictionaries.assertConforms(message);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "FIX.4.2", "FIX.4.4", "FIXT.1.1" })
    void everyMarketDataRequestPassesTheStockDictionary(final String beginString) throws Exception
    {
        final Dictionaries dictionaries = new Dictionaries(beginString);
        dictionaries.assertConforms(MarketDataSubscriptions.marketDataRequest("BASIS-1", List.of("005930", "K200F")));
        if (!"FIX.4.2".equals(beginString))
        {
            // FIX 4.2 has e and g too, but the gateway only asks for market status on FIX 4.4 / 5.0 sessions.
            dictionaries.assertConforms(MarketDataSubscriptions.securityStatusRequest("BASIS-2", "005930"));
            dictionaries.assertConforms(MarketDataSubscriptions.tradingSessionStatusRequest("BASIS-3"));
        }
    }

    @Test
    void triggerNanosIsSentOnlyWhereTheDialectNamesItsTag() throws Exception
    {
        final Properties properties = new Properties();
        properties.setProperty("triggerNanos.tag", "21002");
        final Dialect simulator = Dialect.parse("simulator", properties);

        final Message withTag = OrderTranslator.newOrderSingle(newOrder(Side.BUY, ProgramFlag.INDEX_ARBITRAGE, 42L),
            "005930", "ACC1", simulator, "FIX.4.4");
        final Message without = OrderTranslator.newOrderSingle(newOrder(Side.BUY, ProgramFlag.INDEX_ARBITRAGE, 42L),
            "005930", "ACC1", Dialect.DEFAULT, "FIX.4.4");

        assertEquals("42", withTag.getString(Dialect.BASIS_TRIGGER_NANOS_TAG));
        assertFalse(without.isSetField(Dialect.BASIS_TRIGGER_NANOS_TAG));
        assertEquals(0, Dialect.DEFAULT.triggerNanosTag());
    }

    private NewOrderDecoder newOrder(final Side side, final ProgramFlag flag, final long triggerNs)
    {
        new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .orderId(1001)
            .programId(7)
            .instrumentId(3)
            .side(side)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY)
            .programFlag(flag)
            .price(71_200_0000L)
            .quantity(10)
            .triggerTimestampNs(triggerNs);
        return new NewOrderDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }

    private CancelOrderDecoder cancel()
    {
        new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .cancelId(2001)
            .orderId(1001)
            .instrumentId(3)
            .side(Side.SELL_SHORT)
            .quantity(10);
        return new CancelOrderDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }

    /** The stock dictionaries of a version with QuickFIX/J's default validation settings. */
    private static final class Dictionaries
    {
        private final String beginString;
        private final DataDictionary transport;
        private final DataDictionary application;

        Dictionaries(final String beginString) throws Exception
        {
            this.beginString = beginString;
            switch (beginString)
            {
                case "FIX.4.2" -> transport = new DataDictionary("FIX42.xml");
                case "FIX.4.4" -> transport = new DataDictionary("FIX44.xml");
                default -> transport = new DataDictionary("FIXT11.xml");
            }
            application = "FIXT.1.1".equals(beginString) ? new DataDictionary("FIX50SP2.xml") : transport;
            for (final DataDictionary dictionary : new DataDictionary[]{ transport, application })
            {
                // QuickFIX/J's defaults, spelled out: the test must not depend on them staying so.
                dictionary.setCheckUserDefinedFields(true);
                dictionary.setCheckFieldsOutOfOrder(true);
                dictionary.setCheckUnorderedGroupFields(true);
                dictionary.setAllowUnknownMessageFields(false);
                dictionary.setCheckFieldsHaveValues(true);
            }
        }

        /** Put the message on the wire as a session would, parse it back as the counterparty would, validate. */
        void assertConforms(final Message message) throws Exception
        {
            final Message.Header header = message.getHeader();
            header.setString(BeginString.FIELD, beginString);
            header.setString(SenderCompID.FIELD, "BASIS-OE");
            header.setString(TargetCompID.FIELD, "EXCH");
            header.setInt(MsgSeqNum.FIELD, 2);
            header.setUtcTimeStamp(SendingTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
            if ("FIXT.1.1".equals(beginString))
            {
                header.setString(ApplVerID.FIELD, ApplVerID.FIX50SP2);
            }
            final String wire = message.toString();
            final Message received = new Message();
            try
            {
                received.fromString(wire, transport, application, true);
                assertNull(received.getException(), () -> "parse: " + received.getException());
                application.validate(received, "FIXT.1.1".equals(beginString));
            }
            catch (final Exception ex)
            {
                fail(beginString + " refuses " + wire.replace('\u0001', '|') + ": " + ex);
            }
            assertTrue(wire.startsWith("8=" + beginString));
        }
    }
}
