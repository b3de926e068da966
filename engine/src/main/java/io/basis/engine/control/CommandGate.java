package io.basis.engine.control;

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.basis.protocol.sbe.AdminCommandDecoder;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

/**
 * The gate every message on the engine's control stream passes: only an {@code AdminCommand} signed by an
 * authorised operator is executed, and every command, executed or refused, is recorded with who sent it. Runs on the
 * engine thread as the control subscription's fragment handler.
 */
public final class CommandGate implements FragmentHandler
{
    /**
     * Executes an accepted command.
     */
    @FunctionalInterface
    public interface Executor
    {
        /**
         * @param command the command, valid during the call only.
         * @param buffer  holding the encoded command, header first.
         * @param offset  of the command.
         * @param length  of the command.
         */
        void execute(AdminCommandDecoder command, DirectBuffer buffer, int offset, int length);
    }

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AdminCommandDecoder command = new AdminCommandDecoder();
    private final CommandAuthenticator authenticator;
    private final CommandLog log;
    private final Executor executor;
    private long accepted;
    private long refused;

    /**
     * @param authenticator decides who may command the engine.
     * @param log           records every command.
     * @param executor      runs accepted commands.
     */
    public CommandGate(final CommandAuthenticator authenticator, final CommandLog log, final Executor executor)
    {
        this.authenticator = authenticator;
        this.log = log;
        this.executor = executor;
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header ignored)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            refused++;
            return;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            header.templateId() != AdminCommandDecoder.TEMPLATE_ID)
        {
            refused++;
            return;
        }
        command.wrapAndApplyHeader(buffer, offset, header);
        final CommandAuthenticator.Verdict verdict = authenticator.verify(buffer, offset, length, command);
        log.record(command, verdict, authenticator.operator());
        if (verdict == CommandAuthenticator.Verdict.ACCEPTED)
        {
            accepted++;
            executor.execute(command, buffer, offset, length);
        }
        else
        {
            refused++;
        }
    }

    /**
     * @return commands executed.
     */
    public long accepted()
    {
        return accepted;
    }

    /**
     * @return messages refused: not a command of this schema, or not from an authorised operator.
     */
    public long refused()
    {
        return refused;
    }
}
