package io.basis.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.TestAbortedException;

/**
 * The gateway against a stock QuickFIX C++ acceptor (Debian 12's libquickfix 1.15.1): an executor written for
 * this test ({@code src/test/interop/quickfix-cpp/executor.cpp}) with QuickFIX's default session settings, the
 * stock FIX 4.4 data dictionary of QuickFIX 1.15.1, default validation (UseDataDictionary=Y, user-defined fields
 * validated, no unknown fields allowed) and a FileStore.
 */
class QuickFixCppInteropIT extends StockAcceptorInterop
{
    /** Builds the counterparty once, before the tests' own timeouts start; a missing prerequisite skips each test. */
    @BeforeAll
    @Timeout(300)
    static void build()
    {
        try
        {
            InteropPrerequisites.quickFixCppExecutor();
        }
        catch (final TestAbortedException ex)
        {
            // Reported by each test, when startAcceptor asks again.
        }
    }

    @Override
    CounterpartyProcess startAcceptor(
        final Path directory, final int orderEntryPort, final int marketDataPort, final Duration within)
        throws IOException
    {
        final Path executor = InteropPrerequisites.quickFixCppExecutor();
        // Only what an acceptor must name; everything else is QuickFIX's default.
        final Path settings = directory.resolve("executor.cfg");
        Files.writeString(settings, String.join("\n",
            "[DEFAULT]",
            "ConnectionType=acceptor",
            "BeginString=FIX.4.4",
            "SenderCompID=EXEC",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "UseDataDictionary=Y",
            "DataDictionary=" + InteropPrerequisites.quickFixCppDictionary(),
            "FileStorePath=" + directory.resolve("store"),
            "",
            "[SESSION]",
            "TargetCompID=BASIS-OE",
            "SocketAcceptPort=" + orderEntryPort,
            "",
            "[SESSION]",
            "TargetCompID=BASIS-MD",
            "SocketAcceptPort=" + marketDataPort,
            ""));
        return CounterpartyProcess.start("quickfix-cpp-executor", List.of(executor.toString(), settings.toString()),
            directory, within);
    }
}
