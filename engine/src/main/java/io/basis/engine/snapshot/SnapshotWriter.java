package io.basis.engine.snapshot;

import java.util.zip.CRC32C;

import io.basis.engine.snapshot.sbe.MessageHeaderEncoder;
import io.basis.engine.snapshot.sbe.SnapshotEndEncoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

/**
 * Encodes a snapshot: the SBE messages each part of the engine writes of its state, one after another, framed by
 * their length in one growing buffer, closed by a {@code SnapshotEnd} that counts them and carries their CRC-32C.
 * A part asks for the encoder of its message with {@link #begin}, fills it (groups included) and is done: the
 * next {@code begin}, or {@link #finish}, measures it. Reused from one snapshot to the next.
 */
public final class SnapshotWriter
{
    private static final int FRAME = Integer.BYTES;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64 * 1024);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final SnapshotEndEncoder end = new SnapshotEndEncoder();
    private final CRC32C checksum = new CRC32C();
    private MessageEncoderFlyweight open;
    private int openAt;
    private int limit;
    private int messages;

    /**
     * Start an empty snapshot.
     *
     * @return this.
     */
    public SnapshotWriter reset()
    {
        open = null;
        limit = 0;
        messages = 0;
        checksum.reset();
        return this;
    }

    /**
     * Start the next message.
     *
     * @param encoder the message's encoder, wrapped here after its header.
     * @param <T>     its type.
     * @return the encoder, to fill.
     */
    public <T extends MessageEncoderFlyweight> T begin(final T encoder)
    {
        commit();
        openAt = limit;
        header.wrap(buffer, openAt + FRAME)
            .blockLength(encoder.sbeBlockLength())
            .templateId(encoder.sbeTemplateId())
            .schemaId(encoder.sbeSchemaId())
            .version(encoder.sbeSchemaVersion());
        encoder.wrap(buffer, openAt + FRAME + MessageHeaderEncoder.ENCODED_LENGTH);
        open = encoder;
        return encoder;
    }

    /**
     * Close the snapshot with its {@code SnapshotEnd}.
     *
     * @return this.
     */
    public SnapshotWriter finish()
    {
        commit();
        begin(end).messages(messages).checksum(checksum.getValue());
        commit();
        return this;
    }

    /**
     * Hand every message over, in order, without its frame.
     *
     * @param consumer receives each message, header first; false stops the hand-over.
     * @return messages handed over.
     */
    public int forEachMessage(final MessageConsumer consumer)
    {
        int offset = 0;
        int count = 0;
        while (offset < limit)
        {
            final int length = buffer.getInt(offset);
            if (!consumer.accept(buffer, offset + FRAME, length))
            {
                break;
            }
            offset += FRAME + length;
            count++;
        }
        return count;
    }

    /**
     * @return the framed messages; {@link SnapshotReader} reads them.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return bytes of framed messages.
     */
    public int length()
    {
        return limit;
    }

    private void commit()
    {
        if (open == null)
        {
            return;
        }
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + open.encodedLength();
        buffer.putInt(openAt, length);
        checksum.update(buffer.byteArray(), openAt + FRAME, length);
        limit = openAt + FRAME + length;
        messages++;
        open = null;
    }

    /**
     * Receives the messages of a snapshot.
     */
    @FunctionalInterface
    public interface MessageConsumer
    {
        /**
         * @param buffer holding the message, header first.
         * @param offset of the message.
         * @param length of the message.
         * @return true to go on.
         */
        boolean accept(DirectBuffer buffer, int offset, int length);
    }
}
