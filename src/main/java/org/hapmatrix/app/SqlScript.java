package org.hapmatrix.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of an {@code sql} script, split where DuckDB's parser would split them: at a
 * {@code ;} outside string literals ({@code '...'}, {@code E'...'} with backslash escapes,
 * {@code $tag$...$tag$}), quoted names ({@code "..."}) and comments ({@code --} to the end of the
 * line, {@code /* ... *}{@code /}, nested). A piece holding only blanks and comments is no
 * statement. DuckDB's own JDBC run of a script keeps only the last result; splitting lets
 * {@code sql} run each statement and print each result.
 */
final class SqlScript {
    private SqlScript() {
    }

    /** The statements of {@code sql}, in order, each without its {@code ;}. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        boolean code = false; // whether the current piece holds more than blanks and comments
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == ';') {
                if (code) {
                    statements.add(sql.substring(start, i));
                }
                start = i + 1;
                code = false;
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blockCommentEnd(sql, i);
            } else if (c == '\'') {
                code = true;
                boolean backslashes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isWordChar(sql.charAt(i - 2)));
                i = quotedEnd(sql, i, '\'', backslashes);
            } else if (c == '"') {
                code = true;
                i = quotedEnd(sql, i, '"', false);
            } else if (c == '$' && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                code = true;
                i = dollarQuotedEnd(sql, i);
            } else {
                if (!Character.isWhitespace(c)) {
                    code = true;
                }
                i++;
            }
        }
        if (code) {
            statements.add(sql.substring(start));
        }
        return statements;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The index after a {@code /* *}{@code /} comment starting at {@code i}; comments nest, as in PostgreSQL's grammar. */
    private static int blockCommentEnd(String sql, int i) {
        int depth = 0;
        int n = sql.length();
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** The index after a quoted text opened at {@code i}: a doubled quote is one, and with {@code backslashes} a backslash escapes the next character. */
    private static int quotedEnd(String sql, int i, char quote, boolean backslashes) {
        int n = sql.length();
        i++;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** The index after {@code $tag$...$tag$} opened at {@code i}; a {@code $} that opens no such text (a parameter {@code $1}) is one character. */
    private static int dollarQuotedEnd(String sql, int i) {
        int n = sql.length();
        int tagEnd = i + 1;
        while (tagEnd < n && (Character.isLetter(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_'
                || (tagEnd > i + 1 && Character.isDigit(sql.charAt(tagEnd))))) {
            tagEnd++;
        }
        if (tagEnd >= n || sql.charAt(tagEnd) != '$') {
            return i + 1;
        }
        String tag = sql.substring(i, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? n : close + tag.length();
    }
}
