package io.basis.gateway.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.basis.gateway.link.FixHandOff;
import io.basis.gateway.ops.Alarm;
import io.basis.gateway.ops.Alarms;
import io.basis.gateway.ops.GatewayCounters;
import io.basis.protocol.sbe.SessionRole;
import quickfix.Application;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.ClOrdID;
import quickfix.field.ListID;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.PossDupFlag;
import quickfix.field.RefSeqNum;
import quickfix.field.Text;

/**
 * QuickFIX/J callbacks of every session. Most run on the gateway agent, which runs QuickFIX/J's session processing
 * ({@link HandOffInitiator}); a logout on a timeout or a dropped connection runs on QuickFIX/J's timer or socket
 * threads, and {@code toApp}/{@code toAdmin} on whichever thread sends. None of them touches gateway state itself:
 * each message or session event the gateway acts on goes through the {@link FixHandOff}, which hands it to the
 * agent's handler ({@code ExchangeInbound}) at once on the agent's thread and queues it for the agent from any other,
 * so the translators, the journal, the lists and the recovery have one thread. What is done here is only what must
 * be decided while QuickFIX/J waits: refusing a resend ({@link DoNotSend}), remembering what went out by MsgSeqNum
 * ({@link SentMessages}, written under the session's own send lock, read by the agent), whether a Logout answers our
 * Logon, and alarms (thread safe). Nothing thrown here may reach QuickFIX/J, which would reject the message or drop
 * the session.
 */
public final class GatewayApplication implements Application
{
    private final SessionRoles roles;
    private final Map<SessionID, Integer> orderEntryIndex = new HashMap<>();
    private final FixHandOff handOff;
    private final GatewayCounters counters;
    private final Alarms alarms;
    private final SentMessages[] sent;

    /**
     * @param roles    which session does what.
     * @param handOff  to the gateway agent.
     * @param counters for new orders not resent.
     * @param alarms   for what only this thread sees (a refused logon, a reject it sent).
     * @param sent     per order-entry session, in {@link SessionRoles} order: what went out by MsgSeqNum.
     */
    public GatewayApplication(
        final SessionRoles roles,
        final FixHandOff handOff,
        final GatewayCounters counters,
        final Alarms alarms,
        final SentMessages[] sent)
    {
        this.roles = roles;
        this.handOff = handOff;
        this.counters = counters;
        this.alarms = alarms;
        this.sent = sent.clone();
        final List<SessionID> sessions = roles.orderEntrySessions();
        for (int i = 0; i < sessions.size(); i++)
        {
            orderEntryIndex.put(sessions.get(i), i);
        }
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        handOff.logon(sessionId);
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
        handOff.logout(sessionId);
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
        try
        {
            final Integer orderEntry = orderEntryIndex.get(sessionId);
            if (orderEntry != null && message.getHeader().isSetField(MsgSeqNum.FIELD))
            {
                // The sequence number now carries an admin message: a reject of it is no order's.
                sent[orderEntry].record(message.getHeader().getInt(MsgSeqNum.FIELD), SentMessages.NONE, 0);
            }
            if (MsgType.REJECT.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                // QuickFIX/J refused something the exchange sent (it failed validation): the message never reaches
                // the translators, so this is the only trace of it.
                alarms.raise(Alarm.SESSION_REJECT_SENT, sessionId + " RefSeqNum=" +
                    optional(message, RefSeqNum.FIELD) + " Text=" + optional(message, Text.FIELD));
            }
        }
        catch (final FieldNotFound ex)
        {
            // Every message has a MsgType.
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        final long receiveTimestampNs = System.nanoTime();
        try
        {
            final String msgType = message.getHeader().getString(MsgType.FIELD);
            if (MsgType.SEQUENCE_RESET.equals(msgType) && roles.roleOf(sessionId) == SessionRole.MARKET_DATA)
            {
                handOff.sequenceReset(sessionId, receiveTimestampNs);
            }
            else if (MsgType.LOGOUT.equals(msgType) && !isLoggedOn(sessionId))
            {
                // A Logout in answer to our Logon: refused credentials, an unknown CompID, a closed session. Decided
                // here: by the time the agent could look, every logout would look like this.
                alarms.raise(Alarm.LOGON_REFUSED, sessionId + " Text=" + optional(message, Text.FIELD));
            }
            else if (MsgType.REJECT.equals(msgType))
            {
                if (orderEntryIndex.containsKey(sessionId))
                {
                    handOff.sessionReject(sessionId, message);
                }
                else
                {
                    alarms.raise(Alarm.SESSION_REJECT, sessionId + " RefSeqNum=" +
                        optional(message, RefSeqNum.FIELD) + " Text=" + optional(message, Text.FIELD));
                }
            }
        }
        catch (final FieldNotFound ex)
        {
            // Every parsed message has a MsgType; nothing to do.
        }
        catch (final RuntimeException ex)
        {
            alarms.raise(Alarm.UNEXPECTED_FIX_MESSAGE, sessionId + " admin: " + ex);
        }
    }

    /**
     * Refuses to resend a stored new order (D or E) when the exchange asks for a resend: an order that old is
     * stale, and it may be known to the exchange already. QuickFIX/J gap fills it instead; the status request
     * sent at logon tells the engine whether the exchange ever had it. Cancels are resent.
     * <p>
     * Every order, cancel, status request and list that goes out on an order-entry session is remembered by its
     * MsgSeqNum (set by QuickFIX/J before this call), so that a Reject (3) naming only RefSeqNum can be traced to it.
     */
    @Override
    public void toApp(final Message message, final SessionID sessionId) throws DoNotSend
    {
        try
        {
            final Message.Header header = message.getHeader();
            final String msgType = header.getString(MsgType.FIELD);
            if (header.isSetField(PossDupFlag.FIELD) && header.getBoolean(PossDupFlag.FIELD))
            {
                if (MsgType.ORDER_SINGLE.equals(msgType) || MsgType.ORDER_LIST.equals(msgType))
                {
                    counters.ordersNotResent.incrementRelease();
                    throw new DoNotSend();
                }
            }
            final Integer orderEntry = orderEntryIndex.get(sessionId);
            if (orderEntry != null)
            {
                remember(sent[orderEntry], header.getInt(MsgSeqNum.FIELD), msgType, message);
            }
        }
        catch (final FieldNotFound ex)
        {
            // Every message has a MsgType, and a MsgSeqNum by now.
        }
    }

    private static void remember(final SentMessages sent, final int seqNum, final String msgType, final Message message)
        throws FieldNotFound
    {
        final byte kind = switch (msgType)
        {
            case MsgType.ORDER_SINGLE -> SentMessages.NEW_ORDER;
            case MsgType.ORDER_CANCEL_REQUEST -> SentMessages.CANCEL;
            case MsgType.ORDER_STATUS_REQUEST -> SentMessages.STATUS_REQUEST;
            case MsgType.ORDER_LIST -> SentMessages.ORDER_LIST;
            default -> SentMessages.NONE;
        };
        final long id = kind == SentMessages.NONE ? 0 :
            FixFields.orderId(message.getString(kind == SentMessages.ORDER_LIST ? ListID.FIELD : ClOrdID.FIELD));
        sent.record(seqNum, id == Long.MIN_VALUE ? SentMessages.NONE : kind, id);
    }

    /**
     * Stamps the message and hands it to the agent's handler: at once, since this runs on the agent inside the
     * session processing it runs for the message.
     */
    @Override
    public void fromApp(final Message message, final SessionID sessionId)
    {
        // Taken first: the closest this API lets us get to the wire once QuickFIX/J has checked the message.
        handOff.applicationMessage(sessionId, message, System.nanoTime());
    }

    private static boolean isLoggedOn(final SessionID sessionId)
    {
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.isLoggedOn();
    }

    private static String optional(final Message message, final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }
}
