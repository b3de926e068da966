package io.basis.bench.latency;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the figures were measured on: cores, CPU model, load, JVM and its flags.
 */
final class MachineInfo
{
    private MachineInfo()
    {
    }

    static int cores()
    {
        return Runtime.getRuntime().availableProcessors();
    }

    static String cpuModel()
    {
        try
        {
            final List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (final String line : lines)
            {
                if (line.startsWith("model name"))
                {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        }
        catch (final IOException | RuntimeException ignored)
        {
            // Not Linux: say so rather than fail the run.
        }
        return "unknown (no /proc/cpuinfo)";
    }

    static String loadAverage()
    {
        try
        {
            final String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (final IOException | RuntimeException ex)
        {
            return String.format(java.util.Locale.ROOT, "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String jvm()
    {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (" +
            System.getProperty("java.vendor") + ")";
    }

    static String jvmFlags()
    {
        final List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return arguments.isEmpty() ? "(none)" : String.join(" ", arguments);
    }

    static String gc()
    {
        final StringBuilder names = new StringBuilder();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(bean ->
            names.append(names.length() == 0 ? "" : ", ").append(bean.getName()));
        return names + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }
}
