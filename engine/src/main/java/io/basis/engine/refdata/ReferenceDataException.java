package io.basis.engine.refdata;

import java.nio.file.Path;

/**
 * A reference data file that cannot be used, with the place and the reason: a desk edits these files by hand.
 */
public final class ReferenceDataException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param file   the file.
     * @param line   1-based line number, or 0 for the whole file.
     * @param field  the column, or null.
     * @param reason why the value is not usable.
     */
    public ReferenceDataException(final Path file, final int line, final String field, final String reason)
    {
        super(file + (line > 0 ? ":" + line : "") + (field != null ? " field '" + field + "'" : "") + ": " + reason);
    }
}
