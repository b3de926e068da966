package io.basis.gateway.link;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.MsgSeqNum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-off from QuickFIX/J's threads to the gateway agent: everything arrives, in the order each thread handed
 * it over, on the thread that drains; a full queue holds its producer back instead of losing a message; what the
 * draining thread hands over itself is handled at once.
 */
@Timeout(20)
class FixHandOffTest
{
    private static final SessionID MARKET_DATA = new SessionID("FIX.4.4", "BASIS-MD", "SIM");
    private static final SessionID ORDER_ENTRY = new SessionID("FIX.4.4", "BASIS-OE", "SIM");

    /** Records each hand-off as one line, with the thread that handled it. */
    private static final class Recorder implements FixHandOff.Handler
    {
        final List<String> events = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();

        @Override
        public void onMessage(final Session session, final Message message)
        {
            record("read " + seqNum(message));
        }

        @Override
        public void onApplicationMessage(final SessionID sessionId, final Message message, final long receiveNs)
        {
            record(sessionId.getSenderCompID() + " app " + seqNum(message) + " at " + receiveNs);
        }

        @Override
        public void onSequenceReset(final SessionID sessionId, final long receiveTimestampNs)
        {
            record(sessionId.getSenderCompID() + " sequence reset at " + receiveTimestampNs);
        }

        @Override
        public void onSessionReject(final SessionID sessionId, final Message reject)
        {
            record(sessionId.getSenderCompID() + " reject " + seqNum(reject));
        }

        @Override
        public void onLogon(final SessionID sessionId)
        {
            record(sessionId.getSenderCompID() + " logon");
        }

        @Override
        public void onLogout(final SessionID sessionId)
        {
            record(sessionId.getSenderCompID() + " logout");
        }

        private void record(final String event)
        {
            events.add(event);
            threads.add(Thread.currentThread());
        }
    }

    private static Message message(final int seqNum)
    {
        final Message message = new Message();
        message.getHeader().setInt(MsgSeqNum.FIELD, seqNum);
        return message;
    }

    private static int seqNum(final Message message)
    {
        try
        {
            return message.getHeader().getInt(MsgSeqNum.FIELD);
        }
        catch (final FieldNotFound ex)
        {
            throw new AssertionError("every test message has a MsgSeqNum", ex);
        }
    }

    @Test
    void everyKindOfHandOffReachesTheHandlerInTheOrderItWasHandedOver()
    {
        final Recorder recorder = new Recorder();
        final FixHandOff handOff = new FixHandOff(16, recorder);

        handOff.message(null, message(1));
        handOff.logon(MARKET_DATA);
        handOff.applicationMessage(MARKET_DATA, message(2), 1_000);
        handOff.sequenceReset(MARKET_DATA, 2_000);
        handOff.sessionReject(ORDER_ENTRY, message(7));
        handOff.logout(ORDER_ENTRY);

        assertEquals(6, handOff.size());
        assertEquals(6, handOff.drain(100));
        assertEquals(List.of(
            "read 1",
            "BASIS-MD logon",
            "BASIS-MD app 2 at 1000",
            "BASIS-MD sequence reset at 2000",
            "BASIS-OE reject 7",
            "BASIS-OE logout"), recorder.events);
        assertEquals(0, handOff.size());
    }

    @Test
    void aDrainTakesAtMostItsLimitSoTheEnginesStreamIsPolledBetweenBursts()
    {
        final Recorder recorder = new Recorder();
        final FixHandOff handOff = new FixHandOff(16, recorder);
        for (int i = 1; i <= 10; i++)
        {
            handOff.applicationMessage(MARKET_DATA, message(i), i);
        }

        assertEquals(4, handOff.drain(4));
        assertEquals(6, handOff.size());
        assertEquals(6, handOff.drain(100));
        assertEquals(0, handOff.drain(100));
        assertEquals(10, recorder.events.size());
        assertEquals("BASIS-MD app 10 at 10", recorder.events.get(9));
    }

    @Test
    void messagesFromSeveralThreadsAllArriveInEachThreadsOwnOrderOnTheDrainingThread() throws Exception
    {
        final int perProducer = 20_000;
        // Smaller than what the producers hand over: they must wait for room, never drop.
        final Recorder recorder = new Recorder();
        final FixHandOff handOff = new FixHandOff(256, recorder);
        final CountDownLatch start = new CountDownLatch(1);
        final Thread marketData = producer(handOff, MARKET_DATA, perProducer, start);
        final Thread orderEntry = producer(handOff, ORDER_ENTRY, perProducer, start);
        start.countDown();

        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (recorder.events.size() < 2 * perProducer && System.nanoTime() < deadlineNs)
        {
            handOff.drain(64);
        }
        marketData.join();
        orderEntry.join();

        assertEquals(2 * perProducer, recorder.events.size());
        int nextMarketData = 1;
        int nextOrderEntry = 1;
        for (final String event : recorder.events)
        {
            if (event.startsWith("BASIS-MD"))
            {
                assertEquals("BASIS-MD app " + nextMarketData + " at " + nextMarketData++, event);
            }
            else
            {
                assertEquals("BASIS-OE app " + nextOrderEntry + " at " + nextOrderEntry++, event);
            }
        }
        for (final Thread thread : recorder.threads)
        {
            assertSame(Thread.currentThread(), thread);
        }
    }

    @Test
    void whatTheDrainingThreadHandsOverItselfIsHandledAtOnceNotQueued() throws Exception
    {
        final Recorder recorder = new Recorder();
        final FixHandOff handOff = new FixHandOff(16, recorder);
        final Thread socketThread = new Thread(() -> handOff.logout(ORDER_ENTRY), "socket");
        socketThread.start();
        socketThread.join();
        handOff.consumer(Thread.currentThread());

        // The logout a QuickFIX/J thread handed over waits for the drain; the agent's own callback (as inside the
        // session processing it runs while draining, when everything handed over before is handled) does not.
        handOff.logon(ORDER_ENTRY);
        assertEquals(List.of("BASIS-OE logon"), recorder.events);
        assertEquals(1, handOff.size());
        assertEquals(1, handOff.drain(100));
        assertEquals(List.of("BASIS-OE logon", "BASIS-OE logout"), recorder.events);
    }

    @Test
    void aClosedHandOffDropsWhatIsOfferedSinceNoAgentWillDrainIt()
    {
        final FixHandOff handOff = new FixHandOff(2, new Recorder());
        handOff.close();

        for (int i = 0; i < 10; i++)
        {
            // Would wait for room forever if it were not closed.
            handOff.logout(ORDER_ENTRY);
        }

        assertEquals(0, handOff.size());
        assertTrue(handOff.capacity() >= 2);
    }

    private static Thread producer(
        final FixHandOff handOff, final SessionID sessionId, final int count, final CountDownLatch start)
    {
        final Thread thread = new Thread(() ->
        {
            try
            {
                start.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
            for (int i = 1; i <= count; i++)
            {
                handOff.applicationMessage(sessionId, message(i), i);
            }
        }, "producer " + sessionId.getSenderCompID());
        thread.start();
        return thread;
    }
}
