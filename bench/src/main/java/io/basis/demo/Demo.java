package io.basis.demo;

import io.aeron.Aeron;
import io.aeron.CncFileDescriptor;
import io.basis.engine.admin.AdminClient;
import io.basis.engine.admin.EngineStatusReader;
import io.basis.engine.refdata.Constituent;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.EngineCounters;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.AdminCommandType;
import io.basis.protocol.sbe.Direction;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the simulator, the gateway (with the media driver embedded) and the engine as three JVMs, trades for the
 * configured window, winds down so that every program ends in a terminal state, stops everything and reconciles
 * the engine's positions against the simulator's record of fills.
 */
final class Demo implements AutoCloseable
{
    static final String ACCOUNT = "BASIS1";
    private static final String[] TRADING_STATES = {"", " REDUCING", " HALTED"};
    private static final long START_TIMEOUT_MS = 60_000;
    private static final long DRAIN_TIMEOUT_MS = 15_000;
    private static final long STOP_TIMEOUT_MS = 20_000;

    private final DemoConfig config;
    private final PrintStream out;
    private final List<ChildProcess> processes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private static final List<String> STOP_ORDER = List.of("engine", "gateway", "simulator");
    private static final Pattern RECOVERED_COUNT = Pattern.compile("(\\d+) (inputs|open orders)");

    private Aeron aeron;
    private MediaDriver driver;
    private List<String> gatewayArgs;
    private List<String> engineArgs;
    private final List<ChildProcess> killed = new ArrayList<>();
    private final List<DemoReport.CrashReport> crashReports = new ArrayList<>();
    private AdminClient admin;
    private boolean stopped;
    private int controlPort;
    private String heaviestStock;
    private boolean armed;
    private long armedBaseline;
    private volatile boolean interrupted;

    Demo(final DemoConfig config, final PrintStream out)
    {
        this.config = config;
        this.out = out;
    }

    DemoReport run() throws IOException
    {
        Files.createDirectories(config.runDir);
        final Path aeronDir = config.runDir.resolve("aeron");
        final Path simRecord = config.runDir.resolve("exchange-record.properties");
        final Path engineReport = config.runDir.resolve("engine-report.properties");
        final int oePort = freePort();
        final int mdPort = freePort();
        final Path settings = writeGatewaySettings(config.runDir, oePort, mdPort);
        final long startNs = System.nanoTime();

        final List<String> simulatorArgs = new ArrayList<>(List.of(
            "--refdata", config.refdataDir.toString(), "--trade-date", config.tradeDate.toString(),
            "--oe-port", Integer.toString(oePort),
            "--md-port", Integer.toString(mdPort), "--seed", Long.toString(config.seed),
            "--record", simRecord.toString()));
        if (config.crashes.stream().anyMatch(crash -> crash.point() != null))
        {
            // Crash points are brought about with the simulator's faults, over its control port.
            controlPort = freePort();
            simulatorArgs.addAll(List.of("--control-port", Integer.toString(controlPort)));
            heaviestStock = heaviestStock(config.refdataDir, config.tradeDate);
        }
        final ChildProcess simulator = launch("simulator", "io.basis.simulator.SimulatorMain", simulatorArgs);
        await("simulator to listen", simulator::hasStarted, simulator);

        if (!config.crashes.isEmpty())
        {
            // The crash drill kills the gateway: the media driver must not die with it.
            driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(aeronDir.toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy(100, 10, 1_000, 100_000))
                // A killed process's publications and subscriptions go within 2 s, not the default 10.
                .clientLivenessTimeoutNs(TimeUnit.SECONDS.toNanos(2))
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
        }
        gatewayArgs = new ArrayList<>(List.of(
            "--settings", settings.toString(), "--aeron-dir", aeronDir.toString(), "--account", ACCOUNT));
        if (driver == null)
        {
            gatewayArgs.add("--embedded-driver");
        }
        final ChildProcess gateway = launch("gateway", "io.basis.gateway.GatewayMain", gatewayArgs);
        await("gateway to start its media driver",
            () -> Files.exists(aeronDir.resolve(CncFileDescriptor.CNC_FILE)) && gateway.hasStarted(), gateway);

        engineArgs = List.of(
            "--refdata", config.refdataDir.toString(), "--trade-date", config.tradeDate.toString(),
            "--aeron-dir", aeronDir.toString(), "--report", engineReport.toString());
        final ChildProcess engine = launch("engine", "io.basis.engine.live.EngineMain", engineArgs);

        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir.toString()));
        admin = AdminClient.withDefaultKeys(aeron);
        final EngineStatusReader status = new EngineStatusReader(aeron.countersReader());
        await("engine to publish its counters", status::refresh, engine);
        await("market data to reach the engine", () -> status.get(EngineCounters.MARKET_DATA_UPDATES) > 0, engine);
        out.printf("demo: simulator pid %d, gateway pid %d, engine pid %d; logs in %s%n",
            simulator.pid(), gateway.pid(), engine.pid(), config.runDir);

        trade(status);

        out.printf("demo: stopping (%d programs, %d working orders)%n",
            status.get(EngineCounters.PROGRAMS_SENT), status.get(EngineCounters.WORKING_ORDERS));
        stopAll();

        final Properties engineProps = load(engineReport);
        final Properties exchangeProps = load(simRecord);
        final Reconciliation reconciliation = new Reconciliation(engineProps, exchangeProps, ACCOUNT);
        return new DemoReport(
            config.seconds,
            (System.nanoTime() - startNs) / 1_000_000,
            engineProps,
            exchangeProps,
            reconciliation,
            allProcesses(),
            failures,
            crashReports);
    }

    private void trade(final EngineStatusReader status)
    {
        int nextCrash = 0;
        final long tradingStartNs = System.nanoTime();
        final long quiesceAtNs = tradingStartNs + TimeUnit.SECONDS.toNanos(config.seconds - config.quiesceSeconds());
        final long endNs = tradingStartNs + TimeUnit.SECONDS.toNanos(config.seconds);
        long nextStatusNs = tradingStartNs + TimeUnit.SECONDS.toNanos(1);
        boolean quiescing = false;
        while (true)
        {
            if (interrupted)
            {
                failures.add("interrupted");
                out.println("demo: interrupted, stopping");
                return;
            }
            final long now = System.nanoTime();
            final DemoConfig.Crash due = nextCrash < config.crashes.size() && !quiescing ?
                config.crashes.get(nextCrash) : null;
            final CrashPoint point = due != null ? due.point() : null;
            if (point != null && !armed && status.get(EngineCounters.WORKING_ORDERS) == 0)
            {
                // Armed while nothing works, then a program is submitted to meet the fault from its start (the
                // direction that brings the position back towards flat, so that position limits allow it).
                control(point.arm(ACCOUNT, heaviestStock));
                armedBaseline = point.baseline(status);
                armed = true;
                submitProgram(status.get(EngineCounters.FUTURE_POSITION) < 0 ? Direction.REVERSE :
                    Direction.CASH_AND_CARRY, point.contracts());
            }
            if (due != null && (point != null ? armed && point.reached(status, armedBaseline) :
                now >= tradingStartNs + TimeUnit.SECONDS.toNanos(due.atSecond())))
            {
                nextCrash++;
                final int second = (int)((now - tradingStartNs) / 1_000_000_000L);
                if (!crash(due, second, status))
                {
                    return;
                }
                if (point != null)
                {
                    control(point.lift(ACCOUNT, heaviestStock));
                    armed = false;
                }
                continue;
            }
            if (!quiescing && now >= quiesceAtNs)
            {
                quiescing = true;
                out.println("demo: winding down: no new programs, cancelling working orders");
                sendCommand(AdminCommandType.CANCEL_ALL);
            }
            if (crashReports.size() > 0)
            {
                // Counters of a killed engine linger until the driver times its client out: follow the new one.
                status.refresh();
            }
            if (now >= endNs && (status.get(EngineCounters.WORKING_ORDERS) == 0 || now >= endNs + ms(DRAIN_TIMEOUT_MS)))
            {
                if (nextCrash < config.crashes.size())
                {
                    failures.add("crash " + config.crashes.get(nextCrash).when() + " was never reached");
                }
                return;
            }
            for (final ChildProcess process : processes)
            {
                if (!process.isAlive())
                {
                    failures.add(process.role() + " exited early with code " + process.exitValue());
                    out.println("demo: " + process.role() + " exited early; last output:");
                    out.println(process.tail());
                    return;
                }
            }
            if (config.live && now >= nextStatusNs)
            {
                out.println(statusLine(status, (now - tradingStartNs) / 1_000_000_000L));
                nextStatusNs += TimeUnit.SECONDS.toNanos(1);
            }
            sleepBriefly();
        }
    }

    /**
     * Kill a role's process with SIGKILL and start it again with the same command; wait until it runs.
     *
     * @return false if it could not be started again (recorded as a failure).
     */
    private boolean crash(final DemoConfig.Crash crash, final int atSecond, final EngineStatusReader status)
    {
        final ChildProcess victim = processes.stream().filter(p -> p.role().equals(crash.role())).reduce(
            (earlier, later) -> later).orElseThrow();
        out.printf("demo: crash drill: killing the %s (pid %d) with SIGKILL%s%n", crash.role(), victim.pid(),
            crash.point() != null ? " at point " + crash.point().label() : "");
        final long killedNs = System.nanoTime();
        victim.kill();
        processes.remove(victim);
        killed.add(victim);
        final ChildProcess restarted = crash.role().equals("engine") ?
            launch("engine", "io.basis.engine.live.EngineMain", engineArgs) :
            launch("gateway", "io.basis.gateway.GatewayMain", gatewayArgs);
        try
        {
            await(crash.role() + " to start again", restarted::hasStarted, restarted);
        }
        catch (final IllegalStateException ex)
        {
            failures.add(ex.getMessage());
            return false;
        }
        final String refusal = restarted.firstLineStartingWith(crash.role() + ": cannot start");
        if (refusal != null)
        {
            failures.add("the " + crash.role() + " did not start again: " + refusal);
            out.println("demo: " + refusal);
            return false;
        }
        final long restartedAfterMs = (System.nanoTime() - killedNs) / 1_000_000;
        final long recovered = recoveredEvents(restarted);
        crashReports.add(new DemoReport.CrashReport(crash.role(), atSecond,
            crash.point() != null ? crash.point().label() : null, restartedAfterMs, recovered));
        out.printf("demo: crash drill: %s running again after %d ms (pid %d, %d recovered events)%n",
            crash.role(), restartedAfterMs, restarted.pid(), recovered);
        status.refresh();
        return true;
    }

    /**
     * What a restarted process recovered, from its first lines: the engine's inputs replayed from its journal,
     * the gateway's open orders from its order journal.
     */
    private static long recoveredEvents(final ChildProcess restarted)
    {
        final String line = restarted.firstLineStartingWith(
            restarted.role().equals("engine") ? "engine: restored from" : "gateway: recovered");
        if (line == null)
        {
            return 0;
        }
        final Matcher number = RECOVERED_COUNT.matcher(line);
        return number.find() ? Long.parseLong(number.group(1)) : 0;
    }

    /**
     * Send one command to the simulator's control port and check its answer.
     */
    private void control(final String command)
    {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), controlPort);
            BufferedReader reader = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer writer = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII))
        {
            socket.setSoTimeout(5_000);
            writer.write(command + "\n");
            writer.flush();
            final String answer = reader.readLine();
            if (answer == null || !answer.startsWith("ok"))
            {
                throw new IllegalStateException("simulator control '" + command + "' answered " + answer);
            }
            out.println("demo: crash drill: simulator " + command + ": " + answer);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("simulator control port " + controlPort, ex);
        }
    }

    /**
     * The basket's heaviest stock by index weight: holding its fills legs a program the most.
     */
    private static String heaviestStock(final Path refdataDir, final java.time.LocalDate tradeDate)
    {
        final ReferenceData data = ReferenceData.load(refdataDir, tradeDate);
        Constituent heaviest = null;
        double heaviestWeight = 0;
        for (final Constituent constituent : data.constituents())
        {
            final double weight = constituent.indexShares() * constituent.floatFactor() * constituent.capFactor() *
                constituent.instrument().prevClose();
            if (weight > heaviestWeight)
            {
                heaviestWeight = weight;
                heaviest = constituent;
            }
        }
        return heaviest.instrument().symbol();
    }

    private List<ChildProcess> allProcesses()
    {
        final List<ChildProcess> all = new ArrayList<>(killed);
        all.addAll(processes);
        return all;
    }

    private void submitProgram(final Direction direction, final long contracts)
    {
        final long deadline = System.nanoTime() + ms(5_000);
        while (admin.submitProgram(direction, contracts) <= 0)
        {
            if (System.nanoTime() > deadline)
            {
                failures.add("the engine did not take a program submission");
                return;
            }
            sleepBriefly();
        }
        out.println("demo: crash drill: submitted a " + direction + " program of " + contracts + " contract(s)");
    }

    private void sendCommand(final AdminCommandType command)
    {
        final long deadline = System.nanoTime() + ms(5_000);
        while (System.nanoTime() < deadline)
        {
            if (admin.send(command) > 0)
            {
                return;
            }
            sleepBriefly();
        }
        failures.add("the engine did not take the " + command + " command");
    }

    static String statusLine(final EngineStatusReader status, final long second)
    {
        return String.format(Locale.ROOT,
            "[%3ds] basis cc %+7.2f rc %+7.2f band [%+6.2f, %+6.2f] | programs %d/%d orders %d working %d " +
            "fills %d rejects %d | future %+d basket %+d%s",
            second,
            points(status.get(EngineCounters.BASIS_CASH_AND_CARRY)),
            points(status.get(EngineCounters.BASIS_REVERSE)),
            points(status.get(EngineCounters.BAND_LOWER)),
            points(status.get(EngineCounters.BAND_UPPER)),
            status.get(EngineCounters.PROGRAMS_COMPLETED),
            status.get(EngineCounters.PROGRAMS_SENT),
            status.get(EngineCounters.CHILD_ORDERS_SENT),
            status.get(EngineCounters.WORKING_ORDERS),
            status.get(EngineCounters.FILLS),
            status.get(EngineCounters.REJECTS),
            status.get(EngineCounters.FUTURE_POSITION),
            status.get(EngineCounters.BASKET_POSITION),
            TRADING_STATES[(int)Math.min(2, Math.max(0, status.get(EngineCounters.TRADING_STATE)))]);
    }

    private static double points(final long scaled)
    {
        return Prices.toDouble(scaled);
    }

    private ChildProcess launch(final String role, final String mainClass, final List<String> args)
    {
        final ChildProcess process = ChildProcess.start(role, config.jar, config.runDir, mainClass, args);
        processes.add(process);
        return process;
    }

    private void await(final String what, final BooleanSupplier condition, final ChildProcess process)
    {
        final long deadline = System.nanoTime() + ms(START_TIMEOUT_MS);
        while (!condition.getAsBoolean())
        {
            if (!process.isAlive())
            {
                throw new IllegalStateException("waiting for " + what + ": " + process.role() +
                    " exited with code " + process.exitValue() + "; last output:" + System.lineSeparator() +
                    process.tail());
            }
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("timed out waiting for " + what + "; " + process.role() +
                    " output:" + System.lineSeparator() + process.tail());
            }
            sleepBriefly();
        }
    }

    /**
     * Ask a running demo to stop early (Ctrl-C): the trading loop ends and the demo winds down as usual, so the
     * processes are stopped, reconciled and reported on.
     */
    void interrupt()
    {
        interrupted = true;
    }

    boolean isInterrupted()
    {
        return interrupted;
    }

    /**
     * Stop the engine first (it writes its report), then the gateway and its media driver, then the simulator
     * (it writes the exchange record). Idempotent; also run on Ctrl-C.
     */
    synchronized void stopAll()
    {
        if (stopped)
        {
            return;
        }
        stopped = true;
        CloseHelper.quietCloseAll(admin, aeron);
        // Engine first (it writes its report), then the gateway, then the simulator (its record).
        processes.sort(Comparator.comparingInt(process -> STOP_ORDER.indexOf(process.role())));
        for (final ChildProcess process : processes)
        {
            if (!process.stop(STOP_TIMEOUT_MS))
            {
                failures.add(process.role() + " did not stop cleanly (exit " + process.exitValue() + ")");
            }
        }
        CloseHelper.quietClose(driver);
    }

    @Override
    public void close()
    {
        stopAll();
    }

    private static Properties load(final Path file)
    {
        final Properties properties = new Properties();
        if (Files.exists(file))
        {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
            {
                properties.load(reader);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return properties;
    }

    static Path writeGatewaySettings(final Path dir, final int oePort, final int mdPort) throws IOException
    {
        return writeGatewaySettings(dir, oePort, mdPort, false);
    }

    /**
     * @param keepOrderEntrySequence ResetOnLogon=N on order entry, as against an exchange: sequence numbers
     *                               survive a gateway restart and what was missed is resent.
     */
    static Path writeGatewaySettings(
        final Path dir, final int oePort, final int mdPort, final boolean keepOrderEntrySequence) throws IOException
    {
        final Path settings = dir.resolve("gateway.cfg");
        final String store = dir.resolve("fix-store").toString();
        // The simulator measures tick-to-order latency from TriggerNanos, a tag the default dialect leaves out.
        final Path dialect = dir.resolve("dialect-simulator.properties");
        Files.writeString(dialect, "triggerNanos.tag=21002" + System.lineSeparator());
        Files.writeString(settings, String.join(System.lineSeparator(),
            "# Written by the demo: the sample config/gateway.cfg with this run's ports and store.",
            "[DEFAULT]",
            "ConnectionType=initiator",
            "BeginString=FIX.4.4",
            "TargetCompID=SIM",
            "SocketConnectHost=127.0.0.1",
            "HeartBtInt=30",
            "ReconnectInterval=1",
            "ResetOnLogon=Y",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "SocketTcpNoDelay=Y",
            "FileStorePath=" + store,
            "UseDataDictionary=Y",
            "ValidateUserDefinedFields=N",
            "BasisDialect=" + dialect,
            "",
            "[SESSION]",
            "BasisRole=ORDER_ENTRY",
            "SenderCompID=BASIS-OE",
            "SocketConnectPort=" + oePort,
            keepOrderEntrySequence ? "ResetOnLogon=N" : "",
            "",
            "[SESSION]",
            "BasisRole=MARKET_DATA",
            "SenderCompID=BASIS-MD",
            "SocketConnectPort=" + mdPort,
            "AllowUnknownMsgFields=Y",
            ""));
        return settings;
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private static long ms(final long millis)
    {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private void sleepBriefly()
    {
        if (interrupted)
        {
            throw new IllegalStateException("interrupted");
        }
        // The demo's own loop polls the engine's counters: a coarse pause keeps it off the engine's cores.
        try
        {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
