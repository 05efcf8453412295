package org.hapmatrix.cli;

import org.hapmatrix.app.MatrixLoad;
import org.hapmatrix.matrix.OpenedInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code load}: the matrix into a DuckDB file, for later {@code export}, {@code sql} and {@code info}. */
@Command(name = "load",
        description = "Load a genome matrix into a DuckDB database file (replacing its matrix only once the load succeeded).")
final class LoadCommand extends DatabaseCommand {
    @Mixin
    MatrixInputOptions input;

    @Mixin
    DatabaseOption database;

    @Mixin
    ContigOptions contigs;

    @Override
    public Integer call() {
        StatusLine status = status();
        long sites;
        String note;
        try (OpenedInput matrix = input.open(contigs.names(), true);
             StatusLine.Bar progress = status.progress("load", " MiB", 1 << 20)) {
            sites = MatrixLoad.run(matrix, database.file, database.file.toString(), engine.settings(), progress);
            note = matrix.note();
        }
        status.summary(sites + " sites loaded into " + database.file + (note.isEmpty() ? "" : ", " + note));
        return 0;
    }
}
