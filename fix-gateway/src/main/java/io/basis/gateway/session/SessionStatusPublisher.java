package io.basis.gateway.session;

import java.util.HashSet;
import java.util.Set;

import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.link.SbeSink;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.SessionState;
import io.basis.protocol.sbe.SessionStatusEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Tracks whether each FIX session is logged on and tells the engine with SBE {@code SessionStatus}: on every logon
 * and logout and again whenever an engine connects, so an engine that starts after the sessions logged on still
 * learns their state.
 * <p>
 * The engine knows one order-entry and one market-data state, so with several sessions of a role the role is
 * published {@code LOGGED_ON} only while every session of it is logged on, and {@code DISCONNECTED} as soon as one
 * drops: an instrument whose session is down must not look tradable. The {@code sessionsUp} counter counts
 * sessions, not roles.
 * <p>
 * Owned by the gateway agent, which handles the logons and logouts QuickFIX/J hands over ({@link FixHandOff}) and
 * republishes to a connecting engine: a republish can never interleave with a newer state. Only
 * {@link #isLoggedOn} may be read from any thread (operators, tests), from a copy the agent publishes.
 */
public final class SessionStatusPublisher
{
    private final int[] sessions = new int[SessionRole.values().length - 1];
    private final int[] up = new int[SessionRole.values().length - 1];
    private final Set<Object> loggedOn = new HashSet<>();
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(64);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final SessionStatusEncoder encoder = new SessionStatusEncoder();
    private final AtomicCounter sessionsUp;
    private final long gatewayId;
    /** Per role, whether it is up, for {@link #isLoggedOn} on other threads; written by the owner only. */
    private volatile boolean orderEntryUp;
    private volatile boolean marketDataUp;

    /**
     * @param sessionsUp counter set to the number of logged-on sessions, or null.
     * @param gatewayId  this gateway process's id on every status (its start in epoch microseconds): an engine
     *                   that sees a new id knows a new gateway is there and sends it its instrument definitions.
     */
    public SessionStatusPublisher(final AtomicCounter sessionsUp, final long gatewayId)
    {
        this(sessionsUp, gatewayId, 1, 1);
    }

    /**
     * @param sessionsUp        counter set to the number of logged-on sessions, or null.
     * @param gatewayId         this gateway process's id on every status.
     * @param orderEntrySessions how many order-entry sessions must be logged on for the role to be.
     * @param marketDataSessions how many market-data sessions must be logged on for the role to be.
     */
    public SessionStatusPublisher(
        final AtomicCounter sessionsUp,
        final long gatewayId,
        final int orderEntrySessions,
        final int marketDataSessions)
    {
        this.sessionsUp = sessionsUp;
        this.gatewayId = gatewayId;
        sessions[SessionRole.ORDER_ENTRY.ordinal()] = orderEntrySessions;
        sessions[SessionRole.MARKET_DATA.ordinal()] = marketDataSessions;
    }

    /**
     * Record and publish the new state of a role's only session.
     *
     * @param role     which session.
     * @param loggedOn its new state.
     * @param sink     the calling thread's sink.
     */
    public void onStateChange(final SessionRole role, final boolean loggedOn, final SbeSink sink)
    {
        onStateChange(role, role, loggedOn, sink);
    }

    /**
     * Record a session's new state and publish its role's.
     *
     * @param session  the session (its SessionID), distinct from the role's other sessions.
     * @param role     its role.
     * @param loggedOn its new state.
     * @param sink     the calling thread's sink.
     */
    public void onStateChange(
        final Object session, final SessionRole role, final boolean loggedOn, final SbeSink sink)
    {
        final boolean changed = loggedOn ? this.loggedOn.add(session) : this.loggedOn.remove(session);
        if (changed)
        {
            up[role.ordinal()] += loggedOn ? 1 : -1;
        }
        if (sessionsUp != null)
        {
            sessionsUp.setRelease(this.loggedOn.size());
        }
        orderEntryUp = isUp(SessionRole.ORDER_ENTRY);
        marketDataUp = isUp(SessionRole.MARKET_DATA);
        publish(role, sink);
    }

    /**
     * Publish the current state of every session; called when an engine connects.
     *
     * @param sink the calling thread's sink.
     */
    public void republish(final SbeSink sink)
    {
        publish(SessionRole.ORDER_ENTRY, sink);
        publish(SessionRole.MARKET_DATA, sink);
    }

    /**
     * Whether a role is logged on (every session of it), as last reported by QuickFIX/J and handled by the owner.
     * Any thread may ask.
     *
     * @param role which role.
     * @return true if logged on.
     */
    public boolean isLoggedOn(final SessionRole role)
    {
        return role == SessionRole.ORDER_ENTRY ? orderEntryUp : role == SessionRole.MARKET_DATA && marketDataUp;
    }

    private boolean isUp(final SessionRole role)
    {
        final int expected = sessions[role.ordinal()];
        return expected > 0 && up[role.ordinal()] >= expected;
    }

    private void publish(final SessionRole role, final SbeSink sink)
    {
        encoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .role(role)
            .state(isUp(role) ? SessionState.LOGGED_ON : SessionState.DISCONNECTED)
            .timestampNs(System.nanoTime())
            .gatewayId(gatewayId);
        // No engine yet: nothing to wait for, the state is republished when an engine connects.
        sink.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(),
            SbeSink.Delivery.DROP_IF_NO_ENGINE);
    }
}
