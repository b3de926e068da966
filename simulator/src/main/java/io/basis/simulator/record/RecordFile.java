package io.basis.simulator.record;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes the {@link ExchangeRecord} as a {@code java.util.Properties} file with sorted keys, so runs can be
 * diffed and read back with {@code Properties.load}.
 */
public final class RecordFile
{
    private RecordFile()
    {
    }

    /**
     * Write atomically: to a temporary sibling first, then moved into place, so a reader never sees half a file.
     *
     * @param record the record.
     * @param file   destination.
     * @throws IOException if the file cannot be written.
     */
    public static void write(final ExchangeRecord record, final Path file) throws IOException
    {
        final Path absolute = file.toAbsolutePath();
        final Path directory = absolute.getParent();
        if (directory != null)
        {
            Files.createDirectories(directory);
        }
        final Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.ISO_8859_1))
        {
            writer.write("# Basis simulator exchange record; keys are described in docs/simulator.md\n");
            for (final Map.Entry<String, String> entry : record.toProperties().entrySet())
            {
                writer.write(escape(entry.getKey(), true));
                writer.write('=');
                writer.write(escape(entry.getValue(), false));
                writer.write('\n');
            }
        }
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Escape as {@code Properties.store} does, so account names with separators or non-Latin-1 text round-trip.
     */
    static String escape(final String text, final boolean key)
    {
        final StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default ->
                {
                    if (c < 0x20 || c > 0x7e)
                    {
                        sb.append(String.format("\\u%04X", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
