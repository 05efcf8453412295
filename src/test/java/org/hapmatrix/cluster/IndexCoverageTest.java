package org.hapmatrix.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a tabix index made by the real tabix cannot say about its matrix: lines it skipped (a contig
 * whose name starts with '#' is a comment to tabix), a file cut after its last BGZF block, an index
 * of another file. Each is an error before anything is written, never a silently shorter result.
 */
class IndexCoverageTest {
    private static final String HEADER = "c\tp\tr\t1a\t1b\n";

    @TempDir
    Path tmp;

    private Path indexed(String body) throws IOException {
        Path plain = Files.writeString(tmp.resolve("m.txt"), HEADER + body);
        return ExternalTool.bgzipAndIndex(plain, 1);
    }

    private static String lines(String... contigs) {
        StringBuilder body = new StringBuilder();
        for (String contig : contigs) {
            body.append(contig).append("\t1\tA\tA\tC\n").append(contig).append("\t7\tG\tT\tG\n");
        }
        return body.toString();
    }

    /** Every command that reads the matrix through its index fails with one line and writes nothing. */
    private void assertRefused(Path matrix, String contig, String expectedStart) {
        Path out = tmp.resolve("out.txt");
        Path db = tmp.resolve("out.duckdb");
        for (List<String> command : List.of(
                List.of("contigs", matrix.toString(), "-o", out.toString()),
                List.of("convert", matrix.toString(), "--contigs", contig, "-q", "-o", out.toString()),
                List.of("load", matrix.toString(), "--contigs", contig, "-q", "--db", db.toString()))) {
            CliRunner.Result result = CliRunner.run(command.toArray(String[]::new));
            assertEquals(1, result.exitCode(), command + ": " + result);
            assertTrue(result.stderr().startsWith("hapmatrix: " + expectedStart), command + ": " + result.stderr());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertFalse(Files.exists(out), command + " wrote its output");
            assertFalse(Files.exists(db), command + " wrote its database");
        }
    }

    @ParameterizedTest(name = "'#' contig {0}")
    @ValueSource(strings = {"first", "between", "last"})
    void contigStartingWithHashIsNeverDroppedByTheIndex(String where) throws IOException {
        String body = switch (where) {
            case "first" -> lines("#a", "b", "d");
            case "between" -> lines("b", "#c", "d");
            default -> lines("b", "d", "#e");
        };
        Path matrix = indexed(body);
        // convert reads the contig whose span holds the skipped lines (tabix puts them at the start
        // of the next contig's span, or at the end of the last one's).
        assertRefused(matrix, where.equals("first") ? "b" : "d", matrix + ".tbi: ");
        if (where.equals("between")) {
            CliRunner.Result hashContig = CliRunner.run("convert", matrix.toString(), "--contigs", "#c", "-q");
            assertEquals(1, hashContig.exitCode(), hashContig.toString());
            assertTrue(hashContig.stderr().startsWith("hapmatrix: " + matrix + ".tbi: cannot hold contig '#c'"),
                    hashContig.stderr());
            assertEquals(0, CliRunner.run("convert", matrix.toString(), "--contigs", "b", "-q").exitCode(),
                    "a contig whose span holds only its own lines reads as before");
        }
        CliRunner.Result result = CliRunner.run("contigs", matrix.toString());
        assertTrue(result.stderr().contains("'#'"), "the message names the cause: " + result.stderr());
        // Without its index the file is read whole, '#' contigs and all.
        Files.delete(Path.of(matrix + ".tbi"));
        CliRunner.Result all = CliRunner.run("contigs", matrix.toString());
        assertEquals(0, all.exitCode(), all.toString());
        assertEquals(3, all.out().lines().count(), all.out());
    }

    @Test
    void bgzfCutAfterABlockIsTruncatedThroughTheIndex() throws IOException {
        Path matrix = indexed(lines("b", "d"));
        byte[] bytes = Files.readAllBytes(matrix);
        // Drop the 28-byte BGZF end-of-file block: what a copy cut at a block boundary looks like.
        Files.write(matrix, Arrays.copyOf(bytes, bytes.length - 28));
        Files.setLastModifiedTime(Path.of(matrix + ".tbi"), FileTime.from(Instant.now().plusSeconds(5)));
        assertRefused(matrix, "b", matrix + ": truncated");
    }

    @Test
    void indexOfAnotherFileIsSaidToBeSo() throws IOException {
        Path matrix = indexed(lines("b", "d", "f", "g"));
        Path index = Path.of(matrix + ".tbi");
        byte[] otherIndex = Files.readAllBytes(index);
        // The same name, other data: fewer, other contigs in a shorter file.
        Path plain = Files.writeString(tmp.resolve("m.txt"), HEADER + lines("x"));
        ExternalTool.succeed(tmp, "bgzip", "-kf", plain.getFileName().toString());
        Files.write(index, otherIndex);
        assertRefused(matrix, "b", index + ": index does not match " + matrix);
    }

    @Test
    void damagedBlockReadThroughTheIndexSaysTheIndexDoesNotMatch() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 20000; i++) {
            body.append("b\t").append(i).append("\tA\tA\tC\n");
        }
        for (int i = 1; i <= 20000; i++) {
            body.append("d\t").append(i).append("\tA\tA\tC\n");
        }
        Path matrix = indexed(body.toString());
        byte[] bytes = Files.readAllBytes(matrix);
        // Overwrite a block header in the middle of b's blocks: a file changed after indexing.
        for (int i = bytes.length / 4; i < bytes.length / 4 + 64; i++) {
            bytes[i] = 0;
        }
        Files.write(matrix, bytes);
        Files.setLastModifiedTime(Path.of(matrix + ".tbi"), FileTime.from(Instant.now().plusSeconds(5)));
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "--contigs", "b", "-q",
                "-o", tmp.resolve("out.txt").toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("hapmatrix: " + matrix + ".tbi: index does not match " + matrix)
                || result.stderr().startsWith("hapmatrix: " + matrix + ":"), result.stderr());
        assertFalse(result.stderr().contains("unexpected error"), result.stderr());
        assertFalse(Files.exists(tmp.resolve("out.txt")));
    }
}
