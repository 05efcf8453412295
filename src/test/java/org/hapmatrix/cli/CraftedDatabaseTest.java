package org.hapmatrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.hapmatrix.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database someone else made, opened by info, export and sql: no statement stored in it may read
 * a file, and one that is not what hapmatrix wrote gets one clear line.
 */
class CraftedDatabaseTest {
    private static final String MATRIX = "CHROM\tPOS\tREF\t1a\t1b\n1\t10\tA\tA\tC\n1\t20\tG\tG\tG\n";
    private static final String SECRET = "the-secret-words";

    @TempDir
    Path tmp;

    private Path loaded() throws Exception {
        Path matrix = Files.writeString(tmp.resolve("m.txt"), MATRIX);
        Path db = tmp.resolve("m.duckdb");
        CliRunner.Result load = CliRunner.run("load", matrix.toString(), "--db", db.toString(), "-q");
        assertEquals(0, load.exitCode(), load.toString());
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        return db;
    }

    private void alter(Path db, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<List<String>> commands(Path db) {
        Path out = tmp.resolve("out.txt");
        return List.of(
                List.of("info", "--db", db.toString()),
                List.of("export", "--db", db.toString(), "-q", "-o", out.toString()),
                List.of("export", "--db", db.toString(), "-q", "--format", "vcf", "-o", tmp.resolve("out.vcf").toString()),
                List.of("sql", "--db", db.toString(), "SELECT * FROM samples"));
    }

    private void assertRefused(Path db, String expectedStderr) throws Exception {
        for (List<String> command : commands(db)) {
            CliRunner.Result result = CliRunner.run(command.toArray(String[]::new));
            assertFalse(result.out().contains(SECRET), command + " printed the secret");
            assertFalse(result.stderr().contains(SECRET), command + " printed the secret in a message");
            for (String written : List.of("out.txt", "out.vcf")) {
                Path file = tmp.resolve(written);
                assertTrue(!Files.exists(file) || !Files.readString(file).contains(SECRET), command + " wrote the secret");
            }
            if (command.get(0).equals("sql")) {
                continue; // sql runs whatever the user asks over whatever the file holds, sandboxed
            }
            assertEquals(1, result.exitCode(), command + ": " + result);
            assertEquals(expectedStderr, result.stderr(), command.toString());
        }
    }

    @Test
    void catalogTableReplacedByAViewOverAFileIsRefusedWithoutReadingIt() throws Exception {
        Path db = loaded();
        String secret = tmp.resolve("secret.txt").toString();
        alter(db, "DROP TABLE samples",
                "CREATE VIEW samples AS SELECT content AS sample, 4 AS column_number FROM read_text('" + secret + "')",
                "DROP TABLE contigs",
                "CREATE VIEW contigs AS SELECT content AS contig, 1 AS ordinal, 2 AS sites, 10 AS first_pos, 20 AS last_pos,"
                        + " 0 AS first_row, 1 AS last_row FROM read_text('" + secret + "')");
        assertRefused(db, "hapmatrix: " + db + ": not a hapmatrix database (samples and contigs are views, not tables)\n");
    }

    @Test
    void macroReadingAFileIsNotRunWithFileAccess() throws Exception {
        Path db = loaded();
        String secret = tmp.resolve("secret.txt").toString();
        alter(db, "DROP MACRO phased_allele",
                "CREATE MACRO phased_allele(allele, ref) AS (SELECT content FROM read_text('" + secret + "'))",
                "DROP MACRO alt_alleles",
                "CREATE MACRO alt_alleles(alleles, ref) AS (SELECT [content] FROM read_text('" + secret + "'))");
        for (List<String> command : commands(db)) {
            CliRunner.Result result = CliRunner.run(command.toArray(String[]::new));
            assertFalse(result.out().contains(SECRET), command + " printed the secret");
            assertFalse(result.stderr().contains(SECRET), command + " printed the secret in a message");
            for (String written : List.of("out.txt", "out.vcf")) {
                Path file = tmp.resolve(written);
                assertTrue(!Files.exists(file) || !Files.readString(file).contains(SECRET), command + " wrote the secret");
            }
            assertTrue(result.stderr().isEmpty() || result.stderr().lines().count() == 1, command + ": " + result);
        }
    }

    @Test
    void missingCatalogTableIsNotCalledDamaged() throws Exception {
        Path db = loaded();
        alter(db, "DROP TABLE pairs");
        assertRefused(db, "hapmatrix: " + db + ": not a hapmatrix database (no pairs table)\n");
    }

    @Test
    void alleleTypeWiderThanHapmatrixWritesIsRefused() throws Exception {
        Path db = loaded();
        // 65,536 values: DuckDB stores the codes in four bytes, which the export does not read.
        alter(db, "CREATE TABLE wide AS SELECT * FROM matrix",
                "DROP VIEW IF EXISTS genotypes", "DROP VIEW IF EXISTS alleles", "DROP VIEW IF EXISTS sites",
                "DROP VIEW IF EXISTS pair_genotypes", "DROP TABLE matrix",
                "DROP TYPE allele",
                "CREATE TYPE allele AS ENUM (SELECT * FROM (SELECT 'A' UNION ALL SELECT 'C' UNION ALL SELECT 'G'"
                        + " UNION ALL SELECT 'x' || lpad(range::VARCHAR, 6, '0') FROM range(65533)) ORDER BY 1)",
                "CREATE TABLE matrix AS SELECT contig, pos, ref::allele AS ref, \"1a\"::VARCHAR::allele AS \"1a\","
                        + " \"1b\"::VARCHAR::allele AS \"1b\" FROM wide",
                "DROP TABLE wide");
        assertRefused(db, "hapmatrix: " + db
                + ": not a hapmatrix database (its allele type has 65536 values; hapmatrix writes at most 65535)\n");
    }
}
