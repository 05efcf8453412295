package org.hapmatrix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code sql --format} on real DuckDB results (an in-memory database): NULLs, lists,
 * quotes, tabs and newlines inside values, and the non-finite numbers JSON cannot hold
 * (README "Commands").
 */
class ResultFormatTest {
    /** One row with every awkward value, one plain row, and a NULL in each column of the third. */
    private static final String AWKWARD = """
            SELECT * FROM (VALUES
                (1, 'say "hi", ok', 'tab' || chr(9) || 'nl' || chr(10) || 'end', ['a', 'b"c', NULL],
                 'NaN'::DOUBLE, 'inf'::DOUBLE, true),
                (2, 'plain', 'x', ['z'], 2.5::DOUBLE, '-inf'::DOUBLE, false),
                (3, NULL, NULL, NULL, NULL, NULL, NULL))
              AS t(id, quoted, spaced, list, nan, inf, flag)
            ORDER BY id
            """;

    private static Connection duckdb;

    @BeforeAll
    static void connect() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void disconnect() throws SQLException {
        duckdb.close();
    }

    private static String print(ResultFormat format, String sql) throws SQLException {
        StringWriter text = new StringWriter();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            PrintWriter out = new PrintWriter(text);
            format.print(rows, out);
            out.flush();
        }
        return text.toString();
    }

    @Test
    void tableAlignsColumnsShowsTabsAndNewlinesAsEscapesAndNullAsNull() throws SQLException {
        assertEquals("""
                id  quoted        spaced        list              nan   inf        flag
                --  ------------  ------------  ----------------  ----  ---------  -----
                1   say "hi", ok  tab\\tnl\\nend  [a, 'b"c', NULL]  NaN   Infinity   true
                2   plain         x             [z]               2.5   -Infinity  false
                3   NULL          NULL          NULL              NULL  NULL       NULL
                (3 rows)
                """, print(ResultFormat.table, AWKWARD));
        assertEquals("n\n-\n(0 rows)\n", print(ResultFormat.table, "SELECT 1 AS n WHERE false"));
        assertEquals("n\n-\n1\n(1 row)\n", print(ResultFormat.table, "SELECT 1 AS n"));
    }

    /**
     * Issue 21 item 7: the table streams. Its columns are aligned on the first ALIGNED_ROWS rows
     * only (the rest is never held), so a later, wider value widens its own line and no other.
     */
    @Test
    void tableAlignsOnTheFirstRowsAndALaterWiderValueWidensOnlyItsLine() throws SQLException {
        int aligned = ResultFormat.ALIGNED_ROWS;
        String text = print(ResultFormat.table, "SELECT CASE WHEN range < " + aligned + " THEN 'ab' ELSE 'abcdef' END AS s,"
                + " range AS n FROM range(" + (aligned + 2) + ")");
        List<String> lines = text.lines().toList();
        assertEquals(List.of("s   n", "--  ---", "ab  0", "ab  1"), lines.subList(0, 4));
        assertEquals("ab  " + (aligned - 1), lines.get(aligned + 1));
        assertEquals("abcdef  " + aligned, lines.get(aligned + 2));
        assertEquals("abcdef  " + (aligned + 1), lines.get(aligned + 3));
        assertEquals("(" + (aligned + 2) + " rows)", lines.get(aligned + 4));
        assertEquals(aligned + 5, lines.size());
    }

    @Test
    void tsvTurnsTabsAndNewlinesInValuesIntoSpacesAndNullIntoNothing() throws SQLException {
        assertEquals("""
                id\tquoted\tspaced\tlist\tnan\tinf\tflag
                1\tsay "hi", ok\ttab nl end\t[a, 'b"c', NULL]\tNaN\tInfinity\ttrue
                2\tplain\tx\t[z]\t2.5\t-Infinity\tfalse
                3\t\t\t\t\t\t
                """, print(ResultFormat.tsv, AWKWARD));
    }

    @Test
    void csvQuotesValuesWithCommasQuotesOrNewlines() throws SQLException {
        assertEquals("""
                id,quoted,spaced,list,nan,inf,flag
                1,"say ""hi"", ok","tab\tnl
                end","[a, 'b""c', NULL]",NaN,Infinity,true
                2,plain,x,[z],2.5,-Infinity,false
                3,,,,,,
                """, print(ResultFormat.csv, AWKWARD));
    }

    @Test
    void jsonIsValidWithNonFiniteNumbersAsStringsAndListsAsArrays() throws SQLException, IOException {
        String json = print(ResultFormat.json, AWKWARD);
        assertEquals("""
                [
                  {"id": 1, "quoted": "say \\"hi\\", ok", "spaced": "tab\\tnl\\nend", "list": ["a", "b\\"c", null], \
                "nan": "NaN", "inf": "Infinity", "flag": true},
                  {"id": 2, "quoted": "plain", "spaced": "x", "list": ["z"], "nan": 2.5, "inf": "-Infinity", "flag": false},
                  {"id": 3, "quoted": null, "spaced": null, "list": null, "nan": null, "inf": null, "flag": null}
                ]
                """, json);
        // A strict parser (no NaN, no Infinity) reads it to the end: every token is valid JSON.
        List<JsonToken> tokens = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens.add(token);
            }
        }
        assertEquals(JsonToken.START_ARRAY, tokens.get(0));
        assertEquals(JsonToken.END_ARRAY, tokens.get(tokens.size() - 1));
        assertEquals(3, tokens.stream().filter(t -> t == JsonToken.START_OBJECT).count());
    }

    @Test
    void jsonKeepsNumbersExactAndNestedListsNested() throws SQLException {
        assertEquals("""
                [
                  {"dec": 12.50, "huge": 170141183460469231731687303715884105727, "unsigned": 18446744073709551615, \
                "nested": [[1, 2], [3]], "doubles": [1.5, "NaN", "-Infinity", null], "day": "2024-01-02"}
                ]
                """, print(ResultFormat.json, "SELECT 12.50::DECIMAL(6,2) AS dec, "
                + "170141183460469231731687303715884105727::HUGEINT AS huge, 18446744073709551615::UBIGINT AS unsigned, "
                + "[[1, 2], [3]] AS nested, [1.5, 'nan'::DOUBLE, '-inf'::DOUBLE, NULL] AS doubles, "
                + "DATE '2024-01-02' AS day"));
    }

    @Test
    void anEmptyResultIsAnEmptyArrayOrJustTheHeader() throws SQLException {
        String none = "SELECT 1 AS n, 'x' AS s WHERE false";
        assertEquals("[]\n", print(ResultFormat.json, none));
        assertEquals("n\ts\n", print(ResultFormat.tsv, none));
        assertEquals("n,s\n", print(ResultFormat.csv, none));
        assertTrue(print(ResultFormat.table, none).endsWith("(0 rows)\n"));
    }
}
