package io.basis.simulator.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures everything written to {@code System.err} (by the simulator, QuickFIX/J's and MINA's loggers alike)
 * while open, still passing it through, so a test can assert that no stack trace was printed.
 */
public final class StandardErrorCapture implements AutoCloseable
{
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    /**
     * Start capturing.
     */
    public StandardErrorCapture()
    {
        final OutputStream tee = new OutputStream()
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
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /**
     * @return everything written so far.
     */
    public String text()
    {
        synchronized (captured)
        {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * @return true if a Java stack trace (a line starting with a tab and "at ") was printed.
     */
    public boolean hasStackTrace()
    {
        return text().contains("\tat ") || text().contains("Exception in thread");
    }

    /**
     * Stop capturing: {@code System.err} is the original stream again.
     */
    @Override
    public void close()
    {
        System.err.flush();
        System.setErr(original);
    }
}
