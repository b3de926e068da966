package io.basis.gateway;

import java.util.ArrayList;
import java.util.List;

import quickfix.Message;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@link FixSession} that records what it is asked to send.
 */
final class RecordingSession implements FixSession
{
    final List<Message> sent = new ArrayList<>();
    boolean loggedOn = true;

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

    Message only()
    {
        assertEquals(1, sent.size());
        return sent.get(0);
    }
}
