package org.hapmatrix.cli;

import picocli.CommandLine.Mixin;

/** A subcommand that opens a DuckDB database, and so takes DuckDB's resource options. */
abstract class DatabaseCommand extends Subcommand {
    @Mixin
    EngineOptions engine;
}
