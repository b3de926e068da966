package io.basis.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway against a stock jspurefix acceptor (jspurefix 5.11.4 from npm, pinned by its package-lock): an
 * executor written for this test ({@code src/test/interop/jspurefix/acceptor.js}) with jspurefix's default
 * acceptor configuration: its shipped QuickFIX-format FIX 4.4 dictionary ({@code qf44}), message validation on,
 * the in-memory store.
 */
class JspurefixInteropIT extends StockAcceptorInterop
{
    private static Path acceptorDirectory;

    @BeforeAll
    @Timeout(300)
    static void install()
    {
        acceptorDirectory = InteropPrerequisites.jspurefixAcceptor();
    }

    @Override
    CounterpartyProcess startAcceptor(
        final Path directory, final int orderEntryPort, final int marketDataPort, final Duration within)
        throws IOException
    {
        return CounterpartyProcess.start("jspurefix-acceptor", List.of("node",
            acceptorDirectory.resolve("acceptor.js").toString(), Integer.toString(orderEntryPort),
            Integer.toString(marketDataPort), directory.resolve("jspurefix.log").toString()), directory, within);
    }
}
