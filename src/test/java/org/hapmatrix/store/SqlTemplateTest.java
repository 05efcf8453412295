package org.hapmatrix.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Statements from sql/ and the only text Java puts into them: quoted identifiers and rendered
 * fragments (README "How it works": no sample or contig name can change the SQL that runs).
 */
class SqlTemplateTest {
    @Test
    void aStatementIsItsFileWithoutComments() {
        String sql = SqlTemplate.statement("catalog/select_alleles");
        assertTrue(sql.startsWith("SELECT"), sql);
        assertFalse(sql.contains("--"), sql);
        assertEquals(sql.strip(), sql);
    }

    @Test
    void anyNameQuotedStaysOneIdentifier() throws SQLException {
        List<String> names = List.of("plain", "with space", "quote\"inside", "\"\"", "semi;colon -- DROP TABLE t", "ünï");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            List<String> columns = names.stream().map(name -> "1 AS " + SqlTemplate.quote(name)).toList();
            try (ResultSet rows = statement.executeQuery("SELECT " + SqlTemplate.list(columns))) {
                assertEquals(names.size(), rows.getMetaData().getColumnCount());
                for (int i = 0; i < names.size(); i++) {
                    assertEquals(names.get(i), rows.getMetaData().getColumnLabel(i + 1));
                }
            }
        }
    }

    @Test
    void quotingDoublesEmbeddedQuotes() {
        assertEquals("\"a\"\"b\"", SqlTemplate.quote("a\"b"));
        assertEquals("\"x\", \"y\"", SqlTemplate.list(List.of(SqlTemplate.quote("x"), SqlTemplate.quote("y"))));
    }

    @Test
    void placeholdersAreFilledEverywhereTheyStand() throws SQLException {
        SqlTemplate fixture = SqlTemplate.named("sql_template_fixture");
        String column = SqlTemplate.quote("a \"b\" $1 \\n");
        String sql = fixture.render(Map.of("column", column, "table", "(SELECT 7 AS " + column + ")"));
        assertEquals("SELECT " + column + " AS " + column + ", 'text with -- inside' AS literal FROM (SELECT 7 AS "
                + column + ")", sql);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            assertEquals("a \"b\" $1 \\n", rows.getMetaData().getColumnLabel(1));
            assertEquals(7, rows.getInt(1));
            assertEquals("text with -- inside", rows.getString(2));
        }
    }

    @Test
    void everyPlaceholderMustBeFilled() {
        SqlTemplate fixture = SqlTemplate.named("sql_template_fixture");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> fixture.render(Map.of("column", "\"x\"")));
        assertEquals("sql/sql_template_fixture.sql: no value for {{table}}", missing.getMessage());
    }
}
