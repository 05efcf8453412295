package org.hapmatrix.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.hapmatrix.reference.ReferenceConverter;
import org.hapmatrix.reference.ReferencePair;
import org.hapmatrix.testsupport.CliRunner;
import org.hapmatrix.testsupport.MatrixGenerator.GeneratedMatrix;
import org.hapmatrix.testsupport.MatrixGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The views users query (README, "The database") hold what the table writes: {@code sites}'
 * ALT, N and gap counts and {@code pair_genotypes}' genotypes, row for row against the reference
 * converter, on generated matrices (IUPAC and multi-base alleles, interleaved contigs).
 */
class DatabaseViewsTest {
    @TempDir
    Path tmp;

    private static Connection openReadOnly(Path db) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), properties);
    }

    private static List<String> rows(Connection connection, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("\t", values));
            }
        }
        return rows;
    }

    private Path load(GeneratedMatrix matrix, long seed) {
        Path input = tmp.resolve("m" + seed + ".txt");
        matrix.writeTo(input, true);
        Path db = tmp.resolve("m" + seed + ".duckdb");
        CliRunner.Result result = CliRunner.run("load", input.toString(), "--db", db.toString(), "-q");
        assertEquals(0, result.exitCode(), result.toString());
        return db;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 4, 12})
    void sitesAndPairGenotypesHoldTheTablesRules(long seed) throws SQLException {
        GeneratedMatrix matrix = MatrixGenerator.generate(seed);
        Path db = load(matrix, seed);
        List<String> expectedSites = new ArrayList<>();
        List<String> expectedGenotypes = new ArrayList<>();
        List<ReferencePair> pairs = ReferenceConverter.defaultPairs(matrix.columnNames());
        List<String> samples = matrix.sampleNames();
        for (int site = 0; site < matrix.rows().size(); site++) {
            List<String> row = matrix.rows().get(site);
            List<String> calls = row.subList(ReferenceConverter.FIRST_SAMPLE_COLUMN, row.size());
            expectedSites.add(String.join("\t", Long.toString(site), row.get(0), row.get(1), row.get(2),
                    String.join(",", ReferenceConverter.altAlleles(row)),
                    Integer.toString(Collections.frequency(calls, "N")), Integer.toString(Collections.frequency(calls, "-"))));
            for (ReferencePair pair : pairs) {
                String a = calls.get(samples.indexOf(pair.sampleA()));
                String b = calls.get(samples.indexOf(pair.sampleB()));
                expectedGenotypes.add(String.join("\t", Long.toString(site), pair.name(), a, b,
                        ReferenceConverter.phasedAllele(a, row.get(2)) + "|" + ReferenceConverter.phasedAllele(b, row.get(2))));
            }
        }
        try (Connection connection = openReadOnly(db)) {
            assertEquals(expectedSites, rows(connection,
                    "SELECT site, contig, pos, ref, array_to_string(alt, ','), missing, gaps FROM sites ORDER BY site"));
            assertEquals(expectedGenotypes, rows(connection,
                    "SELECT g.site, g.pair, g.allele_a, g.allele_b, g.genotype FROM pair_genotypes AS g"
                            + " JOIN pairs AS p USING (pair) ORDER BY g.site, p.ordinal"));
        }
    }
}
