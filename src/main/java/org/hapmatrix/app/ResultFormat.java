package org.hapmatrix.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hapmatrix.util.PrintableText;

/**
 * How {@code sql} prints a result: an aligned table for people (control characters shown as
 * escapes), TSV, CSV (RFC 4180 quoting) and JSON (an array of objects, written by jackson-core)
 * for programs.
 */
public enum ResultFormat {
    table {
        @Override
        public void print(ResultSet rows, PrintWriter out) throws SQLException {
            // Names and values are shown as one terminal line each (a tab or newline as \t, \n).
            // The columns are aligned on the first ALIGNED_ROWS rows, held until then; later rows
            // stream, a wider value widening its own line only.
            List<String> names = columnNames(rows).stream().map(PrintableText::oneLine).toList();
            List<String[]> first = new ArrayList<>();
            int[] widths = names.stream().mapToInt(String::length).toArray();
            long count = 0;
            boolean more;
            while ((more = rows.next()) && first.size() < ALIGNED_ROWS) {
                String[] row = tableRow(rows, widths.length);
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
                first.add(row);
            }
            printRow(out, names.toArray(String[]::new), widths);
            String[] rule = new String[widths.length];
            for (int i = 0; i < widths.length; i++) {
                rule[i] = "-".repeat(widths[i]);
            }
            printRow(out, rule, widths);
            for (String[] row : first) {
                printRow(out, row, widths);
            }
            count += first.size();
            first = null;
            while (more) {
                printRow(out, tableRow(rows, widths.length), widths);
                count++;
                more = rows.next();
            }
            out.println("(" + count + " row" + (count == 1 ? "" : "s") + ")");
        }

        private String[] tableRow(ResultSet rows, int columns) throws SQLException {
            String[] row = new String[columns];
            for (int i = 0; i < columns; i++) {
                String value = rows.getString(i + 1);
                row[i] = value == null ? "NULL" : PrintableText.oneLine(value);
            }
            return row;
        }

        private void printRow(PrintWriter out, String[] row, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                line.append(row[i]).append(" ".repeat(i == row.length - 1 ? 0 : Math.max(0, widths[i] - row[i].length())));
            }
            out.println(line);
        }
    },
    tsv {
        @Override
        public void print(ResultSet rows, PrintWriter out) throws SQLException {
            delimited(rows, out, '\t', value -> value.replace('\t', ' ').replace('\n', ' '));
        }
    },
    csv {
        @Override
        public void print(ResultSet rows, PrintWriter out) throws SQLException {
            delimited(rows, out, ',', value -> value.matches("(?s).*[\",\\r\\n].*")
                    ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
    },
    json {
        @Override
        public void print(ResultSet rows, PrintWriter out) throws SQLException {
            List<String> names = uniqueNames(columnNames(rows));
            ResultSetMetaData meta = rows.getMetaData();
            try {
                JsonGenerator json = JSON.createGenerator(out);
                json.setPrettyPrinter(new RowPerLine());
                json.writeRaw('[');
                boolean first = true;
                while (rows.next()) {
                    json.writeRaw(first ? "\n  " : ",\n  ");
                    first = false;
                    json.writeStartObject();
                    for (int i = 0; i < names.size(); i++) {
                        json.writeFieldName(names.get(i));
                        writeValue(json, rows, i + 1, jsonType(meta, i + 1));
                    }
                    json.writeEndObject();
                }
                json.writeRaw(first ? "]\n" : "\n]\n");
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The JDBC type that decides the JSON type; DuckDB's unsigned and 128-bit integers count as BIGINT. */
        private int jsonType(ResultSetMetaData meta, int column) throws SQLException {
            return switch (meta.getColumnTypeName(column)) {
                case "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "HUGEINT", "UHUGEINT" -> Types.BIGINT;
                default -> meta.getColumnType(column);
            };
        }

        private void writeValue(JsonGenerator json, ResultSet rows, int column, int sqlType)
                throws SQLException, IOException {
            switch (sqlType) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC -> {
                    String value = rows.getString(column);
                    if (value == null) {
                        json.writeNull();
                    } else {
                        json.writeNumber(value); // as DuckDB prints it: exact for DECIMAL and HUGEINT
                    }
                }
                case Types.FLOAT, Types.REAL, Types.DOUBLE -> {
                    double value = rows.getDouble(column);
                    if (rows.wasNull()) {
                        json.writeNull();
                    } else {
                        writeDouble(json, value);
                    }
                }
                case Types.BOOLEAN -> {
                    boolean value = rows.getBoolean(column);
                    if (rows.wasNull()) {
                        json.writeNull();
                    } else {
                        json.writeBoolean(value);
                    }
                }
                case Types.ARRAY -> writeElement(json, rows.getObject(column));
                default -> {
                    String value = rows.getString(column);
                    if (value == null) {
                        json.writeNull();
                    } else {
                        json.writeString(value);
                    }
                }
            }
        }

        /** A list element (or a whole list): numbers, booleans and nested lists keep their JSON type, the rest is text. */
        private void writeElement(JsonGenerator json, Object value) throws SQLException, IOException {
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Array list) {
                json.writeStartArray();
                for (Object element : (Object[]) list.getArray()) {
                    writeElement(json, element);
                }
                json.writeEndArray();
            } else if (value instanceof Double || value instanceof Float) {
                writeDouble(json, ((Number) value).doubleValue());
            } else if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof Long
                    || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                json.writeNumber(value.toString());
            } else if (value instanceof Boolean bool) {
                json.writeBoolean(bool);
            } else {
                json.writeString(value.toString());
            }
        }

        /** JSON has no NaN or infinities: they are written as the strings "NaN", "Infinity", "-Infinity". */
        private void writeDouble(JsonGenerator json, double value) throws IOException {
            if (Double.isFinite(value)) {
                json.writeNumber(value);
            } else {
                json.writeString(Double.toString(value));
            }
        }
    };

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The rows {@code table} aligns its columns on (DuckDB's CLI, too, aligns on a first part). */
    static final int ALIGNED_ROWS = 1_000;

    /** One object a line, {@code "name": value} pairs separated by {@code ", "}, as {@code sql --format json} always wrote. */
    private static final class RowPerLine extends MinimalPrettyPrinter {
        RowPerLine() {
            super("");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator json) throws IOException {
            json.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(", ");
        }
    }

    /** Prints every row of {@code rows}, with a header where the format has one. */
    public abstract void print(ResultSet rows, PrintWriter out) throws SQLException;

    private static List<String> columnNames(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i));
        }
        return names;
    }

    /**
     * The names made unique as DuckDB makes a subquery's or a Parquet file's columns
     * (QueryResult::DeduplicateColumns): a name met again, ignoring ASCII case, gets {@code _1},
     * {@code _2}, ..., skipping names already taken. For JSON keys: of two equal keys a reader
     * keeps one value and silently drops the other; with these, {@code sql -o x.json} and
     * {@code x.parquet} name the columns alike.
     */
    static List<String> uniqueNames(List<String> names) {
        Map<String, Integer> uses = new HashMap<>();
        List<String> unique = new ArrayList<>();
        for (String name : names) {
            String key = asciiLowerCase(name);
            Integer count = uses.get(key);
            if (count == null) {
                uses.put(key, 1);
                unique.add(name);
                continue;
            }
            String renamed = name + "_" + count;
            while (uses.containsKey(asciiLowerCase(renamed))) {
                uses.put(key, ++count);
                renamed = name + "_" + count;
            }
            uses.put(asciiLowerCase(renamed), 1);
            unique.add(renamed);
        }
        return unique;
    }

    /** DuckDB compares names ignoring the case of ASCII letters only. */
    private static String asciiLowerCase(String name) {
        StringBuilder lower = new StringBuilder(name.length());
        name.chars().forEach(c -> lower.append((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)));
        return lower.toString();
    }

    private static void delimited(ResultSet rows, PrintWriter out, char delimiter,
                                  java.util.function.UnaryOperator<String> escape) throws SQLException {
        List<String> names = columnNames(rows);
        out.println(String.join(String.valueOf(delimiter), names.stream().map(escape).toList()));
        while (rows.next()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    line.append(delimiter);
                }
                String value = rows.getString(i + 1);
                line.append(value == null ? "" : escape.apply(value));
            }
            out.println(line);
        }
    }
}
