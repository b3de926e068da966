package io.basis.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.basis.gateway.ops.GatewayProbe;
import io.basis.gateway.session.FixFields;
import io.basis.protocol.Streams;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentDefinitionEncoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusDecoder;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.OrderRestrictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole gateway against a real embedded media driver and a real QuickFIX/J acceptor, with the test playing
 * the engine over Aeron IPC.
 */
@Timeout(60)
class GatewayIntegrationTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int FUTURE_ID = 7;

    @TempDir
    Path tempDir;

    private TestAcceptor exchange;
    private Gateway gateway;
    private Aeron engineAeron;
    private Publication toGateway;
    private Subscription fromGateway;
    private final List<UnsafeBuffer> received = new ArrayList<>();
    private final ExpandableArrayBuffer sendBuffer = new ExpandableArrayBuffer(256);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    /** Every probe call, in order: the hooks a latency breakdown relies on. */
    private final List<String> probed = new CopyOnWriteArrayList<>();
    private final Set<String> probeThreads = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception
    {
        final int orderEntryPort = freePort();
        final int marketDataPort = freePort();
        exchange = new TestAcceptor(orderEntryPort, marketDataPort);

        final Path settings = new GatewaySettings(tempDir, orderEntryPort, marketDataPort).write();

        gateway = Gateway.launch(GatewayConfig.builder()
            .settingsFile(settings)
            .aeronDirectoryName(tempDir.resolve("aeron").toString())
            .embeddedDriver(true)
            .account("TEST1")
            .publishTimeout(Duration.ofSeconds(2))
            .probe(new GatewayProbe()
            {
                @Override
                public void onMarketDataPublished(final long exchangeTimestampNs, final long receiveTimestampNs)
                {
                    probeThreads.add(Thread.currentThread().getName());
                    probed.add("published " + exchangeTimestampNs + " " + receiveTimestampNs);
                }

                @Override
                public void onNewOrderPolled(final long triggerTimestampNs)
                {
                    probeThreads.add(Thread.currentThread().getName());
                    probed.add("polled " + triggerTimestampNs);
                }

                @Override
                public void onNewOrderSent(final long triggerTimestampNs)
                {
                    probeThreads.add(Thread.currentThread().getName());
                    probed.add("sent " + triggerTimestampNs);
                }
            })
            .build());

        engineAeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(gateway.aeronDirectoryName()));
        toGateway = engineAeron.addPublication(Streams.IPC_CHANNEL, Streams.ENGINE_TO_GATEWAY);
        fromGateway = engineAeron.addSubscription(Streams.IPC_CHANNEL, Streams.GATEWAY_TO_ENGINE);
    }

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engineAeron, gateway, exchange);
    }

    @Test
    void translatesBothWays() throws Exception
    {
        awaitMessage(SessionStatusDecoder.TEMPLATE_ID, buffer -> sessionLoggedOn(buffer, SessionRole.ORDER_ENTRY));
        awaitMessage(SessionStatusDecoder.TEMPLATE_ID, buffer -> sessionLoggedOn(buffer, SessionRole.MARKET_DATA));

        sendInstrumentDefinition(FUTURE_ID, "KS200F");
        final BookUpdateDecoder book = new BookUpdateDecoder().wrapAndApplyHeader(
            awaitMessage(BookUpdateDecoder.TEMPLATE_ID, buffer -> true), 0, new MessageHeaderDecoder());
        assertEquals(FUTURE_ID, book.instrumentId());
        assertEquals(BooleanType.TRUE, book.snapshot());
        assertEquals(17, book.exchangeSeq());
        assertTrue(book.exchangeTimestampNs() > 0);
        assertTrue(book.receiveTimestampNs() >= book.exchangeTimestampNs(), "same host, same monotonic clock");
        final BookUpdateDecoder.LevelsDecoder levels = book.levels();
        assertEquals(2, levels.count());
        final BookUpdateDecoder.LevelsDecoder bid = levels.next();
        assertEquals(BookSide.BID, bid.side());
        assertEquals(0, bid.level());
        assertEquals(3_524_500L, bid.price());
        assertEquals(10, bid.size());

        sendNewOrder(5001, FUTURE_ID, 3_525_000L, 3, 424242L);
        final ExecutionReportDecoder ack = executionReport(awaitMessage(ExecutionReportDecoder.TEMPLATE_ID,
            buffer -> executionReport(buffer).execType() == ExecType.NEW));
        assertEquals(5001, ack.orderId());
        assertEquals(FUTURE_ID, ack.instrumentId());
        assertEquals(OrdStatus.NEW, ack.ordStatus());
        assertEquals(3, ack.leavesQty());
        final ExecutionReportDecoder fill = executionReport(awaitMessage(ExecutionReportDecoder.TEMPLATE_ID,
            buffer -> executionReport(buffer).execType() == ExecType.TRADE));
        assertEquals(5001, fill.orderId());
        assertEquals(OrdStatus.FILLED, fill.ordStatus());
        assertEquals(Side.SELL_SHORT, fill.side());
        assertEquals(3, fill.lastQty());
        assertEquals(3_525_000L, fill.lastPx());
        assertEquals(3, fill.cumQty());
        assertEquals(0, fill.leavesQty());

        final Message d = exchange.ordersReceived.poll(1, TimeUnit.SECONDS);
        assertNotNull(d);
        assertEquals("5001", d.getString(quickfix.field.ClOrdID.FIELD));
        assertEquals("TEST1", d.getString(quickfix.field.Account.FIELD));
        assertEquals("352.5", d.getString(quickfix.field.Price.FIELD));
        assertEquals("2", d.getString(OrderRestrictions.FIELD));
        assertFalse(d.isSetField(FixFields.TRIGGER_NANOS), "the default dialect sends no user-defined tag");

        sendNewOrder(5002, 99, 1, 1, 0);
        final OrderRejectDecoder reject = new OrderRejectDecoder().wrapAndApplyHeader(
            awaitMessage(OrderRejectDecoder.TEMPLATE_ID, buffer -> true), 0, new MessageHeaderDecoder());
        assertEquals(5002, reject.orderId());
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, reject.reason());
        assertEquals(1, exchange.requestsReceived.size());
        assertEquals(0, gateway.alarms().total(), gateway.alarms().summary());
        // The probe saw the book published with its two timestamps, both orders polled and only the first sent, all
        // on the one thread that owns the gateway's state: market data and orders alike are the agent's.
        assertTrue(probed.remove("published " + book.exchangeTimestampNs() + " " + book.receiveTimestampNs()),
            probed.toString());
        assertEquals(List.of("polled 424242", "sent 424242", "polled 0"), probed);
        assertEquals(Set.of("basis-gateway"), probeThreads);
    }

    private void sendInstrumentDefinition(final int instrumentId, final String symbol)
    {
        final InstrumentDefinitionEncoder encoder = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(sendBuffer, 0, headerEncoder)
            .instrumentId(instrumentId)
            .kind(InstrumentKind.FUTURE)
            .lotSize(1)
            .multiplier(250_000)
            .symbol(symbol);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void sendNewOrder(
        final long orderId, final int instrumentId, final long price, final long quantity, final long triggerNs)
    {
        final NewOrderEncoder encoder = new NewOrderEncoder()
            .wrapAndApplyHeader(sendBuffer, 0, headerEncoder)
            .orderId(orderId)
            .programId(1)
            .instrumentId(instrumentId)
            .side(Side.SELL_SHORT)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.IOC)
            .programFlag(ProgramFlag.INDEX_ARBITRAGE)
            .price(price)
            .quantity(quantity)
            .triggerTimestampNs(triggerNs);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void offer(final int length)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (toGateway.offer(sendBuffer, 0, length) < 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("gateway never took the message");
            }
            Thread.onSpinWait();
        }
    }

    /** Poll GATEWAY_TO_ENGINE until a message of the template matches, keeping everything received. */
    private DirectBuffer awaitMessage(final int templateId, final Predicate<DirectBuffer> matches)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final long deadline = System.nanoTime() + WAIT.toNanos();
        int checked = 0;
        while (true)
        {
            for (; checked < received.size(); checked++)
            {
                final UnsafeBuffer buffer = received.get(checked);
                if (header.wrap(buffer, 0).templateId() == templateId && matches.test(buffer))
                {
                    received.remove(checked);
                    return buffer;
                }
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("no message with template " + templateId + " within " + WAIT +
                    "; alarms: " + gateway.alarms().summary());
            }
            if (fromGateway.poll((buffer, offset, length, h) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(offset, copy);
                received.add(new UnsafeBuffer(copy));
            }, 10) == 0)
            {
                Thread.onSpinWait();
            }
        }
    }

    private static boolean sessionLoggedOn(final DirectBuffer buffer, final SessionRole role)
    {
        final SessionStatusDecoder status = new SessionStatusDecoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        return status.role() == role && status.state() == SessionState.LOGGED_ON;
    }

    private static ExecutionReportDecoder executionReport(final DirectBuffer buffer)
    {
        return new ExecutionReportDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
