package org.hapmatrix.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapmatrix.HapmatrixException;
import org.hapmatrix.io.MatrixInput;
import org.hapmatrix.matrix.PrefetchingSiteBatchReader;
import org.hapmatrix.matrix.SiteBatch;
import org.hapmatrix.matrix.SiteBatchReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser run a batch ahead on its own thread gives the same batches as the parser alone, its
 * counts as of the batches handed out (not of the one parsed ahead), the parser's error at the
 * batch that holds it, and stops its thread when closed early.
 */
class PrefetchingSiteBatchReaderTest {
    private static final int BATCH_SITES = 3;

    @TempDir
    Path tmp;

    /** A matrix whose site {@code i} brings a new allele every fourth site, so the alphabet grows batch by batch. */
    private Path matrix(int sites, String lastLine) throws IOException {
        StringBuilder text = new StringBuilder("CHROM\tPOS\tREF\ts1\ts2\n");
        for (int i = 1; i <= sites; i++) {
            String allele = i % 4 == 0 ? "A" + "C".repeat(i) : "G";
            text.append(i <= sites / 2 ? "c1" : "c2").append('\t').append(i).append("\tA\t").append(allele).append("\tT\n");
        }
        text.append(lastLine);
        return Files.writeString(tmp.resolve("m.txt"), text, StandardCharsets.UTF_8);
    }

    private static MatrixParser parser(Path file) {
        return new MatrixParser(MatrixInput.open(file.toString()), null);
    }

    /** Per batch: its sites as text, and the reader's sites read, alleles used and bytes read after it. */
    private static List<String> batches(SiteBatchReader reader) {
        List<String> seen = new ArrayList<>();
        SiteBatch batch = new SiteBatch(BATCH_SITES, reader.header().sampleCount());
        while (reader.fill(batch)) {
            StringBuilder line = new StringBuilder();
            for (int row = 0; row < batch.size(); row++) {
                line.append(reader.contigs().value(batch.contigCode(row))).append(':').append(batch.position(row));
                for (int column = 0; column < batch.alleleColumnCount(); column++) {
                    line.append(' ').append(reader.alleles().value((batch.shortColumn(column)[row] & 0xFFFF) - 1));
                }
                line.append("; ");
            }
            seen.add(line + "sites " + reader.sitesRead() + ", alleles " + reader.allelesUsed() + ", bytes " + reader.bytesRead());
        }
        return seen;
    }

    private static List<String> batchesOfTheParserAlone(Path file) {
        try (SiteBatchReader reader = parser(file)) {
            return batches(reader);
        }
    }

    @Test
    void givesTheParsersBatchesWithTheCountsAsOfEach() throws IOException {
        Path file = matrix(40, "");
        List<String> alone = batchesOfTheParserAlone(file);
        try (SiteBatchReader reader = PrefetchingSiteBatchReader.of(parser(file))) {
            assertEquals(alone, batches(reader));
            assertFalse(reader.fill(new SiteBatch(BATCH_SITES, 2)), "stays ended");
            assertEquals(40, reader.sitesRead());
        }
        assertEquals(14, alone.size());
    }

    @Test
    void theParsersErrorComesAtTheBatchThatHoldsIt() throws IOException {
        Path file = matrix(7, "c2\t8\tA\tG\n");
        try (SiteBatchReader reader = PrefetchingSiteBatchReader.of(parser(file))) {
            SiteBatch batch = new SiteBatch(BATCH_SITES, 2);
            assertTrue(reader.fill(batch));
            assertTrue(reader.fill(batch));
            assertEquals(6, reader.sitesRead());
            HapmatrixException error = assertThrows(HapmatrixException.class, () -> reader.fill(batch));
            assertTrue(error.getMessage().endsWith("m.txt:9: expected 5 columns as in the header, found 4"), error.getMessage());
            assertFalse(reader.fill(batch), "ended by the error");
        }
    }

    /** Started before its first fill (as a convert does while DuckDB starts): the same batches and counts. */
    @Test
    void startedBeforeItsFirstFillGivesTheSameBatches() throws IOException {
        Path file = matrix(40, "");
        List<String> alone = batchesOfTheParserAlone(file);
        try (PrefetchingSiteBatchReader reader = (PrefetchingSiteBatchReader) PrefetchingSiteBatchReader.of(parser(file))) {
            reader.startParsing(BATCH_SITES, 2);
            reader.startParsing(BATCH_SITES, 2); // once only
            assertEquals(alone, batches(reader));
        }
    }

    /** Started and closed with no fill (the database failed to open): its thread ends. */
    @Test
    void startedAndClosedWithoutAFillItStopsItsThread() throws IOException {
        Path file = matrix(3000, "");
        PrefetchingSiteBatchReader reader = (PrefetchingSiteBatchReader) PrefetchingSiteBatchReader.of(parser(file));
        reader.startParsing(BATCH_SITES, 2);
        reader.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().equals("hapmatrix-parse")),
                "the parsing thread ended");
    }

    @Test
    void closedEarlyItStopsItsThread() throws IOException {
        Path file = matrix(3000, "");
        SiteBatchReader reader = PrefetchingSiteBatchReader.of(parser(file));
        assertTrue(reader.fill(new SiteBatch(BATCH_SITES, 2)));
        reader.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().equals("hapmatrix-parse")),
                "the parsing thread ended");
    }
}
