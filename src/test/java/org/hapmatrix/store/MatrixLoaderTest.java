package org.hapmatrix.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.app.MatrixExport;
import org.hapmatrix.export.ExportRequest;
import org.hapmatrix.format.MatrixParser;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.MatrixSource;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.hapmatrix.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both ways into the matrix table: one pass with an early alphabet, and the staged way when it grows late. */
class MatrixLoaderTest {
    @TempDir
    Path tmp;

    /** A file opened as often as asked, counting the openings. */
    private static final class CountingFileSource implements MatrixSource {
        private final Path file;
        private final boolean reopenable;
        int openings;

        CountingFileSource(Path file, boolean reopenable) {
            this.file = file;
            this.reopenable = reopenable;
        }

        @Override
        public MatrixParser open() {
            openings++;
            return new MatrixParser(MatrixInput.open(file.toString()), null);
        }

        @Override
        public boolean reopenable() {
            return reopenable;
        }

        @Override
        public String name() {
            return file.toString();
        }

        @Override
        public long sizeBytes() {
            return -1;
        }

        @Override
        public String headerSource() {
            return "first line";
        }
    }

    /** A seed-shaped matrix whose last rows bring alleles the first rows do not have. */
    private GeneratedMatrix matrixWithLateAlleles() {
        GeneratedMatrix base = MatrixGenerator.seedShaped(40, 300);
        List<List<String>> rows = new ArrayList<>(base.rows());
        for (int i = 250; i < 300; i += 7) {
            List<String> row = new ArrayList<>(rows.get(i));
            row.set(5, i % 2 == 0 ? "AT" : "R");
            row.set(9, "GGC");
            rows.set(i, row);
        }
        return new GeneratedMatrix(base.columnNames(), rows);
    }

    private String exportAll(Path db) throws IOException {
        Path out = tmp.resolve(db.getFileName() + ".out.txt");
        MatrixExport.run(db, db.toString(), EngineSettings.defaults(), ExportRequest.everything(), out.toString(),
                Progress.NONE);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Loads {@code matrix} from a file into a new database; asserts the openings and that export equals the reference. */
    private Path loadAndCompare(String name, GeneratedMatrix matrix, boolean reopenable, int batchSites,
                                int expectedOpenings) throws IOException {
        Path file = tmp.resolve(name + ".txt");
        matrix.writeTo(file, true);
        Path db = tmp.resolve(name + ".duckdb");
        CountingFileSource source = new CountingFileSource(file, reopenable);
        DatabaseFiles.buildReplacing(db, db.toString(), EngineSettings.defaults(), database ->
                assertEquals(matrix.rows().size(), MatrixLoader.load(database, source, Progress.NONE, batchSites)));
        assertEquals(expectedOpenings, source.openings);
        assertEquals(ReferenceConverter.convert(matrix.columnNames(), matrix.rows(),
                ReferenceConverter.defaultPairs(matrix.columnNames()), null), exportAll(db));
        return db;
    }

    @Test
    void aLateNewAlleleMakesTheLoaderReadTheFileAgainThroughStaging() throws IOException {
        Path db = loadAndCompare("late", matrixWithLateAlleles(), true, 16, 2);
        try (MatrixDatabase database = MatrixDatabase.openReadOnly(db, EngineSettings.defaults())) {
            assertEquals(List.of("-", "A", "AT", "C", "G", "GGC", "N", "R", "T"), MatrixCatalog.read(database).alleles());
        }
    }

    @Test
    void anEarlyAlphabetLoadsInOnePass() throws IOException {
        loadAndCompare("plain", MatrixGenerator.seedShaped(41, 300), true, 1000, 1);
    }

    @Test
    void anInputThatCannotBeReadTwiceIsStagedFromTheStart() throws IOException {
        loadAndCompare("once", matrixWithLateAlleles(), false, 16, 1);
    }
}
