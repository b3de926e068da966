package io.basis.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The outcome of a demo run, written as JSON (keys in {@code docs/architecture.md}).
 */
final class DemoReport
{
    private final int seconds;
    private final long elapsedMs;
    private final Properties engine;
    private final Properties exchange;
    private final Reconciliation reconciliation;
    private final List<String[]> processes = new ArrayList<>();
    private final List<String> failures;
    private final List<CrashReport> crashes;

    DemoReport(
        final int seconds,
        final long elapsedMs,
        final Properties engine,
        final Properties exchange,
        final Reconciliation reconciliation,
        final List<ChildProcess> children,
        final List<String> failures,
        final List<CrashReport> crashes)
    {
        this.seconds = seconds;
        this.elapsedMs = elapsedMs;
        this.engine = engine;
        this.exchange = exchange;
        this.reconciliation = reconciliation;
        for (final ChildProcess child : children)
        {
            processes.add(new String[]{child.role(), Long.toString(child.pid()), Integer.toString(child.exitValue())});
        }
        this.failures = List.copyOf(failures);
        this.crashes = List.copyOf(crashes);
    }

    long programOrders()
    {
        return engineCount("programsSent");
    }

    long completedPrograms()
    {
        return engineCount("programsCompleted");
    }

    /**
     * @return programs that opened or added to a position: the futures hedge filled in the direction the position
     *         already had, or from flat.
     */
    long entries()
    {
        return tradeCounts()[0];
    }

    /**
     * @return programs that closed (or cut) a position: a reverse program while cash-and-carry was held, or a
     *         cash-and-carry program while reverse was held.
     */
    long exits()
    {
        return tradeCounts()[1];
    }

    /**
     * @return P&L realized on closed quantity before costs, from the engine's positions, in the currency of the
     *         reference data.
     */
    String realizedPnl()
    {
        return engine.getProperty("realizedPnl", "0");
    }

    /**
     * Entries and exits from the engine's program rows, in order: the position is the futures hedge filled so far
     * (cash-and-carry sells the future, reverse buys it), which is how the engine counts the programs it holds.
     * Hedge programs (the futures residual of a legged program) move the position but are neither.
     */
    private long[] tradeCounts()
    {
        long futures = 0;
        long entries = 0;
        long exits = 0;
        for (int i = 0; engine.getProperty("program." + i) != null; i++)
        {
            final String[] cells = engine.getProperty("program." + i).split(",");
            final boolean cashAndCarry = "CASH_AND_CARRY".equals(cells[1]);
            final long filled = Long.parseLong(cells[5]);
            if (filled > 0 && ("ARBITRAGE".equals(cells[2]) || "MANUAL".equals(cells[2])))
            {
                final boolean closing = cashAndCarry ? futures > 0 : futures < 0;
                if (closing)
                {
                    exits++;
                }
                else
                {
                    entries++;
                }
            }
            futures += cashAndCarry ? -filled : filled;
        }
        return new long[]{entries, exits};
    }

    long exchangeLiveOrders()
    {
        return Long.parseLong(exchange.getProperty("account." + Demo.ACCOUNT + ".liveOrders", "0"));
    }

    boolean reconciled()
    {
        return !engine.isEmpty() && !exchange.isEmpty() && reconciliation.reconciled();
    }

    boolean succeeded()
    {
        return failures.isEmpty() && reconciled() && completedPrograms() == programOrders();
    }

    List<String> failures()
    {
        return failures;
    }

    private long engineCount(final String key)
    {
        return Long.parseLong(engine.getProperty(key, "0"));
    }

    private String exchangeValue(final String key)
    {
        return exchange.getProperty(key, "null");
    }

    private void latency(final StringBuilder json, final String prefix)
    {
        json.append("\"count\": ").append(exchangeValue(prefix + ".count"))
            .append(", \"p50\": ").append(exchangeValue(prefix + ".p50Micros"))
            .append(", \"p99\": ").append(exchangeValue(prefix + ".p99Micros"))
            .append(", \"max\": ").append(exchangeValue(prefix + ".maxMicros"));
    }

    String summary()
    {
        return String.format(
            "demo: %d program orders (%d completed; %d entries, %d exits), %d child orders, %d fills, %d rejects, " +
            "reconciled %s, realized P&L %s, net P&L %s after commissions %s and taxes %s, trading state %s, " +
            "tick-to-order after the first program (closed loop, simulator clock): first leg p50 %s us p99 %s us, " +
            "last leg p50 %s us p99 %s us, over %s programs",
            programOrders(), completedPrograms(), entries(), exits(), engineCount("childOrders"),
            engineCount("fills"), engineCount("rejects"), reconciled(), engine.getProperty("realizedPnl", "?"),
            engine.getProperty("netPnl", "?"), engine.getProperty("commissions", "?"),
            engine.getProperty("taxes", "?"), engine.getProperty("tradingState", "?"),
            exchangeValue("tickToOrder.firstLeg.p50Micros"), exchangeValue("tickToOrder.firstLeg.p99Micros"),
            exchangeValue("tickToOrder.lastLeg.p50Micros"), exchangeValue("tickToOrder.lastLeg.p99Micros"),
            exchangeValue("tickToOrder.firstLeg.count"));
    }

    String toJson()
    {
        final StringBuilder json = new StringBuilder(2048);
        json.append("{\n");
        field(json, "seconds", seconds);
        field(json, "elapsedMs", elapsedMs);
        field(json, "programOrders", programOrders());
        field(json, "completedPrograms", completedPrograms());
        field(json, "entries", entries());
        field(json, "exits", exits());
        field(json, "childOrders", engineCount("childOrders"));
        field(json, "workingOrders", engineCount("workingOrders"));
        field(json, "fills", engineCount("fills"));
        field(json, "rejects", engineCount("rejects"));
        field(json, "fillMismatches", engineCount("fillMismatches"));
        field(json, "exchangeFills", exchangeValue("account." + Demo.ACCOUNT + ".fills"));
        field(json, "exchangeLiveOrders", exchangeValue("account." + Demo.ACCOUNT + ".liveOrders"));
        field(json, "reconciled", reconciled());
        field(json, "realizedPnl", engine.getProperty("realizedPnl", "0"));
        field(json, "netPnl", engine.getProperty("netPnl", "0"));
        json.append("  \"costs\": {\"commissions\": ").append(engine.getProperty("commissions", "0"))
            .append(", \"taxes\": ").append(engine.getProperty("taxes", "0")).append("},\n");
        json.append("  \"riskRejects\": {");
        String reasons = "";
        for (final String key : new java.util.TreeSet<>(engine.stringPropertyNames()))
        {
            if (key.startsWith("riskReject."))
            {
                json.append(reasons).append('"').append(key.substring("riskReject.".length())).append("\": ")
                    .append(engine.getProperty(key));
                reasons = ", ";
            }
        }
        json.append("},\n");
        json.append("  \"killSwitch\": {\"state\": \"").append(engine.getProperty("tradingState", "UNKNOWN"))
            .append("\", \"automaticReason\": \"").append(engine.getProperty("killReason", "NONE")).append("\"},\n");
        field(json, "leggedPrograms", engineCount("leggedPrograms"));
        field(json, "hedgesSent", engineCount("hedgesSent"));
        field(json, "repricedLegs", engineCount("repricedLegs"));
        json.append("  \"programs\": [");
        String rows = "";
        for (int i = 0; engine.getProperty("program." + i) != null; i++)
        {
            final String[] cells = engine.getProperty("program." + i).split(",");
            final double net = Double.parseDouble(cells[6]) - Double.parseDouble(cells[7]);
            json.append(rows).append("\n    {\"programId\": ").append(cells[0])
                .append(", \"direction\": \"").append(cells[1]).append("\", \"kind\": \"").append(cells[2])
                .append("\", \"state\": \"").append(cells[3]).append("\", \"basketFilled\": ").append(cells[4])
                .append(", \"hedgeFilled\": ").append(cells[5]).append(", \"cashFlow\": ").append(cells[6])
                .append(", \"costs\": ").append(cells[7])
                .append(", \"cashFlowNetOfCosts\": ").append(String.format(java.util.Locale.ROOT, "%.0f", net))
                .append('}');
            rows = ",";
        }
        json.append("\n  ],\n");
        json.append("  \"tickToOrderMicros\": {");
        latency(json, "tickToOrder");
        json.append(", \"measured\": \"closed loop, simulator clock: exchange send of the triggering tick to the " +
            "order's arrival\", \"warmUpPrograms\": ").append(exchangeValue("tickToOrder.warmUpPrograms"));
        json.append(", \"firstLeg\": {");
        latency(json, "tickToOrder.firstLeg");
        json.append("}, \"lastLeg\": {");
        latency(json, "tickToOrder.lastLeg");
        json.append("}},\n");
        json.append("  \"positions\": {");
        String separator = "";
        for (final Map.Entry<String, long[]> entry : reconciliation.positions().entrySet())
        {
            json.append(separator).append("\n    \"").append(entry.getKey()).append("\": {\"engine\": ")
                .append(entry.getValue()[0]).append(", \"exchange\": ").append(entry.getValue()[1]).append('}');
            separator = ",";
        }
        json.append("\n  },\n");
        json.append("  \"processes\": [");
        separator = "";
        for (final String[] process : processes)
        {
            json.append(separator).append("\n    {\"role\": \"").append(process[0]).append("\", \"pid\": ")
                .append(process[1]).append(", \"exitCode\": ").append(process[2]).append('}');
            separator = ",";
        }
        json.append("\n  ],\n");
        json.append("  \"crashes\": [");
        separator = "";
        for (final CrashReport crash : crashes)
        {
            json.append(separator).append("\n    {\"role\": \"").append(crash.role()).append("\", \"atSecond\": ")
                .append(crash.atSecond());
            if (crash.point() != null)
            {
                json.append(", \"point\": \"").append(crash.point()).append('"');
            }
            json.append(", \"restartedAfterMs\": ").append(crash.restartedAfterMs())
                .append(", \"recoveredEvents\": ").append(crash.recoveredEvents()).append('}');
            separator = ",";
        }
        json.append(crashes.isEmpty() ? "],\n" : "\n  ],\n");
        json.append("  \"failures\": [");
        separator = "";
        for (final String failure : failures)
        {
            json.append(separator).append('"').append(escape(failure)).append('"');
            separator = ", ";
        }
        json.append("]\n}\n");
        return json.toString();
    }

    void write(final Path file) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    private static void field(final StringBuilder json, final String name, final Object value)
    {
        json.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    private static String escape(final String text)
    {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /**
     * One crash of the drill.
     *
     * @param role             the process killed.
     * @param atSecond         second of trading it was killed at.
     * @param point            the point of a working basket it was killed at, or null for a second asked for.
     * @param restartedAfterMs from the kill until the new process ran.
     * @param recoveredEvents  what the new process recovered: the inputs the engine's restored state holds, the
     *                         gateway's open orders.
     */
    record CrashReport(String role, int atSecond, String point, long restartedAfterMs, long recoveredEvents)
    {
    }
}
