package io.basis.gateway.session;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.basis.gateway.journal.OrderJournal;
import io.basis.gateway.link.RecordingSink;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayConfigException;
import io.basis.gateway.order.OrderStatusRecovery;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.field.ClOrdID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing of instruments to sessions ({@code BasisRoute}), and what several sessions of a role change elsewhere:
 * the journal's session index, status recovery per session, and the aggregated session status.
 */
@Timeout(10)
class SessionRouterTest
{
    private static final SessionID OE_STOCKS = new SessionID("FIX.4.4", "OE-STK", "SIM");
    private static final SessionID OE_FUTURES = new SessionID("FIX.4.4", "OE-FUT", "SIM");
    private static final SessionID OE_SPECIAL = new SessionID("FIX.4.2", "OE-SPC", "SIM");
    private static final SessionID MD_MAIN = new SessionID("FIX.4.4", "MD-MAIN", "SIM");

    @TempDir
    Path dir;

    @Test
    void aSymbolEntryBeatsAKindEntryAndTheDefaultTakesTheRest()
    {
        final SessionRouter router = SessionRouter.of(
            List.of(OE_STOCKS, OE_FUTURES, OE_SPECIAL), Arrays.asList(null, "FUTURE", "005930, 000660"),
            List.of(MD_MAIN), Arrays.asList((String)null));

        assertEquals(0, router.orderEntryIndex("035420", InstrumentKind.STOCK), "default");
        assertEquals(1, router.orderEntryIndex("K2FA020", InstrumentKind.FUTURE), "by kind");
        assertEquals(2, router.orderEntryIndex("005930", InstrumentKind.STOCK), "by symbol");
        assertEquals(2, router.orderEntryIndex("000660", InstrumentKind.FUTURE), "a symbol beats a kind");
        assertEquals(0, router.orderEntryIndex("035420", InstrumentKind.NULL_VAL), "unknown kind: default");
        assertEquals(0, router.marketDataIndex("K2FA020", InstrumentKind.FUTURE), "the only session is default");
        assertEquals(1, router.indexOf(SessionRole.ORDER_ENTRY, "K2FA020", InstrumentKind.FUTURE));
    }

    @Test
    void kindsMatchWithoutRegardToCaseButSymbolsExactly()
    {
        final SessionRouter router = SessionRouter.of(
            List.of(OE_STOCKS, OE_FUTURES), List.of("stock", "fut"),
            List.of(MD_MAIN), Arrays.asList((String)null));

        assertEquals(0, router.orderEntryIndex("AAA", InstrumentKind.STOCK));
        assertEquals(1, router.orderEntryIndex("fut", InstrumentKind.FUTURE));
        assertEquals(SessionRouter.NO_ROUTE, router.orderEntryIndex("FUT", InstrumentKind.FUTURE));
    }

    @Test
    void withoutADefaultAnUnclaimedInstrumentHasNoRoute()
    {
        final SessionRouter router = SessionRouter.of(
            List.of(OE_STOCKS, OE_FUTURES), List.of("STOCK", "FUTURE"),
            List.of(MD_MAIN), List.of("AAA"));

        assertEquals(SessionRouter.NO_ROUTE, router.orderEntryIndex("AAA", InstrumentKind.NULL_VAL));
        assertEquals(SessionRouter.NO_ROUTE, router.marketDataIndex("BBB", InstrumentKind.STOCK));
        assertEquals(0, router.marketDataIndex("AAA", InstrumentKind.STOCK));
    }

    @Test
    void conflictingClaimsAreRefusedNamingBothSessions()
    {
        final GatewayConfigException kind = assertThrows(GatewayConfigException.class, () -> SessionRouter.of(
            List.of(OE_STOCKS, OE_FUTURES), List.of("STOCK", "FUTURE,Stock"), List.of(MD_MAIN), nulls(1)));
        assertTrue(kind.getMessage().contains(OE_STOCKS.toString()) &&
            kind.getMessage().contains(OE_FUTURES.toString()), kind.getMessage());

        final GatewayConfigException symbol = assertThrows(GatewayConfigException.class, () -> SessionRouter.of(
            List.of(OE_STOCKS, OE_FUTURES), List.of("AAA", "AAA"), List.of(MD_MAIN), nulls(1)));
        assertTrue(symbol.getMessage().contains("AAA") && symbol.getMessage().contains(OE_FUTURES.toString()),
            symbol.getMessage());

        final GatewayConfigException defaults = assertThrows(GatewayConfigException.class, () -> SessionRouter.of(
            List.of(OE_STOCKS, OE_FUTURES), nulls(2), List.of(MD_MAIN), nulls(1)));
        assertTrue(defaults.getMessage().contains(OE_STOCKS.toString()) &&
            defaults.getMessage().contains(OE_FUTURES.toString()), defaults.getMessage());
    }

    @Test
    void emptyOrOverlongEntriesAreRefused()
    {
        assertThrows(GatewayConfigException.class, () -> SessionRouter.of(
            List.of(OE_STOCKS), List.of(" "), List.of(MD_MAIN), nulls(1)));
        assertThrows(GatewayConfigException.class, () -> SessionRouter.of(
            List.of(OE_STOCKS), List.of("AAA,,BBB"), List.of(MD_MAIN), nulls(1)));
        assertThrows(GatewayConfigException.class, () -> SessionRouter.of(
            List.of(OE_STOCKS), List.of("ABCDEFGHIJKLMNOPQ"), List.of(MD_MAIN), nulls(1)));
    }

    @Test
    void sameSymbolOnTwoRolesIsNoConflict()
    {
        final SessionRouter router = SessionRouter.of(
            List.of(OE_STOCKS), List.of("AAA"), List.of(MD_MAIN), List.of("AAA"));

        assertEquals(0, router.orderEntryIndex("AAA", InstrumentKind.STOCK));
        assertEquals(0, router.marketDataIndex("AAA", InstrumentKind.STOCK));
    }

    @Test
    void settingsWithSeveralSessionsOfARoleAreNumberedBySessionIdWhateverTheirOrderInTheFile() throws Exception
    {
        final String oeStocks = session("OE-STK", "ORDER_ENTRY", null);
        final String oeFutures = session("OE-FUT", "ORDER_ENTRY", "FUTURE");
        final String mdStocks = session("MD-STK", "MARKET_DATA", "STOCK");
        final String mdFutures = session("MD-FUT", "MARKET_DATA", "FUTURE");
        final SessionRoles roles = SessionRoles.load(settings(oeStocks, oeFutures, mdStocks, mdFutures));
        final SessionRoles reordered = SessionRoles.load(settings(mdFutures, oeFutures, mdStocks, oeStocks));

        assertEquals(List.of("OE-FUT", "OE-STK"),
            roles.orderEntrySessions().stream().map(SessionID::getSenderCompID).toList());
        assertEquals(List.of("MD-FUT", "MD-STK"),
            roles.marketDataSessions().stream().map(SessionID::getSenderCompID).toList());
        assertEquals(roles.orderEntrySessions(), reordered.orderEntrySessions());
        assertEquals(roles.marketDataSessions(), reordered.marketDataSessions());
        assertEquals("OE-FUT", roles.orderEntry().getSenderCompID());
        assertEquals(SessionRole.ORDER_ENTRY, roles.roleOf(roles.orderEntrySessions().get(1)));
        assertEquals(SessionRole.MARKET_DATA, roles.roleOf(roles.marketDataSessions().get(1)));
        assertEquals(Dialect.DEFAULT, roles.dialectOf(roles.orderEntrySessions().get(1)));
        assertEquals(0, roles.router().orderEntryIndex("FUT", InstrumentKind.FUTURE));
        assertEquals(1, roles.router().orderEntryIndex("AAA", InstrumentKind.STOCK));
        assertEquals(0, roles.router().marketDataIndex("FUT", InstrumentKind.FUTURE));
        assertEquals(1, roles.router().marketDataIndex("AAA", InstrumentKind.STOCK));
        assertEquals(SessionRouter.NO_ROUTE, roles.router().marketDataIndex("X", InstrumentKind.NULL_VAL));
    }

    @Test
    void theSampleSettingsStillLoadWithOneSessionOfEachRole() throws Exception
    {
        final Path config = Path.of("..", "config").toAbsolutePath().normalize();
        for (final String name : List.of("gateway.cfg", "gateway-fix42.cfg"))
        {
            final SessionRoles roles = SessionRoles.load(
                new SessionSettings(config.resolve(name).toString()), config);

            assertEquals(1, roles.orderEntrySessions().size(), name);
            assertEquals(1, roles.marketDataSessions().size(), name);
            assertEquals(0, roles.router().orderEntryIndex("AAA", InstrumentKind.STOCK), name);
            assertEquals(0, roles.router().marketDataIndex("FUT", InstrumentKind.FUTURE), name);
        }
    }

    @Test
    void settingsWithConflictingRoutesAreRefused()
    {
        final GatewayConfigException refused = assertThrows(GatewayConfigException.class, () -> SessionRoles.load(
            settings(
                session("OE-1", "ORDER_ENTRY", "STOCK"),
                session("OE-2", "ORDER_ENTRY", "STOCK"),
                session("MD", "MARKET_DATA", null))));

        assertTrue(refused.getMessage().contains("OE-1") && refused.getMessage().contains("OE-2"),
            refused.getMessage());
    }

    @Test
    void theJournalKeepsEachOrdersSessionAcrossARestart()
    {
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            journal.recordNew(1, 10, "ABCDEFGHIJKLMNOP", Side.BUY, 5, 0);
            journal.recordNew(2, 20, "FUT", Side.SELL, 1, 1);
            journal.recordNew(3, 30, "CCC", Side.BUY, 1, 3);
        }
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            assertEquals(0, journal.sessionOf(1));
            assertEquals(1, journal.sessionOf(2));
            assertEquals(3, journal.sessionOf(3));
            assertEquals(-1, journal.sessionOf(4));
            final List<String> onFirst = new ArrayList<>();
            journal.forEachOpen(0, (orderId, instrumentId, symbol, side, quantity) -> onFirst.add(symbol));
            assertEquals(List.of("ABCDEFGHIJKLMNOP"), onFirst, "a 16-character symbol is kept whole");
            assertEquals(2, journal.openOrdersFromSession(1));
        }
    }

    @Test
    void statusRequestsGoToEachOrdersSession()
    {
        try (OrderJournal journal = OrderJournal.open(dir, 64))
        {
            journal.recordNew(11, 1, "AAA", Side.BUY, 5, 0);
            journal.recordNew(12, 2, "FUT", Side.SELL, 1, 1);
            journal.recordNew(13, 3, "OLD", Side.SELL, 1, 2);
            final RecordingSession stocks = new RecordingSession();
            final RecordingSession futures = new RecordingSession();
            final Alarms alarms = new Alarms();
            final OrderStatusRecovery recovery = new OrderStatusRecovery(
                journal, new FixSession[]{ stocks, futures }, null, alarms);

            assertEquals(1, recovery.requestOpenOrders(1), "a logon asks only about its session's orders");
            assertEquals(List.of("12"), clOrdIds(futures.sent));
            assertEquals(List.of(), stocks.sent);

            futures.sent.clear();
            futures.loggedOn = false;
            assertEquals(1, recovery.requestOpenOrders(), "a session that is down is not asked");
            assertEquals(List.of("11"), clOrdIds(stocks.sent));
            assertEquals(List.of(), futures.sent);
            assertEquals(1, alarms.count(Alarm.NO_ROUTE), "the order of a session no longer configured");
        }
    }

    @Test
    void aRoleIsLoggedOnOnlyWhileAllItsSessionsAre()
    {
        final RecordingSink sink = new RecordingSink();
        final SessionStatusPublisher status = new SessionStatusPublisher(null, 1, 2, 1);

        status.onStateChange(OE_STOCKS, SessionRole.ORDER_ENTRY, true, sink);
        assertFalse(status.isLoggedOn(SessionRole.ORDER_ENTRY));
        assertEquals(SessionState.DISCONNECTED, lastState(sink));

        status.onStateChange(OE_FUTURES, SessionRole.ORDER_ENTRY, true, sink);
        assertTrue(status.isLoggedOn(SessionRole.ORDER_ENTRY));
        assertEquals(SessionState.LOGGED_ON, lastState(sink));

        status.onStateChange(OE_FUTURES, SessionRole.ORDER_ENTRY, true, sink);
        status.onStateChange(OE_STOCKS, SessionRole.ORDER_ENTRY, false, sink);
        assertFalse(status.isLoggedOn(SessionRole.ORDER_ENTRY), "one session down: the role is down");
        assertEquals(SessionState.DISCONNECTED, lastState(sink));

        status.onStateChange(MD_MAIN, SessionRole.MARKET_DATA, true, sink);
        assertTrue(status.isLoggedOn(SessionRole.MARKET_DATA));
    }

    private static SessionState lastState(final RecordingSink sink)
    {
        final RecordingSink.Sent last = sink.sent.get(sink.sent.size() - 1);
        return new SessionStatusDecoder().wrapAndApplyHeader(last.buffer(), 0, new MessageHeaderDecoder()).state();
    }

    private static List<String> clOrdIds(final List<Message> messages)
    {
        final List<String> ids = new ArrayList<>();
        for (final Message message : messages)
        {
            try
            {
                ids.add(message.getString(ClOrdID.FIELD));
            }
            catch (final quickfix.FieldNotFound ex)
            {
                throw new AssertionError(ex);
            }
        }
        return ids;
    }

    private static List<String> nulls(final int count)
    {
        return Arrays.asList(new String[count]);
    }

    private static String session(final String compId, final String role, final String route)
    {
        return "[SESSION]\nBeginString=FIX.4.4\nSenderCompID=" + compId + "\nSocketConnectPort=1\n" +
            SessionRoles.ROLE_KEY + "=" + role + "\n" +
            (route == null ? "" : SessionRouter.ROUTE_KEY + "=" + route + "\n");
    }

    private SessionSettings settings(final String... sessions) throws Exception
    {
        final StringBuilder text = new StringBuilder("[DEFAULT]\nConnectionType=initiator\nTargetCompID=SIM\n" +
            "SocketConnectHost=127.0.0.1\nHeartBtInt=30\nFileStorePath=" + dir.resolve("store") + "\n");
        for (final String session : sessions)
        {
            text.append('\n').append(session);
        }
        return new SessionSettings(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
