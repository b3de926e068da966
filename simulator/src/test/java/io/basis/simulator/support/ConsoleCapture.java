package io.basis.simulator.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures everything written to {@code System.out} and {@code System.err} while open (by the simulator, by
 * QuickFIX/J's session log and by the loggers of QuickFIX/J and MINA alike), still passing it through, so a test
 * can assert that no stack trace was printed. Open it before the simulator starts: the simulator's session log
 * keeps the {@code System.out} of its start.
 */
public final class ConsoleCapture implements AutoCloseable
{
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * Start capturing.
     */
    public ConsoleCapture()
    {
        System.setOut(new PrintStream(tee(out, originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err, originalErr), true, StandardCharsets.UTF_8));
    }

    /**
     * @return everything written to stdout so far.
     */
    public String out()
    {
        return text(out);
    }

    /**
     * @return everything written to stderr so far.
     */
    public String err()
    {
        return text(err);
    }

    /**
     * @return true if a Java stack trace (a line starting with a tab and "at ") was printed on either stream.
     */
    public boolean hasStackTrace()
    {
        return isStackTrace(out()) || isStackTrace(err());
    }

    /**
     * Stop capturing: {@code System.out} and {@code System.err} are the original streams again.
     */
    @Override
    public void close()
    {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static boolean isStackTrace(final String text)
    {
        return text.contains("\tat ") || text.contains("Exception in thread");
    }

    private static String text(final ByteArrayOutputStream captured)
    {
        synchronized (captured)
        {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    private static OutputStream tee(final ByteArrayOutputStream captured, final PrintStream original)
    {
        return new OutputStream()
        {
            @Override
            public void write(final int b)
            {
                synchronized (captured)
                {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(final byte[] bytes, final int offset, final int length)
            {
                synchronized (captured)
                {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }
        };
    }
}
