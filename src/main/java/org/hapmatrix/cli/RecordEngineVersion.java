package org.hapmatrix.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Build-time only (run by the pom at process-classes): asks the DuckDB engine built in for its
 * version once, from an in-memory database, and records it as {@code duckdb.engine} in the
 * resource duckdb-engine.properties, so that {@code --version} names it without loading
 * DuckDB's 70 MB native library (a second of start-up on a busy machine).
 */
public final class RecordEngineVersion {
    private RecordEngineVersion() {
    }

    /** Argument: the properties file to write. */
    public static void main(String[] args) throws IOException, SQLException {
        String version;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            version = connection.getMetaData().getDatabaseProductVersion();
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "# The DuckDB engine of the JDBC driver built in, recorded at build time\nduckdb.engine="
                + version.strip() + "\n", StandardCharsets.ISO_8859_1);
    }
}
