package io.basis.gateway;

import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Tracks whether each FIX session is logged on and tells the engine with SBE {@code SessionStatus}: on every logon
 * and logout (QuickFIX/J thread) and again whenever an engine connects (gateway agent), so an engine that starts
 * after the sessions logged on still learns their state.
 * <p>
 * Both threads publish through here, so the state change and its publication happen under one lock; otherwise the
 * agent could republish a stale state after the QuickFIX/J thread published a newer one. Session events are rare,
 * so the lock (and the shared buffer it guards) costs nothing on the hot paths.
 */
public final class SessionStatusPublisher
{
    private final boolean[] loggedOn = new boolean[SessionRole.values().length - 1];
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(64);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final SessionStatusEncoder encoder = new SessionStatusEncoder();
    private final AtomicCounter sessionsUp;
    private final long gatewayId;

    /**
     * @param sessionsUp counter set to the number of logged-on sessions, or null.
     * @param gatewayId  this gateway process's id on every status (its start in epoch microseconds): an engine
     *                   that sees a new id knows a new gateway is there and sends it its instrument definitions.
     */
    public SessionStatusPublisher(final AtomicCounter sessionsUp, final long gatewayId)
    {
        this.sessionsUp = sessionsUp;
        this.gatewayId = gatewayId;
    }

    /**
     * Record and publish a session's new state.
     *
     * @param role     which session.
     * @param loggedOn its new state.
     * @param sink     the calling thread's sink.
     */
    public synchronized void onStateChange(final SessionRole role, final boolean loggedOn, final SbeSink sink)
    {
        this.loggedOn[role.ordinal()] = loggedOn;
        if (sessionsUp != null)
        {
            int up = 0;
            for (final boolean state : this.loggedOn)
            {
                up += state ? 1 : 0;
            }
            sessionsUp.setRelease(up);
        }
        publish(role, sink);
    }

    /**
     * Publish the current state of every session; called when an engine connects.
     *
     * @param sink the calling thread's sink.
     */
    public synchronized void republish(final SbeSink sink)
    {
        publish(SessionRole.ORDER_ENTRY, sink);
        publish(SessionRole.MARKET_DATA, sink);
    }

    /**
     * Whether a session is logged on, as last reported by QuickFIX/J.
     *
     * @param role which session.
     * @return true if logged on.
     */
    public synchronized boolean isLoggedOn(final SessionRole role)
    {
        return loggedOn[role.ordinal()];
    }

    private void publish(final SessionRole role, final SbeSink sink)
    {
        encoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .role(role)
            .state(loggedOn[role.ordinal()] ? SessionState.LOGGED_ON : SessionState.DISCONNECTED)
            .timestampNs(System.nanoTime())
            .gatewayId(gatewayId);
        // No engine yet: nothing to wait for, the state is republished when an engine connects.
        sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(),
            SbeSink.Delivery.DROP_IF_NO_ENGINE);
    }
}
