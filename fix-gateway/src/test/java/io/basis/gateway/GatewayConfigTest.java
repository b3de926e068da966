package io.basis.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import io.basis.gateway.ops.GatewayConfigException;
import io.basis.gateway.ops.IdleMode;
import io.basis.gateway.session.SessionRoles;
import io.basis.protocol.sbe.SessionRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.SessionID;
import quickfix.SessionSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class GatewayConfigTest
{
    private static final String DEFAULTS = String.join("\n",
        "[DEFAULT]",
        "ConnectionType=initiator",
        "BeginString=FIX.4.4",
        "TargetCompID=SIM",
        "SocketConnectHost=127.0.0.1",
        "HeartBtInt=30",
        "FileStorePath=target/store",
        "");

    @Test
    void readsRolesAndCompletesRequiredSettings() throws Exception
    {
        final SessionSettings settings = settings(DEFAULTS +
            "[SESSION]\nSenderCompID=BASIS-OE\nSocketConnectPort=9878\nBasisRole=ORDER_ENTRY\n" +
            "[SESSION]\nSenderCompID=BASIS-MD\nSocketConnectPort=9879\nBasisRole=market_data\n");

        final SessionRoles roles = SessionRoles.load(settings);

        final SessionID orderEntry = new SessionID("FIX.4.4", "BASIS-OE", "SIM");
        final SessionID marketData = new SessionID("FIX.4.4", "BASIS-MD", "SIM");
        assertEquals(orderEntry, roles.orderEntry());
        assertEquals(SessionRole.MARKET_DATA, roles.roleOf(marketData));
        assertNull(roles.roleOf(new SessionID("FIX.4.4", "X", "Y")));
        assertTrue(settings.getBool(marketData, "AllowUnknownMsgFields"));
        assertFalse(settings.getBool(marketData, "ValidateUserDefinedFields"));
        assertFalse(settings.getBool(orderEntry, "ValidateUserDefinedFields"));
        assertTrue(settings.getBool(orderEntry, "SocketTcpNoDelay"));
    }

    @Test
    void tunesQuickFixJByRoleWhereTheSettingsAreSilent() throws Exception
    {
        final SessionSettings settings = settings(DEFAULTS +
            "[SESSION]\nSenderCompID=BASIS-OE\nSocketConnectPort=9878\nBasisRole=ORDER_ENTRY\n" +
            "[SESSION]\nSenderCompID=BASIS-MD\nSocketConnectPort=9879\nBasisRole=MARKET_DATA\n");

        SessionRoles.load(settings);

        final SessionID orderEntry = new SessionID("FIX.4.4", "BASIS-OE", "SIM");
        final SessionID marketData = new SessionID("FIX.4.4", "BASIS-MD", "SIM");
        assertFalse(settings.getBool(orderEntry, "CheckLatency"));
        assertFalse(settings.getBool(marketData, "CheckLatency"));
        assertFalse(settings.getBool(marketData, "ValidateIncomingMessage"));
        assertFalse(settings.isSetting(orderEntry, "ValidateIncomingMessage"), "order entry keeps validation");
    }

    @Test
    void aTuningTheSettingsChooseStands() throws Exception
    {
        final SessionSettings settings = settings(DEFAULTS + "CheckLatency=Y\n" +
            "[SESSION]\nSenderCompID=BASIS-OE\nSocketConnectPort=9878\nBasisRole=ORDER_ENTRY\n" +
            "[SESSION]\nSenderCompID=BASIS-MD\nSocketConnectPort=9879\nBasisRole=MARKET_DATA\n" +
            "ValidateIncomingMessage=Y\n");

        SessionRoles.load(settings);

        final SessionID marketData = new SessionID("FIX.4.4", "BASIS-MD", "SIM");
        assertTrue(settings.getBool(new SessionID("FIX.4.4", "BASIS-OE", "SIM"), "CheckLatency"));
        assertTrue(settings.getBool(marketData, "CheckLatency"));
        assertTrue(settings.getBool(marketData, "ValidateIncomingMessage"));
    }

    @Test
    void refusesSessionWithoutRole() throws Exception
    {
        final SessionSettings settings = settings(DEFAULTS +
            "[SESSION]\nSenderCompID=BASIS-OE\nSocketConnectPort=9878\nBasisRole=ORDER_ENTRY\n" +
            "[SESSION]\nSenderCompID=BASIS-MD\nSocketConnectPort=9879\n");

        final GatewayConfigException ex = assertThrows(GatewayConfigException.class, () -> SessionRoles.load(settings));
        assertTrue(ex.getMessage().contains("BASIS-MD") && ex.getMessage().contains("BasisRole"), ex.getMessage());
    }

    @Test
    void refusesMissingOrRepeatedRoles() throws Exception
    {
        assertThrows(GatewayConfigException.class, () -> SessionRoles.load(settings(DEFAULTS +
            "[SESSION]\nSenderCompID=BASIS-OE\nSocketConnectPort=9878\nBasisRole=ORDER_ENTRY\n")));
        assertThrows(GatewayConfigException.class, () -> SessionRoles.load(settings(DEFAULTS +
            "[SESSION]\nSenderCompID=A\nSocketConnectPort=9878\nBasisRole=ORDER_ENTRY\n" +
            "[SESSION]\nSenderCompID=B\nSocketConnectPort=9879\nBasisRole=ORDER_ENTRY\n")));
        assertThrows(GatewayConfigException.class, () -> SessionRoles.load(settings(DEFAULTS +
            "[SESSION]\nSenderCompID=A\nSocketConnectPort=9878\nBasisRole=TRADING\n")));
    }

    @Test
    void refusesSettingsThatContradictTheDialect() throws Exception
    {
        final GatewayConfigException ex = assertThrows(GatewayConfigException.class, () -> SessionRoles.load(
            settings(DEFAULTS +
            "[SESSION]\nSenderCompID=BASIS-OE\nSocketConnectPort=9878\nBasisRole=ORDER_ENTRY\n" +
            "[SESSION]\nSenderCompID=BASIS-MD\nSocketConnectPort=9879\nBasisRole=MARKET_DATA\n" +
            "AllowUnknownMsgFields=N\n")));
        assertTrue(ex.getMessage().contains("AllowUnknownMsgFields"), ex.getMessage());
    }

    @Test
    void parsesTheCommandLine()
    {
        final GatewayConfig config = GatewayMain.parse(new String[]{
            "--settings", "gw.cfg", "--aeron-dir", "/dev/shm/x", "--embedded-driver", "--account", "ACC",
            "--idle", "busy", "--publish-timeout-ms", "250" });

        assertEquals(Path.of("gw.cfg"), config.settingsFile());
        assertEquals("/dev/shm/x", config.aeronDirectoryName());
        assertTrue(config.embeddedDriver());
        assertEquals("ACC", config.account());
        assertEquals(IdleMode.BUSY, config.idleMode());
        assertEquals(Duration.ofMillis(250), config.publishTimeout());

        final GatewayConfig defaults = GatewayMain.parse(new String[]{ "--settings", "gw.cfg" });
        assertEquals(GatewayConfig.DEFAULT_ACCOUNT, defaults.account());
        assertEquals(IdleMode.BACKOFF, defaults.idleMode());
        assertFalse(defaults.embeddedDriver());
        assertNull(GatewayMain.parse(new String[]{ "--help" }));
    }

    @Test
    void refusesBadCommandLines()
    {
        assertThrows(GatewayConfigException.class, () -> GatewayMain.parse(new String[0]));
        assertThrows(GatewayConfigException.class, () -> GatewayMain.parse(new String[]{ "--settings" }));
        assertThrows(GatewayConfigException.class, () -> GatewayMain.parse(new String[]{ "--bogus" }));
        assertThrows(GatewayConfigException.class,
            () -> GatewayMain.parse(new String[]{ "--settings", "a", "--idle", "lazy" }));
        assertThrows(GatewayConfigException.class,
            () -> GatewayMain.parse(new String[]{ "--settings", "a", "--publish-timeout-ms", "soon" }));
    }

    @Test
    void launchRefusesUnreadableSettings()
    {
        final GatewayConfigException ex = assertThrows(GatewayConfigException.class, () -> Gateway.launch(
            GatewayConfig.builder().settingsFile(Path.of("does/not/exist.cfg")).build()));
        assertTrue(ex.getMessage().contains("exist.cfg"), ex.getMessage());
    }

    private static SessionSettings settings(final String text) throws Exception
    {
        return new SessionSettings(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
