package org.hapmatrix.store;

import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's resource settings, chosen deliberately: worker threads, a memory ceiling that keeps the
 * process flat whatever the input size, and where DuckDB spills when it reaches that ceiling.
 */
public record EngineSettings(int threads, String memoryLimit, Path tempDirectory) {
    // The default trades load speed against peak memory; the figures are in bench/RESULTS.md.
    public static final String DEFAULT_MEMORY_LIMIT = "1GB";

    private static final Pattern MEMORY_LIMIT =
            Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)");

    /** Most threads a run may ask for: more only cost memory and native threads, on any machine of today. */
    public static final int MAX_THREADS = 256;

    /** 1 PiB: more memory than any machine has (DuckDB itself fails above 2^64 bytes, with exit 1). */
    private static final double MAX_MEMORY_LIMIT_BYTES = Math.pow(2, 50);

    private static double unitBytes(String unit) {
        return switch (unit.toUpperCase(java.util.Locale.ROOT)) {
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            case "KIB" -> Math.pow(2, 10);
            case "MIB" -> Math.pow(2, 20);
            case "GIB" -> Math.pow(2, 30);
            default -> Math.pow(2, 40);
        };
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Runtime.getRuntime().availableProcessors(), DEFAULT_MEMORY_LIMIT,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Checks a memory limit as DuckDB accepts it, and above zero: a size with its unit (512MB,
     * 2GiB) or a share of RAM (50%, at most 100%). Returns it; throws IllegalArgumentException
     * saying what is wrong.
     */
    public static String checkMemoryLimit(String limit) {
        Matcher size = MEMORY_LIMIT.matcher(limit.strip());
        if (!size.matches()) {
            throw new IllegalArgumentException("expected a size with its unit, such as 512MB or 2GB, not '" + limit + "'");
        }
        double amount = Double.parseDouble(size.group(1));
        boolean share = size.group(2).equals("%");
        if (amount <= 0 || (share && amount > 100)) {
            throw new IllegalArgumentException("must be above zero" + (share ? " and at most 100%" : "") + ", not '" + limit + "'");
        }
        if (!share && amount * unitBytes(size.group(2)) > MAX_MEMORY_LIMIT_BYTES) {
            throw new IllegalArgumentException("must be at most 1024TiB, not '" + limit + "'");
        }
        return limit;
    }

    /** The same settings spilling to {@code directory}. */
    public EngineSettings withTempDirectory(Path directory) {
        return new EngineSettings(threads, memoryLimit, directory);
    }

    /** The memory limit in bytes, as DuckDB reads it (KB = 1000 bytes, KiB = 1024; a share of the machine's RAM). */
    public long memoryLimitBytes() {
        Matcher size = MEMORY_LIMIT.matcher(memoryLimit.strip());
        if (!size.matches()) {
            throw new IllegalStateException("unchecked memory limit " + memoryLimit);
        }
        double amount = Double.parseDouble(size.group(1));
        String unit = size.group(2).toUpperCase(java.util.Locale.ROOT);
        if (unit.equals("%")) {
            long ram = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getTotalMemorySize();
            return (long) (ram * amount / 100);
        }
        int power = "KMGT".indexOf(unit.charAt(0)) + 1;
        double base = unit.contains("I") ? 1024 : 1000;
        return (long) (amount * Math.pow(base, power));
    }

    /** DuckDB's threads: {@link #threads()}, but no more than cores (more buy nothing but memory; the export's own workers may be more). */
    public int engineThreads() {
        return Math.min(threads, Runtime.getRuntime().availableProcessors());
    }

    /** As JDBC connection properties, so no setting value is pasted into SQL; DuckDB spills into {@code spillFolder}. */
    Properties toConnectionProperties(Path spillFolder) {
        return toConnectionProperties(spillFolder, engineThreads());
    }

    /** As {@link #toConnectionProperties(Path)}, with {@code engineThreads} DuckDB threads. */
    Properties toConnectionProperties(Path spillFolder, int engineThreads) {
        Properties properties = new Properties();
        properties.setProperty("threads", Integer.toString(engineThreads));
        properties.setProperty("memory_limit", memoryLimit);
        properties.setProperty("temp_directory", spillFolder.toString());
        // Files stay readable by DuckDB 1.1 and newer (CLI, Python, R), not only by the 2.x this tool embeds.
        properties.setProperty("storage_compatibility_version", "v1.1.0");
        return properties;
    }
}
