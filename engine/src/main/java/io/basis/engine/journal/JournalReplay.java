package io.basis.engine.journal;

import java.util.function.Function;

import io.basis.engine.EngineClock;
import io.basis.engine.EngineConfig;
import io.basis.engine.TradingEngine;
import io.basis.engine.gateway.GatewayMessageHandler;
import io.basis.engine.gateway.GatewayPublisher;
import io.basis.engine.gateway.MessageSink;
import io.basis.engine.order.ChildOrder;
import io.basis.engine.order.OrderPort;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.position.Positions;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.control.CommandAuthenticator;
import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.EngineStartedDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.OrderStatusRequestDecoder;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.StartOfDayPositionDecoder;
import io.basis.protocol.sbe.TimeInForce;
import io.basis.protocol.sbe.TimerEventDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Replays an engine journal through engines with no gateway and no exchange, and checks that every order and cancel
 * they decide equals, byte for byte, the one the journal recorded after the same input. A run that starts fresh
 * (its {@code EngineStarted} entry) gets a fresh engine configured from that run's command line; a run that
 * continues the one before (a restart) goes on with the same engine. The same replay restores a restarting
 * engine's state: replay every run, then {@link #goLive} with the engine it left. Single-threaded.
 */
public final class JournalReplay
{
    private static final int SCHEMA_VERSION_OFFSET = MessageHeaderDecoder.versionEncodingOffset();

    private final Function<String, EngineConfig> configOf;
    private Observer observer = NO_OBSERVER;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EngineStartedDecoder started = new EngineStartedDecoder();
    private final TimerEventDecoder timer = new TimerEventDecoder();
    private final AdminCommandDecoder command = new AdminCommandDecoder();
    private final StartOfDayPositionDecoder startOfDayPosition = new StartOfDayPositionDecoder();
    private final ExpandableRingBuffer decided = new ExpandableRingBuffer(64 * 1024, 1 << 30, false);
    private final ExpandableRingBuffer.MessageConsumer compareOldest = this::compareOldest;
    private DirectBuffer recordedBuffer;
    private int recordedOffset;
    private int recordedLength;
    private boolean matched;
    private TradingEngine engine;
    private OrderTracker tracker;
    private Positions positions;
    private final SwitchingPort port = new SwitchingPort();
    private GatewayMessageHandler gatewayInputs;
    private long entries;
    private long runs;
    private long events;
    private long eventsBeforeReplay;
    private boolean startedFromSnapshot;
    private long outputs;
    private String firstDifference;

    /**
     * Told of every journal entry as it is replayed, after an input has been applied: for tools that explain what
     * the engine did (audit).
     */
    public interface Observer
    {
        /**
         * @param entry  the entry's index in the journal, from 1.
         * @param buffer holding the entry, header first.
         * @param offset of the entry.
         * @param length of the entry.
         * @param input  true for an input the engine has just applied, false for a recorded order or cancel.
         */
        void onEntry(long entry, DirectBuffer buffer, int offset, int length, boolean input);
    }

    private static final Observer NO_OBSERVER = (entry, buffer, offset, length, input) -> { };

    /**
     * @param configOf the engine settings for a run's recorded command line (empty for an embedded engine).
     */
    public JournalReplay(final Function<String, EngineConfig> configOf)
    {
        this.configOf = configOf;
    }

    /**
     * @param observer told of every entry replayed.
     * @return this.
     */
    public JournalReplay observer(final Observer observer)
    {
        this.observer = observer;
        return this;
    }

    /**
     * @return the engine being replayed, or null before the first run.
     */
    public TradingEngine engine()
    {
        return engine;
    }

    /**
     * Apply one journal entry: an input is fed to the engine, a recorded output is checked against what the engine
     * decided. After the first difference, entries are only counted.
     *
     * @param buffer holding the entry, header first.
     * @param offset of the entry.
     * @param length of the entry.
     */
    public void onEntry(final DirectBuffer buffer, final int offset, final int length)
    {
        entries++;
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            if (firstDifference == null)
            {
                firstDifference = "entry " + entries + ": not a Basis journal entry (schema " + header.schemaId() +
                    ")";
            }
            return;
        }
        final int templateId = header.templateId();
        if (isOutput(templateId))
        {
            outputs++;
            if (firstDifference == null)
            {
                checkOutput(buffer, offset, length);
            }
            observer.onEntry(entries, buffer, offset, length, false);
            return;
        }
        if (templateId == EngineStartedDecoder.TEMPLATE_ID)
        {
            started.wrapAndApplyHeader(buffer, offset, header);
            final boolean continued = started.continued() == BooleanType.TRUE;
            final long idBase = started.idBase();
            final String commandLine = started.commandLine();
            if (firstDifference == null)
            {
                if (continued && engine == null)
                {
                    firstDifference = "entry " + entries + ": the run continues one the journal does not hold " +
                        "(replay from the fresh run it continues)";
                    return;
                }
                if (!continued)
                {
                    // A fresh run starts over: what the run before decided on its last inputs and never recorded
                    // (it died first) is history.
                    decided.reset(decided.capacity());
                    try
                    {
                        start(configOf.apply(commandLine), idBase);
                    }
                    catch (final RuntimeException ex)
                    {
                        // Options or reference data that cannot build the run's engine: say so here, rather than
                        // let the replay's poll report a stack trace and go on without an engine.
                        firstDifference = "entry " + entries + ": the run's engine cannot be built from its " +
                            "recorded options: " + ex.getMessage();
                        return;
                    }
                }
                // A continued run first journals what its predecessor decided but never recorded (it died first):
                // those entries follow and are checked like any.
                engine.onEngineStarted(started.wrapAndApplyHeader(buffer, offset, header));
            }
            runs++;
            return;
        }
        events++;
        if (firstDifference != null)
        {
            return;
        }
        if (engine == null)
        {
            firstDifference = "entry " + entries + ": an input before any EngineStarted entry";
            return;
        }
        checkNothingUnrecorded();
        if (templateId == TimerEventDecoder.TEMPLATE_ID)
        {
            engine.onTimer(timer.wrapAndApplyHeader(buffer, offset, header).timestampNs());
        }
        else if (templateId == AdminCommandDecoder.TEMPLATE_ID)
        {
            engine.onAdminCommand(command.wrapAndApplyHeader(buffer, offset, header));
        }
        else if (templateId == StartOfDayPositionDecoder.TEMPLATE_ID)
        {
            engine.onStartOfDayPosition(startOfDayPosition.wrapAndApplyHeader(buffer, offset, header));
        }
        else if (GatewayMessageHandler.isGatewayMessage(header))
        {
            gatewayInputs.onFragment(buffer, offset, length, null);
        }
        else
        {
            firstDifference = "entry " + entries + ": template " + templateId + " is not an engine input";
            return;
        }
        observer.onEntry(entries, buffer, offset, length, true);
    }

    /**
     * Start from a snapshot instead of the journal's beginning: the engine the snapshot holds, built with its
     * options; the entries that follow are those after the snapshot's position in the journal.
     *
     * @param reader        a verified snapshot, at its start.
     * @param snapshot      reads it.
     * @param authenticator told of the operators' spent command ids, or null.
     * @return where the snapshot stands in the journal.
     */
    public EngineSnapshot.Coverage startFrom(
        final SnapshotReader reader, final EngineSnapshot snapshot, final CommandAuthenticator authenticator)
    {
        final EngineSnapshot.Coverage coverage = snapshot.coverage(reader);
        // The snapshot's ids replace the base: it continues a run whose ids are in it.
        start(configOf.apply(coverage.commandLine()), 0);
        snapshot.restore(reader, engine, authenticator);
        runs = coverage.runs();
        events = coverage.inputs();
        eventsBeforeReplay = events;
        startedFromSnapshot = true;
        return coverage;
    }

    /**
     * @param templateId a journal entry's template.
     * @return true for what the engine decides (orders, cancels, status requests), false for its inputs.
     */
    public static boolean isOutput(final int templateId)
    {
        return templateId == NewOrderDecoder.TEMPLATE_ID || templateId == CancelOrderDecoder.TEMPLATE_ID ||
            templateId == OrderStatusRequestDecoder.TEMPLATE_ID;
    }

    /**
     * The end of the journal: every order and cancel decided must have been recorded.
     */
    public void finish()
    {
        finish(false);
    }

    /**
     * The end of the journal of an engine that is about to continue it: orders and cancels decided on its last
     * inputs may be missing if it died before recording them ({@link #drainUnrecordedOutputs}).
     *
     * @param tailMayBeUnrecorded true if the run may have died before recording its last outputs.
     */
    public void finish(final boolean tailMayBeUnrecorded)
    {
        if (firstDifference == null && !tailMayBeUnrecorded)
        {
            checkNothingUnrecorded();
        }
    }

    /**
     * Hand the replayed state to a live engine run: from now on its orders and cancels go to the live port. Once
     * called, no more entries may be replayed.
     *
     * @param live where the engine's orders and cancels go now.
     * @return the engine the journal left, or null if the journal held no run.
     */
    public TradingEngine goLive(final OrderPort live)
    {
        port.target = live;
        return engine;
    }

    /**
     * Hand over, oldest first, the orders and cancels the engine decided on the journal's last inputs that the
     * journal does not hold: a run that died before its journal recorded them. They may or may not have reached
     * the gateway; a restarted engine records them first and settles them once the gateway is back.
     *
     * @param handler receives each encoded message.
     * @return messages handed over.
     */
    public int drainUnrecordedOutputs(final MessageSink handler)
    {
        final int[] count = new int[1];
        decided.consume((buffer, offset, length, headOffset) ->
        {
            handler.offer(buffer, offset, length);
            count[0]++;
            return true;
        }, Integer.MAX_VALUE);
        return count[0];
    }

    /**
     * @return the order tracker of the engine the journal left, or null.
     */
    public OrderTracker tracker()
    {
        return tracker;
    }

    /**
     * @return the positions of the engine the journal left, or null.
     */
    public Positions positions()
    {
        return positions;
    }

    /**
     * @return engine runs in the journal.
     */
    public long runs()
    {
        return runs;
    }

    /**
     * @return inputs in the journal (market data, reports, commands, timer events).
     */
    public long events()
    {
        return events;
    }

    /**
     * @return inputs the state held before the first entry replayed: a snapshot's, or 0.
     */
    public long eventsBeforeReplay()
    {
        return eventsBeforeReplay;
    }

    /**
     * @return true if the replay started from a snapshot.
     */
    public boolean startedFromSnapshot()
    {
        return startedFromSnapshot;
    }

    /**
     * @return orders and cancels in the journal.
     */
    public long outputs()
    {
        return outputs;
    }

    /**
     * @return true if no difference was found.
     */
    public boolean identical()
    {
        return firstDifference == null;
    }

    /**
     * @return the first difference (where, what was recorded, what the replay decided), or null.
     */
    public String firstDifference()
    {
        return firstDifference;
    }

    private void start(final EngineConfig config, final long idBase)
    {
        final ReferenceData data = ReferenceData.load(config.refdataDir, config.tradeDate);
        positions = new Positions(data.instruments(), data.costs());
        tracker = TradingEngine.newTracker(config, data, positions, idBase);
        port.target = new GatewayPublisher(null, (buffer, offset, length) ->
            decided.append(buffer, offset, length) ? 0 : -1);
        engine = new TradingEngine(config, data, tracker, positions, TradingEngine.newStrategy(config), port,
            new EngineClock());
        gatewayInputs = new GatewayMessageHandler(engine);
    }

    private void checkOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        if (decided.isEmpty())
        {
            firstDifference = "entry " + entries + ": recorded " + describe(buffer, offset, length) +
                ", the replay decided nothing";
            return;
        }
        recordedBuffer = buffer;
        recordedOffset = offset;
        recordedLength = length;
        decided.consume(compareOldest, 1);
    }

    private boolean compareOldest(
        final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        matched = length == recordedLength;
        for (int i = 0; matched && i < length; i++)
        {
            // The header's schema version is the build's, not the decision's: a journal recorded by an earlier
            // build of a compatible schema replays identically if everything else is equal.
            matched = (i >= SCHEMA_VERSION_OFFSET && i < SCHEMA_VERSION_OFFSET + Short.BYTES) ||
                buffer.getByte(offset + i) == recordedBuffer.getByte(recordedOffset + i);
        }
        if (!matched)
        {
            firstDifference = "entry " + entries + ": recorded " +
                describe(recordedBuffer, recordedOffset, recordedLength) + ", the replay decided " +
                describe(buffer, offset, length);
        }
        return true;
    }

    private void checkNothingUnrecorded()
    {
        if (!decided.isEmpty())
        {
            decided.forEach((buffer, offset, length, headOffset) ->
            {
                firstDifference = "entry " + entries + ": the replay decided " +
                    describe(buffer, offset, length) + ", the journal recorded nothing";
                return false;
            }, 1);
        }
    }

    /**
     * @param buffer holding a journal entry, header first.
     * @param offset of the entry.
     * @param length of the entry.
     * @return the entry in words, for people.
     */
    static String describe(final DirectBuffer buffer, final int offset, final int length)
    {
        final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder().wrap(buffer, offset);
        final String text = JournalEntries.describe(buffer, offset, messageHeader);
        return text != null ? text : "template " + messageHeader.templateId() + " (" + length + " bytes)";
    }

    /**
     * The engine's order port: the replay's comparator while replaying, the live one after {@link #goLive}.
     */
    private static final class SwitchingPort implements OrderPort
    {
        private OrderPort target;

        @Override
        public long sendNewOrder(
            final ChildOrder order,
            final TimeInForce timeInForce,
            final ProgramFlag programFlag,
            final long triggerTimestampNs,
            final int listSeqNo,
            final int listSize)
        {
            return target.sendNewOrder(order, timeInForce, programFlag, triggerTimestampNs, listSeqNo, listSize);
        }

        @Override
        public long sendCancel(final long cancelId, final ChildOrder order)
        {
            return target.sendCancel(cancelId, order);
        }

        @Override
        public long sendStatusRequest(final ChildOrder order)
        {
            return target.sendStatusRequest(order);
        }
    }
}
