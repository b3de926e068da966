package io.basis.simulator.refdata;

/**
 * Reference data that cannot be used, with the place and the reason: file, line, field, why.
 */
public final class ReferenceDataException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param file  file name.
     * @param line  1-based line number, or 0 when the problem is not on one line.
     * @param field column name, or null when the problem is not in one field.
     * @param why   what is wrong.
     */
    public ReferenceDataException(final String file, final int line, final String field, final String why)
    {
        super(file + (line > 0 ? ":" + line : "") + (field != null ? ": field " + field : "") + ": " + why);
    }
}
