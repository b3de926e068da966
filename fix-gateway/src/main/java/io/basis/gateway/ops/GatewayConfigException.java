package io.basis.gateway.ops;

/**
 * The gateway's command line, configuration or QuickFIX/J settings are unusable; the message says why.
 */
public final class GatewayConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, for an operator.
     */
    public GatewayConfigException(final String message)
    {
        super(message);
    }

    /**
     * @param message what is wrong, for an operator.
     * @param cause   the underlying error.
     */
    public GatewayConfigException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
