package io.basis.simulator.refdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference-data CSV file: lines starting with '#' and blank lines are comments, the first other line is the
 * header, the rest are rows. Fields are plain comma-separated values (reference data never needs quoting).
 */
final class CsvFile
{
    private final List<CsvRow> rows;

    private CsvFile(final List<CsvRow> rows)
    {
        this.rows = rows;
    }

    /**
     * Read a file and check that its header declares every required column; extra columns are ignored so the
     * data can grow without breaking older simulators.
     */
    static CsvFile read(final Path directory, final String fileName, final String... requiredColumns)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(directory.resolve(fileName), StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            throw new ReferenceDataException(fileName, 0, null, "file not found in " + directory);
        }
        catch (final IOException ex)
        {
            throw new ReferenceDataException(fileName, 0, null, "cannot read: " + ex);
        }

        Map<String, Integer> columns = null;
        final List<CsvRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            final int lineNumber = i + 1;
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            final String[] values = line.split(",", -1);
            if (columns == null)
            {
                columns = header(fileName, lineNumber, values, requiredColumns);
            }
            else
            {
                if (values.length > columns.size())
                {
                    throw new ReferenceDataException(
                        fileName, lineNumber, null, values.length + " fields but the header has " + columns.size());
                }
                rows.add(new CsvRow(fileName, lineNumber, columns, values));
            }
        }
        if (columns == null)
        {
            throw new ReferenceDataException(fileName, 0, null, "no header row");
        }
        return new CsvFile(rows);
    }

    List<CsvRow> rows()
    {
        return rows;
    }

    private static Map<String, Integer> header(
        final String fileName, final int lineNumber, final String[] names, final String[] required)
    {
        final Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < names.length; c++)
        {
            if (columns.put(names[c].trim(), c) != null)
            {
                throw new ReferenceDataException(fileName, lineNumber, names[c].trim(), "duplicate column");
            }
        }
        for (final String name : required)
        {
            if (!columns.containsKey(name))
            {
                throw new ReferenceDataException(fileName, lineNumber, name, "missing column in header");
            }
        }
        return columns;
    }
}
