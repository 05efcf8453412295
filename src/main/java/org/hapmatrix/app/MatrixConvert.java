package org.hapmatrix.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hapmatrix.export.ExportLayout;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.format.Codecs;
import org.hapmatrix.format.InputCodec;
import org.hapmatrix.format.OpenedMatrix;
import org.hapmatrix.format.VcfReadOptions;
import org.hapmatrix.io.TemporaryFiles;
import org.hapmatrix.matrix.OpenedInput;
import org.hapmatrix.store.DatabaseFiles;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.util.Progress;

/**
 * The {@code convert} use case: a matrix to an output through DuckDB. Without a database to keep,
 * it goes by segments where it can ({@link SegmentedConvert}); otherwise, or when the matrix turns
 * out not to be segmentable, the whole matrix is loaded into a database file (the one to keep, or
 * a scratch one) and exported, and a kept database replaces an old one only once the whole run,
 * export included, has succeeded.
 */
public final class MatrixConvert {
    /** What to convert: the matrix ({@code -} for standard input) and its {@code --header} file (or null). */
    public record Input(String matrix, Path headerFile, VcfReadOptions vcf) {
        public Input(String matrix, Path headerFile) {
            this(matrix, headerFile, VcfReadOptions.DEFAULT);
        }
    }

    /**
     * {@code unpaired}: the columns the default pairs leave out; {@code inputNote}: what the input's
     * reading adds to the summary (VCF: calls the phase rules changed), or empty.
     */
    public record Result(long sitesRead, long sitesWritten, int contigs, int pairs, List<String> unpaired,
                         String inputNote) {
        public Result(long sitesRead, long sitesWritten, int contigs, int pairs) {
            this(sitesRead, sitesWritten, contigs, pairs, List.of(), "");
        }
    }

    private MatrixConvert() {
    }

    /**
     * Converts {@code input} to {@code output} ({@code null} or {@code -} for standard output);
     * {@code keptDatabase} is the {@code --db} file, or null for none.
     */
    public static Result run(Input input, Path keptDatabase, EngineSettings settings, ExportRequest request,
                             ExportLayout layout, String output, Progress.Phases phases) {
        String matrixName = OpenedMatrix.displayName(input.matrix());
        // With an indexed matrix only the selected contigs are read, so a contig selection still goes by segments.
        if (keptDatabase == null && SegmentedConvert.applies(input.matrix(), request.withEveryContig(), layout, output)) {
            try (OpenedInput matrix = open(input, request)) {
                if (request.contigs().isEmpty() || matrix.readsOnlySelectedContigs()) {
                    matrix.validatePairs(request.pairs());
                    if (matrix.hasPhaseSets()) {
                        // Phase sets are keyed by site over the whole load; segments number their sites anew.
                        return runWholeLoad(input, keptDatabase, settings, request, layout, output, phases, matrixName);
                    }
                    Optional<SegmentedConvert.Result> result;
                    try (Progress.Phase progress = phases.start("convert", " MiB", 1 << 20)) {
                        result = SegmentedConvert.run(matrix, matrixName, settings, request.withEveryContig(), layout,
                                output, progress);
                    }
                    if (result.isPresent()) {
                        SegmentedConvert.Result done = result.get();
                        return new Result(done.sitesRead(), done.sitesWritten(), done.contigs(), done.pairs(), done.unpaired(),
                                matrix.note());
                    }
                }
                // Contigs not in blocks, a late new allele, or contigs selected at export (no index): the
                // whole matrix goes through a database file below.
            }
        }
        return runWholeLoad(input, keptDatabase, settings, request, layout, output, phases, matrixName);
    }

    private static Result runWholeLoad(Input input, Path keptDatabase, EngineSettings settings, ExportRequest request,
                                       ExportLayout layout, String output, Progress.Phases phases, String matrixName) {
        Path databaseFile = keptDatabase != null ? keptDatabase : DatabaseFiles.scratchDatabase(settings.tempDirectory());
        try {
            // A scratch database is the user's matrix as far as messages go.
            String databaseName = keptDatabase != null ? keptDatabase.toString() : matrixName;
            MatrixLoad.Pending loaded;
            String note;
            // With an indexed matrix only the selected contigs are read; without, all (selected at export).
            try (OpenedInput matrix = open(input, request);
                 Progress.Phase progress = phases.start("load", " MiB", 1 << 20)) {
                matrix.validatePairs(request.pairs());
                // Contigs are known only once read (or from a tabix index, checked on opening it).
                matrix.validateSamples(request.samples(), request.pairs());
                loaded = MatrixLoad.runUncommitted(matrix, databaseFile, databaseName, settings, progress);
                note = matrix.note();
            }
            MatrixExport.Result result;
            try (DatabaseFiles.PendingDatabase newDatabase = loaded.database();
                 Progress.Phase progress = phases.start("export", " sites", 1)) {
                result = MatrixExport.run(newDatabase.file(), matrixName, settings, request, layout, output, progress);
                newDatabase.commit();
            }
            String gapNote = result.gaps().note();
            return new Result(loaded.sites(), result.sitesWritten(), result.plan().contigs().size(),
                    result.plan().pairs().size(), result.plan().unpaired(),
                    note.isEmpty() || gapNote.isEmpty() ? note + gapNote : note + ", " + gapNote);
        } finally {
            if (keptDatabase == null) {
                TemporaryFiles.delete(databaseFile.getParent());
            }
        }
    }

    private static OpenedInput open(Input input, ExportRequest request) {
        return Codecs.openInput(new InputCodec.Request(input.matrix(), input.headerFile(), request.contigsToRead(), false,
                input.vcf()));
    }
}
