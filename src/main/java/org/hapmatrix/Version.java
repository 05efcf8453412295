package org.hapmatrix;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build recorded in src/main/resources/hapmatrix.properties (filled in by Maven): this
 * tool's version, the commit it was built from, the build date and the libraries' versions; and
 * in duckdb-engine.properties (written by cli/RecordEngineVersion): DuckDB's engine version.
 */
public final class Version {
    private static final String UNKNOWN = "unknown";
    private static final Properties BUILD = read();

    private Version() {
    }

    /**
     * This build: the version and the commit, as {@code 0.2.0 (1a2b3c4d5e)}, so two builds of
     * one version can be told apart (the VCF's ##source line and a database's load record).
     */
    public static String current() {
        return number() + " (" + commit() + ")";
    }

    /** The version alone, as released: {@code 0.2.0}. */
    public static String number() {
        return property("version");
    }

    /**
     * The git commit the build came from, with {@code -dirty} when the tree had uncommitted
     * changes; {@code unknown} for a build outside a git checkout.
     */
    public static String commit() {
        return property("commit");
    }

    /** When the build ran, in UTC (ISO 8601). */
    public static String buildDate() {
        return property("build.date");
    }

    /** The DuckDB JDBC driver built in, which decides which DuckDB versions can open our files. */
    public static String duckdbDriver() {
        return property("duckdb.version");
    }

    /**
     * The DuckDB engine inside that driver (as {@code v1.4.1}), recorded at build time
     * (cli/RecordEngineVersion) so that naming it loads no native library.
     */
    public static String duckdbEngine() {
        return property("duckdb.engine");
    }

    /** The htsjdk built in (BGZF, tabix indexes, VCF). */
    public static String htsjdk() {
        return property("htsjdk.version");
    }

    private static String property(String name) {
        String value = BUILD.getProperty(name, "").strip();
        // An unfiltered ${...} means the resource was not built by Maven (an IDE's copy, say).
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }

    private static Properties read() {
        Properties properties = new Properties();
        for (String resource : new String[] {"/hapmatrix.properties", "/duckdb-engine.properties"}) {
            try (InputStream in = Version.class.getResourceAsStream(resource)) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                // Versions are informational; "unknown" is an honest answer.
            }
        }
        return properties;
    }
}
