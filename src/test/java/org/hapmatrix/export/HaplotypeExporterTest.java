package org.hapmatrix.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.matrix.OpenedMatrix;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.store.MatrixLoad;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.util.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel export cut into many small work units: whatever the thread count and unit size,
 * the bytes equal the reference, including interleaved contigs whose rowid ranges overlap.
 */
class HaplotypeExporterTest {
    @TempDir
    static Path tmp;

    @ParameterizedTest(name = "seed {0}, {1} thread(s), {2} rows per unit")
    @CsvSource({"3, 1, 7", "3, 2, 7", "3, 8, 7", "9, 8, 1", "9, 2, 50", "17, 8, 13", "17, 1, 1000000"})
    void anyThreadCountAndUnitSizeGiveTheReferenceOutput(long seed, int threads, long rowsPerUnit) throws IOException {
        GeneratedMatrix matrix = MatrixGenerator.generate(seed);
        Path file = tmp.resolve("m" + seed + ".txt");
        Path db = tmp.resolve("m" + seed + ".duckdb");
        EngineSettings settings = new EngineSettings(threads, "256MB", tmp);
        if (!Files.exists(db)) {
            matrix.writeTo(file, true);
            try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
                MatrixLoad.run(opened, db, db.toString(), settings, Progress.NONE);
            }
        }
        List<ReferencePair> referencePairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        List<SamplePair> pairs = referencePairs.stream()
                .map(p -> new SamplePair(p.name(), p.sampleA(), p.sampleB())).toList();

        Path out = tmp.resolve("out-" + seed + "-" + threads + "-" + rowsPerUnit + ".txt");
        ExportRequest request = new ExportRequest(pairs, List.of(), List.of(), AltFrom.all);
        MatrixExport.run(db, db.toString(), settings, request, ExportLayout.TABLE, out.toString(), Progress.NONE, rowsPerUnit);
        assertEquals(ReferenceConverter.convert(matrix.columnNames(), matrix.rows(), referencePairs, null),
                Files.readString(out, StandardCharsets.UTF_8));
    }
}
