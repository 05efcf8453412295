package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** load, export, sql and info end to end on real DuckDB files. */
class DatabaseCommandsTest {
    @TempDir
    Path tmp;

    private Path writeMatrix(GeneratedMatrix matrix) {
        Path file = tmp.resolve("matrix.txt");
        matrix.writeTo(file, true);
        return file;
    }

    private Path load(Path matrix) {
        Path db = tmp.resolve("matrix.duckdb");
        CliRunner.Result result = CliRunner.run("load", matrix.toString(), "--db", db.toString(), "--quiet");
        assertEquals(0, result.exitCode(), result.toString());
        return db;
    }

    private String sql(Path db, String format, String query) {
        CliRunner.Result result = CliRunner.run("sql", "--db", db.toString(), "--format", format, query);
        assertEquals(0, result.exitCode(), result.toString());
        return result.out();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13})
    void exportFromTheDatabaseEqualsConvert(long seed) throws IOException {
        GeneratedMatrix generated = MatrixGenerator.generate(seed);
        if (generated.rows().isEmpty()) {
            return;
        }
        Path matrix = writeMatrix(generated);
        Path converted = tmp.resolve("converted.txt");
        Path exported = tmp.resolve("exported.txt");
        Path db = tmp.resolve("kept.duckdb");
        assertEquals(0, CliRunner.run("convert", matrix.toString(), "-o", converted.toString(), "--db", db.toString(),
                "-q").exitCode());
        CliRunner.Result export = CliRunner.run("export", "--db", db.toString(), "-o", exported.toString(), "-q");
        assertEquals(0, export.exitCode(), export.toString());
        assertArrayEquals(Files.readAllBytes(converted), Files.readAllBytes(exported));
        String expected = ReferenceConverter.convert(generated.columnNames(), generated.rows(),
                ReferenceConverter.defaultPairs(generated.columnNames()), null);
        assertEquals(expected, Files.readString(exported));
    }

    @Test
    void samplesKeepOnlyPairsWithBothSamplesListedAndAltStillComesFromAllSamples() throws IOException {
        GeneratedMatrix generated = MatrixGenerator.seedShaped(11, 3000);
        Path db = load(writeMatrix(generated));
        List<ReferencePair> pairs = ReferenceConverter.defaultPairs(generated.columnNames());
        // 10a10b and 13a13b complete; 14a alone does not make a pair.
        CliRunner.Result result = CliRunner.run("export", "--db", db.toString(), "--samples", "10a,10b,13b,13a,14a", "-q");
        assertEquals(0, result.exitCode(), result.toString());
        List<ReferencePair> kept = pairs.stream().filter(p -> Set.of("10a10b", "13a13b").contains(p.name())).toList();
        assertEquals(ReferenceConverter.convert(generated.columnNames(), generated.rows(), kept, null), result.out());
    }

    @Test
    void altFromSelectedComputesAltOverTheExportedSamplesOnly() throws IOException {
        GeneratedMatrix generated = MatrixGenerator.seedShaped(12, 3000);
        Path db = load(writeMatrix(generated));
        CliRunner.Result result = CliRunner.run("export", "--db", db.toString(), "--pair", "X=3a,MA611",
                "--alt-from", "selected", "--contigs", "2,4", "-q");
        assertEquals(0, result.exitCode(), result.toString());

        // Reference: the same matrix cut down to the two exported samples.
        List<String> columns = generated.columnNames();
        int a = columns.indexOf("3a");
        int b = columns.indexOf("MA611");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : generated.rows()) {
            rows.add(List.of(row.get(0), row.get(1), row.get(2), row.get(a), row.get(b)));
        }
        List<String> reducedColumns = List.of(columns.get(0), columns.get(1), columns.get(2), "3a", "MA611");
        String expected = ReferenceConverter.convert(reducedColumns, rows,
                List.of(new ReferencePair("X", "3a", "MA611")), Set.of("2", "4"));
        assertEquals(expected, result.out());
        assertTrue(result.out().lines().count() > 1);
    }

    @Test
    void schemaHasTheDocumentedTablesAndViews() {
        GeneratedMatrix generated = MatrixGenerator.seedShaped(13, 2000);
        Path db = load(writeMatrix(generated));
        int sites = generated.rows().size();
        int samples = generated.sampleNames().size();
        assertEquals("n\n" + sites + "\n", sql(db, "tsv", "SELECT count(*) AS n FROM matrix"));
        assertEquals("n\n" + (long) sites * samples + "\n", sql(db, "tsv", "SELECT count(*) AS n FROM genotypes"));
        assertEquals("n\n" + samples + "\n", sql(db, "tsv", "SELECT count(*) AS n FROM samples"));
        assertEquals("n\n15\n", sql(db, "tsv", "SELECT count(*) AS n FROM pairs"));
        assertEquals("n\n" + 15L * sites + "\n", sql(db, "tsv", "SELECT count(*) AS n FROM pair_genotypes"));
        assertEquals("contig,sites\n1,500\n2,500\n3,500\n4,500\n",
                sql(db, "csv", "SELECT contig, sites FROM contigs ORDER BY ordinal"));
        assertEquals("sites\n" + sites + "\n", sql(db, "tsv", "SELECT sites FROM load_info"));
        // Input order is recoverable through rowid; the first row is the first line of the matrix.
        List<String> first = generated.rows().get(0);
        assertEquals("contig\tpos\tref\n" + first.get(0) + "\t" + first.get(1) + "\t" + first.get(2) + "\n",
                sql(db, "tsv", "SELECT contig, pos, ref FROM matrix ORDER BY rowid LIMIT 1"));
        // The allele columns are the ENUM type, whose values are in byte order.
        assertTrue(sql(db, "tsv", "SELECT typeof(ref) AS t FROM matrix LIMIT 1").startsWith("t\nENUM('-', 'A', 'C', 'G', 'N', 'T')"));
        // The sites view agrees with what the table writes: ALT-less sites are exactly the unwritten ones.
        long written = ReferenceConverter.convert(generated.columnNames(), generated.rows(),
                ReferenceConverter.defaultPairs(generated.columnNames()), null).lines().count() - 1;
        assertEquals("n\n" + written + "\n", sql(db, "tsv", "SELECT count(*) AS n FROM sites WHERE len(alt) > 0"));
    }

    @Test
    void sqlFormatsPrintAHeaderThenRows() {
        Path db = load(writeMatrix(MatrixGenerator.seedShaped(14, 100)));
        String query = "SELECT contig, sites FROM contigs ORDER BY ordinal LIMIT 2";
        assertEquals("contig\tsites\n1\t25\n2\t25\n", sql(db, "tsv", query));
        assertEquals("contig,sites\n1,25\n2,25\n", sql(db, "csv", query));
        assertEquals("[\n  {\"contig\": \"1\", \"sites\": 25},\n  {\"contig\": \"2\", \"sites\": 25}\n]\n", sql(db, "json", query));
        assertEquals("contig  sites\n------  -----\n1       25\n2       25\n(2 rows)\n", sql(db, "table", query));
    }

    /** Issue 21 item 8: a script prints every statement's result, in order, an empty line between; none is dropped. */
    @Test
    void sqlPrintsTheResultOfEveryStatementOfAScript() {
        Path db = load(writeMatrix(MatrixGenerator.seedShaped(14, 100)));
        String script = "SELECT count(*) AS n FROM matrix; CREATE TEMP TABLE t AS SELECT 'a;b' AS s;\n"
                + "SELECT s FROM t; -- the end";
        assertEquals("n\n---\n100\n(1 row)\n\ns\n---\na;b\n(1 row)\n", sql(db, "table", script));
        assertEquals("n\n100\n\ns\na;b\n", sql(db, "tsv", script));
        assertEquals("[\n  {\"n\": 100}\n]\n\n[\n  {\"s\": \"a;b\"}\n]\n", sql(db, "json", script));
        // A failing statement is named; the results before it were printed.
        CliRunner.Result result = CliRunner.run("sql", "--db", db.toString(), "--format", "tsv",
                "SELECT 1 AS one; SELECT no_such_column FROM matrix");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("one\n1\n", result.out());
        assertTrue(result.stderr().startsWith("hapmatrix: " + db + ": statement 2 of 2: Binder Error: "), result.stderr());
        // An error before a streamed result's first row (which the DuckDB driver reports as
        // "Invalid result set") is DuckDB's own, also after a temporary table of the script.
        result = CliRunner.run("sql", "--db", db.toString(),
                "CREATE TEMP TABLE t AS SELECT 7 AS x; SELECT error('boom ' || x) FROM t, range(100000)");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("hapmatrix: " + db + ": statement 2 of 2: Invalid Input Error: boom 7\n", result.stderr());
    }

    @Test
    void sqlCannotChangeTheDatabase() {
        Path db = load(writeMatrix(MatrixGenerator.seedShaped(15, 200)));
        for (String write : List.of("DROP TABLE matrix", "DELETE FROM matrix", "CREATE TABLE t (x INTEGER)",
                "UPDATE load_info SET sites = 0")) {
            CliRunner.Result result = CliRunner.run("sql", "--db", db.toString(), write);
            assertEquals(1, result.exitCode(), write);
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertTrue(result.stderr().startsWith("hapmatrix: " + db + ": "), result.stderr());
            assertTrue(result.stderr().contains("read-only"), result.stderr());
        }
        assertEquals("n\n200\n", sql(db, "tsv", "SELECT count(*) AS n FROM matrix"));
    }

    @Test
    void sqlCannotTouchTheFileSystemNorLoadExtensions() throws IOException {
        Path db = load(writeMatrix(MatrixGenerator.seedShaped(17, 200)));
        byte[] database = Files.readAllBytes(db);
        Path secret = Files.writeString(tmp.resolve("secret.csv"), "a,b\n1,2\n");
        Path copy = tmp.resolve("copy.csv");
        Path exported = tmp.resolve("exported");
        Path other = tmp.resolve("other.duckdb");
        for (String statement : List.of(
                "COPY (SELECT 1) TO '" + db + "'",
                "COPY (SELECT * FROM contigs) TO '" + copy + "'",
                "EXPORT DATABASE '" + exported + "'",
                "SELECT * FROM read_csv('" + secret + "')",
                "SELECT * FROM read_text('" + secret + "')",
                "SELECT * FROM glob('" + tmp + "/*')",
                "ATTACH '" + other + "' AS other",
                "INSTALL httpfs",
                "LOAD httpfs",
                "SELECT * FROM read_parquet('https://example.invalid/x.parquet')",
                "SET enable_external_access = true",
                "RESET enable_external_access",
                "SET lock_configuration = false")) {
            CliRunner.Result result = CliRunner.run("sql", "--db", db.toString(), statement);
            assertEquals(1, result.exitCode(), statement + ": " + result);
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertTrue(result.stderr().matches("hapmatrix: " + java.util.regex.Pattern.quote(db.toString())
                    + ": (Permission Error|Invalid Input Error): .*\\R"), statement + ": " + result.stderr());
        }
        assertArrayEquals(database, Files.readAllBytes(db));
        assertFalse(Files.exists(copy) || Files.exists(exported) || Files.exists(other));
        // What it may do: read the database.
        assertEquals("n\n200\n", sql(db, "tsv", "SELECT count(*) AS n FROM (SELECT * FROM matrix ORDER BY ref, pos DESC)"));
    }

    @Test
    void sqlReadsTheQueryFromAFile() throws IOException {
        Path db = load(writeMatrix(MatrixGenerator.seedShaped(16, 40)));
        Path query = tmp.resolve("q.sql");
        Files.writeString(query, "SELECT count(*) AS n FROM matrix;\n");
        CliRunner.Result result = CliRunner.run("sql", "--db", db.toString(), "--format", "tsv", "-f", query.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("n\n40\n", result.out());
    }

    @Test
    void infoDescribesTheLoad() {
        Path db = load(writeMatrix(MatrixGenerator.seedShaped(17, 400)));
        CliRunner.Result result = CliRunner.run("info", "--db", db.toString());
        assertEquals(0, result.exitCode(), result.toString());
        String info = result.out();
        assertTrue(info.contains("sites\t400\n"), info);
        assertTrue(info.contains("contigs\t4\n"), info);
        assertTrue(info.contains("  3\t100 sites\tpositions 1-"), info);
        assertTrue(info.contains("samples\t31: 13a 14b"), info);
        assertTrue(info.contains("pairs\t15: 10a10b 13a13b"), info);
        assertTrue(info.contains("alleles\t6: - A C G N T\n"), info);
    }

    @Test
    void loadingAgainReplacesTheMatrix() {
        Path db = load(writeMatrix(MatrixGenerator.seedShaped(18, 300)));
        Path second = tmp.resolve("second.txt");
        MatrixGenerator.seedShaped(19, 120).writeTo(second, true);
        CliRunner.Result result = CliRunner.run("load", second.toString(), "--db", db.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("n\n120\n", sql(db, "tsv", "SELECT count(*) AS n FROM matrix"));
        assertEquals("source\n" + second + "\n", sql(db, "tsv", "SELECT source FROM load_info"));
    }

    @Test
    void unknownSampleOrContigInExportIsAUsageErrorNamingIt() {
        Path db = load(writeMatrix(MatrixGenerator.seedShaped(20, 50)));
        CliRunner.Result sample = CliRunner.run("export", "--db", db.toString(), "--samples", "10a,nope");
        assertEquals(2, sample.exitCode());
        assertEquals("hapmatrix: " + db + ": unknown sample 'nope'\n", sample.stderr());
        CliRunner.Result contig = CliRunner.run("export", "--db", db.toString(), "--contigs", "chrX");
        assertEquals(2, contig.exitCode());
        assertEquals("hapmatrix: " + db + ": unknown contig 'chrX'\n", contig.stderr());
    }

    @Test
    void theSameThreadCountGivesTheSameBytesAsAnyOther() throws IOException {
        Path matrix = writeMatrix(MatrixGenerator.seedShaped(21, 5000));
        Path db = load(matrix);
        byte[] first = null;
        for (int threads : IntStream.of(1, 2, 8).toArray()) {
            CliRunner.Result result = CliRunner.run("export", "--db", db.toString(), "--threads", Integer.toString(threads), "-q");
            assertEquals(0, result.exitCode(), result.toString());
            if (first == null) {
                first = result.stdout();
            } else {
                assertArrayEquals(first, result.stdout(), "threads " + threads);
            }
        }
        assertTrue(new String(first, StandardCharsets.UTF_8).lines().count() > 1000);
    }
}
