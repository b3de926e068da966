package io.basis.gateway.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.basis.gateway.ops.GatewayConfigException;
import io.basis.gateway.order.OrderTranslator;
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
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionSettings;
import quickfix.field.Account;
import quickfix.field.ExDestination;
import quickfix.field.ExecInst;
import quickfix.field.HandlInst;
import quickfix.field.ListID;
import quickfix.field.OrderRestrictions;
import quickfix.field.Rule80A;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dialect files and what they do to the NewOrderSingle.
 */
@Timeout(10)
class DialectTest
{
    /** The repository's config directory (tests run in the module directory). */
    private static final Path CONFIG = Path.of("..", "config");

    @TempDir
    Path tempDir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void sampleExchangeDialectIsTheDefaultWithTriggerNanos() throws FieldNotFound
    {
        final Dialect krx = Dialect.load(CONFIG.resolve("dialect-krx.properties"));

        for (final ProgramFlag flag : new ProgramFlag[]{ ProgramFlag.NONE, ProgramFlag.PROGRAM_TRADE,
            ProgramFlag.INDEX_ARBITRAGE, ProgramFlag.NON_INDEX_ARBITRAGE })
        {
            assertEquals(Dialect.DEFAULT.programFlagValue(flag), krx.programFlagValue(flag), flag.name());
        }
        assertEquals(Dialect.ORDER_RESTRICTIONS, krx.programFlagTag());
        assertEquals(Dialect.OrderMode.SINGLE, krx.orderMode());
        assertEquals(Dialect.DEFAULT_SIDECAR_TAG, krx.sidecarTag());
        assertTrue(krx.marketStatusRequests());
        final Message viaFile = OrderTranslator.newOrderSingle(
            newOrder(Side.SELL_SHORT, ProgramFlag.INDEX_ARBITRAGE), "005930", "ACC", krx, "FIX.4.4");
        final Message viaDefault = OrderTranslator.newOrderSingle(
            newOrder(Side.SELL_SHORT, ProgramFlag.INDEX_ARBITRAGE), "005930", "ACC");
        viaFile.removeField(60);
        viaDefault.removeField(60);
        // The simulator measures tick-to-order from TriggerNanos: the one key the sample turns on.
        assertEquals(Dialect.BASIS_TRIGGER_NANOS_TAG, krx.triggerNanosTag());
        assertEquals(0, Dialect.DEFAULT.triggerNanosTag());
        assertEquals(viaDefault.toString(), viaFile.toString());
        assertEquals("2", viaFile.getString(OrderRestrictions.FIELD));
        assertFalse(viaFile.isSetField(HandlInst.FIELD));
    }

    @Test
    void fix42BrokerDialectUsesRule80AAndFansOutWithListId() throws FieldNotFound
    {
        final Dialect broker = Dialect.load(CONFIG.resolve("dialect-broker42.properties"));

        final Message d = OrderTranslator.newOrderSingle(
            newOrder(Side.SELL_SHORT, ProgramFlag.INDEX_ARBITRAGE), "005930", "ACC", broker, "FIX.4.2");

        assertEquals('D', d.getChar(Rule80A.FIELD));
        assertFalse(d.isSetField(OrderRestrictions.FIELD));
        assertEquals('1', d.getChar(HandlInst.FIELD));
        assertEquals("KRX", d.getString(ExDestination.FIELD));
        assertFalse(d.isSetField(ExecInst.FIELD), "ExecInst Q is FIX 4.3+");
        assertEquals("77", d.getString(ListID.FIELD), "the engine's program id");
        assertEquals('5', d.getChar(quickfix.field.Side.FIELD));
        assertEquals("Y", d.getString(21011), "borrow confirmed");
        assertEquals("1000", d.getString(21010));
        assertEquals("ACC", d.getString(Account.FIELD));

        final Message buy = OrderTranslator.newOrderSingle(
            newOrder(Side.BUY, ProgramFlag.NONE), "005930", "ACC", broker, "FIX.4.2");
        assertEquals('P', buy.getChar(Rule80A.FIELD), "principal, not a program order");
        assertFalse(buy.isSetField(21011), "borrow confirmation only on short sales");
    }

    @Test
    void customTagsForAccountShortSaleMarkerAndNoProgramFlag() throws FieldNotFound
    {
        final Dialect dialect = Dialect.parse("test", properties(Map.of(
            "programFlag.tag", "none",
            "account.tag", "440",
            "account", "INV-7",
            "shortSale.side", "2",
            "shortSale.tag", "21012",
            "shortSale.value", "S",
            "cancelOnDisconnect", "Y")));

        final Message d = OrderTranslator.newOrderSingle(
            newOrder(Side.SELL_SHORT, ProgramFlag.INDEX_ARBITRAGE), "005930", dialect.account("ACC"), dialect,
            "FIX.4.4");

        assertFalse(d.isSetField(OrderRestrictions.FIELD));
        assertFalse(d.isSetField(Account.FIELD));
        assertEquals("INV-7", d.getString(440));
        assertEquals('2', d.getChar(quickfix.field.Side.FIELD));
        assertEquals("S", d.getString(21012));
        assertEquals("Q", d.getString(ExecInst.FIELD));
        assertFalse(d.isSetField(ListID.FIELD), "SINGLE mode");
    }

    @Test
    void customProgramFlagTagTakesOnlyTheListedValues() throws FieldNotFound
    {
        final Dialect dialect = Dialect.parse("test", properties(Map.of(
            "programFlag.tag", "21020", "programFlag.INDEX_ARBITRAGE", "IA")));

        assertEquals("IA", OrderTranslator.newOrderSingle(newOrder(Side.BUY, ProgramFlag.INDEX_ARBITRAGE),
            "005930", "ACC", dialect, "FIX.4.4").getString(21020));
        assertFalse(OrderTranslator.newOrderSingle(newOrder(Side.BUY, ProgramFlag.PROGRAM_TRADE),
            "005930", "ACC", dialect, "FIX.4.4").isSetField(21020));
        assertNull(dialect.programFlagValue(ProgramFlag.NONE));
    }

    @Test
    void cancelCarriesNoDialectFields() throws FieldNotFound
    {
        new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .cancelId(2).orderId(1).instrumentId(3).side(Side.SELL).quantity(10);
        final Message f = OrderTranslator.orderCancelRequest(
            new CancelOrderDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()), "005930");
        assertEquals("F", f.getHeader().getString(35));
        assertFalse(f.isSetField(ExecInst.FIELD));
    }

    @Test
    void badDialectsAreRefusedWithTheReason()
    {
        assertRefused(Map.of("programFlag.tga", "529"), "unknown key programFlag.tga");
        assertRefused(Map.of("orderMode", "BASKET"), "orderMode must be SINGLE, FAN_OUT or LIST");
        assertRefused(Map.of("list.execInst", "2"), "list.execInst is set but orderMode is not LIST");
        assertRefused(Map.of("orderMode", "LIST", "list.execInst", "3"), "list.execInst must be 1");
        assertRefused(Map.of("orderMode", "LIST", "list.assemblyTimeoutMs", "0"), "list.assemblyTimeoutMs must be");
        assertRefused(Map.of("shortSale.side", "7"), "shortSale.side must be 5, 6 or 2");
        assertRefused(Map.of("borrow.tag", "21011"), "borrow.value is not");
        assertRefused(Map.of("account.tag", "abc"), "not a FIX tag number");
        assertRefused(Map.of("cancelOnDisconnect", "maybe"), "must be Y or N");
        assertRefused(Map.of("programFlag.tag", "47"), "no programFlag.<FLAG> values");
        assertRefused(Map.of("handlInst", "9"), "handlInst must be 1, 2 or 3");
    }

    @Test
    void sessionSettingsNameTheDialectPerSession() throws Exception
    {
        Files.writeString(tempDir.resolve("broker.properties"), "programFlag.tag=47\nprogramFlag.INDEX_ARBITRAGE=D\n");
        final Path settingsFile = tempDir.resolve("gateway.cfg");
        Files.writeString(settingsFile, String.join("\n",
            "[DEFAULT]",
            "ConnectionType=initiator",
            "TargetCompID=SIM",
            "SocketConnectHost=127.0.0.1",
            "",
            "[SESSION]",
            "BeginString=FIX.4.2",
            "BasisRole=ORDER_ENTRY",
            "SenderCompID=BASIS-OE",
            "SocketConnectPort=1",
            "FileStorePath=store",
            "BasisDialect=broker.properties",
            "",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "BasisRole=MARKET_DATA",
            "SenderCompID=BASIS-MD",
            "SocketConnectPort=2",
            ""));

        final SessionRoles roles = SessionRoles.load(new SessionSettings(settingsFile.toString()), tempDir);

        assertEquals(Dialect.RULE_80A, roles.orderEntryDialect().programFlagTag());
        assertEquals("FIX.4.2", roles.orderEntry().getBeginString());
        assertTrue(roles.orderEntryDialect().source().endsWith("broker.properties"));
        assertEquals(Dialect.DEFAULT, roles.marketDataDialect());

        Files.writeString(settingsFile, Files.readString(settingsFile).replace("broker.properties", "missing.txt"));
        final GatewayConfigException missing = assertThrows(GatewayConfigException.class,
            () -> SessionRoles.load(new SessionSettings(settingsFile.toString()), tempDir));
        assertTrue(missing.getMessage().contains("missing.txt"), missing.getMessage());

        Files.writeString(settingsFile, Files.readString(settingsFile).replace("FIX.4.2", "FIX.4.3"));
        final GatewayConfigException version = assertThrows(GatewayConfigException.class,
            () -> SessionRoles.load(new SessionSettings(settingsFile.toString()), tempDir));
        assertTrue(version.getMessage().contains("FIX.4.3"), version.getMessage());
    }

    private static void assertRefused(final Map<String, String> keys, final String reason)
    {
        final GatewayConfigException ex =
            assertThrows(GatewayConfigException.class, () -> Dialect.parse("bad.properties", properties(keys)));
        assertTrue(ex.getMessage().contains(reason), ex.getMessage());
        assertTrue(ex.getMessage().contains("bad.properties"), ex.getMessage());
    }

    private static Properties properties(final Map<String, String> keys)
    {
        final Properties properties = new Properties();
        properties.putAll(keys);
        return properties;
    }

    private NewOrderDecoder newOrder(final Side side, final ProgramFlag flag)
    {
        new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .orderId(1001)
            .programId(77)
            .instrumentId(3)
            .side(side)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY)
            .programFlag(flag)
            .price(71_200_0000L)
            .quantity(10)
            .triggerTimestampNs(0);
        return new NewOrderDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }
}
