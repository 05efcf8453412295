package org.hapmatrix.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.hapmatrix.Version;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: which build this is (version, commit, date), the libraries that decide what
 * it reads and writes (DuckDB, which decides who can open its files, and htsjdk), and the Java
 * running it, so a bug report names all of them.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "hapmatrix " + Version.number() + " (commit " + Version.commit() + ", built " + Version.buildDate() + ")",
            "DuckDB " + duckdbEngine() + " (JDBC driver " + Version.duckdbDriver() + "), htsjdk " + Version.htsjdk(),
            "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ") in "
                    + System.getProperty("java.home"),
        };
    }

    /**
     * The engine's own version, asked from an in-memory database: this also shows that the
     * native library loads on this machine, the first thing to check when nothing else runs.
     */
    private static String duckdbEngine() {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException | RuntimeException | LinkageError e) {
            return "not loadable here: " + e;
        }
    }
}
