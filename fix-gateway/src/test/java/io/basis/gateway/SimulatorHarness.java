package io.basis.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.aeron.Aeron;
import io.basis.protocol.sbe.ExecType;
import io.basis.protocol.sbe.ExecutionReportDecoder;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.SessionRole;
import io.basis.protocol.sbe.Side;
import io.basis.simulator.SimulatorConfig;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.price.TickTable;
import io.basis.simulator.refdata.Constituent;
import io.basis.simulator.refdata.IndexDefinition;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.ReferenceData;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * What the integration tests against the real exchange simulator share: a small market for the simulator, the
 * gateway's settings file, a fake engine on the gateway's Aeron streams, a TCP wire tap that records what crosses
 * between gateway and simulator, and key stores made with the JDK's keytool. Everything waits by polling with a
 * deadline; nothing sleeps.
 */
final class SimulatorHarness
{
    /** How long a test waits for something that must happen. */
    static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a test watches for something that must not happen. */
    static final Duration QUIET = Duration.ofSeconds(3);

    /** The gateway's account, Account (1) on every order. */
    static final String ACCOUNT = "TEST1";
    /** A stock of the small market: prevClose 71,000, tick 100, lot 1. */
    static final String STOCK = "AAA";
    /** Engine instrument id of {@link #STOCK}. */
    static final int STOCK_ID = 1;
    /** The index future of the small market: prevClose 350.00, tick 0.05. */
    static final String FUTURE = "FUT";
    /** Engine instrument id of {@link #FUTURE}. */
    static final int FUTURE_ID = 2;
    /** A buy limit far enough above the stock's quotes to fill at once, well inside its daily limit. */
    static final long MARKETABLE_BUY_PRICE = 72_500_0000L;

    private static final TickTable KRX = new TickTable("KRX", LocalDate.of(2023, 1, 25),
        prices("0", "2000", "5000", "20000", "50000", "200000", "500000"),
        prices("1", "5", "10", "50", "100", "500", "1000"));
    private static final TickTable FUTURES = new TickTable("K200F", LocalDate.of(2000, 1, 1),
        prices("0"), prices("0.05"));

    private SimulatorHarness()
    {
    }

    /**
     * A simulator over a three-instrument market (stocks AAA and LOT, future FUT) on free loopback ports, quiet,
     * with a fast deterministic market clock: cheap to start once per test.
     *
     * @return the configuration; tests add sessions, TLS or faults.
     * @throws IOException if no free port can be found.
     */
    static SimulatorConfig simulatorConfig() throws IOException
    {
        final Instrument stock = new Instrument(STOCK, io.basis.simulator.refdata.InstrumentKind.STOCK, "KRW", 1, KRX,
            1, FixedPoint.parse("71000"), null);
        final Instrument lot = new Instrument("LOT", io.basis.simulator.refdata.InstrumentKind.STOCK, "KRW", 10, KRX,
            1, FixedPoint.parse("10000"), null);
        final Instrument future = new Instrument(FUTURE, io.basis.simulator.refdata.InstrumentKind.FUTURE, "KRW", 1,
            FUTURES, 250_000, FixedPoint.parse("350"), LocalDate.of(2026, 12, 10));
        final ReferenceData market = new ReferenceData(SimulatorConfig.DEFAULT_TRADING_DATE,
            List.of(stock, lot, future), new IndexDefinition("SMALL", future, 1_000_000_000L),
            List.of(new Constituent(stock, 4_000_000, 1.0, 1.0), new Constituent(lot, 7_000_000, 1.0, 1.0)));
        final SimulatorConfig config = new SimulatorConfig()
            .referenceData(market)
            .orderEntryPort(freePort())
            .marketDataPort(freePort())
            .logSessionEvents(false);
        config.market().seed(7).tickMillis(20);
        return config;
    }

    /**
     * @return a TCP port nobody listens on right now.
     * @throws IOException if none can be bound.
     */
    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /**
     * Launch a gateway with its own embedded media driver in {@code dir}.
     *
     * @param settings the settings file.
     * @param dir      a test directory for the Aeron files.
     * @return the running gateway.
     */
    static Gateway launchGateway(final Path settings, final Path dir)
    {
        return Gateway.launch(GatewayConfig.builder()
            .settingsFile(settings)
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .embeddedDriver(true)
            .account(ACCOUNT)
            .publishTimeout(Duration.ofSeconds(2))
            .build());
    }

    /**
     * A fake engine on a gateway's Aeron directory, returned once it has heard that both of the gateway's sessions
     * are logged on; its timeouts say the gateway's alarms.
     *
     * @param gateway a running gateway.
     * @return the engine endpoint; close it.
     */
    static FakeEngine engineLoggedOn(final Gateway gateway)
    {
        final FakeEngine engine = new FakeEngine(gateway.aeronDirectoryName(),
            () -> "alarms: " + gateway.alarms().summary());
        try
        {
            engine.awaitLoggedOn(SessionRole.ORDER_ENTRY);
            engine.awaitLoggedOn(SessionRole.MARKET_DATA);
            return engine;
        }
        catch (final RuntimeException | AssertionError ex)
        {
            CloseHelper.quietClose(engine);
            throw ex;
        }
    }

    /**
     * Poll a condition until it holds.
     *
     * @param what      what is awaited, for the failure message.
     * @param condition the condition.
     * @param context   added to the failure message.
     */
    static void awaitTrue(final String what, final BooleanSupplier condition, final Supplier<String> context)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        final IdleStrategy idle = new BackoffIdleStrategy();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("not within " + WAIT + ": " + what + "; " + context.get());
            }
            idle.idle();
        }
    }

    /**
     * Run the JDK's keytool, with a hard timeout.
     *
     * @param dir  where its output goes.
     * @param args its arguments.
     * @throws IOException          if it cannot be started.
     * @throws InterruptedException if interrupted while waiting.
     */
    static void keytool(final Path dir, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        final Path output = Files.createTempFile(dir, "keytool", ".log");
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("keytool did not finish within 30 s: " + command);
        }
        if (process.exitValue() != 0)
        {
            throw new AssertionError("keytool failed: " + command + ": " + Files.readString(output));
        }
    }

    /**
     * Generate a self-signed RSA key pair for 127.0.0.1 / localhost into a new PKCS12 key store.
     *
     * @param dir      where the store and keytool's output go.
     * @param name     alias and file name.
     * @param password store and key password.
     * @return the key store file.
     * @throws IOException          if keytool cannot be started.
     * @throws InterruptedException if interrupted while waiting.
     */
    static Path generateKeyStore(final Path dir, final String name, final String password)
        throws IOException, InterruptedException
    {
        final Path store = dir.resolve(name + ".p12");
        keytool(dir, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=localhost, O=Basis test " + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost",
            "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password, "-keypass", password);
        return store;
    }

    /**
     * A trust store holding only the certificate of a key store's key: what a member gets from the exchange.
     *
     * @param keyStore  the PKCS12 key store.
     * @param password  its password, also the trust store's.
     * @param alias     the key's alias.
     * @param trustFile the trust store to write (PKCS12).
     * @return trustFile.
     * @throws Exception if a store cannot be read or written.
     */
    static Path trustStoreFor(final Path keyStore, final String password, final String alias, final Path trustFile)
        throws Exception
    {
        final KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore))
        {
            keys.load(in, password.toCharArray());
        }
        final Certificate certificate = keys.getCertificate(alias);
        final KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(alias, certificate);
        try (OutputStream out = Files.newOutputStream(trustFile))
        {
            trust.store(out, password.toCharArray());
        }
        return trustFile;
    }

    /**
     * Value of a tag in a raw FIX message.
     *
     * @param message the message, SOH-separated.
     * @param tag     the tag.
     * @return its first value, or null if absent.
     */
    static String field(final String message, final int tag)
    {
        final String prefix = tag + "=";
        for (final String pair : message.split("\u0001"))
        {
            if (pair.startsWith(prefix))
            {
                return pair.substring(prefix.length());
            }
        }
        return null;
    }

    /**
     * @param message a raw FIX message.
     * @return it with SOH shown as '|', for failure messages.
     */
    static String readable(final String message)
    {
        return message.replace('\u0001', '|');
    }

    private static long[] prices(final String... texts)
    {
        final long[] prices = new long[texts.length];
        for (int i = 0; i < texts.length; i++)
        {
            prices[i] = FixedPoint.parse(texts[i]);
        }
        return prices;
    }

    /**
     * The engine endpoint with the simulator's sample market: the stock and the future defined, and marketable
     * round trips.
     */
    static final class FakeEngine extends AeronEngineEndpoint
    {
        /**
         * @param aeronDirectoryName the gateway's Aeron directory.
         * @param context            added to timeout failures (the gateway's alarms, say).
         */
        FakeEngine(final String aeronDirectoryName, final Supplier<String> context)
        {
            super(aeronDirectoryName, context);
        }

        /**
         * Define the stock and the future, and wait for a snapshot of each: market data flows.
         */
        void defineMarketAndAwaitSnapshots()
        {
            defineInstrument(STOCK_ID, STOCK, InstrumentKind.STOCK);
            defineInstrument(FUTURE_ID, FUTURE, InstrumentKind.FUTURE);
            awaitSnapshot(STOCK_ID);
            awaitSnapshot(FUTURE_ID);
        }

        /**
         * Send a marketable buy of the stock and wait until it is acknowledged and completely filled.
         *
         * @param orderId  the engine's order id (the FIX ClOrdID).
         * @param flag     its program flag.
         * @param quantity shares.
         * @return the fill.
         */
        ExecutionReportDecoder roundTripBuy(final long orderId, final ProgramFlag flag, final long quantity)
        {
            newOrder(orderId, STOCK_ID, Side.BUY, flag, MARKETABLE_BUY_PRICE, quantity);
            awaitExecution(orderId, ExecType.NEW);
            final ExecutionReportDecoder fill = awaitExecution(orderId, ExecType.TRADE);
            if (fill.cumQty() != quantity)
            {
                throw new AssertionError("order " + orderId + " filled " + fill.cumQty() + " of " + quantity);
            }
            return fill;
        }
    }

    /**
     * A TCP relay between the gateway and one simulator port that records every byte in both directions: what
     * the simulator received is exactly what crossed it. Each accepted connection opens its own connection to
     * the simulator; a close on either side closes both.
     */
    static final class WireTap implements AutoCloseable
    {
        private static final String BEGIN_STRING = "8=FIX";

        private final int targetPort;
        private final ServerSocket server;
        private final List<Connection> connections = new CopyOnWriteArrayList<>();
        private final Thread acceptor;
        private volatile boolean closed;

        /**
         * Listen on a free loopback port.
         *
         * @param targetPort the simulator port to relay to.
         * @throws IOException if no port can be bound.
         */
        WireTap(final int targetPort) throws IOException
        {
            this.targetPort = targetPort;
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::accept, "wire-tap-" + targetPort);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /**
         * @return the port the gateway connects to.
         */
        int port()
        {
            return server.getLocalPort();
        }

        /**
         * @return how many connections the gateway made.
         */
        int connections()
        {
            return connections.size();
        }

        /**
         * @return every byte the gateway sent, all connections in order.
         */
        byte[] bytesToExchange()
        {
            final ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (final Connection connection : connections)
            {
                all.writeBytes(connection.toExchange.bytes());
            }
            return all.toByteArray();
        }

        /**
         * @return the complete FIX messages the simulator received, in order.
         */
        List<String> messagesToExchange()
        {
            return connections.stream().flatMap(c -> frames(c.toExchange.bytes()).stream())
                .collect(Collectors.toList());
        }

        /**
         * @return the complete FIX messages the simulator sent, in order.
         */
        List<String> messagesFromExchange()
        {
            return connections.stream().flatMap(c -> frames(c.fromExchange.bytes()).stream())
                .collect(Collectors.toList());
        }

        /**
         * @param msgType a MsgType (35).
         * @return the messages of that type the simulator received.
         */
        List<String> toExchange(final String msgType)
        {
            return messagesToExchange().stream().filter(m -> msgType.equals(field(m, 35)))
                .collect(Collectors.toList());
        }

        /**
         * @param msgType a MsgType (35).
         * @return the messages of that type the simulator sent.
         */
        List<String> fromExchange(final String msgType)
        {
            return messagesFromExchange().stream().filter(m -> msgType.equals(field(m, 35)))
                .collect(Collectors.toList());
        }

        /**
         * Split a byte stream into FIX messages by BeginString, BodyLength and CheckSum framing; a torn last
         * message (connection cut) is left out.
         */
        static List<String> frames(final byte[] bytes)
        {
            final String text = new String(bytes, StandardCharsets.ISO_8859_1);
            final List<String> messages = new ArrayList<>();
            int start = text.indexOf(BEGIN_STRING);
            while (start >= 0)
            {
                final int lengthTag = text.indexOf("\u00019=", start);
                final int lengthEnd = lengthTag < 0 ? -1 : text.indexOf('\u0001', lengthTag + 3);
                if (lengthEnd < 0)
                {
                    break;
                }
                final int bodyLength = bodyLength(text.substring(lengthTag + 3, lengthEnd));
                final int end = lengthEnd + 1 + bodyLength + 7;
                if (bodyLength < 0)
                {
                    // Not a FIX message after all (TLS records can contain anything): look further.
                    start = text.indexOf(BEGIN_STRING, start + 1);
                    continue;
                }
                if (end > text.length())
                {
                    break;
                }
                messages.add(text.substring(start, end));
                start = text.indexOf(BEGIN_STRING, end);
            }
            return messages;
        }

        private static int bodyLength(final String text)
        {
            if (text.isEmpty() || text.length() > 7 || !text.chars().allMatch(c -> c >= '0' && c <= '9'))
            {
                return -1;
            }
            return Integer.parseInt(text);
        }

        private void accept()
        {
            while (!closed)
            {
                Socket client = null;
                try
                {
                    client = server.accept();
                    final Socket exchange = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    client.setTcpNoDelay(true);
                    exchange.setTcpNoDelay(true);
                    final Connection connection = new Connection(client, exchange);
                    connections.add(connection);
                    connection.start();
                }
                catch (final IOException ex)
                {
                    // Closed, or the simulator refused the connection: the gateway sees a drop and reconnects.
                    CloseHelper.quietClose(client);
                }
            }
        }

        @Override
        public void close()
        {
            closed = true;
            CloseHelper.quietClose(server);
            for (final Connection connection : connections)
            {
                connection.close();
            }
            try
            {
                acceptor.join(5_000);
                for (final Connection connection : connections)
                {
                    connection.join();
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }

        /** A recorded byte stream, appended by one pump thread and read by the test. */
        private static final class Recording
        {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            synchronized void append(final byte[] data, final int length)
            {
                bytes.write(data, 0, length);
            }

            synchronized byte[] bytes()
            {
                return bytes.toByteArray();
            }
        }

        /** One relayed connection: two pump threads, one per direction. */
        private static final class Connection
        {
            private final Socket client;
            private final Socket exchange;
            private final Recording toExchange = new Recording();
            private final Recording fromExchange = new Recording();
            private final Thread up;
            private final Thread down;

            Connection(final Socket client, final Socket exchange)
            {
                this.client = client;
                this.exchange = exchange;
                up = new Thread(() -> pump(client, exchange, toExchange), "wire-tap-up");
                down = new Thread(() -> pump(exchange, client, fromExchange), "wire-tap-down");
                up.setDaemon(true);
                down.setDaemon(true);
            }

            void start()
            {
                up.start();
                down.start();
            }

            private void pump(final Socket from, final Socket to, final Recording recording)
            {
                final byte[] buffer = new byte[16 * 1024];
                try
                {
                    final InputStream in = from.getInputStream();
                    final OutputStream out = to.getOutputStream();
                    int read;
                    while ((read = in.read(buffer)) >= 0)
                    {
                        recording.append(buffer, read);
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
                catch (final IOException ex)
                {
                    // The other side closed: fall through and close both.
                }
                close();
            }

            void close()
            {
                CloseHelper.quietCloseAll(client, exchange);
            }

            void join() throws InterruptedException
            {
                up.join(5_000);
                down.join(5_000);
            }
        }
    }
}
