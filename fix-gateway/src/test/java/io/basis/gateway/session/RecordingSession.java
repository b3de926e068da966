package io.basis.gateway.session;

import java.util.ArrayList;
import java.util.List;

import quickfix.Message;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@link FixSession} that records what it is asked to send.
 */
public final class RecordingSession implements FixSession
{
    /** Every message sent, oldest first. */
    public final List<Message> sent = new ArrayList<>();
    /** Whether the session says it is logged on; a send while it is not returns false (and is still recorded). */
    public boolean loggedOn = true;

    @Override
    public boolean isLoggedOn()
    {
        return loggedOn;
    }

    @Override
    public boolean send(final Message message)
    {
        sent.add(message);
        return loggedOn;
    }

    /**
     * @return the one message sent; fails the test if there was not exactly one.
     */
    public Message only()
    {
        assertEquals(1, sent.size());
        return sent.get(0);
    }
}
