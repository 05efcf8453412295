package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A matrix path that is not a regular file (a named pipe here; /dev/stdin and {@code <(...)} are
 * the same kind) is read once, as standard input is, even when an allele first appears after the
 * loader's first batch, the case that makes it read a regular file a second time.
 */
class StreamInputTest {
    /** More sites than one load batch (122,880), so the late allele comes in a later batch. */
    private static final int SITES = 130_000;
    private static final List<String> COLUMNS = List.of("CHROM", "POS", "REF", "1a", "1b");

    @TempDir
    Path tmp;

    // The timeout only stops a hang (re-opening a pipe nobody writes to again waits forever).
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void namedPipeWithANewAlleleAfterTheFirstBatch() throws Exception {
        List<List<String>> rows = rowsWithALateAllele();
        byte[] text = text(rows);
        Path fifo = tmp.resolve("matrix.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(text);
            } catch (IOException ignored) {
                // The reader went away; the assertions below say why.
            }
        });
        writer.setDaemon(true);
        writer.start();
        CliRunner.Result result = CliRunner.run("convert", fifo.toString(), "-q", "--threads", "2");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(ReferenceConverter.convert(COLUMNS, rows, ReferenceConverter.defaultPairs(COLUMNS), null),
                result.out());
    }

    private static List<List<String>> rowsWithALateAllele() {
        List<List<String>> rows = new ArrayList<>(SITES);
        for (int i = 0; i < SITES; i++) {
            String contig = i < SITES / 2 ? "1" : "2";
            String late = i == SITES - 10 ? "GT" : (i % 3 == 0 ? "C" : "A");
            rows.add(List.of(contig, Integer.toString(i + 1), "A", i % 5 == 0 ? "N" : "A", late));
        }
        return rows;
    }

    private static byte[] text(List<List<String>> rows) {
        StringBuilder text = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        rows.forEach(row -> text.append(String.join("\t", row)).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
