package org.hapmatrix.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.store.ContigInfo;
import org.hapmatrix.store.LoadInfo;
import org.hapmatrix.store.MatrixCatalog;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.util.PrintableText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code info}: what a loaded database holds, for people. */
@Command(name = "info",
        description = "Describe a loaded database: contigs, sites, samples, pairs, allele alphabet, size, load details.")
final class InfoCommand extends DatabaseCommand {
    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (MatrixDatabase db = MatrixDatabase.openReadOnly(database.file, engine.settings())) {
            MatrixCatalog catalog = MatrixCatalog.read(db);
            LoadInfo load = catalog.loadInfo();
            out.printf("database\t%s (%s)%n", shown(database.file), humanSize(fileSize(database.file)));
            out.printf("source\t%s%s%n", shown(load.source()),
                    load.sourceBytes() == null ? "" : " (" + humanSize(load.sourceBytes()) + ")");
            out.printf("header\t%s%n", shown(load.headerSource()));
            out.printf("loaded\t%s by hapmatrix %s, DuckDB %s%n", load.loadedAt(), load.hapmatrixVersion(),
                    load.duckdbVersion());
            out.printf("sites\t%d%n", load.sites());
            out.printf("contigs\t%d%n", catalog.contigs().size());
            for (ContigInfo contig : catalog.contigs()) {
                out.printf("  %s\t%d sites\tpositions %d-%d%n", shown(contig.name()), contig.sites(), contig.firstPos(),
                        contig.lastPos());
            }
            out.printf("samples\t%d: %s%n", catalog.samples().size(), shown(String.join(" ", catalog.samples())));
            out.printf("pairs\t%d: %s%n", catalog.defaultPairs().size(), catalog.defaultPairs().stream()
                    .map(SamplePair::name).map(InfoCommand::shown).collect(Collectors.joining(" ")));
            out.printf("alleles\t%d: %s%n", catalog.alleles().size(), shown(String.join(" ", catalog.alleles())));
            out.flush();
            return 0;
        }
    }

    /** Names come from the data: control characters are shown as escapes, as in messages. */
    private static String shown(Object value) {
        return PrintableText.oneLine(String.valueOf(value));
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new HapmatrixException(file + ": cannot read its size: " + e.getMessage(), e);
        }
    }

    private static String humanSize(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format("%.1f %s", value, units[unit]);
    }
}
