package io.basis.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.basis.gateway.SimulatorHarness.FakeEngine;
import io.basis.gateway.SimulatorHarness.WireTap;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.GatewayConfigException;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.Side;
import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.fix.SessionDefinition;
import io.basis.simulator.fix.SessionExtensions;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Session;
import quickfix.SessionID;

import static io.basis.gateway.SimulatorHarness.ACCOUNT;
import static io.basis.gateway.SimulatorHarness.MARKETABLE_BUY_PRICE;
import static io.basis.gateway.SimulatorHarness.QUIET;
import static io.basis.gateway.SimulatorHarness.STOCK;
import static io.basis.gateway.SimulatorHarness.STOCK_ID;
import static io.basis.gateway.SimulatorHarness.awaitTrue;
import static io.basis.gateway.SimulatorHarness.field;
import static io.basis.gateway.SimulatorHarness.generateKeyStore;
import static io.basis.gateway.SimulatorHarness.launchGateway;
import static io.basis.gateway.SimulatorHarness.simulatorConfig;
import static io.basis.gateway.SimulatorHarness.trustStoreFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's sessions to a real exchange simulator over TLS and with logon credentials: it logs on and trades
 * over TLS with a trust store holding the exchange's certificate, refuses an exchange it does not trust and a TLS
 * set-up without a trust store, and sends Username (553) / Password (554) from its settings ({@code LogonTag}),
 * which the exchange checks. Key stores are made by keytool in a temporary directory, never committed.
 */
@Timeout(60)
class GatewaySecurityIntegrationTest
{
    private static final String STORE_PASSWORD = "changeit";
    private static final String USERNAME = "basis";
    private static final String PASSWORD = "s3cret";

    @TempDir
    static Path keys;

    private static Path simulatorKeyStore;
    private static Path exchangeTrustStore;
    private static Path strangerTrustStore;

    @TempDir
    Path dir;

    private Simulator simulator;
    private WireTap tap;
    private Gateway gateway;
    private FakeEngine engine;

    @BeforeAll
    static void generateKeys() throws Exception
    {
        simulatorKeyStore = generateKeyStore(keys, "simulator", STORE_PASSWORD);
        exchangeTrustStore = trustStoreFor(simulatorKeyStore, STORE_PASSWORD, "simulator",
            keys.resolve("exchange-trust.p12"));
        // A certificate that is not the exchange's: trusting only it must keep the gateway off the exchange.
        final Path stranger = generateKeyStore(keys, "stranger", STORE_PASSWORD);
        strangerTrustStore = trustStoreFor(stranger, STORE_PASSWORD, "stranger", keys.resolve("stranger-trust.p12"));
    }

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engine, gateway, tap, simulator);
    }

    @Test
    void logsOnOverTlsAndAnOrderRoundTrips() throws Exception
    {
        simulator = Simulator.start(simulatorConfig().tls(simulatorKeyStore, STORE_PASSWORD));
        tap = new WireTap(simulator.orderEntryPort());
        startGateway(tls(new GatewaySettings(dir, tap.port(), simulator.marketDataPort()), exchangeTrustStore));
        engine.awaitLoggedOn(SessionRole.ORDER_ENTRY);
        engine.awaitLoggedOn(SessionRole.MARKET_DATA);

        engine.defineMarketAndAwaitSnapshots();
        final ExecutionReportDecoder fill = engine.roundTripBuy(1001, ProgramFlag.INDEX_ARBITRAGE, 10);

        assertEquals(OrdStatus.FILLED, fill.ordStatus());
        assertEquals(10, simulator.record().netPosition(ACCOUNT, STOCK));
        // What crossed the wire: a TLS handshake record first, and no FIX in the clear.
        final byte[] wire = tap.bytesToExchange();
        assertTrue(wire.length > 0);
        assertEquals(0x16, wire[0], "TLS handshake record");
        assertFalse(new String(wire, StandardCharsets.ISO_8859_1).contains("35=D"), "order in the clear");
        assertTrue(tap.messagesToExchange().isEmpty(), "FIX framing visible on the wire");
    }

    @Test
    void refusesAnExchangeWhoseCertificateItDoesNotTrust() throws Exception
    {
        simulator = Simulator.start(simulatorConfig().tls(simulatorKeyStore, STORE_PASSWORD));
        tap = new WireTap(simulator.orderEntryPort());
        startGateway(tls(new GatewaySettings(dir, tap.port(), simulator.marketDataPort()), strangerTrustStore));

        assertFalse(engine.loggedOnWithin(SessionRole.ORDER_ENTRY, QUIET));
        assertFalse(gateway.isLoggedOn(SessionRole.MARKET_DATA));
        assertTrue(tap.connections() >= 1, "the gateway did try to connect");
        assertTrue(tap.messagesToExchange().isEmpty(), "no FIX message reached the exchange");
        final Session exchangeSide = Session.lookupSession(new SessionID("FIX.4.4", "SIM", "BASIS-OE"));
        assertFalse(exchangeSide.isLoggedOn(), "the exchange never saw a logon");

        // Orders are refused at the gateway, not sent to whoever answered.
        engine.defineInstrument(STOCK_ID, STOCK, InstrumentKind.STOCK);
        engine.newOrder(1002, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, MARKETABLE_BUY_PRICE, 10);
        assertEquals(RejectReason.SESSION_DOWN, engine.awaitOrderReject(1002).reason());
    }

    @Test
    void refusesToStartTlsWithoutATrustStore() throws Exception
    {
        final Path settings = new GatewaySettings(dir, 1, 2).defaults("SocketUseSSL", "Y").write();

        final GatewayConfigException refused =
            assertThrows(GatewayConfigException.class, () -> launchGateway(settings, dir));

        assertTrue(refused.getMessage().contains("SocketTrustStore"), refused.getMessage());
    }

    @Test
    void aWrongPasswordIsRefusedByTheExchangeAndTheSessionNeverLogsOn() throws Exception
    {
        simulator = Simulator.start(withCredentials(simulatorConfig()));
        tap = new WireTap(simulator.orderEntryPort());
        startGateway(new GatewaySettings(dir, tap.port(), simulator.marketDataPort())
            .orderEntry("LogonTag", "553=" + USERNAME)
            .orderEntry("LogonTag1", "554=wrong"));

        engine.awaitLoggedOn(SessionRole.MARKET_DATA);
        assertFalse(engine.loggedOnWithin(SessionRole.ORDER_ENTRY, QUIET));

        // The exchange's own answer: a Logout naming the reason, never a Logon.
        awaitTrue("the exchange answers the logon", () -> !tap.fromExchange("5").isEmpty(), () -> "");
        assertEquals("invalid username or password", field(tap.fromExchange("5").get(0), 58));
        assertTrue(tap.fromExchange("A").isEmpty(), "the exchange accepted a logon");
        final String logon = tap.toExchange("A").get(0);
        assertEquals(USERNAME, field(logon, 553));
        assertEquals("wrong", field(logon, 554));
        awaitTrue("the refusal is alarmed", () -> gateway.alarms().count(Alarm.LOGON_REFUSED) >= 1,
            () -> gateway.alarms().summary());

        engine.defineInstrument(STOCK_ID, STOCK, InstrumentKind.STOCK);
        engine.newOrder(2001, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, MARKETABLE_BUY_PRICE, 10);
        assertEquals(RejectReason.SESSION_DOWN, engine.awaitOrderReject(2001).reason());
        assertTrue(simulator.record().orders(ACCOUNT).isEmpty());
    }

    @Test
    void theRightPasswordLogsOnAndAnOrderRoundTrips() throws Exception
    {
        simulator = Simulator.start(withCredentials(simulatorConfig()));
        tap = new WireTap(simulator.orderEntryPort());
        startGateway(new GatewaySettings(dir, tap.port(), simulator.marketDataPort())
            .orderEntry("LogonTag", "553=" + USERNAME)
            .orderEntry("LogonTag1", "554=" + PASSWORD));

        engine.awaitLoggedOn(SessionRole.ORDER_ENTRY);
        engine.awaitLoggedOn(SessionRole.MARKET_DATA);
        final String logon = tap.toExchange("A").get(0);
        assertEquals(USERNAME, field(logon, 553));
        assertEquals(PASSWORD, field(logon, 554));
        assertFalse(tap.fromExchange("A").isEmpty(), "the exchange answered with a Logon");

        engine.defineMarketAndAwaitSnapshots();
        engine.roundTripBuy(2002, ProgramFlag.INDEX_ARBITRAGE, 10);
        assertEquals(10, simulator.record().netPosition(ACCOUNT, STOCK));
    }

    @Test
    void logonTagsOutOfSequenceAreRefusedAtStart() throws Exception
    {
        // QuickFIX/J reads LogonTag, LogonTag1, ... and stops at the first missing one: the password would be lost.
        final Path settings = new GatewaySettings(dir, 1, 2)
            .orderEntry("LogonTag1", "553=" + USERNAME)
            .orderEntry("LogonTag2", "554=" + PASSWORD)
            .write();

        final GatewayConfigException refused =
            assertThrows(GatewayConfigException.class, () -> launchGateway(settings, dir));

        assertTrue(refused.getMessage().contains("LogonTag1 without LogonTag"), refused.getMessage());
    }

    /** Order entry requires a username and password; market data does not. */
    private static SimulatorConfig withCredentials(final SimulatorConfig config)
    {
        return config
            .defaultSessions(false)
            .session(new SessionDefinition(io.basis.simulator.fix.SessionRole.ORDER_ENTRY, "BASIS-OE",
                SessionDefinition.FIX44, ACCOUNT, USERNAME, PASSWORD)
                .withExtensions(SessionExtensions.BASIS))
            .session(SessionDefinition.of(io.basis.simulator.fix.SessionRole.MARKET_DATA, "BASIS-MD")
                .withExtensions(SessionExtensions.BASIS));
    }

    /**
     * TLS on both sessions, trusting what the trust store holds, with host name verification: the exchange's
     * certificate names 127.0.0.1.
     */
    private static GatewaySettings tls(final GatewaySettings settings, final Path trustStore)
    {
        return settings
            .defaults("SocketUseSSL", "Y")
            .defaults("SocketTrustStore", trustStore.toString())
            .defaults("SocketTrustStorePassword", STORE_PASSWORD)
            .defaults("TrustStoreType", "PKCS12")
            .defaults("EndpointIdentificationAlgorithm", "HTTPS");
    }

    private void startGateway(final GatewaySettings settings) throws Exception
    {
        gateway = launchGateway(settings.write(), dir);
        engine = new FakeEngine(gateway.aeronDirectoryName(), () -> "alarms: " + gateway.alarms().summary());
    }
}
