package io.basis.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/**
 * Builds the interoperability counterparties from {@code src/test/interop} into {@code target/interop}, once per
 * change of their sources: the QuickFIX C++ executor (g++ against Debian's {@code libquickfix-dev}) and the
 * jspurefix acceptor ({@code npm ci} of its pinned package-lock).
 * <p>
 * A missing tool fails the test under CI ({@code CI=true}), naming the prerequisite and the command that installs
 * it, because there a skipped interoperability test would hide that it never ran; on a developer's machine each
 * test is skipped with the same message. The outcome is kept for the JVM: a counterparty is built (or found
 * missing) once, by the first test class that asks, and every later ask answers the same.
 */
final class InteropPrerequisites
{
    /** Where the counterparties' sources are; failsafe runs in the module's directory. */
    static final Path SOURCES = Path.of("src", "test", "interop").toAbsolutePath();
    private static final Path BUILD = Path.of("target", "interop").toAbsolutePath();
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final String QUICKFIX_HEADER = "/usr/include/quickfix/SocketAcceptor.h";

    private InteropPrerequisites()
    {
    }

    /**
     * The stock FIX 4.4 data dictionary of the QuickFIX family the executor validates with: Debian's QuickFIX C++
     * package ships none, and this project vendors no third-party files, so it is QuickFIX/J's {@code FIX44.xml}
     * (same format and content lineage), taken from the quickfixj-messages-fix44 jar on the test class path.
     *
     * @return the dictionary, written under {@code target/interop}.
     */
    static synchronized Path quickFixCppDictionary()
    {
        final Path dictionary = BUILD.resolve("FIX44.xml");
        try (InputStream stock = InteropPrerequisites.class.getResourceAsStream("/FIX44.xml"))
        {
            if (stock == null)
            {
                throw new IllegalStateException("FIX44.xml is not on the test class path (quickfixj-messages-fix44)");
            }
            Files.createDirectories(BUILD);
            Files.copy(stock, dictionary, StandardCopyOption.REPLACE_EXISTING);
            return dictionary;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path executor;
    private static TestAbortedException executorMissing;
    private static Path jspurefix;
    private static TestAbortedException jspurefixMissing;

    /**
     * @return the QuickFIX C++ executor, compiled if missing or older than its source.
     * @throws TestAbortedException outside CI, if g++ or QuickFIX C++ is missing.
     */
    static synchronized Path quickFixCppExecutor()
    {
        if (executorMissing != null)
        {
            throw executorMissing;
        }
        if (executor == null)
        {
            try
            {
                executor = buildQuickFixCppExecutor();
            }
            catch (final TestAbortedException ex)
            {
                executorMissing = ex;
                throw ex;
            }
        }
        return executor;
    }

    /**
     * @return the directory holding the jspurefix acceptor and its {@code node_modules}, installed from the
     * package-lock with {@code npm ci} if it changed since the last install.
     * @throws TestAbortedException outside CI, if Node.js or npm is missing.
     */
    static synchronized Path jspurefixAcceptor()
    {
        if (jspurefixMissing != null)
        {
            throw jspurefixMissing;
        }
        if (jspurefix == null)
        {
            try
            {
                jspurefix = installJspurefixAcceptor();
            }
            catch (final TestAbortedException ex)
            {
                jspurefixMissing = ex;
                throw ex;
            }
        }
        return jspurefix;
    }

    private static Path buildQuickFixCppExecutor()
    {
        require(onPath("g++"), "g++", "apt-get install -y g++");
        require(Files.isReadable(Path.of(QUICKFIX_HEADER)), "QuickFIX C++ (" + QUICKFIX_HEADER + ")",
            "apt-get install -y libquickfix-dev");
        final Path source = SOURCES.resolve("quickfix-cpp/executor.cpp");
        final Path binary = BUILD.resolve("quickfix-cpp/executor");
        try
        {
            if (Files.isExecutable(binary) &&
                Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) >= 0)
            {
                return binary;
            }
            Files.createDirectories(binary.getParent());
            // C++14: QuickFIX 1.15's headers declare dynamic exception specifications, which C++17 removed.
            run(List.of("g++", "-std=c++14", "-O1", "-Wall", "-Wno-deprecated", "-o", binary.toString(),
                source.toString(), "-lquickfix", "-lpthread"), binary.getParent(), "compile the QuickFIX C++ executor");
            return binary;
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot build the QuickFIX C++ executor in " + binary.getParent(), ex);
        }
    }

    private static Path installJspurefixAcceptor()
    {
        require(onPath("node"), "Node.js", "apt-get install -y nodejs npm");
        require(onPath("npm"), "npm", "apt-get install -y npm");
        final Path source = SOURCES.resolve("jspurefix");
        final Path directory = BUILD.resolve("jspurefix");
        try
        {
            Files.createDirectories(directory);
            for (final String file : List.of("package.json", "package-lock.json", "acceptor.js"))
            {
                Files.copy(source.resolve(file), directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            final String lockDigest = sha256(Files.readAllBytes(directory.resolve("package-lock.json")));
            final Path stamp = directory.resolve("node_modules/.basis-installed-from");
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(lockDigest))
            {
                run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), directory,
                    "install jspurefix (npm ci; needs the npm registry once, then its cache)");
                Files.writeString(stamp, lockDigest);
            }
            return directory;
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot install the jspurefix acceptor in " + directory, ex);
        }
    }

    private static void require(final boolean present, final String what, final String install)
    {
        if (present)
        {
            return;
        }
        final String message = "interoperability test needs " + what + ", which is missing: install it with `" +
            install + "` (.ci/run does this in CI)";
        if ("true".equals(System.getenv("CI")))
        {
            throw new AssertionError(message);
        }
        // Printed too: Maven's summary counts skipped tests but does not say why.
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    private static boolean onPath(final String command)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return false;
        }
        for (final String directory : path.split(java.io.File.pathSeparator))
        {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command)))
            {
                return true;
            }
        }
        return false;
    }

    private static void run(final List<String> command, final Path directory, final String what) throws IOException
    {
        final Path output = directory.resolve("build-output.txt");
        final Process process = new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
        try
        {
            if (!process.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
            {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("could not " + what + " within " + BUILD_TIMEOUT + ": " +
                    String.join(" ", command) + "\n" + Files.readString(output));
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while trying to " + what, ex);
        }
        if (process.exitValue() != 0)
        {
            throw new AssertionError("could not " + what + ": `" + String.join(" ", command) + "` exited " +
                process.exitValue() + "\n" + Files.readString(output));
        }
    }

    private static String sha256(final byte[] bytes)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
