package org.hapmatrix;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions from the build (src/main/resources/hapmatrix.properties, filled in by Maven). */
public final class Version {
    private static final Properties BUILD = read();

    private Version() {
    }

    /** This tool's version. */
    public static String current() {
        return BUILD.getProperty("version", "unknown");
    }

    /** The DuckDB JDBC driver built in, which decides which DuckDB versions can open our files. */
    public static String duckdbDriver() {
        return BUILD.getProperty("duckdb.version", "unknown");
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/hapmatrix.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Versions are informational; "unknown" is an honest answer.
        }
        return properties;
    }
}
