package io.basis.simulator.fix;

import java.util.Locale;
import java.util.Objects;

/**
 * One FIX session the exchange accepts: its role, the client's CompID, the FIX version, the account its orders
 * book to when they carry no Account(1), optional logon credentials, and whether it gets the Basis extensions.
 *
 * @param role        order entry or market data.
 * @param clientCompId the client's SenderCompID (the acceptor's TargetCompID).
 * @param beginString "FIX.4.2", "FIX.4.4" or "FIXT.1.1" (application version FIX.5.0SP2).
 * @param account     default account of the session's orders.
 * @param username    required Username(553) in the Logon, or null for none.
 * @param password    required Password(554) in the Logon, or null for none.
 * @param extensions  what the session gets beyond its version's stock dictionary.
 */
public record SessionDefinition(
    SessionRole role, String clientCompId, String beginString, String account, String username, String password,
    SessionExtensions extensions)
{
    /** FIX 4.2. */
    public static final String FIX42 = "FIX.4.2";
    /** FIX 4.4, the default. */
    public static final String FIX44 = "FIX.4.4";
    /** FIXT 1.1 transport with FIX 5.0SP2 application messages. */
    public static final String FIXT11 = "FIXT.1.1";

    /**
     * @throws IllegalArgumentException for an unsupported version or a blank CompID.
     */
    public SessionDefinition
    {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(extensions, "extensions");
        if (clientCompId == null || clientCompId.isBlank() || clientCompId.indexOf('\u0001') >= 0)
        {
            throw new IllegalArgumentException("session CompID must be non-empty");
        }
        if (!FIX42.equals(beginString) && !FIX44.equals(beginString) && !FIXT11.equals(beginString))
        {
            throw new IllegalArgumentException("unsupported FIX version " + beginString +
                " (FIX.4.2, FIX.4.4 or FIXT.1.1)");
        }
        if (account == null || account.isBlank())
        {
            account = clientCompId;
        }
        if ((username == null) != (password == null))
        {
            throw new IllegalArgumentException(
                "session " + clientCompId + ": give both username and password, or neither");
        }
    }

    /**
     * A session that gets only what the stock dictionary of its version allows ({@link SessionExtensions#STANDARD}).
     *
     * @param role         order entry or market data.
     * @param clientCompId the client's SenderCompID.
     * @param beginString  "FIX.4.2", "FIX.4.4" or "FIXT.1.1".
     * @param account      default account of the session's orders, or null for the CompID.
     * @param username     required Username(553), or null.
     * @param password     required Password(554), or null.
     */
    public SessionDefinition(
        final SessionRole role, final String clientCompId, final String beginString, final String account,
        final String username, final String password)
    {
        this(role, clientCompId, beginString, account, username, password, SessionExtensions.STANDARD);
    }

    /**
     * @param extensions what the session gets beyond its version's stock dictionary.
     * @return this definition with those extensions.
     */
    public SessionDefinition withExtensions(final SessionExtensions extensions)
    {
        return new SessionDefinition(role, clientCompId, beginString, account, username, password, extensions);
    }

    /**
     * A standard FIX 4.4 session without credentials whose account is its CompID.
     *
     * @param role         the role.
     * @param clientCompId the client's CompID.
     * @return the definition.
     */
    public static SessionDefinition of(final SessionRole role, final String clientCompId)
    {
        return new SessionDefinition(role, clientCompId, FIX44, clientCompId, null, null);
    }

    /**
     * Parse the command-line form {@code ROLE[+basis]:COMPID[:VERSION[:ACCOUNT[:USER:PASSWORD]]]}, ROLE {@code oe} or
     * {@code md}, VERSION {@code 4.2}, {@code 4.4} or {@code 5.0SP2}. {@code +basis} asks for the
     * {@link SessionExtensions#BASIS Basis extensions} ({@code +standard}, the default, for none).
     *
     * @param text the form.
     * @return the definition.
     * @throws IllegalArgumentException if malformed.
     */
    public static SessionDefinition parse(final String text)
    {
        final String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length == 5 || parts.length > 6)
        {
            throw new IllegalArgumentException(
                "session needs ROLE[+basis]:COMPID[:VERSION[:ACCOUNT[:USER:PASSWORD]]]: " + text);
        }
        final String[] roleAndExtensions = parts[0].toLowerCase(Locale.ROOT).split("\\+", -1);
        final SessionRole role = switch (roleAndExtensions[0])
        {
            case "oe" -> SessionRole.ORDER_ENTRY;
            case "md" -> SessionRole.MARKET_DATA;
            default -> throw new IllegalArgumentException("session role must be oe or md: " + parts[0]);
        };
        if (roleAndExtensions.length > 2)
        {
            throw new IllegalArgumentException("session role takes one +basis or +standard: " + parts[0]);
        }
        final SessionExtensions extensions = roleAndExtensions.length == 1 ? SessionExtensions.STANDARD :
            switch (roleAndExtensions[1])
            {
                case "basis" -> SessionExtensions.BASIS;
                case "standard" -> SessionExtensions.STANDARD;
                default -> throw new IllegalArgumentException(
                    "session extensions must be +basis or +standard: " + parts[0]);
            };
        final String version = parts.length > 2 ? switch (parts[2])
        {
            case "4.2", "FIX.4.2" -> FIX42;
            case "4.4", "FIX.4.4", "" -> FIX44;
            case "5.0SP2", "FIXT.1.1" -> FIXT11;
            default -> throw new IllegalArgumentException("session version must be 4.2, 4.4 or 5.0SP2: " + parts[2]);
        } : FIX44;
        final String account = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : parts[1];
        return new SessionDefinition(role, parts[1], version, account,
            parts.length == 6 ? parts[4] : null, parts.length == 6 ? parts[5] : null, extensions);
    }
}
