package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of bad input or fault (README "Errors"): the exit code, the one
 * line on stderr naming the file (and line), no stack trace, and what is left on disk afterwards:
 * no output file, no temporary part, an existing output or database exactly as it was.
 */
class BadInputTest {
    private static final String HEADER = "CHROM\tPOS\tREF\t1a\t1b\n";
    private static final String GOOD = HEADER + "1\t10\tA\tA\tC\n1\t11\tG\tN\tT\n2\t5\tC\tC\t-\n";
    private static final byte[] OLD_OUTPUT = "an earlier result\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    /** Output folder: holds only existing.txt, which every failed run must leave as it was. */
    private Path out;
    /** --tmp-dir of every run: must be empty after it (scratch database, export parts). */
    private Path scratch;

    @BeforeEach
    void folders() throws IOException {
        out = Files.createDirectory(tmp.resolve("out"));
        scratch = Files.createDirectory(tmp.resolve("scratch"));
        Files.write(out.resolve("existing.txt"), OLD_OUTPUT);
    }

    // ---- the files ----------------------------------------------------------------------------

    @Test
    void missingMatrixFile() {
        Path missing = tmp.resolve("no-such-matrix.txt");
        convertFails(2, missing + ": no such file", missing.toString());
    }

    @Test
    void matrixThatIsADirectory() {
        convertFails(2, tmp + ": is a directory, not a matrix file", tmp.toString());
    }

    @Test
    void unreadableMatrixFile() throws IOException {
        Path matrix = write("locked.txt", GOOD);
        Files.setPosixFilePermissions(matrix, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(matrix), "running as root: every file is readable");
        convertFails(2, matrix + ": permission denied", matrix.toString());
    }

    @Test
    void missingHeaderAndPairsFiles() throws IOException {
        Path matrix = write("m.txt", GOOD);
        Path missing = tmp.resolve("missing.txt");
        convertFails(2, missing + ": no such header file", matrix.toString(), "--header", missing.toString());
        convertFails(2, missing + ": no such pairs file", matrix.toString(), "--pairs", missing.toString());
    }

    @Test
    void emptyMatrixFile() throws IOException {
        Path matrix = write("empty.txt", "");
        convertFails(1, matrix + ":1: empty file, no header line", matrix.toString());
        Path header = write("header.txt", HEADER);
        convertFails(1, matrix + ":1: empty file", matrix.toString(), "--header", header.toString());
    }

    @Test
    void emptyHeaderFile() throws IOException {
        Path matrix = write("m.txt", "1\t10\tA\tA\tC\n");
        Path header = write("header.txt", "");
        convertFails(1, header + ":1: empty header file", matrix.toString(), "--header", header.toString());
    }

    // ---- the header -----------------------------------------------------------------------------

    @Test
    void headerFileDoesNotMatchTheColumnCount() throws IOException {
        Path header = write("header.txt", HEADER);
        Path matrix = write("m.txt", "1\t10\tA\tA\tC\n1\t11\tG\tN\tT\tA\n");
        convertFails(1, matrix + ":2: expected 5 columns as in the header, found 6",
                matrix.toString(), "--header", header.toString());
        // The common slip: a matrix with its own header line given --header as well.
        Path withHeaderLine = write("m2.txt", GOOD);
        Path shortHeader = write("short-header.txt", HEADER);
        convertFails(1, withHeaderLine + ":1: position 'POS' is not a non-negative integer"
                + " (a header line? with --header the matrix has none)",
                withHeaderLine.toString(), "--header", shortHeader.toString());
    }

    @Test
    void headerWithFewerThanFourColumns() throws IOException {
        Path matrix = write("m.txt", "CHROM\tPOS\tREF\n1\t10\tA\n");
        convertFails(1, matrix + ":1: header has 3 column(s); need contig, position, reference and at least one sample",
                matrix.toString());
        Path header = write("header.txt", "CHROM\tPOS\n");
        Path data = write("data.txt", "1\t10\n");
        convertFails(1, header + ":1: header has 2 column(s); need contig, position, reference and at least one sample",
                data.toString(), "--header", header.toString());
    }

    @Test
    void duplicateSampleNames() throws IOException {
        Path exact = write("m.txt", "CHROM\tPOS\tREF\t1a\t1b\t1a\n1\t10\tA\tA\tC\tG\n");
        convertFails(1, exact + ":1: duplicate sample name '1a' (columns 4 and 6)", exact.toString());
        Path byCase = write("m2.txt", "CHROM\tPOS\tREF\tS1\ts1\n1\t10\tA\tA\tC\n");
        convertFails(1, byCase + ":1: sample names 'S1' (column 4) and 's1' (column 5) differ only in case;"
                + " database column names ignore case", byCase.toString());
        Path reserved = write("m3.txt", "CHROM\tPOS\tREF\t1a\tPos\n1\t10\tA\tA\tC\n");
        convertFails(1, reserved + ":1: sample name 'Pos' (column 5) is reserved for the pos column"
                + " (names are compared ignoring case)", reserved.toString());
        Path rowid = write("m4.txt", "CHROM\tPOS\tREF\t1a\tRowId\n1\t10\tA\tA\tC\n");
        convertFails(1, rowid + ":1: sample name 'RowId' (column 5) is reserved: DuckDB's row number is called rowid",
                rowid.toString());
    }

    @Test
    void emptyOrNulSampleName() throws IOException {
        Path empty = write("m.txt", "CHROM\tPOS\tREF\t1a\t\n1\t10\tA\tA\tC\n");
        convertFails(1, empty + ":1: header has an empty sample name (column 5)", empty.toString());
        Path nul = write("m2.txt", "CHROM\tPOS\tREF\t1a\t1\0b\n1\t10\tA\tA\tC\n");
        convertFails(1, nul + ":1: sample name in column 5 contains a NUL byte", nul.toString());
    }

    // ---- the data lines -------------------------------------------------------------------------

    @Test
    void raggedLine() throws IOException {
        Path matrix = write("m.txt", HEADER + "1\t10\tA\tA\tC\n1\t11\tG\tN\n2\t5\tC\tC\t-\n");
        convertFails(1, matrix + ":3: expected 5 columns as in the header, found 4", matrix.toString());
        Path tooLong = write("m2.txt", HEADER + "1\t10\tA\tA\tC\n1\t11\tG\tN\tT\tT\tT\n");
        convertFails(1, tooLong + ":3: expected 5 columns as in the header, found 7", tooLong.toString());
        Path contigOnly = write("m3.txt", HEADER + "1\n");
        convertFails(1, contigOnly + ":2: expected 5 columns as in the header, found 1", contigOnly.toString());
    }

    @Test
    void raggedLineAfterTheFirstBatchNamesItsLine() throws IOException {
        // Past the first Arrow batch (122,880 sites): the error surfaces from inside DuckDB's scan.
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= 130_000; i++) {
            text.append("1\t").append(i).append("\tA\tC\tN\n");
        }
        text.append("1\t130001\tA\tC\n");
        Path matrix = write("m.txt", text.toString());
        convertFails(1, matrix + ":130002: expected 5 columns as in the header, found 4", matrix.toString());
    }

    @Test
    void blankLineInsideTheData() throws IOException {
        Path matrix = write("m.txt", HEADER + "1\t10\tA\tA\tC\n\n1\t11\tG\tN\tT\n");
        convertFails(1, matrix + ":3: empty line", matrix.toString());
    }

    @Test
    void emptyValue() throws IOException {
        Path matrix = write("m.txt", HEADER + "1\t10\tA\t\tC\n");
        convertFails(1, matrix + ":2: empty value in column '1a'", matrix.toString());
        // After a line of known one-byte alleles (the parser's fast path), in the middle and at the end.
        Path middle = write("m2.txt", HEADER + "1\t10\tA\tA\tC\n1\t11\tA\t\tC\n");
        convertFails(1, middle + ":3: empty value in column '1a'", middle.toString());
        Path last = write("m3.txt", HEADER + "1\t10\tA\tA\tC\n1\t11\tA\tC\t\n");
        convertFails(1, last + ":3: empty value in column '1b'", last.toString());
    }

    @Test
    void nonIntegerPosition() throws IOException {
        Path matrix = write("m.txt", HEADER + "1\t10\tA\tA\tC\n1\t1x1\tG\tN\tT\n");
        convertFails(1, matrix + ":3: position '1x1' is not a non-negative integer", matrix.toString());
        Path decimal = write("m2.txt", HEADER + "1\t10.5\tA\tA\tC\n");
        convertFails(1, decimal + ":2: position '10.5' is not a non-negative integer", decimal.toString());
        Path empty = write("m3.txt", HEADER + "1\t\tA\tA\tC\n");
        convertFails(1, empty + ":2: position '' is not a non-negative integer", empty.toString());
    }

    @Test
    void negativeOrTooLargePosition() throws IOException {
        Path negative = write("m.txt", HEADER + "1\t-3\tA\tA\tC\n");
        convertFails(1, negative + ":2: position '-3' is not a non-negative integer", negative.toString());
        Path huge = write("m2.txt", HEADER + "1\t9223372036854775808\tA\tA\tC\n");
        convertFails(1, huge + ":2: position '9223372036854775808' is too large (at most 9223372036854775807)",
                huge.toString());
    }

    @Test
    void controlCharactersQuotedFromTheDataAreEscaped() throws IOException {
        // A CR or a terminal escape sequence from a damaged file must not break or colour the line.
        Path matrix = write("m.txt", HEADER + "1\t1\r2\tA\tA\tC\n");
        convertFails(1, matrix + ":2: position '1\\r2' is not a non-negative integer", matrix.toString());
        Path escape = write("m2.txt", HEADER + "1\t\u001b[31m\tA\tA\tC\n");
        convertFails(1, escape + ":2: position '\\u001b[31m' is not a non-negative integer", escape.toString());
    }

    // ---- pairs ----------------------------------------------------------------------------------

    @Test
    void pairNamingAnUnknownSample() throws IOException {
        Path matrix = write("m.txt", GOOD);
        convertFails(2, matrix + ": pair 'p': unknown sample 'zz'", matrix.toString(), "--pair", "p=1a,zz");
        Path pairs = write("pairs.tsv", "p\t1a\t1b\nq\t1b\tnope\n");
        // A pair from a pairs file is blamed on its line there.
        convertFails(2, pairs + ":2: pair 'q': unknown sample 'nope'", matrix.toString(), "--pairs", pairs.toString());
        Path header = write("header.txt", HEADER);
        Path data = write("data.txt", "1\t10\tA\tA\tC\n");
        convertFails(2, header + ": pair 'p': unknown sample 'zz'", data.toString(), "--header", header.toString(),
                "--pair", "p=1a,zz");
        Path db = loadGood("good.duckdb");
        exportFails(2, db + ": pair 'p': unknown sample 'zz'", db, "--pair", "p=zz,1b");
    }

    @Test
    void pairNamingTheSameSampleTwice() throws IOException {
        Path matrix = write("m.txt", GOOD);
        convertFails(2, matrix + ": pair 'p' names sample '1a' twice", matrix.toString(), "--pair", "p=1a,1a");
        Path db = loadGood("good.duckdb");
        exportFails(2, db + ": pair 'p' names sample '1b' twice", db, "--pair", "p=1b,1b");
    }

    @Test
    void malformedPairOptionOrFile() throws IOException {
        Path matrix = write("m.txt", GOOD);
        convertFails(2, "Invalid value for option '--pair' (NAME=A,B): expected NAME=SAMPLE_A,SAMPLE_B, not 'p=1a'"
                + " (see --help)", matrix.toString(), "--pair", "p=1a");
        Path pairs = write("pairs.tsv", "# name a b\np\t1a\t1b\nq 1a 1b\n");
        convertFails(2, "give pairs either with --pair or with --pairs, not both (see --help)",
                matrix.toString(), "--pair", "p=1a,1b", "--pairs", pairs.toString());
        // A line of one field is a default pair's name (issue 19); 'q 1a 1b' is none.
        convertFails(2, pairs + ":3: unknown pair 'q 1a 1b' (not a default a/b pair's name; give it as"
                + " NAME=SAMPLE_A,SAMPLE_B)", matrix.toString(), "--pairs", pairs.toString());
        Path twoFields = write("two.tsv", "p\t1a\n");
        convertFails(1, twoFields + ":1: expected NAME<TAB>SAMPLE_A<TAB>SAMPLE_B or a default pair's NAME, found 2 field(s)",
                matrix.toString(), "--pairs", twoFields.toString());
        convertFails(2, matrix + ": unknown pair 'nope' (not a default a/b pair's name; give it as"
                + " NAME=SAMPLE_A,SAMPLE_B)", matrix.toString(), "--pair", "nope");
    }

    @Test
    void unknownContigOrSampleInTheSelection() throws IOException {
        Path matrix = write("m.txt", GOOD);
        convertFails(2, matrix + ": unknown contig 'chrX'", matrix.toString(), "--contigs", "1,chrX");
        Path db = loadGood("good.duckdb");
        exportFails(2, db + ": unknown sample 'nope'", db, "--samples", "1a,nope");
    }

    // ---- gzip -----------------------------------------------------------------------------------

    @Test
    void truncatedGzip() throws IOException {
        byte[] gzip = gzip(bigMatrix(20_000));
        Path matrix = write("m.txt.gz", Arrays.copyOf(gzip, gzip.length / 2));
        convertFailsMatching(1, Pattern.quote(matrix.toString()) + ":\\d+: gzip data is truncated", matrix.toString());
        Path headerOnly = write("m2.txt.gz", Arrays.copyOf(gzip, 12));
        convertFailsMatching(1, Pattern.quote(headerOnly.toString()) + ":1: gzip data is truncated", headerOnly.toString());
    }

    @Test
    void corruptGzip() throws IOException {
        byte[] gzip = gzip(bigMatrix(20_000));
        gzip[10] = (byte) 0xff; // the first deflate block's type: 3 is invalid
        Path matrix = write("m.txt.gz", gzip);
        convertFails(1, matrix + ":1: gzip data is corrupt", matrix.toString());
    }

    @Test
    void gzipWithAWrongChecksum() throws IOException {
        byte[] gzip = gzip(GOOD.getBytes(StandardCharsets.UTF_8));
        gzip[gzip.length - 8] ^= 1; // CRC32 of the trailer
        Path matrix = write("m.txt.gz", gzip);
        convertFailsMatching(1, Pattern.quote(matrix.toString()) + ":\\d+: gzip data is corrupt \\(.+\\)", matrix.toString());
    }

    // ---- output ---------------------------------------------------------------------------------

    @Test
    void outputDirectoryThatDoesNotExist() throws IOException {
        Path matrix = write("m.txt", GOOD);
        Path output = tmp.resolve("no-such-dir").resolve("out.txt");
        Path db = tmp.resolve("kept.duckdb");
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", output.toString(),
                "--db", db.toString(), "--tmp-dir", scratch.toString(), "-q");
        assertOneLineError(result, 2, Pattern.quote(output + ": output directory does not exist"));
        assertFalse(Files.exists(output.getParent()));
        assertFalse(Files.exists(db), "checked before the load, so no database was made either");
        assertNoLeftovers();
    }

    @Test
    void outputThatIsADirectory() throws IOException {
        Path matrix = write("m.txt", GOOD);
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", out.toString(), "-q");
        assertOneLineError(result, 2, Pattern.quote(out + ": is a directory"));
        assertNoLeftovers();
    }

    @Test
    void fullDisk() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "no /dev/full here");
        Path matrix = write("m.txt", GOOD);
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", full.toString(),
                "--tmp-dir", scratch.toString(), "-q");
        assertOneLineError(result, 1, Pattern.quote(full + ": write failed: No space left on device"));
        Path db = loadGood("good.duckdb");
        CliRunner.Result export = CliRunner.run("export", "--db", db.toString(), "-o", "/dev/full",
                "--tmp-dir", scratch.toString(), "-q");
        assertOneLineError(export, 1, Pattern.quote("/dev/full: write failed: No space left on device"));
        assertGoodDatabase(db);
        assertNoLeftovers();
    }

    // ---- databases ------------------------------------------------------------------------------

    @Test
    void loadFailureLeavesTheExistingDatabaseAsItWas() throws IOException {
        Path db = loadGood("good.duckdb");
        byte[] before = Files.readAllBytes(db);
        Path ragged = write("ragged.txt", HEADER + "1\t10\tA\tA\tC\n1\t11\tG\n");
        for (String command : List.of("load", "convert")) {
            CliRunner.Result result = CliRunner.run(command, ragged.toString(), "--db", db.toString(),
                    "--tmp-dir", scratch.toString(), "-q");
            assertOneLineError(result, 1, Pattern.quote(ragged + ":3: expected 5 columns as in the header, found 3"));
            assertArrayEquals(before, Files.readAllBytes(db), command + " changed the database");
            assertGoodDatabase(db);
        }
        assertNoLeftovers();
    }

    @Test
    void engineOptionsOutOfRangeAreUsageErrors() throws IOException {
        Path matrix = write("m.txt", GOOD);
        convertFails(2, "Invalid value for option '--threads': must be at least 1, not 0 (see --help)",
                matrix.toString(), "--threads", "0");
        // Thousands of threads once made 20,000 native threads and an unusable machine.
        convertFails(2, "Invalid value for option '--threads': must be at most 256, not 100000 (see --help)",
                matrix.toString(), "--threads", "100000");
        convertFails(2, "Invalid value for option '--threads': expected a whole number, not 'two' (see --help)",
                matrix.toString(), "--threads", "two");
        convertFails(2, "Invalid value for option '--memory-limit': expected a size with its unit, such as 512MB"
                + " or 2GB, not '512' (see --help)", matrix.toString(), "--memory-limit", "512");
        convertFails(2, "Invalid value for option '--memory-limit': expected a size with its unit, such as 512MB"
                + " or 2GB, not 'lots' (see --help)", matrix.toString(), "--memory-limit", "lots");
        convertFails(2, "Invalid value for option '--memory-limit': must be above zero, not '0GB' (see --help)",
                matrix.toString(), "--memory-limit", "0GB");
        convertFails(2, "Invalid value for option '--memory-limit': must be above zero and at most 100%, not '150%'"
                + " (see --help)", matrix.toString(), "--memory-limit", "150%");
        convertFails(2, "Invalid value for option '--memory-limit': must be at most 1024TiB, not '99999999999999999999GB'"
                + " (see --help)", matrix.toString(), "--memory-limit", "99999999999999999999GB");
        Path missing = tmp.resolve("no-such-folder");
        CliRunner.Result result = CliRunner.run("convert", matrix.toString(), "-o", out.resolve("new.txt").toString(),
                "--tmp-dir", missing.toString(), "-q");
        assertOneLineError(result, 2, Pattern.quote("Invalid value for option '--tmp-dir': no such folder: " + missing
                + " (see --help)"));
        CliRunner.Result aFile = CliRunner.run("convert", matrix.toString(), "-o", out.resolve("new.txt").toString(),
                "--tmp-dir", matrix.toString(), "-q");
        assertOneLineError(aFile, 2, Pattern.quote("Invalid value for option '--tmp-dir': not a folder: " + matrix
                + " (see --help)"));
        assertNoLeftovers();
    }

    @Test
    void memoryLimitTooSmallForTheLoadNamesTheMatrixAndTheOption() throws IOException {
        Path matrix = write("m.txt", GOOD);
        convertFailsMatching(1, Pattern.quote(matrix + ": load failed: ") + ".*could not allocate.* \\(raise --memory-limit\\)",
                matrix.toString(), "--memory-limit", "1MB");
    }

    @Test
    void memoryLimitTooSmallForALoadKeepsTheExistingDatabase() throws IOException {
        Path db = loadGood("good.duckdb");
        byte[] before = Files.readAllBytes(db);
        Path matrix = write("m.txt", GOOD);
        CliRunner.Result result = CliRunner.run("load", matrix.toString(), "--db", db.toString(), "--memory-limit", "1MB",
                "--tmp-dir", scratch.toString(), "-q");
        // Named as the user's database, not the temporary file being built beside it.
        assertOneLineError(result, 1, Pattern.quote(db + ": load failed: ") + ".*could not allocate.* \\(raise --memory-limit\\)");
        assertArrayEquals(before, Files.readAllBytes(db));
        assertGoodDatabase(db);
        assertNoLeftovers();
    }

    @Test
    void loadFailureCreatesNoDatabase() throws IOException {
        Path db = out.resolve("new.duckdb");
        Path empty = write("empty.txt", "");
        CliRunner.Result result = CliRunner.run("load", empty.toString(), "--db", db.toString(), "-q");
        assertOneLineError(result, 1, Pattern.quote(empty + ":1: empty file, no header line"));
        assertFalse(Files.exists(db));
        assertNoLeftovers();
    }

    @Test
    void databaseThatIsATextFile() throws IOException {
        Path text = out.resolve("notes.txt");
        Files.writeString(text, "these are not the tables you are looking for\n");
        assertNotAHapmatrixDatabase(text, text + ": not a hapmatrix database (not a DuckDB file)");
    }

    @Test
    void databaseThatIsAnEmptyFile() throws IOException {
        Path empty = out.resolve("empty.duckdb");
        Files.write(empty, new byte[0]);
        assertNotAHapmatrixDatabase(empty, empty + ": not a hapmatrix database (not a DuckDB file)");
    }

    @Test
    void duckDbFileWithoutOurTables() throws Exception {
        Path other = out.resolve("other.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + other);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE matrix (x INTEGER)");
            statement.execute("INSERT INTO matrix VALUES (42)");
        }
        assertNotAHapmatrixDatabase(other, other + ": not a hapmatrix database (no matrix or load_info table)");
    }

    @Test
    void databaseThatIsMissingOrADirectory() throws IOException {
        Path missing = out.resolve("missing.duckdb");
        for (List<String> command : List.of(List.of("export"), List.of("info"), List.of("sql", "SELECT 1"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--db", missing.toString()));
            assertOneLineError(CliRunner.run(args.toArray(String[]::new)), 2,
                    Pattern.quote(missing + ": no such database"));
            args = new ArrayList<>(command);
            args.addAll(List.of("--db", scratch.toString()));
            assertOneLineError(CliRunner.run(args.toArray(String[]::new)), 2,
                    Pattern.quote(scratch + ": is a directory, not a database"));
        }
        Path matrix = write("m.txt", GOOD);
        assertOneLineError(CliRunner.run("load", matrix.toString(), "--db", scratch.toString(), "-q"), 2,
                Pattern.quote(scratch + ": is a directory, not a database"));
        Path noDir = tmp.resolve("no-such-dir").resolve("x.duckdb");
        assertOneLineError(CliRunner.run("load", matrix.toString(), "--db", noDir.toString(), "-q"), 2,
                Pattern.quote(noDir + ": database directory does not exist"));
        assertNoLeftovers();
    }

    // ---- encoding -------------------------------------------------------------------------------

    @Test
    void nonUtf8ByteInAName() throws IOException {
        byte[] latin1Sample = (HEADER.replace("1b", "1\u00e9b") + "1\t10\tA\tA\tC\n").getBytes(StandardCharsets.ISO_8859_1);
        Path matrix = write("m.txt", latin1Sample);
        convertFails(1, matrix + ":1: header is not valid UTF-8", matrix.toString());

        Path header = write("header.txt", HEADER.replace("1b", "1\u00e9b").getBytes(StandardCharsets.ISO_8859_1));
        Path data = write("data.txt", "1\t10\tA\tA\tC\n");
        convertFails(1, header + ":1: header is not valid UTF-8", data.toString(), "--header", header.toString());

        Path contig = write("m2.txt", (HEADER + "chr\u00e91\t10\tA\tA\tC\n").getBytes(StandardCharsets.ISO_8859_1));
        convertFails(1, contig + ":2: contig value is not valid UTF-8", contig.toString());

        Path allele = write("m3.txt", (HEADER + "1\t10\tA\tA\tC\n1\t11\tA\t\u00c5\tC\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        convertFails(1, allele + ":3: allele value is not valid UTF-8 (column '1a')", allele.toString());

        Path goodMatrix = write("good.txt", GOOD);
        Path pairs = write("pairs.tsv", "p\t1a\t1b\n\u00e9\t1a\t1b\n".getBytes(StandardCharsets.ISO_8859_1));
        convertFails(1, pairs + ":2: not valid UTF-8", goodMatrix.toString(), "--pairs", pairs.toString());
    }

    @Test
    void lineTooLong() throws IOException {
        // One 65 MiB line: the parser gives up at 64 MiB instead of growing its buffer without end.
        byte[] line = new byte[65 << 20];
        Arrays.fill(line, (byte) 'A');
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.write(GOOD.getBytes(StandardCharsets.UTF_8));
        text.write(line);
        text.write('\n');
        Path matrix = write("m.txt", text.toByteArray());
        convertFails(1, matrix + ":5: line longer than 64 MiB; is this a genome matrix?", matrix.toString());
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * Runs convert with MATRIX and options twice, to a new file and over existing.txt, and checks the
     * error and that neither run left anything behind.
     */
    private void convertFails(int exitCode, String message, String... matrixAndOptions) {
        convertFailsMatching(exitCode, Pattern.quote(message), matrixAndOptions);
    }

    /** As {@link #convertFails} with a regular expression for the message (after "hapmatrix: "). */
    private void convertFailsMatching(int exitCode, String messagePattern, String... matrixAndOptions) {
        for (Path output : List.of(out.resolve("new.txt"), out.resolve("existing.txt"), out.resolve("new.txt.gz"))) {
            List<String> args = new ArrayList<>(List.of("convert"));
            args.addAll(List.of(matrixAndOptions));
            args.addAll(List.of("-o", output.toString(), "--tmp-dir", scratch.toString(), "-q"));
            CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
            assertOneLineError(result, exitCode, messagePattern);
            assertEquals("", result.out(), "nothing on stdout");
            assertNoLeftovers();
        }
    }

    private void exportFails(int exitCode, String message, Path db, String... options) throws IOException {
        byte[] before = Files.readAllBytes(db);
        for (Path output : List.of(out.resolve("new.txt"), out.resolve("existing.txt"))) {
            List<String> args = new ArrayList<>(List.of("export", "--db", db.toString()));
            args.addAll(List.of(options));
            args.addAll(List.of("-o", output.toString(), "--tmp-dir", scratch.toString(), "-q"));
            assertOneLineError(CliRunner.run(args.toArray(String[]::new)), exitCode, Pattern.quote(message));
            assertNoLeftovers();
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    /** export, info, sql and load --db on a file that is not ours: exit 1, the file untouched. */
    private void assertNotAHapmatrixDatabase(Path db, String message) throws IOException {
        byte[] before = Files.readAllBytes(db);
        Path matrix = write("m.txt", GOOD);
        List<List<String>> commands = List.of(
                List.of("export", "--db", db.toString(), "-o", out.resolve("new.txt").toString()),
                List.of("export", "--db", db.toString(), "-o", out.resolve("existing.txt").toString()),
                List.of("info", "--db", db.toString()),
                List.of("sql", "--db", db.toString(), "SELECT count(*) FROM matrix"),
                List.of("load", matrix.toString(), "--db", db.toString()),
                List.of("convert", matrix.toString(), "--db", db.toString(), "-o", out.resolve("new.txt").toString()));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--tmp-dir", scratch.toString(), "-q"));
            CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
            assertOneLineError(result, 1, Pattern.quote(message));
            assertEquals("", result.out(), String.join(" ", command));
            assertArrayEquals(before, Files.readAllBytes(db), String.join(" ", command) + " changed " + db);
            assertNoLeftovers(db.getFileName().toString());
        }
    }

    /** Exit code, exactly one line on stderr: "hapmatrix: " then the message; never a stack trace. */
    static void assertOneLineError(CliRunner.Result result, int exitCode, String messagePattern) {
        String stderr = result.stderr();
        assertEquals(exitCode, result.exitCode(), stderr);
        assertTrue(stderr.endsWith("\n") && stderr.indexOf('\n') == stderr.length() - 1,
                "one line on stderr: " + stderr);
        String message = stderr.substring(0, stderr.length() - 1);
        assertTrue(message.startsWith("hapmatrix: "), stderr);
        assertTrue(Pattern.matches(messagePattern, message.substring("hapmatrix: ".length())),
                "expected /" + messagePattern + "/, got: " + stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat ") || stderr.contains("unexpected error"),
                stderr);
    }

    /** The output folder holds only existing.txt (unchanged) and {@code alsoThere}; the scratch folder nothing. */
    private void assertNoLeftovers(String... alsoThere) {
        try {
            Set<String> expected = Stream.concat(Stream.of("existing.txt"), Stream.of(alsoThere))
                    .collect(Collectors.toSet());
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(expected, files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
            }
            assertArrayEquals(OLD_OUTPUT, Files.readAllBytes(out.resolve("existing.txt")));
            try (Stream<Path> files = Files.list(scratch)) {
                assertEquals(List.of(), files.toList(), "scratch folder");
            }
            try (Stream<Path> files = Files.list(tmp)) {
                List<String> temporary = files.map(p -> p.getFileName().toString())
                        .filter(name -> name.endsWith(".part") || name.contains(".building")).toList();
                assertEquals(List.of(), temporary);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path loadGood(String name) throws IOException {
        Path db = tmp.resolve(name);
        Path matrix = write("good-for-db.txt", GOOD);
        CliRunner.Result result = CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertGoodDatabase(db);
        return db;
    }

    /** The database made by loadGood: still opens and still holds its three sites. */
    private static void assertGoodDatabase(Path db) {
        CliRunner.Result result = CliRunner.run("sql", "--db", db.toString(), "--format", "tsv",
                "SELECT count(*) AS n FROM matrix");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("n\n3\n", result.out());
    }

    private static byte[] bigMatrix(int sites) {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= sites; i++) {
            text.append(i % 7).append('\t').append(i).append("\tA\t").append("ACGTN-".charAt(i % 6)).append("\tC\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(bytes);
        }
        return buffer.toByteArray();
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }
}
