package io.basis.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a sample reference-data set ({@code refdata/<name>}). JMH runs from the repository root under
 * {@code ./basis}, but from the module directory under Maven's tests, and a forked JMH JVM inherits whichever it
 * was: so the set is looked for in the working directory and each of its parents.
 */
final class SampleSets
{
    /** Overrides the search: the directory that holds the sets. */
    static final String ROOT_PROPERTY = "basis.refdata";

    private SampleSets()
    {
    }

    /**
     * @param name set name, e.g. {@code kospi200} or {@code emini}.
     * @return the set's directory.
     * @throws IllegalStateException if no such directory is found.
     */
    static Path directory(final String name)
    {
        final String root = System.getProperty(ROOT_PROPERTY);
        if (root != null)
        {
            return Path.of(root, name);
        }
        final Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("refdata").resolve(name);
            if (Files.isDirectory(candidate))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("no refdata/" + name + " in " + start + " or above: run from the repository " +
            "or set -D" + ROOT_PROPERTY + "=DIR");
    }
}
