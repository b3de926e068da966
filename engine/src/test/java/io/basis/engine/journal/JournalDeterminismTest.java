package io.basis.engine.journal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.basis.engine.EngineConfig;
import io.basis.engine.TradingEngine;
import io.basis.engine.gateway.GatewayMessageHandler;
import io.basis.engine.gateway.GatewayPublisher;
import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.OrderPort;
import io.basis.engine.position.Positions;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.AdminCommandEncoder;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.EngineStartedEncoder;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportEncoder;
import io.basis.protocol.sbe.KillScope;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.OrdStatus;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import io.basis.protocol.sbe.TimerEventDecoder;
import io.basis.protocol.sbe.TimerEventEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine as a pure function of its journal: random sessions of market data, reports, operator commands and
 * timer events in random interleavings, driven by what the engine itself decides (acknowledgements, fills and
 * cancels of its own orders), replay to the same decisions byte for byte; and an engine restored from any prefix
 * of a session, then fed the rest live, decides exactly what the uninterrupted engine decided.
 */
@Timeout(120)
class JournalDeterminismTest
{
    private static final int SESSIONS = 12;
    private static final int INPUTS = 2_500;

    /** The strategy of the sessions' engines: edge unless a test says otherwise. */
    private String strategy = "edge";
    private final ReferenceData data = ReferenceData.load(Path.of("..", "refdata", "kospi200"),
        LocalDate.of(2026, 11, 23));

    @Test
    void randomSessionsReplayToTheSameDecisionsAndARestoreAtAnyPointContinuesExactly()
    {
        for (int seed = 1; seed <= SESSIONS; seed++)
        {
            final Session session = new Session(seed).run();
            assertTrue(session.outputs > 0, "seed " + seed + ": the session must make the engine decide something");

            final JournalReplay whole = replay(session.journal, session.journal.size());
            whole.finish();
            assertTrue(whole.identical(), "seed " + seed + ": " + whole.firstDifference());
            assertEquals(session.outputs, whole.outputs());

            final int cut = 1 + new Random(seed * 31L).nextInt(session.journal.size() - 1);
            final JournalReplay restored = replay(session.journal, cut);
            assertTrue(restored.identical(), "seed " + seed + " cut " + cut + ": " + restored.firstDifference());
            final List<byte[]> decidedLive = new ArrayList<>();
            final List<byte[]> recordedAfterCut = new ArrayList<>();
            // What the prefix's last input decided, if the cut fell between it and its outputs.
            restored.drainUnrecordedOutputs((buffer, offset, length) ->
            {
                decidedLive.add(copy(buffer, offset, length));
                return 0;
            });
            final GatewayPorts live = new GatewayPorts(decidedLive);
            final TradingEngine engine = restored.goLive(live);
            final GatewayMessageHandler inputs =
                new GatewayMessageHandler(engine);
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            for (int i = cut; i < session.journal.size(); i++)
            {
                final UnsafeBuffer entry = new UnsafeBuffer(session.journal.get(i));
                final int templateId = header.wrap(entry, 0).templateId();
                if (JournalReplay.isOutput(templateId))
                {
                    recordedAfterCut.add(session.journal.get(i));
                }
                else
                {
                    Session.apply(engine, inputs, entry, header);
                }
            }
            assertEquals(recordedAfterCut.size(), decidedLive.size(), "seed " + seed + " cut " + cut);
            for (int i = 0; i < decidedLive.size(); i++)
            {
                assertTrue(Arrays.equals(recordedAfterCut.get(i), decidedLive.get(i)),
                    "seed " + seed + " cut " + cut + ": output " + i + " after the cut differs");
            }
            assertEquals(session.positionsSignature, signature(restored.positions()), "seed " + seed);
        }
    }

    @Test
    void aSnapshotAtAnyPointBetweenInputsPlusTheRestOfTheJournalIsTheEngineThatNeverStopped()
    {
        final EngineSnapshot snapshots = new EngineSnapshot();
        for (int seed = 1; seed <= SESSIONS; seed++)
        {
            // The mean-basis strategy remembers its window; the edge strategy remembers nothing.
            strategy = seed % 2 == 0 ? "paper" : "edge";
            final Session session = new Session(seed).run();
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            // A live engine snapshots between inputs, once what it decided is journaled: cut before an input.
            int cut = 1 + new Random(seed * 57L).nextInt(session.journal.size() - 1);
            while (cut < session.journal.size() && isOutput(header, session.journal.get(cut)))
            {
                cut++;
            }
            final JournalReplay prefix = replay(session.journal, cut);
            final EngineSnapshot.Coverage coverage = new EngineSnapshot.Coverage(1, 7, cut, 7, prefix.events(), 1,
                "");
            final SnapshotWriter taken = snapshots.take(coverage, prefix.engine(), null);
            final SnapshotReader reader = new SnapshotReader().wrap(taken.buffer(), taken.length());
            reader.verify();

            final JournalReplay restored = new JournalReplay(commandLine -> config());
            assertEquals(coverage, restored.startFrom(reader, snapshots, null));
            for (int i = cut; i < session.journal.size(); i++)
            {
                final byte[] entry = session.journal.get(i);
                restored.onEntry(new UnsafeBuffer(entry), 0, entry.length);
            }
            restored.finish();
            assertTrue(restored.identical(), "seed " + seed + " cut " + cut + ": " + restored.firstDifference());
            assertEquals(session.positionsSignature, signature(restored.positions()), "seed " + seed);
            assertEquals(session.engine.events(), restored.events(), "seed " + seed);

            // The whole state, not only what it decided: both engines write the same snapshot, byte for byte.
            final byte[] uninterrupted = bytes(snapshots.take(coverage, session.engine.engine(), null));
            final byte[] resumed = bytes(snapshots.take(coverage, restored.engine(), null));
            assertTrue(Arrays.equals(uninterrupted, resumed), "seed " + seed + " cut " + cut +
                ": the restored engine's state differs from the uninterrupted engine's");
        }
    }

    @Test
    void aCorruptOrCutShortSnapshotIsRefusedWithWhatIsWrong()
    {
        final Session session = new Session(3).run();
        final SnapshotWriter taken = new EngineSnapshot().take(
            new EngineSnapshot.Coverage(1, 7, 100, 7, 50, 1, ""), session.engine.engine(), null);
        final byte[] bytes = bytes(taken);

        bytes[bytes.length / 2] ^= 0x40;
        final SnapshotException corrupt = assertThrows(SnapshotException.class,
            () -> new SnapshotReader().wrap(new UnsafeBuffer(bytes), bytes.length).verify());
        assertTrue(corrupt.getMessage().contains("corrupt"), corrupt.getMessage());

        final byte[] intact = bytes(taken);
        final SnapshotException cut = assertThrows(SnapshotException.class,
            () -> new SnapshotReader().wrap(new UnsafeBuffer(intact), intact.length - 20).verify());
        assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
    }

    @Test
    void aRunWhoseRecordedOptionsCannotBuildAnEngineIsTheFirstDifferenceNotAStackTrace()
    {
        final Session session = new Session(5).run();
        final JournalReplay replay = new JournalReplay(commandLine ->
        {
            throw new IllegalArgumentException("--refdata ../nowhere: not a directory");
        });
        for (final byte[] entry : session.journal)
        {
            replay.onEntry(new UnsafeBuffer(entry), 0, entry.length);
        }

        assertTrue(replay.firstDifference().startsWith("entry 1: the run's engine cannot be built from its recorded " +
            "options: --refdata ../nowhere: not a directory"), replay.firstDifference());
    }

    private static boolean isOutput(final MessageHeaderDecoder header, final byte[] entry)
    {
        return JournalReplay.isOutput(header.wrap(new UnsafeBuffer(entry), 0).templateId());
    }

    private static byte[] bytes(final SnapshotWriter snapshot)
    {
        final byte[] bytes = new byte[snapshot.length()];
        snapshot.buffer().getBytes(0, bytes);
        return bytes;
    }

    private JournalReplay replay(final List<byte[]> journal, final int entries)
    {
        final JournalReplay replay = new JournalReplay(commandLine -> config());
        for (int i = 0; i < entries; i++)
        {
            final byte[] entry = journal.get(i);
            replay.onEntry(new UnsafeBuffer(entry), 0, entry.length);
        }
        return replay;
    }

    private EngineConfig config()
    {
        final EngineConfig config = new EngineConfig();
        config.refdataDir = Path.of("..", "refdata", "kospi200");
        config.strategy = strategy;
        config.edgeThreshold = 0.5;
        config.maxOpenPrograms = 2;
        config.programTimeoutMs = 3_000;
        return config;
    }

    private String signature(final Positions positions)
    {
        final StringBuilder text = new StringBuilder();
        for (final Instrument instrument : data.instruments())
        {
            text.append(positions.quantity(instrument.id())).append(',');
        }
        return text.append(positions.fills()).append(',').append(positions.realizedPnl()).toString();
    }

    private static byte[] copy(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }

    /**
     * Where a live engine's orders and cancels go in the test: encoded as the gateway would receive them.
     */
    private static final class GatewayPorts implements OrderPort
    {
        private final GatewayPublisher publisher;

        GatewayPorts(final List<byte[]> decided)
        {
            publisher = new GatewayPublisher(null, (buffer, offset, length) ->
            {
                decided.add(copy(buffer, offset, length));
                return 0;
            });
        }

        @Override
        public long sendNewOrder(
            final ChildOrder order, final TimeInForce timeInForce, final ProgramFlag programFlag,
            final long triggerTimestampNs, final int listSeqNo, final int listSize)
        {
            return publisher.sendNewOrder(order, timeInForce, programFlag, triggerTimestampNs, listSeqNo, listSize);
        }

        @Override
        public long sendCancel(final long cancelId, final ChildOrder order)
        {
            return publisher.sendCancel(cancelId, order);
        }

        @Override
        public long sendStatusRequest(final ChildOrder order)
        {
            return publisher.sendStatusRequest(order);
        }
    }

    /**
     * One random session: a market that moves, an exchange that acknowledges, fills and cancels the engine's own
     * orders at random, an operator who now and then kills, resumes or submits, and time that passes; recorded as
     * the engine's journal would record it (each input, then what the engine decided on it).
     */
    private final class Session
    {
        private final Random random;
        private final List<byte[]> journal = new ArrayList<>();
        private final List<long[]> working = new ArrayList<>();
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final JournalReplay engine = new JournalReplay(commandLine -> config());
        private long nowNs = 1_000_000_000L;
        private long correlationId;
        private long outputs;
        private String positionsSignature;

        Session(final long seed)
        {
            random = new Random(seed);
        }

        Session run()
        {
            final EngineStartedEncoder started = new EngineStartedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .engineId(1).idBase(1_000).timestampNs(nowNs).continued(BooleanType.FALSE).commandLine("");
            input(MessageHeaderEncoder.ENCODED_LENGTH + started.encodedLength());
            for (final Instrument instrument : data.instruments())
            {
                book(instrument, 0);
            }
            for (int i = 0; i < INPUTS; i++)
            {
                nowNs += 100_000 + random.nextInt(20_000_000);
                final int dice = random.nextInt(100);
                if (dice < 45)
                {
                    final boolean future = random.nextInt(3) == 0;
                    final Instrument instrument = future ? data.future() :
                        data.instruments().get(random.nextInt(data.instruments().size()));
                    book(instrument, future ? random.nextInt(41) - 20 : random.nextInt(7) - 3);
                }
                else if (dice < 80 && !working.isEmpty())
                {
                    report(working.get(random.nextInt(working.size())));
                }
                else if (dice < 84)
                {
                    command();
                }
                else
                {
                    final TimerEventEncoder timer = new TimerEventEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                        .timestampNs(nowNs);
                    input(MessageHeaderEncoder.ENCODED_LENGTH + timer.encodedLength());
                }
            }
            positionsSignature = signature(engine.positions());
            return this;
        }

        private void book(final Instrument instrument, final int offsetTicks)
        {
            final long mid = instrument.ticksAway(instrument.prevClose(), offsetTicks);
            final BookUpdateEncoder update = new BookUpdateEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .instrumentId(instrument.id()).exchangeSeq(journal.size()).exchangeTimestampNs(nowNs)
                .receiveTimestampNs(nowNs).snapshot(BooleanType.TRUE);
            final BookUpdateEncoder.LevelsEncoder levels = update.levelsCount(10);
            for (int level = 0; level < 5; level++)
            {
                final long size = 50_000 + random.nextInt(50_000);
                levels.next().side(BookSide.BID).level((short)level)
                    .price(instrument.ticksAway(mid, -(level + 1))).size(size);
                levels.next().side(BookSide.ASK).level((short)level)
                    .price(instrument.ticksAway(mid, level + 1)).size(size);
            }
            input(MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength());
        }

        /**
         * The exchange answers one of the engine's open orders: an acknowledgement, a partial or full fill, or
         * the cancel it asked for.
         */
        private void report(final long[] order)
        {
            final long orderId = order[0];
            final long quantity = order[2];
            final long cumQty = order[3];
            final ExecutionReportEncoder report = new ExecutionReportEncoder()
                .wrapAndApplyHeader(buffer, 0, headerEncoder)
                .orderId(orderId).instrumentId((int)order[1]).side(order[4] == 0 ? Side.BUY : Side.SELL)
                .avgPx(order[5]).lastPx(order[5]).rejectReason(RejectReason.NONE).receiveTimestampNs(nowNs);
            if (order[6] == 1)
            {
                report.execType(ExecType.CANCELED).ordStatus(OrdStatus.CANCELED).lastQty(0).cumQty(cumQty)
                    .leavesQty(0);
                working.remove(order);
            }
            else if (random.nextInt(10) < 7)
            {
                final long fill = Math.max(1, random.nextInt((int)Math.max(1, quantity - cumQty) + 1));
                final long filled = Math.min(quantity, cumQty + fill);
                order[3] = filled;
                report.execType(ExecType.TRADE)
                    .ordStatus(filled == quantity ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED)
                    .lastQty(filled - cumQty).cumQty(filled).leavesQty(quantity - filled);
                if (filled == quantity)
                {
                    working.remove(order);
                }
            }
            else
            {
                report.execType(ExecType.NEW).ordStatus(OrdStatus.NEW).lastQty(0).cumQty(cumQty)
                    .leavesQty(quantity - cumQty);
            }
            input(MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
        }

        private void command()
        {
            final AdminCommandEncoder command = new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .correlationId(++correlationId).scope(KillScope.ALL).target(0).direction(Direction.CASH_AND_CARRY)
                .contracts(1).programId(0).operatorName("tester");
            switch (random.nextInt(4))
            {
                case 0:
                    command.command(AdminCommandType.KILL).scope(KillScope.INSTRUMENT)
                        .target(random.nextInt(data.instruments().size()));
                    break;
                case 1:
                    command.command(AdminCommandType.RESUME);
                    break;
                default:
                    command.command(AdminCommandType.SUBMIT_PROGRAM)
                        .direction(random.nextBoolean() ? Direction.CASH_AND_CARRY : Direction.REVERSE);
                    break;
            }
            input(MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength());
        }

        /**
         * Journal an input, apply it, then journal what the engine decided on it.
         */
        private void input(final int length)
        {
            final byte[] entry = copy(buffer, 0, length);
            journal.add(entry);
            engine.onEntry(new UnsafeBuffer(entry), 0, length);
            engine.drainUnrecordedOutputs((decided, offset, decidedLength) ->
            {
                final byte[] output = copy(decided, offset, decidedLength);
                journal.add(output);
                outputs++;
                track(new UnsafeBuffer(output));
                return 0;
            });
        }

        private void track(final UnsafeBuffer output)
        {
            header.wrap(output, 0);
            if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                final NewOrderDecoder order = new NewOrderDecoder().wrapAndApplyHeader(output, 0, header);
                working.add(new long[]{order.orderId(), order.instrumentId(), order.quantity(), 0,
                    order.side() == Side.BUY ? 0 : 1, order.price(), 0});
            }
            else if (header.templateId() == CancelOrderDecoder.TEMPLATE_ID)
            {
                final CancelOrderDecoder cancel = new CancelOrderDecoder().wrapAndApplyHeader(output, 0, header);
                for (final long[] order : working)
                {
                    if (order[0] == cancel.orderId())
                    {
                        order[6] = 1;
                    }
                }
            }
        }

        static void apply(
            final TradingEngine engine,
            final GatewayMessageHandler inputs,
            final UnsafeBuffer entry,
            final MessageHeaderDecoder header)
        {
            switch (header.templateId())
            {
                case TimerEventDecoder.TEMPLATE_ID:
                    engine.onTimer(new TimerEventDecoder()
                        .wrapAndApplyHeader(entry, 0, header).timestampNs());
                    break;
                case AdminCommandDecoder.TEMPLATE_ID:
                    engine.onAdminCommand(new AdminCommandDecoder()
                        .wrapAndApplyHeader(entry, 0, header));
                    break;
                default:
                    inputs.onFragment(entry, 0, entry.capacity(), null);
                    break;
            }
        }
    }
}
