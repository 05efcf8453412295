package org.hapmatrix.app;

import java.nio.file.Path;
import org.hapmatrix.export.ExportLayout;
import org.hapmatrix.export.ExportOutput;
import org.hapmatrix.export.ExportPlan;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.export.ExportSelection;
import org.hapmatrix.export.HaplotypeExporter;
import org.hapmatrix.format.GapCounts;
import org.hapmatrix.io.OutputTarget;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixCatalog;
import org.hapmatrix.store.MatrixDatabase;
import org.hapmatrix.util.PhaseTimer;
import org.hapmatrix.util.Progress;

/** The export use case ({@code export}, and the second half of {@code convert}): a loaded database to the haplotype table. */
public final class MatrixExport {
    /** What was written: the resolved plan (pairs, contigs), the number of sites (records), what --gaps deletion did. */
    public record Result(ExportPlan plan, long sitesWritten, GapCounts gaps) {
    }

    private MatrixExport() {
    }

    /**
     * Writes the table that {@code request} asks for to {@code output} (a path; {@code -} or null
     * for stdout). {@code sourceName} names the data in messages: the database, or for convert the
     * matrix it came from. The output is created only once every name has been checked.
     */
    public static Result run(Path databaseFile, String sourceName, EngineSettings settings, ExportRequest request,
                             String output, Progress progress) {
        return run(databaseFile, sourceName, settings, request, ExportLayout.TABLE, output, progress, 0);
    }

    /** In the format {@code layout} gives; an indexed output gets its {@code .tbi} or {@code .csi} beside {@code output}. */
    public static Result run(Path databaseFile, String sourceName, EngineSettings settings, ExportRequest request,
                             ExportLayout layout, String output, Progress progress) {
        return run(databaseFile, sourceName, settings, request, layout, output, progress, 0);
    }

    /** With a chosen work unit size (0: by the result's width); tests use small units to split contigs across threads. */
    public static Result run(Path databaseFile, String sourceName, EngineSettings settings, ExportRequest request,
                      ExportLayout layout, String output, Progress progress, long rowsPerUnit) {
        try (MatrixDatabase database = MatrixDatabase.openForExport(databaseFile, sourceName, settings)) {
            MatrixCatalog catalog = MatrixCatalog.read(database);
            ExportPlan plan = ExportSelection.resolve(catalog, sourceName, request, settings.threads());
            HaplotypeExporter exporter = new HaplotypeExporter(database, catalog.alleles(), rowsPerUnit);
            exporter.check(plan, layout);
            try (OutputTarget target = OutputTarget.open(output, !layout.bgzfParts());
                 IndexBeside index = new IndexBeside(output)) {
                long start = System.nanoTime();
                HaplotypeExporter.Written written = exporter.export(plan, layout, target, layout.indexed() ? index : null, progress);
                index.commitWith(target); // the data, then its index: never new data beside an old index
                PhaseTimer.done("export: queries and output", start);
                return new Result(plan, written.lines(), written.gaps());
            }
        }
    }

    /**
     * Appends the table of the matrix now in {@code database} to {@code output}, which stays open:
     * one segment of a segmented convert (the header goes with the first segment, or at the end
     * when it lists the contigs; see {@link ExportOutput}).
     */
    static Result appendSegment(MatrixDatabase database, String sourceName, EngineSettings settings,
                                ExportRequest request, ExportLayout layout, ExportOutput output, long rowsPerUnit,
                                Progress progress) {
        MatrixCatalog catalog = MatrixCatalog.read(database);
        ExportPlan plan = ExportSelection.resolve(catalog, sourceName, request, settings.threads());
        HaplotypeExporter exporter = new HaplotypeExporter(database, catalog.alleles(), rowsPerUnit);
        exporter.check(plan, layout);
        long start = System.nanoTime();
        HaplotypeExporter.Written written = exporter.export(plan, layout, output, progress);
        PhaseTimer.done("export: segment", start);
        return new Result(plan, written.lines(), written.gaps());
    }
}
