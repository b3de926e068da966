package io.basis.gateway.marketdata;

import java.util.List;

import io.basis.gateway.link.InstrumentDirectory;
import io.basis.gateway.session.RecordingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class MarketDataSubscriptionsTest
{
    private final InstrumentDirectory directory = new InstrumentDirectory();
    private final RecordingSession session = new RecordingSession();
    private final MarketDataSubscriptions subscriptions = new MarketDataSubscriptions(session, directory);

    @Test
    void logonSubscribesEveryKnownSymbolInOneRequest() throws FieldNotFound
    {
        directory.define(1, "KS200F");
        directory.define(2, "005930");

        assertTrue(subscriptions.subscribeAll());

        final Message v = session.only();
        assertEquals(MsgType.MARKET_DATA_REQUEST, v.getHeader().getString(MsgType.FIELD));
        assertTrue(v.getString(MDReqID.FIELD).startsWith("BASIS-"));
        assertEquals(SubscriptionRequestType.SNAPSHOT_UPDATES, v.getChar(SubscriptionRequestType.FIELD));
        assertEquals(10, v.getInt(MarketDepth.FIELD));
        assertEquals(MDUpdateType.INCREMENTAL_REFRESH, v.getInt(MDUpdateType.FIELD));
        final List<Group> types = v.getGroups(NoMDEntryTypes.FIELD);
        assertEquals(3, types.size());
        assertEquals(MDEntryType.BID, types.get(0).getChar(MDEntryType.FIELD));
        assertEquals(MDEntryType.OFFER, types.get(1).getChar(MDEntryType.FIELD));
        assertEquals(MDEntryType.TRADE, types.get(2).getChar(MDEntryType.FIELD));
        final List<Group> symbols = v.getGroups(NoRelatedSym.FIELD);
        assertEquals(2, symbols.size());
        assertEquals("005930", symbols.get(0).getString(Symbol.FIELD));
        assertEquals("KS200F", symbols.get(1).getString(Symbol.FIELD));
    }

    @Test
    void nothingIsSentWhileLoggedOutOrWithoutSymbols() throws FieldNotFound
    {
        assertFalse(subscriptions.subscribeAll());
        directory.define(1, "KS200F");
        session.loggedOn = false;
        assertFalse(subscriptions.subscribeAll());
        assertTrue(session.sent.isEmpty());

        session.loggedOn = true;
        assertTrue(subscriptions.subscribe(List.of("KS200F")));
        assertTrue(subscriptions.subscribe(List.of("KS200F")));
        assertNotEquals(session.sent.get(0).getString(MDReqID.FIELD), session.sent.get(1).getString(MDReqID.FIELD));
    }

    @Test
    void logonRequestsTradingSessionStatusAndEverySymbolsStatus() throws FieldNotFound
    {
        directory.define(1, "KS200F");
        directory.define(2, "005930");

        assertEquals(3, subscriptions.requestMarketStatusAll());

        final Message g = session.sent.get(0);
        assertEquals(MsgType.TRADING_SESSION_STATUS_REQUEST, g.getHeader().getString(MsgType.FIELD));
        assertEquals(SubscriptionRequestType.SNAPSHOT_UPDATES, g.getChar(SubscriptionRequestType.FIELD));
        assertTrue(g.isSetField(quickfix.field.TradSesReqID.FIELD));
        final Message e = session.sent.get(1);
        assertEquals(MsgType.SECURITY_STATUS_REQUEST, e.getHeader().getString(MsgType.FIELD));
        assertEquals("005930", e.getString(Symbol.FIELD));
        assertEquals(SubscriptionRequestType.SNAPSHOT_UPDATES, e.getChar(SubscriptionRequestType.FIELD));
        assertEquals("KS200F", session.sent.get(2).getString(Symbol.FIELD));

        session.sent.clear();
        assertEquals(1, subscriptions.requestMarketStatus(List.of("KS200F"), false), "new definitions: e only");
        assertEquals(MsgType.SECURITY_STATUS_REQUEST, session.only().getHeader().getString(MsgType.FIELD));
    }

    @Test
    void statusRequestsCanBeSwitchedOffByTheDialect()
    {
        directory.define(1, "KS200F");
        final MarketDataSubscriptions quiet = new MarketDataSubscriptions(session, directory, false);

        assertEquals(0, quiet.requestMarketStatusAll());
        assertTrue(session.sent.isEmpty());
    }

    @Test
    void redefiningAnInstrumentMovesItsSymbol()
    {
        directory.define(1, "OLD");
        directory.define(1, "NEW");

        assertEquals(InstrumentDirectory.UNKNOWN, directory.idOf("OLD"));
        assertEquals(1, directory.idOf("NEW"));
        assertEquals("NEW", directory.symbolOf(1));
        assertEquals(1, directory.symbols().size());
    }
}
