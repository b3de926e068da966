package io.basis.engine.journal;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import org.agrona.DirectBuffer;

/**
 * The engine's journal: every input the engine applies, in the order it applies them, each followed by the orders
 * and cancels it decided on that input; a publication that Aeron Archive records (see {@link JournalArchive}).
 * Fed the journal's inputs, a fresh engine takes the same decisions ({@link JournalReplay}), which is how a
 * recording is checked, audited and recovered from.
 * <p>
 * An input is appended <em>before</em> it is applied, and not applied while the recorder pushes back or, when
 * recording is required, while no recorder is connected, so nothing the engine did is missing from its recording.
 * With recording not required and no recorder (nobody subscribes) the journal is off and every append succeeds.
 * Entries that cannot wait (a command the gate has seen, outputs of a decision taken) are counted in
 * {@link #lost()} if the recorder cannot take them. Single-threaded, garbage-free.
 */
public final class EngineJournal
{
    /** Offers of an entry that cannot wait (its decision is taken) before it is counted lost. */
    private static final int WAITING_ATTEMPTS = 10_000;

    private final ExclusivePublication publication;
    private final boolean required;
    private long lost;

    /**
     * @param publication the journal stream's publication.
     * @param required    true if a recorder must take every entry (the engine records): while none is connected,
     *                    inputs wait rather than be applied unrecorded.
     */
    public EngineJournal(final ExclusivePublication publication, final boolean required)
    {
        this.publication = publication;
        this.required = required;
    }

    /**
     * Append an input about to be applied.
     *
     * @param buffer holding the message, header first.
     * @param offset of the message.
     * @param length of the message.
     * @return false if the recorder pushes back: do not apply the input now, offer it again later.
     */
    public boolean appendInput(final DirectBuffer buffer, final int offset, final int length)
    {
        final long result = publication.offer(buffer, offset, length);
        return result > 0 || (!required && !isRetryable(result));
    }

    /**
     * Append an entry that cannot be offered again later: an input the engine must apply now (an authenticated
     * command, a reject of an undeliverable order) or an order or cancel it decided on the last input. Rare or
     * already decided, so it may wait a moment for the recorder; counted in {@link #lost()} if it cannot.
     *
     * @param buffer holding the message, header first.
     * @param offset of the message.
     * @param length of the message.
     */
    public void appendNow(final DirectBuffer buffer, final int offset, final int length)
    {
        long result = Publication.BACK_PRESSURED;
        for (int attempt = 0; attempt < WAITING_ATTEMPTS && isRetryable(result); attempt++)
        {
            result = publication.offer(buffer, offset, length);
        }
        if (isRetryable(result) || (required && result < 0))
        {
            // Rare: the input before it was appended, so the recorder had room a moment ago. A replay reports the gap.
            lost++;
        }
    }

    /**
     * @return entries the recorder could not take in time; a replay of this run reports the first as a difference.
     */
    public long lost()
    {
        return lost;
    }

    private static boolean isRetryable(final long result)
    {
        return result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION;
    }

    /**
     * @return the journal's position: every entry appended so far lies before it.
     */
    public long position()
    {
        return publication.position();
    }
}
