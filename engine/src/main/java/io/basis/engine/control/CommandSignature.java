package io.basis.engine.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.basis.protocol.sbe.AdminCommandEncoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * HMAC-SHA256 of an SBE {@code AdminCommand} under one operator's key: over the message header and every field
 * before {@code signature}, so that neither the command, its target, its correlation id nor the operator's name can
 * be changed without the key. One instance per key; not thread-safe; garbage-free after construction.
 */
public final class CommandSignature
{
    /** Bytes covered by the signature, from the start of the message header. */
    public static final int SIGNED_LENGTH =
        MessageHeaderEncoder.ENCODED_LENGTH + AdminCommandEncoder.signatureEncodingOffset();
    /** Bytes of a message that carries a signature: the header and the block up to the signature's end. */
    public static final int SIGNED_MESSAGE_LENGTH = SIGNED_LENGTH + AdminCommandEncoder.signatureEncodingLength();

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;
    private final byte[] message = new byte[SIGNED_LENGTH];
    private final byte[] expected = new byte[AdminCommandEncoder.signatureEncodingLength()];
    private final byte[] received = new byte[AdminCommandEncoder.signatureEncodingLength()];

    /**
     * @param key the operator's key.
     */
    public CommandSignature(final byte[] key)
    {
        try
        {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        }
        catch (final GeneralSecurityException ex)
        {
            // HmacSHA256 is a mandatory algorithm of every Java platform.
            throw new IllegalStateException(ALGORITHM + " unavailable", ex);
        }
    }

    /**
     * Write the signature of an encoded command into its {@code signature} field.
     *
     * @param buffer holding the command.
     * @param offset of its message header.
     */
    public void sign(final MutableDirectBuffer buffer, final int offset)
    {
        compute(buffer, offset, expected);
        buffer.putBytes(offset + SIGNED_LENGTH, expected);
    }

    /**
     * @param buffer holding a command.
     * @param offset of its message header.
     * @param length of the message.
     * @return true if the command carries this key's signature of its content.
     */
    public boolean verify(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < SIGNED_MESSAGE_LENGTH)
        {
            return false;
        }
        compute(buffer, offset, expected);
        buffer.getBytes(offset + SIGNED_LENGTH, received);
        // Constant time: how far a forged signature matches must not show in the time the engine takes.
        return MessageDigest.isEqual(expected, received);
    }

    private void compute(final DirectBuffer buffer, final int offset, final byte[] signature)
    {
        buffer.getBytes(offset, message);
        mac.update(message, 0, message.length);
        try
        {
            mac.doFinal(signature, 0);
        }
        catch (final GeneralSecurityException ex)
        {
            // The output array always fits the MAC.
            throw new IllegalStateException(ex);
        }
    }
}
