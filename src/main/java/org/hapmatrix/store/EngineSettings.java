package org.hapmatrix.store;

import java.nio.file.Path;
import java.util.Properties;

/**
 * DuckDB's resource settings, chosen deliberately: worker threads, a memory ceiling that keeps the
 * process flat whatever the input size, and where DuckDB spills when it reaches that ceiling.
 */
public record EngineSettings(int threads, String memoryLimit, Path tempDirectory) {
    // Measured (bench/RESULTS.md): 1GB loads twice as fast as 256MB; 256MB keeps a 14 GB run under 1 GiB RSS.
    public static final String DEFAULT_MEMORY_LIMIT = "1GB";

    public static EngineSettings defaults() {
        return new EngineSettings(Runtime.getRuntime().availableProcessors(), DEFAULT_MEMORY_LIMIT,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As JDBC connection properties, so no setting value is pasted into SQL. */
    Properties toConnectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("threads", Integer.toString(threads));
        properties.setProperty("memory_limit", memoryLimit);
        properties.setProperty("temp_directory", tempDirectory.toString());
        // Files stay readable by DuckDB 1.1 and newer (CLI, Python, R), not only by the 2.x this tool embeds.
        properties.setProperty("storage_compatibility_version", "v1.1.0");
        return properties;
    }
}
