package org.hapmatrix.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 21 item 8: an {@code sql} script is split where DuckDB splits it, so that every statement's result is printed. */
class SqlScriptTest {
    @Test
    void splitsAtSemicolonsOutsideLiteralsNamesAndComments() {
        assertEquals(List.of("SELECT 1", " SELECT 2"), SqlScript.statements("SELECT 1; SELECT 2;"));
        assertEquals(List.of("SELECT ';' AS \"a;b\" ", " SELECT 'it''s; ok'"),
                SqlScript.statements("SELECT ';' AS \"a;b\" ; SELECT 'it''s; ok'"));
        assertEquals(List.of("SELECT E'\\'; x' AS e", " SELECT $$ ; $$, $t$ $$ ; $t$"),
                SqlScript.statements("SELECT E'\\'; x' AS e; SELECT $$ ; $$, $t$ $$ ; $t$"));
        assertEquals(List.of("SELECT 1 -- a ; comment\n", "\nSELECT /* one /* nested ; */ ; */ 2"),
                SqlScript.statements("SELECT 1 -- a ; comment\n;\nSELECT /* one /* nested ; */ ; */ 2"));
        assertEquals(List.of("SELECT $1"), SqlScript.statements("SELECT $1"));
    }

    @Test
    void piecesOfOnlyBlanksAndCommentsAreNoStatements() {
        assertEquals(List.of("SELECT 1"), SqlScript.statements("SELECT 1; -- done\n ;; /* end */ "));
        assertEquals(List.of(), SqlScript.statements(" ; -- nothing"));
    }
}
