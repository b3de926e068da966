package io.basis.bench.latency;

import io.basis.engine.pricing.BasketValuation;
import io.basis.engine.pricing.ModelLimits;
import io.basis.engine.pricing.Valuation;
import io.basis.engine.refdata.Constituent;
import io.basis.engine.refdata.Costs;
import io.basis.engine.refdata.Rates;
import io.basis.engine.refdata.ReferenceData;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.MDEntryPositionNo;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrderRestrictions;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.NewOrderSingle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Baseline (c): the same decision written the way an OMS team would write it without Basis, in QuickFIX/J
 * callbacks on the session thread: books as {@code HashMap<String, TreeMap<Double, Double>>} (price to size), the
 * whole basket recomputed with doubles on every tick (a VWAP walk of every constituent's book, the executable index
 * levels, the same no-arbitrage bounds with the same costs), and a NewOrderSingle per leg built as an object,
 * the future first, one program open at a time. Deliberately ordinary code, not a straw man: no logging, no
 * locks, no I/O besides QuickFIX/J's own.
 * <p>
 * For the per-stage breakdown it stamps, in memory, when QuickFIX/J's I/O thread read each tick, when the tick
 * reached its callback, when the program was decided and when the first order's send returned: a clock reading and
 * two longs each, once per tick.
 */
final class NaiveOms extends QfjApplication
{
    private static final double CONTRACTS = 1.0;

    private final Map<String, TreeMap<Double, Double>> bids = new HashMap<>();
    private final Map<String, TreeMap<Double, Double>> asks = new HashMap<>();
    /** Price at each level of each side, to find what a level overwrite replaces. */
    private final Map<String, Double[]> bidLevels = new HashMap<>();
    private final Map<String, Double[]> askLevels = new HashMap<>();
    private final Map<String, Double> positions = new HashMap<>();
    private final Map<String, String> openOrders = new HashMap<>();
    private final List<Leg> legs = new ArrayList<>();
    private final List<String> symbols = new ArrayList<>();
    private final String future;
    private final double hedgeContracts;
    private final Rates rates;
    private final Costs costs;
    /** Costs on the last trading day, when a basket held to expiry is unwound and taxed, as in the engine's bounds. */
    private final Costs expiryCosts;
    private final double yearFraction;
    private final double dividends;
    private SessionID orderEntry;
    private long nextOrderId = System.currentTimeMillis() * 1_000;
    private volatile int working;
    private volatile int booksReceived;
    /** When QuickFIX/J's I/O thread started parsing each tick's message, by its ExchangeSendNanos. */
    private final StageLog fixRead = StageLog.inMemory(StageLog.DEFAULT_CAPACITY);
    /** When each tick's message reached {@link #fromApp}, by its ExchangeSendNanos. */
    private final StageLog fixParsed = StageLog.inMemory(StageLog.DEFAULT_CAPACITY);
    /** When each program was decided, before its first order is built, by its trigger. */
    private final StageLog decided = StageLog.inMemory(StageLog.DEFAULT_CAPACITY);
    /** When the send of each program's first order returned, by its trigger. */
    private final StageLog fixWritten = StageLog.inMemory(StageLog.DEFAULT_CAPACITY);

    private record Leg(String symbol, double quantity, double sharesPerPoint)
    {
    }

    NaiveOms(final MarketScript script)
    {
        final ReferenceData referenceData = script.referenceData();
        final BasketValuation basket = Valuation.forTradeDate(
            referenceData, script.tradeDate(), script.contracts(), ModelLimits.defaults()).basket();
        for (int i = 0; i < referenceData.constituents().size(); i++)
        {
            final Constituent constituent = referenceData.constituents().get(i);
            final long quantity = basket.quantityFor(basket.constituentIndex(constituent.instrument().id()), 1);
            legs.add(new Leg(constituent.instrument().symbol(), quantity,
                constituent.sharesPerPoint(referenceData.divisor())));
        }
        referenceData.instruments().forEach(instrument -> symbols.add(instrument.symbol()));
        future = referenceData.future().symbol();
        hedgeContracts = Math.max(1, Math.round(CONTRACTS / (1 + referenceData.rates().rate() * script.yearFraction())));
        rates = referenceData.rates();
        costs = referenceData.costs();
        expiryCosts = referenceData.costsOn(referenceData.lastTradingDay());
        yearFraction = script.yearFraction();
        dividends = script.dividendsFutureValue();
    }

    boolean hasAllBooks()
    {
        return booksReceived >= symbols.size();
    }

    int working()
    {
        return working;
    }

    /**
     * @return the OMS's hops by tick, read once a run is over (its session thread writes them).
     */
    List<StageTimes> stages()
    {
        return List.of(
            new StageTimes("OMS FIX read", fixRead.snapshot()),
            new StageTimes("OMS FIX parsed", fixParsed.snapshot()),
            new StageTimes("OMS decided", decided.snapshot()),
            new StageTimes("OMS FIX written", fixWritten.snapshot()));
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        if (Fix.ORDER_ENTRY.equals(sessionId.getSenderCompID()))
        {
            orderEntry = sessionId;
            return;
        }
        final MarketDataRequest request = new MarketDataRequest(new MDReqID("naive-1"),
            new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES), new MarketDepth(10));
        request.set(new MDUpdateType(MDUpdateType.INCREMENTAL_REFRESH));
        for (final char type : new char[]{MDEntryType.BID, MDEntryType.OFFER})
        {
            final MarketDataRequest.NoMDEntryTypes entryType = new MarketDataRequest.NoMDEntryTypes();
            entryType.set(new MDEntryType(type));
            request.addGroup(entryType);
        }
        for (final String symbol : symbols)
        {
            final MarketDataRequest.NoRelatedSym related = new MarketDataRequest.NoRelatedSym();
            related.set(new Symbol(symbol));
            request.addGroup(related);
        }
        Session.lookupSession(sessionId).send(request);
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        // Where Basis's gateway takes its receive time: the closest QuickFIX/J's API gets to the wire.
        final long receivedNs = System.nanoTime();
        final String type = message.getHeader().getString(MsgType.FIELD);
        switch (type)
        {
            case MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH -> onSnapshot(message);
            case MsgType.MARKET_DATA_INCREMENTAL_REFRESH -> onIncremental(message, receivedNs);
            case MsgType.EXECUTION_REPORT -> onExecutionReport(message);
            default ->
            {
            }
        }
    }

    private void onSnapshot(final Message message) throws FieldNotFound
    {
        final String symbol = message.getString(Symbol.FIELD);
        bids.put(symbol, new TreeMap<>(Collections.reverseOrder()));
        asks.put(symbol, new TreeMap<>());
        bidLevels.put(symbol, new Double[10]);
        askLevels.put(symbol, new Double[10]);
        for (final Group entry : message.getGroups(NoMDEntries.FIELD))
        {
            setLevel(symbol, entry);
        }
        booksReceived++;
    }

    private void onIncremental(final Message message, final long receivedNs) throws FieldNotFound
    {
        final long exchangeNs = Long.parseLong(message.getString(Fix.EXCHANGE_SEND_NANOS));
        fixParsed.append(exchangeNs, receivedNs);
        if (message instanceof ReadStampingMessageFactory.ReadMessage)
        {
            fixRead.append(exchangeNs, ((ReadStampingMessageFactory.ReadMessage)message).readNs());
        }
        for (final Group entry : message.getGroups(NoMDEntries.FIELD))
        {
            if (entry.getChar(MDUpdateAction.FIELD) == MDUpdateAction.DELETE)
            {
                final boolean bid = entry.getChar(MDEntryType.FIELD) == MDEntryType.BID;
                final Double[] levels = (bid ? bidLevels : askLevels).get(entry.getString(Symbol.FIELD));
                final int level = entry.getInt(MDEntryPositionNo.FIELD) - 1;
                if (levels[level] != null)
                {
                    (bid ? bids : asks).get(entry.getString(Symbol.FIELD)).remove(levels[level]);
                    levels[level] = null;
                }
            }
            else
            {
                setLevel(entry.getString(Symbol.FIELD), entry);
            }
        }
        evaluate(exchangeNs);
    }

    private void setLevel(final String symbol, final Group entry) throws FieldNotFound
    {
        final boolean bid = entry.getChar(MDEntryType.FIELD) == MDEntryType.BID;
        final int level = entry.getInt(MDEntryPositionNo.FIELD) - 1;
        final Double[] levels = (bid ? bidLevels : askLevels).get(symbol);
        final TreeMap<Double, Double> book = (bid ? bids : asks).get(symbol);
        if (levels[level] != null)
        {
            book.remove(levels[level]);
        }
        final double price = entry.getDouble(MDEntryPx.FIELD);
        levels[level] = price;
        book.put(price, entry.getDouble(MDEntrySize.FIELD));
    }

    /**
     * The decision, from scratch: every constituent walked, then the bounds.
     */
    private void evaluate(final long triggerNs)
    {
        if (!openOrders.isEmpty() || orderEntry == null)
        {
            return;
        }
        double indexMid = 0;
        double askCost = 0;
        double bidCost = 0;
        double midCost = 0;
        final Map<String, Double> buyPrices = new HashMap<>();
        final Map<String, Double> sellPrices = new HashMap<>();
        for (final Leg leg : legs)
        {
            final TreeMap<Double, Double> legAsks = asks.get(leg.symbol());
            final TreeMap<Double, Double> legBids = bids.get(leg.symbol());
            final double mid = (legAsks.firstKey() + legBids.firstKey()) / 2;
            indexMid += leg.sharesPerPoint() * mid;
            midCost += leg.quantity() * mid;
            askCost += walk(legAsks, leg.quantity(), buyPrices, leg.symbol());
            bidCost += walk(legBids, leg.quantity(), sellPrices, leg.symbol());
        }
        final double indexAsk = indexMid * askCost / midCost;
        final double indexBid = indexMid * bidCost / midCost;
        final double futureBid = bids.get(future).firstKey();
        final double futureAsk = asks.get(future).firstKey();
        final double futureMid = (futureBid + futureAsk) / 2;
        final double fixed = 2 * futureMid * costs.futuresCommission() + costs.futuresSlippage() + costs.trackingError();
        final double upper = indexAsk + indexAsk * rates.borrowRate() * yearFraction - dividends +
            indexMid * costs.basketCashAndCarry(expiryCosts) + fixed;
        final boolean borrow = positions.getOrDefault(future, 0.0) >= 0;
        final double lower = indexBid + indexBid * rates.lendRate() * yearFraction - dividends -
            indexMid * costs.basketReverse(expiryCosts) -
            (borrow ? indexMid * costs.borrowFee() * yearFraction : 0) - fixed;
        if (futureBid > upper)
        {
            sendProgram(true, futureBid, buyPrices, triggerNs);
        }
        else if (futureAsk < lower)
        {
            sendProgram(false, futureAsk, sellPrices, triggerNs);
        }
    }

    private static double walk(final TreeMap<Double, Double> book, final double quantity,
        final Map<String, Double> lastPrices, final String symbol)
    {
        double left = quantity;
        double cost = 0;
        for (final Map.Entry<Double, Double> level : book.entrySet())
        {
            final double take = Math.min(left, level.getValue());
            cost += take * level.getKey();
            left -= take;
            lastPrices.put(symbol, level.getKey());
            if (left <= 0)
            {
                break;
            }
        }
        return cost;
    }

    private void sendProgram(final boolean buyBasket, final double futurePrice, final Map<String, Double> prices,
        final long triggerNs)
    {
        decided.stamp(triggerNs);
        send(future, buyBasket ? Side.SELL : Side.BUY, hedgeContracts, futurePrice, triggerNs);
        fixWritten.stamp(triggerNs);
        for (final Leg leg : legs)
        {
            if (leg.quantity() > 0)
            {
                final double held = positions.getOrDefault(leg.symbol(), 0.0);
                final char side = buyBasket ? Side.BUY : held >= leg.quantity() ? Side.SELL : Side.SELL_SHORT;
                send(leg.symbol(), side, leg.quantity(), prices.get(leg.symbol()), triggerNs);
            }
        }
    }

    private void send(final String symbol, final char side, final double quantity, final double price,
        final long triggerNs)
    {
        final String clOrdId = Long.toString(++nextOrderId);
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID(clOrdId), new Side(side), new TransactTime(),
            new OrdType(OrdType.LIMIT));
        order.set(new Account("NAIVE1"));
        order.set(new Symbol(symbol));
        order.set(new OrderQty(quantity));
        order.set(new Price(price));
        order.set(new TimeInForce(TimeInForce.DAY));
        order.setInt(OrderRestrictions.FIELD, 2);
        order.setString(Fix.TRIGGER_NANOS, Long.toString(triggerNs));
        openOrders.put(clOrdId, symbol);
        working = openOrders.size();
        Session.lookupSession(orderEntry).send(order);
    }

    private void onExecutionReport(final Message report) throws FieldNotFound
    {
        if (report.getChar(OrdStatus.FIELD) != OrdStatus.FILLED)
        {
            return;
        }
        final String symbol = openOrders.remove(report.getString(ClOrdID.FIELD));
        if (symbol != null)
        {
            final double quantity = report.getDouble(quickfix.field.CumQty.FIELD);
            final boolean buy = report.getChar(Side.FIELD) == Side.BUY;
            positions.merge(symbol, buy ? quantity : -quantity, Double::sum);
        }
        working = openOrders.size();
    }
}
