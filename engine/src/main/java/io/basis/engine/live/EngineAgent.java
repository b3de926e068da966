package io.basis.engine.live;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import io.basis.engine.EngineClock;
import io.basis.engine.EngineConfig;
import io.basis.engine.status.EngineStatus;
import io.basis.engine.TradingEngine;
import io.basis.engine.control.CommandAuthenticator;
import io.basis.engine.control.CommandGate;
import io.basis.engine.control.CommandLog;
import io.basis.engine.gateway.GatewayMessageHandler;
import io.basis.engine.gateway.GatewayPublisher;
import io.basis.engine.gateway.Outbox;
import io.basis.engine.journal.EngineJournal;
import io.basis.engine.journal.EngineSnapshot;
import io.basis.engine.journal.JournalArchive;
import io.basis.engine.journal.JournalReplay;
import io.basis.engine.order.OrderTracker;
import io.basis.engine.position.Positions;
import io.basis.engine.position.PositionsFile;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.strategy.Strategy;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.CancelOrderDecoder;
import io.basis.protocol.sbe.CancelRejectDecoder;
import io.basis.protocol.sbe.CancelRejectEncoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.EngineStartedDecoder;
import io.basis.protocol.sbe.EngineStartedEncoder;
import io.basis.protocol.sbe.OrderRejectDecoder;
import io.basis.protocol.sbe.OrderRejectEncoder;
import io.basis.protocol.sbe.RejectReason;
import io.basis.protocol.sbe.StartOfDayPositionDecoder;
import io.basis.protocol.sbe.StartOfDayPositionEncoder;
import io.basis.protocol.sbe.TimerEventEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * The engine's duty cycle over Aeron: polls the gateway's stream and the control stream, journals each input and
 * feeds it to the {@link TradingEngine} (operator commands through the {@link CommandGate}), gives it a timer event
 * while something is due, publishes its orders through an {@link Outbox} (an order the gateway will never take
 * returns to the engine as a reject input, never as a failed call), introduces the engine to each gateway (logon
 * and instrument definitions) and writes its counters. Everything the engine decides is in {@link TradingEngine};
 * this class only moves messages. Single-threaded; garbage-free after start.
 */
public final class EngineAgent implements Agent
{
    private static final int GATEWAY_FRAGMENT_LIMIT = 64;
    private static final int CONTROL_FRAGMENT_LIMIT = 4;
    /** Orders and cancels that may wait for a back-pressured gateway publication. */
    private static final int OUTBOX_BYTES = 4 * 1024 * 1024;
    private static final long SNAPSHOT_TIMEOUT_MS = 5_000;

    private final TradingEngine engine;
    private final List<Instrument> instruments;
    private final GatewayPublisher publisher;
    private final Outbox outbox;
    private final EngineJournal journal;
    private final long idBase;
    private final String commandLine;
    private final long timerIntervalNs;
    private final ControlledFragmentHandler gatewayInput = this::onGatewayInput;
    private final UnsafeBuffer entryBuffer = new UnsafeBuffer(new byte[4096]);
    private final TimerEventEncoder timerEvent = new TimerEventEncoder();
    private final EngineStartedEncoder engineStarted = new EngineStartedEncoder();
    private final EngineStartedDecoder engineStartedDecoder = new EngineStartedDecoder();
    private final JournalReplay restored;
    private final JournalArchive archive;
    private final List<PositionsFile.Row> startOfDayPositions;
    private final StartOfDayPositionEncoder startOfDayPosition = new StartOfDayPositionEncoder();
    private final StartOfDayPositionDecoder startOfDayPositionDecoder = new StartOfDayPositionDecoder();
    private final CommandAuthenticator authenticator;
    private final EngineSnapshot snapshot = new EngineSnapshot();
    private final long snapshotIntervalNs;
    private final long archiveRetentionMs;
    private final long chainRecordingId;
    private final long journalRecordingId;
    private final long runs;
    private long inputs;
    private long lastSnapshotNs;
    private long snapshotsTaken;
    private long snapshotFailures;
    private long pendingTimerNs;
    private volatile boolean started;
    private long lastTimerNs;
    private final Outbox.UndeliverableHandler undeliverableHandler = this::onUndeliverable;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final OrderRejectEncoder orderReject = new OrderRejectEncoder();
    private final CancelRejectEncoder cancelReject = new CancelRejectEncoder();
    private final UnsafeBuffer rejectBuffer = new UnsafeBuffer(new byte[64]);
    private final Subscription gatewaySubscription;
    private final Subscription controlSubscription;
    private final GatewayMessageHandler gatewayHandler;
    private final CommandGate commandGate;
    private final EngineStatus status;
    private final NanoClock clock;
    /** This engine process's start, epoch microseconds: the gateway tells engines apart by it. */
    private final long engineId = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    private boolean gatewayConnected;
    private boolean logonSent;
    private int nextDefinition;
    private long introducedToGatewayId;

    EngineAgent(
        final EngineConfig config,
        final ReferenceData referenceData,
        final Publication gatewayPublication,
        final Subscription gatewaySubscription,
        final Subscription controlSubscription,
        final ExclusivePublication journalPublication,
        final long idBase,
        final EngineStatus status,
        final OrderTracker tracker,
        final Positions positions,
        final Strategy strategy,
        final NanoClock clock,
        final CommandAuthenticator authenticator,
        final CommandLog commandLog,
        final JournalReplay restored,
        final JournalArchive archive,
        final long chainRecordingId,
        final long journalRecordingId,
        final List<PositionsFile.Row> startOfDayPositions)
    {
        this.startOfDayPositions = startOfDayPositions;
        this.archive = archive;
        this.authenticator = authenticator;
        this.snapshotIntervalNs = config.snapshotIntervalNs > 0 ? config.snapshotIntervalNs : Long.MAX_VALUE;
        this.archiveRetentionMs = config.archiveRetentionMs;
        this.chainRecordingId = chainRecordingId;
        this.journalRecordingId = journalRecordingId;
        this.runs = restored != null ? restored.runs() + 1 : 1;
        this.inputs = restored != null ? restored.events() : 0;
        this.instruments = referenceData.instruments();
        this.gatewaySubscription = gatewaySubscription;
        this.controlSubscription = controlSubscription;
        this.status = status;
        this.clock = clock;
        this.idBase = idBase;
        this.commandLine = config.commandLine;
        this.timerIntervalNs = config.timerIntervalNs;
        journal = new EngineJournal(journalPublication, config.archiveDir != null);
        outbox = new Outbox(gatewayPublication, OUTBOX_BYTES);
        // Every order and cancel is journaled after the input that decided it, then offered to the gateway.
        publisher = new GatewayPublisher(gatewayPublication, (buffer, offset, length) ->
        {
            journal.appendNow(buffer, offset, length);
            return outbox.offer(buffer, offset, length);
        });
        this.restored = restored;
        engine = restored != null ? restored.goLive(publisher) :
            new TradingEngine(config, referenceData, tracker, positions, strategy, publisher, new EngineClock());
        gatewayHandler = new GatewayMessageHandler(engine);
        commandGate = new CommandGate(authenticator, commandLog, this::onCommand);
    }

    @Override
    public String roleName()
    {
        return "basis-engine";
    }

    /**
     * The run's first input: what a replay needs to start the same engine, and whether it continues a restored
     * state. A restored run then records what its predecessor decided but never recorded.
     */
    @Override
    public void onStart()
    {
        engineStarted.wrapAndApplyHeader(entryBuffer, 0, headerEncoder)
            .engineId(engineId)
            .idBase(idBase)
            .timestampNs(clock.nanoTime())
            .continued(restored != null ? BooleanType.TRUE : BooleanType.FALSE)
            .commandLine(commandLine);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + engineStarted.encodedLength();
        journal.appendNow(entryBuffer, 0, length);
        engine.onEngineStarted(engineStartedDecoder.wrapAndApplyHeader(entryBuffer, 0, header));
        for (final PositionsFile.Row row : startOfDayPositions)
        {
            startOfDayPosition.wrapAndApplyHeader(entryBuffer, 0, headerEncoder)
                .instrumentId(row.instrumentId())
                .quantity(row.quantity())
                .averagePrice(row.averagePrice());
            journal.appendNow(entryBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + startOfDayPosition.encodedLength());
            inputs++;
            engine.onStartOfDayPosition(startOfDayPositionDecoder.wrapAndApplyHeader(entryBuffer, 0, header));
        }
        if (restored != null)
        {
            restored.drainUnrecordedOutputs((buffer, offset, outputLength) ->
            {
                journal.appendNow(buffer, offset, outputLength);
                return 0;
            });
        }
        lastSnapshotNs = engine.nowNs();
        started = true;
    }

    /**
     * @return true once the run's first input is journaled and applied: the engine runs.
     */
    boolean hasStarted()
    {
        return started;
    }

    @Override
    public int doWork()
    {
        int work = 0;
        pendingTimerNs = clock.nanoTime();
        if (engine.needsTimer() && pendingTimerNs - lastTimerNs >= timerIntervalNs && applyTimer())
        {
            work++;
        }
        work += gatewaySubscription.controlledPoll(gatewayInput, GATEWAY_FRAGMENT_LIMIT);
        work += controlSubscription.poll(commandGate, CONTROL_FRAGMENT_LIMIT);
        work += introduceToGateway();
        work += outbox.drain();
        work += outbox.reportUndeliverable(undeliverableHandler);
        if (archive != null && engine.nowNs() - lastSnapshotNs >= snapshotIntervalNs)
        {
            takeSnapshot();
            work++;
        }
        engine.writeStatus(status);
        status.set(EngineCounters.SNAPSHOTS_TAKEN, snapshotsTaken);
        status.set(EngineCounters.SNAPSHOT_FAILURES, snapshotFailures);
        status.set(EngineCounters.UNDELIVERABLE_ORDERS, outbox.undeliverableCount());
        status.set(EngineCounters.LOST_ORDERS, outbox.lostCount());
        status.set(EngineCounters.JOURNAL_LOST, journal.lost());
        status.set(EngineCounters.COMMANDS_ACCEPTED, commandGate.accepted());
        status.set(EngineCounters.COMMANDS_REFUSED, commandGate.refused());
        return work;
    }

    /**
     * A gateway message: journaled, then applied. One without a time of its own (a reject) takes the engine's,
     * so the time that has passed is journaled first as a timer event.
     */
    private ControlledFragmentHandler.Action onGatewayInput(
        final DirectBuffer buffer, final int offset, final int length, final Header fragmentHeader)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH || !GatewayMessageHandler.isGatewayMessage(header.wrap(
            buffer, offset)))
        {
            // Anything else on the gateway's stream (another schema, a command, a journal entry) is never an input:
            // journaled, a replay would apply it.
            return ControlledFragmentHandler.Action.CONTINUE;
        }
        final int templateId = header.templateId();
        final boolean untimed = templateId == OrderRejectDecoder.TEMPLATE_ID ||
            templateId == CancelRejectDecoder.TEMPLATE_ID;
        if ((untimed && !timerCurrent()) || !journal.appendInput(buffer, offset, length))
        {
            return ControlledFragmentHandler.Action.ABORT;
        }
        inputs++;
        gatewayHandler.onFragment(buffer, offset, length, fragmentHeader);
        return ControlledFragmentHandler.Action.CONTINUE;
    }

    /**
     * An authenticated operator command: it carries no time of its own, so the time that has passed is journaled
     * first; it cannot be offered again (the gate has seen it), so it waits for the recorder if it must.
     */
    private void onCommand(
        final AdminCommandDecoder command, final DirectBuffer buffer, final int offset, final int length)
    {
        timerCurrent();
        journal.appendNow(buffer, offset, length);
        inputs++;
        engine.onAdminCommand(command);
    }

    /**
     * Make the engine's time current before an input that has none of its own.
     *
     * @return false if the timer event could not be journaled now.
     */
    private boolean timerCurrent()
    {
        return engine.nowNs() >= pendingTimerNs || applyTimer();
    }

    private boolean applyTimer()
    {
        timerEvent.wrapAndApplyHeader(entryBuffer, 0, headerEncoder).timestampNs(pendingTimerNs);
        if (!journal.appendInput(entryBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + timerEvent.encodedLength()))
        {
            return false;
        }
        lastTimerNs = pendingTimerNs;
        inputs++;
        engine.onTimer(pendingTimerNs);
        return true;
    }

    /**
     * Tell the gateway this engine stops, so that it keeps what follows for the next engine rather than offer it
     * to a subscription about to close. Runs on the agent thread as the runner closes.
     */
    @Override
    public void onClose()
    {
        if (archive != null && started)
        {
            // A clean stop leaves a snapshot of the last state: the next start replays nothing.
            takeSnapshot();
        }
        if (gatewayConnected)
        {
            publisher.sendLogout(engineId);
        }
    }

    /**
     * Snapshot the state between two inputs into the archive, then keep the two newest of this chain. Blocks the
     * duty cycle for as long as the archive takes (milliseconds); a failure is counted, never fatal: the journal
     * still holds everything, and a restart replays from the snapshot before.
     */
    private void takeSnapshot()
    {
        lastSnapshotNs = engine.nowNs();
        try
        {
            archive.recordSnapshot(snapshot.take(new EngineSnapshot.Coverage(engineId, journalRecordingId,
                journal.position(), chainRecordingId, inputs, runs, commandLine), engine, authenticator),
                SNAPSHOT_TIMEOUT_MS);
            snapshotsTaken++;
            archive.purgeSnapshots(chainRecordingId, 2, archiveRetentionMs, System.currentTimeMillis(),
                SNAPSHOT_TIMEOUT_MS);
        }
        catch (final RuntimeException ex)
        {
            snapshotFailures++;
        }
    }

    /**
     * Send the engine logon and every instrument definition once per gateway connection, or per new gateway, so
     * that a restarted gateway (which shares the publication its predecessor left) learns them again.
     */
    private int introduceToGateway()
    {
        final boolean connected = publisher.isConnected();
        if (connected != gatewayConnected || engine.gatewayId() != introducedToGatewayId)
        {
            gatewayConnected = connected;
            introducedToGatewayId = engine.gatewayId();
            nextDefinition = 0;
            logonSent = false;
        }
        int work = 0;
        if (connected && nextDefinition == 0 && !logonSent)
        {
            // First on every connection: a gateway that sees a new engine recovers the state of open orders.
            if (publisher.sendLogon(engineId) < 0)
            {
                return 0;
            }
            logonSent = true;
            work++;
        }
        while (connected && nextDefinition < instruments.size())
        {
            if (publisher.sendInstrumentDefinition(instruments.get(nextDefinition)) < 0)
            {
                break;
            }
            nextDefinition++;
            work++;
        }
        return work;
    }

    /**
     * @return the engine's decisions, for tests and the final report (read on the engine thread or after it).
     */
    TradingEngine tradingEngine()
    {
        return engine;
    }

    /**
     * @return operator commands refused since start (see {@link CommandGate}).
     */
    long commandsRefused()
    {
        return commandGate.refused();
    }

    /**
     * An order or cancel the gateway's publication will never take becomes the input the gateway would have sent
     * had it refused it: an order reject or a cancel reject, reason SESSION_DOWN, fed to the engine like any
     * other input once the decision that sent it has completed.
     */
    private void onUndeliverable(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
        {
            newOrder.wrapAndApplyHeader(buffer, offset, header);
            orderReject.wrapAndApplyHeader(rejectBuffer, 0, headerEncoder)
                .orderId(newOrder.orderId())
                .instrumentId(newOrder.instrumentId())
                .reason(RejectReason.SESSION_DOWN);
            applyNow(MessageHeaderEncoder.ENCODED_LENGTH + orderReject.encodedLength());
        }
        else if (header.templateId() == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancelOrder.wrapAndApplyHeader(buffer, offset, header);
            cancelReject.wrapAndApplyHeader(rejectBuffer, 0, headerEncoder)
                .orderId(cancelOrder.orderId())
                .cancelId(cancelOrder.cancelId())
                .reason(RejectReason.SESSION_DOWN);
            applyNow(MessageHeaderEncoder.ENCODED_LENGTH + cancelReject.encodedLength());
        }
    }

    private void applyNow(final int length)
    {
        timerCurrent();
        journal.appendNow(rejectBuffer, 0, length);
        inputs++;
        gatewayHandler.onFragment(rejectBuffer, 0, length, null);
    }
}
