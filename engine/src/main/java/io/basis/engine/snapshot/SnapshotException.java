package io.basis.engine.snapshot;

/**
 * A snapshot that cannot be loaded: cut short, corrupt, of another schema version or of another engine set-up. The
 * message says which message and why; whoever read it adds where it came from.
 */
public final class SnapshotException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong.
     */
    public SnapshotException(final String message)
    {
        super(message);
    }
}
