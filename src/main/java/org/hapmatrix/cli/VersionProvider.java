package org.hapmatrix.cli;

import org.hapmatrix.Version;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: which build this is (version, commit, date), the libraries that decide what
 * it reads and writes (DuckDB, which decides who can open its files, and htsjdk), and the Java
 * running it, so a bug report names all of them. All of it was recorded at build time: printing
 * it starts nothing (no DuckDB, which would cost the native library's load).
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "hapmatrix " + Version.number() + " (commit " + Version.commit() + ", built " + Version.buildDate() + ")",
            "DuckDB " + Version.duckdbEngine() + " (JDBC driver " + Version.duckdbDriver() + "), htsjdk " + Version.htsjdk(),
            "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ") in "
                    + System.getProperty("java.home"),
        };
    }
}
