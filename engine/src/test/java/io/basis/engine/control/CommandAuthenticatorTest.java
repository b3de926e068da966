package io.basis.engine.control;

import java.nio.file.Path;

import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.AdminCommandEncoder;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.KillScope;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.basis.engine.control.CommandAuthenticator.Verdict.ACCEPTED;
import static io.basis.engine.control.CommandAuthenticator.Verdict.BAD_SIGNATURE;
import static io.basis.engine.control.CommandAuthenticator.Verdict.REPLAYED;
import static io.basis.engine.control.CommandAuthenticator.Verdict.UNKNOWN_OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Timeout(10)
class CommandAuthenticatorTest
{
    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final AdminCommandDecoder decoder = new AdminCommandDecoder();
    private CommandAuthenticator authenticator;
    private OperatorCredential alice;

    @BeforeEach
    void setUp()
    {
        final OperatorKeys keys = OperatorKeys.loadOrCreate(dir.resolve("operators.keys"), "alice");
        authenticator = new CommandAuthenticator(keys);
        alice = keys.credential("alice");
    }

    @Test
    void aCommandSignedByAListedOperatorIsAcceptedOnce()
    {
        assertEquals(ACCEPTED, verify(encode(alice, 10, AdminCommandType.KILL)));
        assertEquals("alice", authenticator.operator());

        assertEquals(REPLAYED, verify(encode(alice, 10, AdminCommandType.KILL)), "the same command again");
        assertEquals(REPLAYED, verify(encode(alice, 9, AdminCommandType.RESUME)), "an older correlation id");
        assertEquals(ACCEPTED, verify(encode(alice, 11, AdminCommandType.RESUME)));
    }

    @Test
    void aCommandAnEarlierRunAcceptedOrOneNumberedBeforeTheEngineStartedIsAReplay()
    {
        final CommandAuthenticator restarted = new CommandAuthenticator(
            OperatorKeys.load(dir.resolve("operators.keys")), 100);
        authenticator = restarted;
        restarted.accepted("alice", 150);

        assertEquals(REPLAYED, verify(encode(alice, 99, AdminCommandType.KILL)), "sent before this engine started");
        assertEquals(REPLAYED, verify(encode(alice, 150, AdminCommandType.KILL)), "accepted by the run before");
        assertEquals(ACCEPTED, verify(encode(alice, 151, AdminCommandType.KILL)));
    }

    @Test
    void aCommandAlteredAfterSigningDoesNotVerify()
    {
        final int length = encode(alice, 10, AdminCommandType.RESUME);
        // Turn the signed RESUME into a KILL without the key.
        new AdminCommandEncoder().wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH).command(AdminCommandType.KILL);

        assertEquals(BAD_SIGNATURE, verify(length));
    }

    @Test
    void aCommandSignedWithAnotherKeyUnderAListedNameDoesNotVerify()
    {
        final OperatorCredential other = OperatorKeys.loadOrCreate(dir.resolve("other.keys"), "x").credential(null);

        assertEquals(BAD_SIGNATURE, verify(encode(new OperatorCredential("alice", other.key()), 10,
            AdminCommandType.KILL)));
    }

    @Test
    void anUnlistedOperatorOrAnUnsignedOlderClientIsUnknown()
    {
        final OperatorCredential bob = OperatorKeys.loadOrCreate(dir.resolve("bob.keys"), "bob").credential(null);
        assertEquals(UNKNOWN_OPERATOR, verify(encode(bob, 10, AdminCommandType.KILL)));
        assertNull(authenticator.operator());

        // A version 3 client sends the block without operator and signature.
        final int v3Length = MessageHeaderEncoder.ENCODED_LENGTH + AdminCommandEncoder.operatorNameEncodingOffset();
        assertEquals(UNKNOWN_OPERATOR, verify(v3Length));
    }

    private int encode(final OperatorCredential credential, final long correlationId, final AdminCommandType type)
    {
        new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .command(type).correlationId(correlationId).scope(KillScope.ALL).target(0)
            .direction(Direction.CASH_AND_CARRY).contracts(0).programId(0).operatorName(credential.operator());
        new CommandSignature(credential.key()).sign(buffer, 0);
        return CommandSignature.SIGNED_MESSAGE_LENGTH;
    }

    private CommandAuthenticator.Verdict verify(final int length)
    {
        decoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        return authenticator.verify(buffer, 0, length, decoder);
    }
}
