package io.basis.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.basis.gateway.MalformedFrames.Damage;
import io.basis.gateway.MalformedFrames.Frame;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TradeDecoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.MsgType;

import static io.basis.gateway.SimulatorHarness.awaitTrue;
import static io.basis.gateway.SimulatorHarness.engineLoggedOn;
import static io.basis.gateway.SimulatorHarness.freePort;
import static io.basis.gateway.SimulatorHarness.launchGateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway fed thousands of malformed frames (a seeded {@link MalformedFrames}: bit flips, truncation, bad
 * BodyLength and CheckSum, missing fields, bad types, huge numbers, unknown MsgTypes, ClOrdIDs it never sent,
 * garbage groups) on its logged-on order-entry and market-data sessions: it survives, forwards nothing derived from
 * them to the engine, lets no exception escape, and still trades a valid order afterwards.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MalformedFrameFuzzTest
{
    private static final long SEED = 20_261_203L;
    private static final int FRAMES = 2_400;
    private static final int STOCK_ID = 1;
    private static final long VALID_ORDER = 42;
    private static final Duration FUZZ_BOUND = Duration.ofSeconds(30);
    /**
     * Frames between two points where the test waits for the gateway to have processed everything: a truncated
     * frame can swallow the exchange's answer to a ResendRequest, and the session would wait for it until the
     * heartbeat timeout.
     */
    private static final int SYNC_EVERY = 200;
    private int syncs;

    @TempDir
    Path dir;

    private StockAcceptor exchange;
    private Gateway gateway;
    private AeronEngineEndpoint engine;

    @AfterEach
    void stop()
    {
        CloseHelper.quietCloseAll(engine, gateway, exchange);
    }

    /**
     * Resynchronise both sessions and wait until the gateway answers a TestRequest on each; asked again if a session
     * dropped (and came back) meanwhile, which loses the request.
     */
    private void awaitProcessed(final String when) throws Exception
    {
        final long deadline = System.nanoTime() + AeronEngineEndpoint.WAIT.toNanos();
        while (true)
        {
            awaitTrue("sessions logged on", () -> gateway.isLoggedOn(SessionRole.ORDER_ENTRY) &&
                gateway.isLoggedOn(SessionRole.MARKET_DATA), () -> gateway.alarms().summary());
            final String orderEntry = "SYNC-OE-" + syncs;
            final String marketData = "SYNC-MD-" + syncs++;
            exchange.resynchronise(false);
            exchange.resynchronise(true);
            exchange.testRequest(false, orderEntry);
            exchange.testRequest(true, marketData);
            final long retryAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            final IdleStrategy idle = new BackoffIdleStrategy();
            while (System.nanoTime() - retryAt < 0)
            {
                if (exchange.testRequestsAnswered.containsAll(List.of(orderEntry, marketData)))
                {
                    return;
                }
                idle.idle();
            }
            assertTrue(System.nanoTime() - deadline < 0, () -> "the gateway never processed every frame " + when +
                "; " + gateway.alarms().summary());
        }
    }

    @Test
    void theGatewaySurvivesMalformedFramesForwardsNothingFromThemAndStillTrades() throws Exception
    {
        final int orderEntryPort = freePort();
        final int marketDataPort = freePort();
        exchange = new StockAcceptor(orderEntryPort, marketDataPort, dir);
        gateway = launchGateway(new GatewaySettings(dir, orderEntryPort, marketDataPort).write(), dir);
        engine = engineLoggedOn(gateway);
        engine.defineInstrument(STOCK_ID, "AAA", InstrumentKind.STOCK);
        awaitTrue("subscribed", () -> exchange.receivedCount(MsgType.MARKET_DATA_REQUEST) >= 1, exchange::eventLog);
        engine.forgetReceived();

        final long startNs = System.nanoTime();
        final List<Frame> frames = new MalformedFrames(SEED).generate(FRAMES);
        final Random random = new Random(SEED);
        final Map<Damage, Integer> written = new EnumMap<>(Damage.class);
        int sinceSync = 0;
        for (final Frame frame : frames)
        {
            // A frame that made the session drop is tolerated (the gateway reconnects): write it once it is back.
            awaitTrue("sessions logged on", () -> gateway.isLoggedOn(SessionRole.ORDER_ENTRY) &&
                gateway.isLoggedOn(SessionRole.MARKET_DATA), () -> gateway.alarms().summary());
            while (!exchange.sendRaw(frame.marketData(), seqNum -> frame.render(seqNum, random),
                frame.damage().consumesSeqNum()))
            {
                Thread.yield();
                assertTrue(System.nanoTime() - startNs < FUZZ_BOUND.toNanos(), "could not write the frames in time");
            }
            written.merge(frame.damage(), 1, Integer::sum);
            if (++sinceSync == SYNC_EVERY)
            {
                sinceSync = 0;
                awaitProcessed("after " + written);
            }
        }
        awaitProcessed("at the end");
        final long fuzzNs = System.nanoTime() - startNs;

        assertEquals(FRAMES, written.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(Damage.values().length, written.size(), "every kind of damage: " + written);
        assertTrue(fuzzNs < FUZZ_BOUND.toNanos(), "bounded: " + TimeUnit.NANOSECONDS.toMillis(fuzzNs) + " ms");

        // Nothing derived from them reached the engine.
        final Duration quiet = Duration.ofMillis(200);
        assertNull(engine.poll(ExecutionReportDecoder.TEMPLATE_ID, buffer -> true, quiet), "no ExecutionReport");
        // Only empty snapshots: the gateway clearing books after the gap fills the damage caused; never a price.
        assertNull(engine.poll(BookUpdateDecoder.TEMPLATE_ID, buffer ->
        {
            final BookUpdateDecoder book = new BookUpdateDecoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
            return book.snapshot() != BooleanType.TRUE || book.levels().count() > 0;
        }, quiet), "no BookUpdate with a price");
        assertNull(engine.poll(TradeDecoder.TEMPLATE_ID, buffer -> true, quiet), "no Trade");
        assertNull(engine.poll(OrderRejectDecoder.TEMPLATE_ID, buffer -> true, quiet), "no OrderReject");
        assertNull(engine.poll(CancelRejectDecoder.TEMPLATE_ID, buffer -> true, quiet), "no CancelReject");
        // They did reach QuickFIX/J's validation and the translators, which refused them.
        final Alarms alarms = gateway.alarms();
        assertTrue(alarms.count(Alarm.SESSION_REJECT_SENT) > 0, alarms.summary());
        assertTrue(alarms.count(Alarm.UNKNOWN_CLORDID) > 0, alarms.summary());
        assertTrue(alarms.count(Alarm.UNKNOWN_SYMBOL) > 0, alarms.summary());
        assertEquals(0, alarms.count(Alarm.AGENT_ERROR), alarms.summary());

        // And it still trades.
        engine.newOrder(VALID_ORDER, STOCK_ID, Side.BUY, ProgramFlag.INDEX_ARBITRAGE, 71_000_0000L, 10);
        engine.awaitExecution(VALID_ORDER, ExecType.NEW);
        assertEquals(10, engine.awaitExecution(VALID_ORDER, ExecType.TRADE).cumQty());
        assertNull(engine.poll(ExecutionReportDecoder.TEMPLATE_ID, buffer -> new ExecutionReportDecoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder()).orderId() != VALID_ORDER, quiet),
            "only the valid order's reports");
    }
}
