package org.hapmatrix.cli;

import java.util.List;
import org.hapmatrix.app.MatrixLoad;
import org.hapmatrix.export.Region;
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

    @Mixin
    RegionOptions regions;

    @Override
    public Integer call() {
        StatusLine status = status();
        long sites;
        String note;
        List<Region> given = regions.regions();
        List<Region> selected = Region.onContigs(given, contigs.names());
        // With regions, the regions filter the sites (a contig they name that the data lacks is
        // skipped, as bcftools does); an index still lets only their contigs be read.
        try (OpenedInput matrix = given.isEmpty() ? input.open(contigs.names(), true)
                : input.open(Region.contigsToRead(selected, List.of()), false);
             StatusLine.Bar progress = status.progress("load", " MiB", 1 << 20)) {
            sites = MatrixLoad.run(matrix, selected, database.file, database.file.toString(), engine.settings(), progress);
            note = matrix.note();
        }
        status.summary(sites + " sites loaded into " + database.file + (note.isEmpty() ? "" : ", " + note));
        return 0;
    }
}
