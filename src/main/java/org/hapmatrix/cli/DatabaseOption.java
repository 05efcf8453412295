package org.hapmatrix.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The required {@code --db FILE} of the commands that work on a loaded database. */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "FILE", required = true,
            description = "The DuckDB database file (made by load or convert --db).")
    Path file;
}
