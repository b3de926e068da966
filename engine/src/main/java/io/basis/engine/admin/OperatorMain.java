package io.basis.engine.admin;

import io.aeron.Aeron;
import io.aeron.CncFileDescriptor;
import io.aeron.CommonContext;
import io.aeron.exceptions.AeronException;
import io.basis.engine.Arguments;
import io.basis.engine.control.OperatorCredential;
import io.basis.engine.control.OperatorKeys;
import io.basis.engine.control.OperatorKeysException;
import io.basis.engine.refdata.Instrument;
import io.basis.engine.refdata.ReferenceData;
import io.basis.engine.refdata.ReferenceDataException;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.Direction;
import io.basis.protocol.sbe.KillScope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Operator commands against a running engine, over its Aeron control stream and counters:
 * {@code ./basis order}, {@code ./basis kill}, {@code ./basis status}. Without {@code --aeron-dir} they find the
 * newest running demo under {@code run/}.
 */
public final class OperatorMain
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: basis order (cc|reverse) [--contracts N] | cancel --program ID | liquidate    [common options]",
        "       basis kill [--scope all|account|strategy|instrument] [--instrument SYMBOL] [--resume | --reduce-only]",
        "       basis status [--watch]",
        "common options:",
        "  --aeron-dir DIR   the engine's Aeron directory (default: newest run/demo-*/aeron, else Aeron's default)",
        "  --refdata DIR     reference data, to name instruments (default refdata/kospi200)",
        "  --operators FILE  the engine's operator key file (default: basis-operators.keys beside the Aeron directory)",
        "  --operator NAME   the operator to sign as (default: the key file's only operator)",
        "  --help            this text");
    private static final long CONFIRM_TIMEOUT_MS = 5_000;
    private static final Set<String> COMMANDS = Set.of("order", "kill", "status");
    private static final Set<String> ORDER_ACTIONS = Set.of("cc", "reverse", "cancel", "liquidate");

    private OperatorMain()
    {
    }

    /**
     * @param args the command (order, kill, status) and its options.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /**
     * Run one operator command; every failure is one line on stderr, never a stack trace.
     *
     * @param args the command and its options.
     * @return the exit status: 0 done, 1 the engine could not be reached or did not do it, 2 bad arguments.
     */
    static int run(final String[] args)
    {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h"))
        {
            System.out.println(USAGE);
            return 0;
        }
        final Options options;
        try
        {
            options = Options.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println(args[0] + ": " + ex.getMessage() + " (--help for usage)");
            return 2;
        }
        if (options.help)
        {
            System.out.println(USAGE);
            return 0;
        }
        try
        {
            return connectAndRun(options);
        }
        catch (final OperatorKeysException | ReferenceDataException | AeronException ex)
        {
            System.err.println(options.command + ": " + ex.getMessage());
            return 1;
        }
    }

    private static int connectAndRun(final Options options)
    {
        final String aeronDir = options.aeronDir != null ? options.aeronDir :
            Objects.requireNonNullElse(newestDemoAeronDir(), CommonContext.getAeronDirectoryName());
        if (!Files.exists(Path.of(aeronDir, CncFileDescriptor.CNC_FILE)))
        {
            System.err.println(options.command + ": no media driver at " + aeronDir +
                " (is an engine running? start one with ./basis demo, or name its directory with --aeron-dir)");
            return 1;
        }
        final Path keysFile = options.operatorKeys != null ? options.operatorKeys : OperatorKeys.defaultFile(aeronDir);
        final OperatorCredential credential = OperatorKeys.load(keysFile).credential(options.operator);
        final Aeron.Context context = new Aeron.Context().aeronDirectoryName(aeronDir);
        try (Aeron aeron = Aeron.connect(context); AdminClient admin = new AdminClient(aeron, credential))
        {
            final EngineStatusReader status = new EngineStatusReader(aeron.countersReader());
            if (!await(status::refresh))
            {
                System.err.println(options.command + ": no engine found on " + aeronDir);
                return 1;
            }
            return run(options, admin, status) ? 0 : 1;
        }
    }

    private static boolean run(final Options options, final AdminClient admin, final EngineStatusReader status)
    {
        switch (options.command)
        {
            case "status":
                do
                {
                    System.out.println(statusLine(status));
                }
                while (options.watch && pause(1_000));
                return true;
            case "kill":
                return kill(options, admin, status);
            case "order":
                return order(options, admin, status);
            default:
                System.err.println("unknown command " + options.command);
                return false;
        }
    }

    private static boolean kill(final Options options, final AdminClient admin, final EngineStatusReader status)
    {
        int instrumentId = 0;
        if (options.scope == KillScope.INSTRUMENT)
        {
            final Instrument instrument = ReferenceData.load(options.refdata, LocalDate.of(2026, 11, 23))
                .instrument(options.instrument);
            if (instrument == null)
            {
                System.err.println("kill: unknown instrument " + options.instrument);
                return false;
            }
            instrumentId = instrument.id();
        }
        final AdminCommandType command = options.resume ? AdminCommandType.RESUME :
            options.reduceOnly ? AdminCommandType.REDUCE_ONLY : AdminCommandType.KILL;
        final int target = instrumentId;
        if (!taken("kill", status, () -> admin.send(command, options.scope, target)))
        {
            return false;
        }
        if (command == AdminCommandType.KILL && options.scope != KillScope.INSTRUMENT)
        {
            final boolean halted = awaitCounter(status, EngineCounters.TRADING_STATE, state -> state == 2);
            final boolean drained = awaitCounter(status, EngineCounters.WORKING_ORDERS, working -> working == 0);
            System.out.println("kill: " + options.scope + " " + (halted ? "HALTED" : "not confirmed") +
                ", working orders " + status.get(EngineCounters.WORKING_ORDERS) +
                (drained ? "" : " (still cancelling)"));
            return halted && drained;
        }
        System.out.println("kill: " + command + " " + options.scope + (options.instrument != null ?
            " " + options.instrument : "") + " sent; " + statusLine(status));
        return true;
    }

    private static boolean order(final Options options, final AdminClient admin, final EngineStatusReader status)
    {
        final long before = status.get(EngineCounters.PROGRAMS_SENT);
        final long rejectsBefore = status.get(EngineCounters.RISK_REJECTS);
        final LongSupplier send;
        switch (options.orderAction)
        {
            case "cc":
                send = () -> admin.submitProgram(Direction.CASH_AND_CARRY, options.contracts);
                break;
            case "reverse":
                send = () -> admin.submitProgram(Direction.REVERSE, options.contracts);
                break;
            case "cancel":
                send = () -> admin.cancelProgram(options.programId);
                break;
            default:
                send = () -> admin.send(AdminCommandType.LIQUIDATE_AT_CLOSE);
                break;
        }
        if (!taken("order", status, send))
        {
            return false;
        }
        if (options.orderAction.equals("cancel"))
        {
            System.out.println("order: cancel of program " + options.programId + " sent");
            return true;
        }
        final boolean opened = awaitCounter(status, EngineCounters.PROGRAMS_SENT, programs -> programs > before);
        final long refused = status.get(EngineCounters.RISK_REJECTS) - rejectsBefore;
        System.out.println("order: " + (opened ? "program opened" : "no program opened") +
            (refused > 0 ? ", " + refused + " order(s) refused by pre-trade risk (reasons in the engine report)" : "") +
            "; " + statusLine(status));
        return opened && refused == 0;
    }

    /**
     * Offer a command until the engine's subscription takes it, then wait for the engine to accept or refuse it.
     */
    private static boolean taken(final String name, final EngineStatusReader status, final LongSupplier send)
    {
        final long acceptedBefore = status.get(EngineCounters.COMMANDS_ACCEPTED);
        final long refusedBefore = status.get(EngineCounters.COMMANDS_REFUSED);
        if (!await(() -> send.getAsLong() > 0))
        {
            System.err.println(name + ": the engine did not take the command (control stream not connected)");
            return false;
        }
        final boolean decided = await(() -> status.get(EngineCounters.COMMANDS_ACCEPTED) > acceptedBefore ||
            status.get(EngineCounters.COMMANDS_REFUSED) > refusedBefore);
        if (status.get(EngineCounters.COMMANDS_ACCEPTED) > acceptedBefore)
        {
            return true;
        }
        System.err.println(name + ": " + (decided ?
            "the engine refused the command: the operator is not authorised (see the engine's command log)" :
            "the engine did not confirm the command"));
        return false;
    }

    static String statusLine(final EngineStatusReader status)
    {
        final String[] states = {"ACTIVE", "REDUCING", "HALTED"};
        return String.format(Locale.ROOT,
            "state %s model %d | basis cc %+.2f rc %+.2f band [%+.2f, %+.2f] | programs %d/%d orders %d working %d " +
            "fills %d rejects %d risk-rejects %d | future %+d basket %+d",
            states[(int)Math.max(0, Math.min(2, status.get(EngineCounters.TRADING_STATE)))],
            status.get(EngineCounters.MODEL_STATE),
            Prices.toDouble(status.get(EngineCounters.BASIS_CASH_AND_CARRY)),
            Prices.toDouble(status.get(EngineCounters.BASIS_REVERSE)),
            Prices.toDouble(status.get(EngineCounters.BAND_LOWER)),
            Prices.toDouble(status.get(EngineCounters.BAND_UPPER)),
            status.get(EngineCounters.PROGRAMS_COMPLETED), status.get(EngineCounters.PROGRAMS_SENT),
            status.get(EngineCounters.CHILD_ORDERS_SENT), status.get(EngineCounters.WORKING_ORDERS),
            status.get(EngineCounters.FILLS), status.get(EngineCounters.REJECTS),
            status.get(EngineCounters.RISK_REJECTS), status.get(EngineCounters.FUTURE_POSITION),
            status.get(EngineCounters.BASKET_POSITION));
    }

    private static boolean awaitCounter(final EngineStatusReader status, final int typeId, final LongPredicate test)
    {
        return await(() -> test.test(status.get(typeId)));
    }

    private static boolean await(final java.util.function.BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONFIRM_TIMEOUT_MS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline || !pause(10))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean pause(final long millis)
    {
        try
        {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String newestDemoAeronDir()
    {
        final Path run = Path.of("run");
        if (!Files.isDirectory(run))
        {
            return null;
        }
        try (Stream<Path> runs = Files.list(run))
        {
            return runs.map(dir -> dir.resolve("aeron"))
                .filter(dir -> Files.exists(dir.resolve(CncFileDescriptor.CNC_FILE)))
                .max(Comparator.comparing(Path::toString))
                .map(Path::toString)
                .orElse(null);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private static final class Options
    {
        String command;
        String orderAction = "";
        String aeronDir;
        Path operatorKeys;
        String operator;
        Path refdata = Path.of("refdata", "kospi200");
        long contracts = 1;
        long programId;
        KillScope scope = KillScope.ALL;
        String instrument;
        boolean resume;
        boolean reduceOnly;
        boolean watch;
        boolean help;

        static Options parse(final String[] args)
        {
            final Options options = new Options();
            options.command = args[0];
            if (!COMMANDS.contains(options.command))
            {
                throw new IllegalArgumentException("unknown command; order, kill or status");
            }
            int i = 1;
            if (options.command.equals("order") && !(args.length > 1 && args[1].startsWith("-")))
            {
                if (args.length < 2 || !ORDER_ACTIONS.contains(args[1]))
                {
                    throw new IllegalArgumentException("order needs cc, reverse, cancel or liquidate" +
                        (args.length < 2 ? "" : ", not '" + args[1] + "'"));
                }
                options.orderAction = args[1];
                i = 2;
            }
            for (; i < args.length; i++)
            {
                switch (args[i])
                {
                    case "--help":
                    case "-h":
                        options.help = true;
                        break;
                    case "--aeron-dir":
                        options.aeronDir = Arguments.value(args, ++i);
                        break;
                    case "--refdata":
                        options.refdata = Path.of(Arguments.value(args, ++i));
                        break;
                    case "--operators":
                        options.operatorKeys = Path.of(Arguments.value(args, ++i));
                        break;
                    case "--operator":
                        options.operator = Arguments.value(args, ++i);
                        break;
                    case "--contracts":
                        options.contracts = number(args, ++i);
                        if (options.contracts <= 0)
                        {
                            throw new IllegalArgumentException("--contracts must be positive");
                        }
                        break;
                    case "--program":
                        options.programId = number(args, ++i);
                        break;
                    case "--scope":
                        options.scope = scope(Arguments.value(args, ++i));
                        break;
                    case "--instrument":
                        options.instrument = Arguments.value(args, ++i);
                        options.scope = KillScope.INSTRUMENT;
                        break;
                    case "--resume":
                        options.resume = true;
                        break;
                    case "--reduce-only":
                        options.reduceOnly = true;
                        break;
                    case "--watch":
                        options.watch = true;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (options.scope == KillScope.INSTRUMENT && options.instrument == null)
            {
                throw new IllegalArgumentException("--scope instrument needs --instrument SYMBOL");
            }
            if (options.command.equals("order") && options.orderAction.isEmpty() && !options.help)
            {
                throw new IllegalArgumentException("order needs cc, reverse, cancel or liquidate");
            }
            if (options.orderAction.equals("cancel") && options.programId <= 0 && !options.help)
            {
                throw new IllegalArgumentException("order cancel needs --program ID (a positive program id, as " +
                    "the demo report and the engine report list them)");
            }
            return options;
        }

        private static long number(final String[] args, final int index)
        {
            final String text = Arguments.value(args, index);
            try
            {
                return Long.parseLong(text);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException(args[index - 1] + " needs a whole number, not '" + text + "'");
            }
        }

        private static KillScope scope(final String text)
        {
            switch (text.toLowerCase(Locale.ROOT))
            {
                case "all":
                    return KillScope.ALL;
                case "account":
                    return KillScope.ACCOUNT;
                case "strategy":
                    return KillScope.STRATEGY;
                case "instrument":
                    return KillScope.INSTRUMENT;
                default:
                    throw new IllegalArgumentException("--scope must be all, account, strategy or instrument, not '" +
                        text + "'");
            }
        }
    }
}
