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

    DemoReport(
        final int seconds,
        final long elapsedMs,
        final Properties engine,
        final Properties exchange,
        final Reconciliation reconciliation,
        final List<ChildProcess> children,
        final List<String> failures)
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
    }

    long programOrders()
    {
        return engineCount("programsSent");
    }

    long completedPrograms()
    {
        return engineCount("programsCompleted");
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

    String summary()
    {
        return String.format(
            "demo: %d program orders (%d completed), %d child orders, %d fills, %d rejects, reconciled %s, " +
            "tick-to-order p50 %s us p99 %s us max %s us",
            programOrders(), completedPrograms(), engineCount("childOrders"), engineCount("fills"),
            engineCount("rejects"), reconciled(), exchangeValue("tickToOrder.p50Micros"),
            exchangeValue("tickToOrder.p99Micros"), exchangeValue("tickToOrder.maxMicros"));
    }

    String toJson()
    {
        final StringBuilder json = new StringBuilder(2048);
        json.append("{\n");
        field(json, "seconds", seconds);
        field(json, "elapsedMs", elapsedMs);
        field(json, "programOrders", programOrders());
        field(json, "completedPrograms", completedPrograms());
        field(json, "childOrders", engineCount("childOrders"));
        field(json, "workingOrders", engineCount("workingOrders"));
        field(json, "fills", engineCount("fills"));
        field(json, "rejects", engineCount("rejects"));
        field(json, "fillMismatches", engineCount("fillMismatches"));
        field(json, "exchangeFills", exchangeValue("account." + Demo.ACCOUNT + ".fills"));
        field(json, "exchangeLiveOrders", exchangeValue("account." + Demo.ACCOUNT + ".liveOrders"));
        field(json, "reconciled", reconciled());
        json.append("  \"tickToOrderMicros\": {");
        json.append("\"count\": ").append(exchangeValue("tickToOrder.count"));
        json.append(", \"p50\": ").append(exchangeValue("tickToOrder.p50Micros"));
        json.append(", \"p99\": ").append(exchangeValue("tickToOrder.p99Micros"));
        json.append(", \"max\": ").append(exchangeValue("tickToOrder.maxMicros")).append("},\n");
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
}
