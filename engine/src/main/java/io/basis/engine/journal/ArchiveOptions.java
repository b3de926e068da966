package io.basis.engine.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.basis.engine.Arguments;

/**
 * The command-line options the journal tools share: the archive and the window of engine runs to read.
 */
final class ArchiveOptions
{
    Path archiveDir;
    long fromMs = Long.MIN_VALUE;
    long toMs = Long.MAX_VALUE;

    /**
     * Take one of the shared options at {@code args[i]}.
     *
     * @param args the command line.
     * @param i    where the option stands.
     * @return the index of its last word, or -1 if {@code args[i]} is not one of them.
     * @throws IllegalArgumentException naming the option whose value is wrong.
     */
    int parse(final String[] args, final int i)
    {
        switch (args[i])
        {
            case "--archive":
                archiveDir = Path.of(Arguments.value(args, i + 1));
                return i + 1;
            case "--from":
                fromMs = instant(Arguments.value(args, i + 1), "--from");
                return i + 1;
            case "--to":
                toMs = instant(Arguments.value(args, i + 1), "--to");
                return i + 1;
            default:
                return -1;
        }
    }

    /**
     * @throws IllegalArgumentException if no usable archive was named.
     */
    void requireArchive()
    {
        if (archiveDir == null)
        {
            throw new IllegalArgumentException("--archive DIR is required");
        }
        if (!Files.isDirectory(archiveDir))
        {
            throw new IllegalArgumentException(archiveDir + ": no such archive directory");
        }
    }

    private static long instant(final String text, final String option)
    {
        try
        {
            return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) :
                Instant.parse(text).toEpochMilli();
        }
        catch (final DateTimeParseException | NumberFormatException ex)
        {
            throw new IllegalArgumentException(option + " needs an ISO-8601 instant or epoch milliseconds, not '" +
                text + "'");
        }
    }
}
