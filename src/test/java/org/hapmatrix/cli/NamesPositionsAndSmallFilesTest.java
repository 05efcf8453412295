package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small promises: pair names that would split the header, control characters in names on a
 * terminal, positions with leading zeros, a truncated database, and errors in a --pairs file.
 */
class NamesPositionsAndSmallFilesTest {
    private static final String HEADER = "CHROM\tPOS\tREF\t1a\t1b\n";
    private static final String SITES = "1\t10\tA\tA\tC\n1\t11\tG\tN\tT\n2\t5\tC\tC\t-\n";

    @TempDir
    Path tmp;

    @Test
    void pairNameWithATabOrALineBreakIsAUsageError() throws IOException {
        Path matrix = Files.writeString(tmp.resolve("m.txt"), HEADER + SITES);
        for (String name : List.of("p\tq", "p\nq", "p\rq")) {
            CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "--pair", name + "=1a,1b", "-q");
            assertEquals(2, result.exitCode(), result.toString());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertTrue(result.stderr().contains("a pair name must not contain a tab or a line break"), result.stderr());
            assertEquals("", result.out());
        }
    }

    @Test
    void infoAndSqlTablesShowControlCharactersAsEscapes() throws IOException {
        String sampleA = "s\u001b[31ma";
        String sampleB = "s\u001b[31mb";
        String contig = "c\u001b]0;title\u0007";
        Path matrix = Files.writeString(tmp.resolve("m.txt"),
                "CHROM\tPOS\tREF\t" + sampleA + "\t" + sampleB + "\n" + contig + "\t1\tA\tA\tC\n");
        Path db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());

        CliRunner.Result info = CliRunner.run("info", "--db", db.toString());
        assertEquals(0, info.exitCode(), info.toString());
        assertFalse(info.out().contains("\u001b") || info.out().contains("\u0007"), info.out());
        assertTrue(info.out().contains("c\\u001b]0;title\\u0007"), info.out());
        assertTrue(info.out().contains("s\\u001b[31ma"), info.out());

        CliRunner.Result table = CliRunner.run("sql", "--db", db.toString(), "SELECT contig, sample FROM genotypes");
        assertEquals(0, table.exitCode(), table.toString());
        assertFalse(table.out().contains("\u001b"), table.out());
        assertTrue(table.out().contains("c\\u001b]0;title\\u0007"), table.out());
        // Formats for programs give the data as it is.
        CliRunner.Result tsv = CliRunner.run("sql", "--db", db.toString(), "--format", "tsv", "SELECT contig FROM contigs");
        assertEquals("contig\n" + contig + "\n", tsv.out());
    }

    @Test
    void positionsWithLeadingZerosAreTheirNumbers() throws IOException {
        Path matrix = Files.writeString(tmp.resolve("m.txt"), HEADER
                + "1\t00000000000000000001\tA\tA\tC\n"
                + "1\t007\tA\tC\tA\n"
                + "1\t0000000000009223372036854775807\tA\tC\tA\n"
                + "1\t0\tA\tC\tA\n");
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        List<String> columns = List.of("CHROM", "POS", "REF", "1a", "1b");
        List<List<String>> rows = List.of(
                List.of("1", "1", "A", "A", "C"),
                List.of("1", "7", "A", "C", "A"),
                List.of("1", "9223372036854775807", "A", "C", "A"),
                List.of("1", "0", "A", "C", "A"));
        assertEquals(ReferenceConverter.convert(columns, rows, ReferenceConverter.defaultPairs(columns), null), result.out());

        Path tooLarge = Files.writeString(tmp.resolve("big.txt"), HEADER + "1\t0009223372036854775808\tA\tA\tC\n");
        CliRunner.Result big = CliRunner.run("convert", tooLarge.toString(), "-q");
        assertEquals(1, big.exitCode());
        assertEquals("hapmatrix: " + tooLarge + ":2: position '0009223372036854775808' is too large (at most "
                + Long.MAX_VALUE + ")\n", big.stderr());
    }

    @Test
    void aTruncatedDatabaseIsOneLineError() throws IOException {
        Path matrix = tmp.resolve("m.txt");
        org.hapmatrix.testsupport.MatrixGenerator.seedShaped(5, 20_000).writeTo(matrix, true);
        Path db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        for (List<String> command : List.of(List.of("info", "--db", db.toString()),
                List.of("export", "--db", db.toString(), "-q"))) {
            CliRunner.Result result = CliRunner.run(command.toArray(String[]::new));
            assertEquals(1, result.exitCode(), result.toString());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertTrue(result.stderr().startsWith("hapmatrix: " + db + ": cannot read the database, truncated or damaged? ("),
                    result.stderr());
        }
    }

    @Test
    void convertChecksSamplesAndTheOutputFolderBeforeLoading() throws IOException {
        // A defect in the data: whichever error comes first shows what was checked before the load.
        Path matrix = Files.writeString(tmp.resolve("m.txt"), HEADER + SITES + "2\tx\tC\tC\tC\n");
        CliRunner.Result samples = CliRunner.run("convert", matrix.toString(), "--samples", "1a,nosuch", "-q");
        assertEquals(2, samples.exitCode(), samples.toString());
        assertEquals("hapmatrix: " + matrix + ": unknown sample 'nosuch'\n", samples.stderr());

        // sysfs refuses new files even to root (read-only where a container mounts it so). The reason, not the
        // name of the scratch file tried (".out.txt.hm-....part", which the message used to give).
        CliRunner.Result folder = CliRunner.run("convert", matrix.toString(), "-o", "/sys/out.txt", "-q");
        assertEquals(2, folder.exitCode(), folder.toString());
        assertTrue(folder.stderr().matches("hapmatrix: /sys/out\\.txt: cannot write in the output directory: "
                + "(Permission denied|Read-only file system)\n"), folder.stderr());
    }

    @Test
    void samplesWithCommasAreSelectedByASamplesFile() throws IOException {
        List<String> columns = List.of("CHROM", "POS", "REF", "x,1a", "x,1b", "2a", "2b");
        Path matrix = Files.writeString(tmp.resolve("m.txt"), String.join("\t", columns) + "\n"
                + "1\t10\tA\tC\tA\tG\tT\n1\t11\tG\tN\tT\tG\tA\n");
        Path samples = Files.writeString(tmp.resolve("samples.txt"), "x,1a\r\n\nx,1b\n");
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "--samples-file", samples.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        List<List<String>> rows = List.of(List.of("1", "10", "A", "C", "A", "G", "T"), List.of("1", "11", "G", "N", "T", "G", "A"));
        assertEquals(ReferenceConverter.convert(columns, rows,
                List.of(new org.hapmatrix.reference.ReferencePair("x,1ax,1b", "x,1a", "x,1b")), null), result.out());

        Path empty = Files.writeString(tmp.resolve("none.txt"), "\n");
        CliRunner.Result none = CliRunner.run("convert", matrix.toString(), "--samples-file", empty.toString(), "-q");
        assertEquals(2, none.exitCode(), none.toString());
        assertEquals("hapmatrix: " + empty + ": empty sample list\n", none.stderr());
    }

    @Test
    void errorsInAPairsFileNameItsLine() throws IOException {
        Path matrix = Files.writeString(tmp.resolve("m.txt"), HEADER + SITES);
        Path db = tmp.resolve("m.duckdb");
        assertEquals(0, CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q").exitCode());
        Path pairs = Files.writeString(tmp.resolve("pairs.txt"), "# pairs\nok\t1a\t1b\nbad\t1a\tzz\n");
        for (List<String> command : List.of(List.of("convert", matrix.toString()), List.of("export", "--db", db.toString()))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--pairs", pairs.toString(), "-q"));
            CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
            assertEquals(2, result.exitCode(), result.toString());
            assertEquals("hapmatrix: " + pairs + ":3: pair 'bad': unknown sample 'zz'\n", result.stderr());
        }
        Path folder = Files.createDirectory(tmp.resolve("pairs.d"));
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "--pairs", folder.toString(), "-q");
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + folder + ": is a directory, not a pairs file\n", result.stderr());
    }
}
