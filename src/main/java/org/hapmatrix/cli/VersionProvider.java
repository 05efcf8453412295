package org.hapmatrix.cli;

import org.hapmatrix.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the tool's version and the DuckDB library it embeds (which decides who can open its files). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"hapmatrix " + Version.current() + " (DuckDB JDBC " + Version.duckdbDriver() + ")"};
    }
}
