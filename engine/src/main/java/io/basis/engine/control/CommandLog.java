package io.basis.engine.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import io.basis.protocol.sbe.AdminCommandDecoder;

/**
 * The record of every operator command an engine received: when, who (the operator it named), what, and whether
 * it was executed or refused and why; one line each, appended and flushed as it happens, so the record survives
 * the engine. Commands are rare and human-paced, so a line's formatting is not on the trading hot path.
 */
public final class CommandLog implements AutoCloseable
{
    /** File name of the default command log, beside the operator key file. */
    public static final String DEFAULT_FILE_NAME = "basis-commands.log";

    private final Path file;
    private final Writer writer;

    /**
     * @param file appended to; created if absent.
     */
    public CommandLog(final Path file)
    {
        this.file = file;
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(file + ": cannot open the command log", ex);
        }
    }

    /**
     * Record one command.
     *
     * @param command  the command, wrapped.
     * @param verdict  what authentication decided.
     * @param operator the listed operator it named, or null (the name it claimed is recorded then).
     * @return false if the line could not be written (the command is still decided as the verdict says).
     */
    public boolean record(
        final AdminCommandDecoder command, final CommandAuthenticator.Verdict verdict, final String operator)
    {
        final StringBuilder line = new StringBuilder(160)
            .append(Instant.now())
            .append(" operator=").append(operator != null ? operator : claimedName(command))
            .append(" command=").append(command.command())
            .append(" correlationId=").append(command.correlationId())
            .append(" scope=").append(command.scope())
            .append(" target=").append(command.target())
            .append(" direction=").append(command.direction())
            .append(" contracts=").append(command.contracts())
            .append(" programId=").append(command.programId())
            .append(verdict == CommandAuthenticator.Verdict.ACCEPTED ? " ACCEPTED" : " REFUSED " + verdict)
            .append(System.lineSeparator());
        try
        {
            writer.write(line.toString());
            writer.flush();
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static String claimedName(final AdminCommandDecoder command)
    {
        if (command.actingVersion() < AdminCommandDecoder.operatorNameSinceVersion())
        {
            return "?(unsigned v" + command.actingVersion() + ")";
        }
        final StringBuilder name = new StringBuilder("?");
        for (int i = 0; i < OperatorKeys.MAX_NAME_LENGTH; i++)
        {
            final byte b = command.operatorName(i);
            if (b == 0)
            {
                break;
            }
            // Whatever an unknown sender claims is recorded, but never as control characters.
            name.append(b >= 0x21 && b < 0x7f ? (char)b : '.');
        }
        return name.toString();
    }

    /**
     * @return where the record is kept.
     */
    public Path file()
    {
        return file;
    }

    @Override
    public void close()
    {
        try
        {
            writer.close();
        }
        catch (final IOException ignored)
        {
            // Closing: every line was already flushed.
        }
    }
}
