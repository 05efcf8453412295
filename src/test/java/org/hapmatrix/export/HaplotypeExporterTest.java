package org.hapmatrix.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.hapmatrix.app.MatrixExport;
import org.hapmatrix.app.MatrixLoad;
import org.hapmatrix.format.OpenedMatrix;
import org.hapmatrix.matrix.SamplePair;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferenceFormats;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.store.EngineSettings;
import org.hapmatrix.testsupport.ExternalTool;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.testsupport.VcfSafeMatrix;
import org.hapmatrix.util.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        EngineSettings settings = new EngineSettings(threads, "256MB", tmp);
        Path db = loadedOnce(matrix, tmp, "m" + seed, settings);
        List<ReferencePair> referencePairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        List<SamplePair> pairs = samplePairs(referencePairs);

        Path out = tmp.resolve("out-" + seed + "-" + threads + "-" + rowsPerUnit + ".txt");
        ExportRequest request = new ExportRequest(pairs, List.of(), List.of(), AltFrom.all);
        MatrixExport.run(db, db.toString(), settings, request, ExportLayout.TABLE, out.toString(), Progress.NONE, rowsPerUnit);
        assertEquals(ReferenceConverter.convert(matrix.columnNames(), matrix.rows(), referencePairs, null),
                Files.readString(out, StandardCharsets.UTF_8));
    }

    /**
     * A BGZF VCF cut into many parts (each its own run of BGZF blocks, its records' index entries
     * shifted by where the part lands): the content equals the reference and tabix answers
     * regions from the index hapmatrix wrote, whatever the unit size.
     */
    @ParameterizedTest(name = "seed {0}, {1} thread(s), {2} rows per unit")
    @CsvSource({"21, 1, 5", "21, 8, 5", "22, 2, 1", "23, 8, 1000000"})
    void anIndexedVcfInManyPartsEqualsTheReferenceAndItsIndexAnswersRegions(long seed, int threads, long rowsPerUnit)
            throws IOException {
        GeneratedMatrix matrix = VcfSafeMatrix.of(MatrixGenerator.generate(seed), new Random(seed));
        EngineSettings settings = new EngineSettings(threads, "256MB", tmp);
        Path db = loadedOnce(matrix, tmp, "v" + seed, settings);
        Path out = tmp.resolve("v-" + seed + "-" + threads + "-" + rowsPerUnit + ".vcf.gz");
        ExportLayout layout = ExportLayout.of(null, null, out.toString(), "hapmatrix test");
        MatrixExport.run(db, db.toString(), settings, ExportRequest.everything(), layout, out.toString(), Progress.NONE,
                rowsPerUnit);

        ReferenceFormats.Options options = new ReferenceFormats.Options(
                ReferenceConverter.defaultPairs(matrix.columnNames()), null, false, true, true);
        List<String> records = ReferenceFormats.vcfRecords(matrix.columnNames(), matrix.rows(), options);
        String text = new String(new GZIPInputStream(Files.newInputStream(out)).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(records, text.lines().filter(l -> !l.startsWith("#")).toList());
        for (String contig : ReferenceFormats.contigsInOrder(matrix.rows(), null)) {
            List<String> expected = records.stream().filter(r -> r.startsWith(contig + "\t")).toList();
            if (expected.isEmpty()) {
                continue;
            }
            long from = Long.parseLong(expected.get(expected.size() / 3).split("\t")[1]);
            long to = Long.parseLong(expected.get(2 * expected.size() / 3).split("\t")[1]);
            ExternalTool.Result tabix = ExternalTool.run(tmp, "tabix", out.toString(), contig + ":" + from + "-" + to);
            assertEquals("", tabix.stderr());
            assertEquals(expected.stream().filter(r -> {
                long pos = Long.parseLong(r.split("\t")[1]);
                return pos + r.split("\t")[3].length() - 1 >= from && pos <= to;
            }).map(r -> r + "\n").reduce("", String::concat), tabix.stdout(), contig + ":" + from + "-" + to);
        }
    }

    /** The matrix loaded into {@code NAME.duckdb} in {@code folder}, loaded by the first test that asks. */
    static Path loadedOnce(GeneratedMatrix matrix, Path folder, String name, EngineSettings settings) {
        Path file = folder.resolve(name + ".txt");
        Path db = folder.resolve(name + ".duckdb");
        if (!Files.exists(db)) {
            matrix.writeTo(file, true);
            try (OpenedMatrix opened = OpenedMatrix.open(file.toString(), null)) {
                MatrixLoad.run(opened, db, db.toString(), settings, Progress.NONE);
            }
        }
        return db;
    }

    static List<SamplePair> samplePairs(List<ReferencePair> pairs) {
        return pairs.stream().map(p -> new SamplePair(p.name(), p.sampleA(), p.sampleB())).toList();
    }
}
