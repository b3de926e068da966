package io.basis.engine;

import java.nio.file.Path;

import io.basis.engine.control.CommandAuthenticator;
import io.basis.engine.control.CommandLog;
import io.basis.engine.control.OperatorCredential;
import io.basis.engine.control.OperatorKeys;

/**
 * One authorised operator for tests that command an engine: a fresh key file and command log in a test directory.
 */
public final class TestOperators implements AutoCloseable
{
    public static final String OPERATOR = "tester";

    private final OperatorKeys keys;
    private final CommandLog log;

    public TestOperators(final Path dir)
    {
        keys = OperatorKeys.loadOrCreate(dir.resolve("operators.keys"), OPERATOR);
        log = new CommandLog(dir.resolve("commands.log"));
    }

    public CommandAuthenticator authenticator()
    {
        return new CommandAuthenticator(keys);
    }

    public CommandLog log()
    {
        return log;
    }

    public OperatorCredential credential()
    {
        return keys.credential(OPERATOR);
    }

    @Override
    public void close()
    {
        log.close();
    }
}
