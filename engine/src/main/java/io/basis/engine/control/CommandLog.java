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

    private static final int REFUSALS_PER_SECOND = 10;

    private final Path file;
    private final Writer writer;
    private long refusalSecond;
    private int refusalsThisSecond;
    private long suppressedRefusals;

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
        final long nowMs = System.currentTimeMillis();
        final boolean accepted = verdict == CommandAuthenticator.Verdict.ACCEPTED;
        if (!accepted && !refusalMayBeRecorded(nowMs))
        {
            return true;
        }
        final StringBuilder line = new StringBuilder(160)
            .append(Instant.ofEpochMilli(nowMs))
            .append(" operator=").append(operator != null ? operator : claimedName(command));
        if (accepted)
        {
            line.append(" command=").append(command.command())
                .append(" correlationId=").append(command.correlationId())
                .append(" scope=").append(command.scope())
                .append(" target=").append(command.target())
                .append(" direction=").append(command.direction())
                .append(" contracts=").append(command.contracts())
                .append(" programId=").append(command.programId())
                .append(" ACCEPTED");
        }
        else
        {
            // Unsigned bytes are recorded as they came, never decoded into names a forger chose the values of.
            line.append(" command=").append(command.commandRaw())
                .append(" correlationId=").append(command.correlationId())
                .append(" REFUSED ").append(verdict);
            if (suppressedRefusals > 0)
            {
                line.append(" (").append(suppressedRefusals)
                    .append(" more refused in the second before, not recorded)");
                suppressedRefusals = 0;
            }
        }
        line.append(System.lineSeparator());
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

    /**
     * At most {@value #REFUSALS_PER_SECOND} refusals a second are recorded (and counted beyond): a flood of forged
     * commands must not turn the engine thread into a log writer.
     */
    private boolean refusalMayBeRecorded(final long nowMs)
    {
        final long second = nowMs / 1000;
        if (second != refusalSecond)
        {
            refusalSecond = second;
            refusalsThisSecond = 0;
        }
        if (refusalsThisSecond < REFUSALS_PER_SECOND)
        {
            refusalsThisSecond++;
            return true;
        }
        suppressedRefusals++;
        return false;
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
