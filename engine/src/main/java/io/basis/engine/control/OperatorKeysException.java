package io.basis.engine.control;

/**
 * An operator key file that cannot be used; the message names the file and, where it applies, the line.
 */
public final class OperatorKeysException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, and where.
     */
    public OperatorKeysException(final String message)
    {
        super(message);
    }
}
