package io.basis.engine.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operators allowed to command an engine, each with a secret key: a text file of {@code NAME=KEY} lines, KEY 64
 * hex digits (256 bits), {@code #} comments. The engine verifies every command on its control stream against it
 * (see {@link CommandAuthenticator}); operator tools sign with one entry of the same file. The file must belong to
 * the user running the process and be readable by that user only, like an SSH key: a key others can read, or a
 * file someone else planted, authorises nobody.
 * <p>
 * Immutable.
 */
public final class OperatorKeys
{
    /** Bytes of a key. */
    public static final int KEY_LENGTH = 32;
    /** Longest operator name (the SBE field's length). */
    public static final int MAX_NAME_LENGTH = 16;
    /** File name of the default key file, beside the Aeron directory. */
    public static final String DEFAULT_FILE_NAME = "basis-operators.keys";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path source;
    private final Map<String, byte[]> keys;

    private OperatorKeys(final Path source, final Map<String, byte[]> keys)
    {
        this.source = source;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /**
     * The default key file of an engine: {@value #DEFAULT_FILE_NAME} beside its Aeron directory, so that operator
     * tools that find the engine's Aeron directory find its keys too.
     *
     * @param aeronDir the engine's Aeron directory.
     * @return the path.
     */
    public static Path defaultFile(final String aeronDir)
    {
        return Path.of(aeronDir).toAbsolutePath().resolveSibling(DEFAULT_FILE_NAME);
    }

    /**
     * Read a key file.
     *
     * @param file the file.
     * @return its operators.
     * @throws OperatorKeysException naming the file (and line) if it is missing, unreadable, readable by others,
     *                               malformed or empty.
     */
    public static OperatorKeys load(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new OperatorKeysException(file + ": no operator key file");
        }
        checkOwnerOnly(file);
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new OperatorKeysException(file + ": cannot read (" + ex.getMessage() + ")");
        }
        final Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String where = file + ":" + (i + 1) + ": ";
            final int equals = line.indexOf('=');
            if (equals < 0)
            {
                throw new OperatorKeysException(where + "expected NAME=KEY");
            }
            final String name = line.substring(0, equals).trim();
            checkName(name, where);
            final byte[] key = parseKey(line.substring(equals + 1).trim(), where);
            if (keys.put(name, key) != null)
            {
                throw new OperatorKeysException(where + "operator " + name + " listed twice");
            }
        }
        if (keys.isEmpty())
        {
            throw new OperatorKeysException(file + ": lists no operator");
        }
        return new OperatorKeys(file, keys);
    }

    /**
     * Read a key file, or create it, readable by its owner only, with one operator and a fresh random key.
     *
     * @param file     the file.
     * @param operator the operator to create it with.
     * @return its operators.
     */
    public static OperatorKeys loadOrCreate(final Path file, final String operator)
    {
        if (!Files.exists(file))
        {
            create(file, operator);
        }
        return load(file);
    }

    /**
     * @return the operator a fresh key file is created for: the OS user, as far as an operator name allows.
     */
    public static String defaultOperator()
    {
        final String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "");
        return user.isEmpty() ? "operator" : user.substring(0, Math.min(user.length(), MAX_NAME_LENGTH));
    }

    private static void create(final Path file, final String operator)
    {
        checkName(operator, "operator name: ");
        final byte[] key = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(key);
        final String text = "# Basis operator keys: NAME=KEY (64 hex digits). Keep this file readable by its owner " +
            "only." + System.lineSeparator() + operator + "=" + HexFormat.of().formatHex(key) + System.lineSeparator();
        final Path dir = file.toAbsolutePath().getParent();
        Path written = null;
        try
        {
            Files.createDirectories(dir);
            written = supportsPosix(dir) ?
                Files.createTempFile(dir, ".operators", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY)) :
                Files.createTempFile(dir, ".operators", ".tmp");
            Files.writeString(written, text, StandardCharsets.US_ASCII);
            // A link appears whole and fails if the file exists: an engine and a tool starting together never
            // read a half-written file, and the first one's key wins.
            Files.createLink(file, written);
        }
        catch (final FileAlreadyExistsException ex)
        {
            // Created by another process first: read theirs.
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            throw new OperatorKeysException(file + ": cannot create (" + ex.getMessage() + ")");
        }
        finally
        {
            if (written != null)
            {
                try
                {
                    Files.deleteIfExists(written);
                }
                catch (final IOException ignored)
                {
                    // A stray temporary file of the owner's: harmless.
                }
            }
        }
    }

    /**
     * @return operator names, in file order.
     */
    public List<String> operators()
    {
        return new ArrayList<>(keys.keySet());
    }

    /**
     * @param operator an operator's name.
     * @return a copy of the operator's key, or null if not listed.
     */
    public byte[] key(final String operator)
    {
        final byte[] key = keys.get(operator);
        return key == null ? null : key.clone();
    }

    /**
     * The credential an operator tool signs with.
     *
     * @param operator the operator's name, or null for the file's only operator.
     * @return the credential.
     * @throws OperatorKeysException if the operator is not listed, or null is given and the file lists several.
     */
    public OperatorCredential credential(final String operator)
    {
        if (operator == null)
        {
            if (keys.size() != 1)
            {
                throw new OperatorKeysException(source + " lists " + keys.size() + " operators " + keys.keySet() +
                    ": name one with --operator");
            }
            final String only = keys.keySet().iterator().next();
            return new OperatorCredential(only, key(only));
        }
        final byte[] key = key(operator);
        if (key == null)
        {
            throw new OperatorKeysException(source + " does not list operator " + operator);
        }
        return new OperatorCredential(operator, key);
    }

    /**
     * @return where the keys were read from.
     */
    public Path source()
    {
        return source;
    }

    static void checkName(final String name, final String where)
    {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH)
        {
            throw new OperatorKeysException(where + "operator name must be 1 to " + MAX_NAME_LENGTH +
                " characters: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_' && c != '.')
            {
                throw new OperatorKeysException(where + "operator name may hold letters, digits, '-', '_' and '.' " +
                    "only: '" + name + "'");
            }
        }
    }

    private static byte[] parseKey(final String hex, final String where)
    {
        if (hex.length() != 2 * KEY_LENGTH)
        {
            throw new OperatorKeysException(where + "key must be " + 2 * KEY_LENGTH + " hex digits, found " +
                hex.length() + " characters");
        }
        try
        {
            return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new OperatorKeysException(where + "key is not hexadecimal");
        }
    }

    private static void checkOwnerOnly(final Path file)
    {
        if (!supportsPosix(file))
        {
            return;
        }
        try
        {
            final String owner = Files.getOwner(file).getName();
            final String user = System.getProperty("user.name");
            if (user != null && !owner.equals(user))
            {
                throw new OperatorKeysException(file + ": owned by " + owner + ", not by " + user +
                    " who runs this process; a key file someone else planted authorises nobody");
            }
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            for (final PosixFilePermission permission : permissions)
            {
                if (!OWNER_ONLY.contains(permission) && permission != PosixFilePermission.OWNER_EXECUTE)
                {
                    throw new OperatorKeysException(file + ": readable or writable by others (" +
                        PosixFilePermissions.toString(permissions) + "); chmod 600 it");
                }
            }
        }
        catch (final IOException ex)
        {
            throw new OperatorKeysException(file + ": cannot read permissions (" + ex.getMessage() + ")");
        }
    }

    private static boolean supportsPosix(final Path path)
    {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
