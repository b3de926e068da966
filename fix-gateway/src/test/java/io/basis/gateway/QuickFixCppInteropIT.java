package io.basis.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway against a stock QuickFIX C++ acceptor (Debian 12's libquickfix 1.15.1): an executor written for
 * this test ({@code src/test/interop/quickfix-cpp/executor.cpp}) with QuickFIX's default session settings, the
 * stock FIX 4.4 data dictionary of QuickFIX 1.15.1, default validation (UseDataDictionary=Y, user-defined fields
 * validated, no unknown fields allowed) and a FileStore.
 */
class QuickFixCppInteropIT extends StockAcceptorInterop
{
    private static Path executor;

    @BeforeAll
    @Timeout(300)
    static void build()
    {
        executor = InteropPrerequisites.quickFixCppExecutor();
    }

    @Override
    CounterpartyProcess startAcceptor(
        final Path directory, final int orderEntryPort, final int marketDataPort, final Duration within)
        throws IOException
    {
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
