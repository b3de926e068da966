package io.basis.engine.admin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operator tools given bad arguments, or no engine to talk to, answer with one line and an exit status.
 */
@Timeout(20)
class OperatorMainTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr()
    {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr()
    {
        System.setErr(originalErr);
    }

    @Test
    void badArgumentsExitTwoWithOneLineNamingTheProblem()
    {
        assertOneLine(2, "order: order needs cc, reverse, cancel or liquidate, not 'bogus'", "order", "bogus");
        assertOneLine(2, "order: order cancel needs --program ID", "order", "cancel");
        assertOneLine(2, "order: --contracts needs a whole number, not 'many'", "order", "cc", "--contracts", "many");
        assertOneLine(2, "kill: --scope must be all, account, strategy or instrument, not 'desk'", "kill",
            "--scope", "desk");
        assertOneLine(2, "kill: unknown option --everything", "kill", "--everything");
        assertOneLine(2, "halt: unknown command; order, kill or status", "halt");
        assertOneLine(2, "status: --aeron-dir needs a value", "status", "--aeron-dir");
    }

    @Test
    void noRunningEngineExitsOneWithOneLine()
    {
        final String aeronDir = dir.resolve("aeron").toString();

        assertOneLine(1, "status: no media driver at " + aeronDir, "status", "--aeron-dir", aeronDir);
        assertOneLine(1, "order: no media driver at " + aeronDir, "order", "cc", "--aeron-dir", aeronDir);
    }

    private void assertOneLine(final int status, final String expected, final String... args)
    {
        err.reset();

        assertEquals(status, OperatorMain.run(args));

        final String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith(expected), text);
        assertFalse(text.contains("Exception"), text);
    }
}
