package org.hapmatrix.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.app.MatrixExport;
import org.hapmatrix.format.GapAlleles;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferenceFormats;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.testsupport.GapMatrices;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.util.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --gaps deletion} joins consecutive rows, which the parallel export cuts into work units:
 * whatever the thread count and unit size (one row per unit included), and for a run of gaps
 * longer than the boundary query's window, the records equal the reference's.
 */
class GapDeletionUnitsTest {
    @TempDir
    static Path tmp;

    @ParameterizedTest(name = "seed {0}, {1} thread(s), {2} rows per unit")
    @CsvSource({"1, 1, 1", "1, 2, 3", "1, 8, 7", "2, 8, 1", "2, 2, 1000000", "5, 1, 2", "5, 8, 5", "7, 2, 4", "7, 8, 1",
            "-1, 1, 1000", "-1, 2, 1000", "-1, 8, 333"})
    void anyThreadCountAndUnitSizeGiveTheReferenceDeletions(long seed, int threads, long rowsPerUnit) throws IOException {
        GeneratedMatrix matrix = seed < 0 ? longRun() : GapMatrices.generate(seed);
        EngineSettings settings = new EngineSettings(threads, "256MB", tmp);
        Path db = HaplotypeExporterTest.loadedOnce(matrix, tmp, "g" + seed, settings);
        List<ReferencePair> referencePairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        List<SamplePair> pairs = HaplotypeExporterTest.samplePairs(referencePairs);
        Path out = tmp.resolve("g-" + seed + "-" + threads + "-" + rowsPerUnit + ".vcf");
        ExportLayout layout = ExportLayout.of(null, null, null, GapAlleles.deletion, out.toString(), "test");
        MatrixExport.Result result = MatrixExport.run(db, db.toString(), settings,
                new ExportRequest(pairs, List.of(), List.of(), AltFrom.all), layout, out.toString(), Progress.NONE, rowsPerUnit);
        List<String> expected = ReferenceFormats.vcfRecords(matrix.columnNames(), matrix.rows(),
                new ReferenceFormats.Options(referencePairs, null, false, true, false), "deletion");
        List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(expected, records);
        assertEquals(expected.size(), result.sitesWritten());
    }

    /** One contig of 6,000 sites where a haplotype is a gap from site 100 to 5,500: longer than the boundary query's window. */
    private static GeneratedMatrix longRun() {
        List<List<String>> rows = new ArrayList<>();
        for (int pos = 1; pos <= 6000; pos++) {
            String ref = "ACGT".substring(pos % 4, pos % 4 + 1);
            String gap = pos >= 100 && pos <= 5500 ? "-" : ref;
            String snp = pos % 50 == 0 ? "ACGT".substring((pos + 1) % 4, (pos + 1) % 4 + 1) : ref;
            rows.add(List.of("c", Integer.toString(pos), ref, gap, ref, snp, pos % 700 == 0 ? "-" : ref));
        }
        return new GeneratedMatrix(List.of("CHROM", "POS", "REF", "1a", "1b", "2a", "2b"), rows);
    }
}
