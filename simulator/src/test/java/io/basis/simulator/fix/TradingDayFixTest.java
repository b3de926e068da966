package io.basis.simulator.fix;

import io.basis.simulator.Simulator;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.matching.AuctionResult;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.refdata.Constituent;
import io.basis.simulator.refdata.ReferenceData;
import io.basis.simulator.support.FixClient;
import io.basis.simulator.support.Poll;
import io.basis.simulator.support.TestReferenceData;
import io.basis.simulator.trading.ClosingResult;
import io.basis.simulator.trading.TradingPhase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import quickfix.Group;
import quickfix.Message;
import quickfix.fix44.SecurityDefinitionRequest;
import quickfix.fix44.TradingSessionStatusRequest;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.basis.simulator.support.FixClient.field;
import static io.basis.simulator.support.FixClient.limit;
import static io.basis.simulator.support.FixClient.quantity;
import static io.basis.simulator.support.FixClient.type;
import static io.basis.simulator.support.TestReferenceData.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KOSPI200 set on the future's last trading day, through a plain QuickFIX/J initiator: security definitions,
 * MarketDepth, cancel-replace, and a whole closing: at-the-close orders, the closing auction, the closing index
 * and the future's final settlement, then a new day.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TradingDayFixTest
{
    private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 10);

    private Simulator simulator;
    private FixClient client;
    private Path recordFile;

    @BeforeAll
    void setUp() throws Exception
    {
        recordFile = Files.createTempDirectory("simulator-record").resolve("record.properties");
        final SimulatorConfig config = new SimulatorConfig()
            .referenceDataDirectory(TestReferenceData.kospi200Directory())
            .tradingDate(EXPIRY)
            .orderEntryPort(FixClient.freePort())
            .marketDataPort(FixClient.freePort())
            .recordFile(recordFile)
            .logSessionEvents(false);
        config.market().tickMillis(20).seed(11);
        simulator = Simulator.start(config);
        client = new FixClient(simulator.orderEntryPort(), simulator.marketDataPort());
    }

    @AfterAll
    void tearDown() throws Exception
    {
        if (simulator != null)
        {
            simulator.close();
        }
        if (client != null)
        {
            client.close();
        }
        Files.deleteIfExists(recordFile);
        Files.deleteIfExists(recordFile.getParent());
    }

    @BeforeEach
    void forgetEarlierMessages()
    {
        client.orderEntryInbox().clear();
        client.marketDataInbox().clear();
    }

    @Test
    @Order(1)
    void securityDefinitionsDescribeEveryInstrument() throws Exception
    {
        client.sendMarketData(definitionRequest("d1", "K200F"));
        final Message future = client.marketData(m -> type(m).equals("d"), "definition of the future");
        assertEquals("d1", future.getString(320));
        assertEquals(4, future.getInt(323));
        assertEquals("FUT", future.getString(167));
        assertEquals("250000", future.getString(231));
        assertEquals("20261210", future.getString(541));
        assertEquals("0.05", future.getString(969));

        client.sendMarketData(definitionRequest("d2", "NOPE"));
        assertEquals(6, client.marketData(m -> type(m).equals("d") && field(m, 320).equals("d2"), "unknown")
            .getInt(323));

        client.sendMarketData(definitionRequest("d3", null));
        final int listed = simulator.referenceData().instruments().size();
        for (int i = 0; i < listed; i++)
        {
            final Message stock = client.marketData(m -> type(m).equals("d") && field(m, 320).equals("d3"), "all");
            assertTrue(stock.isSetField(55));
        }
        assertEquals(201, listed, "200 constituents and the future");
    }

    @Test
    @Order(2)
    void marketDepthLimitsSnapshotsAndUpdates() throws Exception
    {
        client.sendMarketData(FixClient.subscribe("top", 1, "005930"));
        final Message snapshot = client.marketData(m -> type(m).equals("W"), "W");
        assertEquals(2, snapshot.getGroups(268).size(), "one bid, one offer");
        long expected = Long.parseLong(snapshot.getString(83)) + 1;
        for (int i = 0; i < 5; i++)
        {
            final Message update = client.marketData(m -> type(m).equals("X"), "X");
            assertEquals(expected++, Long.parseLong(update.getString(83)), "no gap at depth 1");
            for (final Group entry : update.getGroups(268))
            {
                assertTrue(!entry.isSetField(290) || entry.getInt(290) == 1);
            }
        }
        final Message unsubscribe = FixClient.subscribe("top", 1, "005930");
        unsubscribe.setChar(263, '2');
        client.sendMarketData(unsubscribe);
    }

    @Test
    @Order(3)
    void cancelReplaceChangesQuantityAndPrice() throws Exception
    {
        final long bid = simulator.book("000660").bids().get(0).price();
        final long low = bid - 20 * simulator.referenceData().instrument("000660").tickTable().tickAt(bid);
        client.sendOrderEntry(limit("o1", "REP", "000660", '1', 10, low, '0', null));
        client.report("o1", '0');
        client.sendOrderEntry(FixClient.replace("o2", "o1", "000660", 6, low));
        final Message reduced = client.report("o2", '5');
        assertEquals("o1", reduced.getString(41));
        assertEquals(6, quantity(reduced, 38));
        assertEquals(6, quantity(reduced, 151));

        final long ask = simulator.book("000660").asks().get(0).price();
        final long high = ask + 5 * simulator.referenceData().instrument("000660").tickTable().tickAt(ask);
        client.sendOrderEntry(FixClient.replace("o3", "o2", "000660", 6, high));
        assertEquals("o2", client.report("o3", '5').getString(41));
        Message fill = client.report("o3", 'F');
        while (fill.getChar(39) != '2')
        {
            fill = client.report("o3", 'F');
        }
        assertEquals(6, simulator.record().netPosition("REP", "000660"));
        assertEquals("2", simulator.record().toProperties().get("account.REP.replaces"));
    }

    @Test
    @Order(4)
    void closingAuctionFixesTheCloseAndTheFinalSettlement() throws Exception
    {
        final TradingSessionStatusRequest request = new TradingSessionStatusRequest();
        request.setString(335, "t1");
        request.setChar(263, '1');
        client.sendMarketData(request);
        assertEquals(2, client.marketData(m -> type(m).equals("h"), "continuous").getInt(340));

        // An at-the-close buy, marketable: it waits for the closing auction, the future unwind of an expiry.
        final long ask = simulator.book("005930").asks().get(0).price();
        final long limitPrice = ask + 10 * simulator.referenceData().instrument("005930").tickTable().tickAt(ask);
        client.sendOrderEntry(limit("atc1", "UNWIND", "005930", '1', 100, limitPrice, '7', "2"));
        client.report("atc1", '0');
        final long tickCount = simulator.tickTiming().count();
        Poll.until(() -> simulator.tickTiming().count() > tickCount + 5, FixClient.WAIT_MS, "ticks");
        assertEquals(0, simulator.record().netPosition("UNWIND", "005930"), "not executed before the auction");

        simulator.phases().startClosingAuction();
        final Message auction = client.marketData(m -> type(m).equals("h"), "closing auction");
        assertEquals(5, auction.getInt(340));
        assertEquals("4", auction.getString(625));
        client.sendOrderEntry(limit("ioc", null, "005930", '1', 1, limitPrice, '3', null));
        assertEquals(99, client.report("ioc", '8').getInt(103));

        final ClosingResult close = simulator.phases().uncross();
        assertEquals(TradingPhase.CLOSED, simulator.phases().phase());
        final Message fill = client.report("atc1", 'F');
        final AuctionResult samsung = simulator.record().auctions().stream()
            .filter(a -> a.symbol().equals("005930") && a.closing()).findFirst().orElseThrow();
        assertEquals(samsung.price(), p(fill.getString(31)), "filled at the closing price");
        assertEquals(samsung.price(), close.closingPrices().get("005930"));
        assertEquals(100, simulator.record().netPosition("UNWIND", "005930"));
        assertEquals(3, client.marketData(m -> type(m).equals("h"), "closed").getInt(340));

        final ReferenceData referenceData = simulator.referenceData();
        double sum = 0;
        for (final Constituent constituent : referenceData.basket())
        {
            sum += constituent.effectiveShares() *
                FixedPoint.toDouble(close.closingPrices().get(constituent.instrument().symbol()));
        }
        final long index = Math.round(sum / referenceData.index().divisor() * 100) * (FixedPoint.SCALE / 100);
        assertEquals(index, close.closingIndex(), "index from the closing prices, 2 decimals");
        assertTrue(close.expiry());
        assertEquals(close.closingIndex(), close.finalSettlementPrice(), "the future settles on the closing index");

        client.sendOrderEntry(limit("late", null, "005930", '1', 1, limitPrice, '0', null));
        final Message late = client.report("late", '8');
        assertEquals(2, late.getInt(103));
        assertEquals("market closed", late.getString(58));
        assertTrue(simulator.record().liveOrders("LP").isEmpty(), "every order expired");

        simulator.phases().preOpen();
        assertEquals(4, client.marketData(m -> type(m).equals("h"), "pre-open").getInt(340));
        final List<AuctionResult> opening = simulator.phases().open();
        assertEquals(referenceData.instruments().size(), opening.size());
        assertEquals(2, client.marketData(m -> type(m).equals("h"), "open").getInt(340));
        Poll.until(() -> simulator.book("K200F").bids().size() == 10, FixClient.WAIT_MS, "quotes again");

        final Map<String, String> record = simulator.record().toProperties();
        assertEquals(FixedPoint.format(close.finalSettlementPrice()), record.get("settlement.K200F.price"));
        assertNotNull(record.get("close.price.005930"));
    }

    @Test
    @Order(5)
    void recordFileHoldsAuctionsAndTheSettlement() throws Exception
    {
        simulator.close();
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(recordFile))
        {
            properties.load(reader);
        }
        assertNotNull(properties.getProperty("settlement.K200F.price"));
        assertNotNull(properties.getProperty("close.index"));
        assertTrue(Integer.parseInt(properties.getProperty("auctions.total")) >= 2 * 201);
        assertTrue(Long.parseLong(properties.getProperty("tick.count")) > 0);
        final List<String> closing = new ArrayList<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("auction.") && k.endsWith(".closing"))
            .filter(k -> properties.getProperty(k).equals("true")).forEach(closing::add);
        assertEquals(201, closing.size());
    }

    private static Message definitionRequest(final String id, final String symbol)
    {
        final SecurityDefinitionRequest request = new SecurityDefinitionRequest();
        request.setString(320, id);
        request.setInt(321, symbol == null ? 3 : 0);
        if (symbol != null)
        {
            request.setString(55, symbol);
        }
        return request;
    }
}
