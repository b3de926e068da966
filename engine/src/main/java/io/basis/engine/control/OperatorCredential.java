package io.basis.engine.control;

/**
 * What an operator tool signs its commands with: the operator's name and secret key, as listed in the engine's
 * {@link OperatorKeys}.
 *
 * @param operator the operator's name.
 * @param key      the operator's {@value OperatorKeys#KEY_LENGTH}-byte key.
 */
public record OperatorCredential(String operator, byte[] key)
{
    /**
     * @throws OperatorKeysException if the name or the key cannot be used.
     */
    public OperatorCredential
    {
        OperatorKeys.checkName(operator, "operator name: ");
        if (key == null || key.length != OperatorKeys.KEY_LENGTH)
        {
            throw new OperatorKeysException("operator " + operator + ": key must be " + OperatorKeys.KEY_LENGTH +
                " bytes");
        }
        key = key.clone();
    }

    @Override
    public byte[] key()
    {
        return key.clone();
    }

    @Override
    public String toString()
    {
        // Never print the key.
        return "OperatorCredential[" + operator + "]";
    }
}
