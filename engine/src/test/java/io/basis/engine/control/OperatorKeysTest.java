package io.basis.engine.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class OperatorKeysTest
{
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    @Test
    void aCreatedKeyFileIsReadableByItsOwnerOnlyAndListsOneOperatorWithARandomKey() throws Exception
    {
        final Path file = dir.resolve("sub").resolve("operators.keys");

        final OperatorKeys keys = OperatorKeys.loadOrCreate(file, "alice");
        final OperatorKeys again = OperatorKeys.loadOrCreate(file, "bob");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(java.util.List.of("alice"), keys.operators());
        assertArrayEquals(keys.key("alice"), again.key("alice"), "an existing file is read, not replaced");
        assertEquals("alice", keys.credential(null).operator());
        assertEquals(OperatorKeys.KEY_LENGTH, keys.key("alice").length);
    }

    @Test
    void aKeyFileOthersCanReadAuthorisesNobody() throws Exception
    {
        final Path file = write("alice=" + KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        final OperatorKeysException error = assertThrows(OperatorKeysException.class, () -> OperatorKeys.load(file));

        assertTrue(error.getMessage().contains("readable or writable by others (rw-r--r--); chmod 600"),
            error.getMessage());
    }

    @Test
    void aMalformedLineIsNamedWithItsFileAndLine() throws Exception
    {
        assertError("# operators\nalice=" + KEY + "\nbob=12ab", "operators.keys:3: key must be 64 hex digits");
        assertError("alice " + KEY, "operators.keys:1: expected NAME=KEY");
        assertError("alice=" + KEY.replace('f', 'g'), "operators.keys:1: key is not hexadecimal");
        assertError("al ice=" + KEY, "operators.keys:1: operator name may hold");
        assertError("alice=" + KEY + "\nalice=" + KEY, "operators.keys:2: operator alice listed twice");
        assertError("# nobody\n", "lists no operator");
    }

    @Test
    void aToolMustNameItsOperatorWhenTheFileListsSeveral() throws Exception
    {
        final OperatorKeys keys = OperatorKeys.load(write("alice=" + KEY + "\nbob=" + KEY));

        assertThrows(OperatorKeysException.class, () -> keys.credential(null));
        assertThrows(OperatorKeysException.class, () -> keys.credential("carol"));
        assertEquals("bob", keys.credential("bob").operator());
    }

    private void assertError(final String text, final String expected) throws Exception
    {
        final Path file = write(text);
        final OperatorKeysException error = assertThrows(OperatorKeysException.class, () -> OperatorKeys.load(file));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private Path write(final String text) throws Exception
    {
        final Path file = dir.resolve("operators.keys");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
        return file;
    }
}
