package io.basis.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.TestAbortedException;

/**
 * The gateway against a stock jspurefix acceptor (jspurefix 5.11.4 from npm, pinned by its package-lock): an
 * executor written for this test ({@code src/test/interop/jspurefix/acceptor.js}) with jspurefix's default
 * acceptor configuration: its shipped QuickFIX-format FIX 4.4 dictionary ({@code qf44}), message validation on,
 * the in-memory store. {@link JspurefixRepositoryDictionaryInteropIT} repeats the tests with jspurefix's other
 * shipped FIX 4.4 dictionary.
 */
class JspurefixInteropIT extends StockAcceptorInterop
{
    /** Builds the counterparty once, before the tests' own timeouts start; a missing prerequisite skips each test. */
    @BeforeAll
    @Timeout(300)
    static void install()
    {
        try
        {
            InteropPrerequisites.jspurefixAcceptor();
        }
        catch (final TestAbortedException ex)
        {
            // Reported by each test, when startAcceptor asks again.
        }
    }

    /**
     * @return the alias of the jspurefix FIX 4.4 dictionary the acceptor validates with.
     */
    String dictionary()
    {
        return "qf44";
    }

    @Override
    CounterpartyProcess startAcceptor(
        final Path directory, final int orderEntryPort, final int marketDataPort, final Duration within)
        throws IOException
    {
        final Path acceptorDirectory = InteropPrerequisites.jspurefixAcceptor();
        return CounterpartyProcess.start("jspurefix-acceptor", List.of("node",
            acceptorDirectory.resolve("acceptor.js").toString(), Integer.toString(orderEntryPort),
            Integer.toString(marketDataPort), directory.resolve("jspurefix.log").toString(), dictionary()),
            directory, within);
    }
}
