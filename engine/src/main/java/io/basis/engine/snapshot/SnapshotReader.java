package io.basis.engine.snapshot;

import java.util.zip.CRC32C;

import io.basis.engine.snapshot.sbe.MessageHeaderDecoder;
import io.basis.engine.snapshot.sbe.SnapshotEndDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

/**
 * Reads a snapshot written by {@link SnapshotWriter}, message by message, in the order it was written: each part
 * of the engine asks for the message it expects, and anything else (another message, another schema or version,
 * the end too soon) is a {@link SnapshotException} naming the message. {@link #verify} checks the whole snapshot
 * against its {@code SnapshotEnd} before anything is read.
 */
public final class SnapshotReader
{
    private static final int FRAME = Integer.BYTES;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64 * 1024);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final SnapshotEndDecoder end = new SnapshotEndDecoder();
    private int limit;
    private int position;
    private int index;

    /**
     * Start reading another snapshot.
     *
     * @return this.
     */
    public SnapshotReader reset()
    {
        limit = 0;
        position = 0;
        index = 0;
        return this;
    }

    /**
     * Read again from the first message.
     *
     * @return this.
     */
    public SnapshotReader rewind()
    {
        position = 0;
        index = 0;
        return this;
    }

    /**
     * Add the next message of a snapshot being collected (from an archive replay).
     *
     * @param source holding the message, header first.
     * @param offset of the message.
     * @param length of the message.
     */
    public void append(final DirectBuffer source, final int offset, final int length)
    {
        buffer.putInt(limit, length);
        buffer.putBytes(limit + FRAME, source, offset, length);
        limit += FRAME + length;
    }

    /**
     * Take a whole framed snapshot, as {@link SnapshotWriter#buffer()} holds it.
     *
     * @param source the framed messages.
     * @param length their length.
     * @return this.
     */
    public SnapshotReader wrap(final DirectBuffer source, final int length)
    {
        reset();
        buffer.putBytes(0, source, 0, length);
        limit = length;
        return this;
    }

    /**
     * @return true if the snapshot collected so far ends with its {@code SnapshotEnd}: it was written whole.
     */
    public boolean isWhole()
    {
        int offset = 0;
        int lastOffset = -1;
        while (offset + FRAME <= limit)
        {
            lastOffset = offset;
            offset += FRAME + buffer.getInt(offset);
        }
        return lastOffset >= 0 && offset == limit && header.wrap(buffer, lastOffset + FRAME).templateId() ==
            SnapshotEndDecoder.TEMPLATE_ID && header.schemaId() == SnapshotEndDecoder.SCHEMA_ID;
    }

    /**
     * Check the snapshot against its {@code SnapshotEnd}: the count of messages and their CRC-32C.
     *
     * @throws SnapshotException if it is not whole or not what was written.
     */
    public void verify()
    {
        if (!isWhole())
        {
            throw new SnapshotException("the snapshot is cut short: no SnapshotEnd after " + limit + " bytes");
        }
        final CRC32C checksum = new CRC32C();
        int offset = 0;
        int messages = 0;
        while (true)
        {
            final int length = buffer.getInt(offset);
            if (offset + FRAME + length == limit)
            {
                end.wrapAndApplyHeader(buffer, offset + FRAME, header);
                break;
            }
            checksum.update(buffer.byteArray(), offset + FRAME, length);
            offset += FRAME + length;
            messages++;
        }
        if (end.messages() != messages || end.checksum() != checksum.getValue())
        {
            throw new SnapshotException("the snapshot is corrupt: " + messages + " messages with CRC-32C " +
                Long.toHexString(checksum.getValue()) + ", its end says " + end.messages() + " with " +
                Long.toHexString(end.checksum()));
        }
    }

    /**
     * Read the next message, which must be of the decoder's type.
     *
     * @param decoder the expected message's decoder, wrapped here.
     * @param <T>     its type.
     * @return the decoder.
     * @throws SnapshotException if the next message is another one.
     */
    public <T extends MessageDecoderFlyweight> T next(final T decoder)
    {
        if (position + FRAME > limit)
        {
            throw new SnapshotException("message " + index + ": expected template " + decoder.sbeTemplateId() +
                ", the snapshot has ended");
        }
        final int length = buffer.getInt(position);
        header.wrap(buffer, position + FRAME);
        if (header.schemaId() != decoder.sbeSchemaId() || header.version() != decoder.sbeSchemaVersion() ||
            header.templateId() != decoder.sbeTemplateId())
        {
            throw new SnapshotException("message " + index + ": expected template " + decoder.sbeTemplateId() +
                " of schema " + decoder.sbeSchemaId() + " version " + decoder.sbeSchemaVersion() + ", found " +
                header.templateId() + " of schema " + header.schemaId() + " version " + header.version());
        }
        decoder.wrap(buffer, position + FRAME + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
            header.version());
        position += FRAME + length;
        index++;
        return decoder;
    }

    /**
     * @param templateId the template.
     * @return true if the next message is of this template, schema and version (for messages that repeat).
     */
    public boolean nextIs(final int templateId)
    {
        return position + FRAME <= limit && header.wrap(buffer, position + FRAME).templateId() == templateId &&
            header.schemaId() == MessageHeaderDecoder.SCHEMA_ID &&
            header.version() == MessageHeaderDecoder.SCHEMA_VERSION;
    }
}
