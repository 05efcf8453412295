package org.hapmatrix.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** How {@code sql} prints a result: an aligned table for people, TSV/CSV/JSON for programs. */
enum ResultFormat {
    table {
        @Override
        void print(ResultSet rows, PrintWriter out) throws SQLException {
            List<String> names = columnNames(rows);
            List<String[]> cells = new ArrayList<>();
            int[] widths = names.stream().mapToInt(String::length).toArray();
            while (rows.next()) {
                String[] row = new String[names.size()];
                for (int i = 0; i < row.length; i++) {
                    String value = rows.getString(i + 1);
                    row[i] = value == null ? "NULL" : value;
                    widths[i] = Math.max(widths[i], row[i].length());
                }
                cells.add(row);
            }
            printRow(out, names.toArray(String[]::new), widths);
            String[] rule = new String[widths.length];
            for (int i = 0; i < widths.length; i++) {
                rule[i] = "-".repeat(widths[i]);
            }
            printRow(out, rule, widths);
            for (String[] row : cells) {
                printRow(out, row, widths);
            }
            out.println("(" + cells.size() + " row" + (cells.size() == 1 ? "" : "s") + ")");
        }

        private void printRow(PrintWriter out, String[] row, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                line.append(row[i]).append(" ".repeat(i == row.length - 1 ? 0 : widths[i] - row[i].length()));
            }
            out.println(line);
        }
    },
    tsv {
        @Override
        void print(ResultSet rows, PrintWriter out) throws SQLException {
            delimited(rows, out, '\t', value -> value.replace('\t', ' ').replace('\n', ' '));
        }
    },
    csv {
        @Override
        void print(ResultSet rows, PrintWriter out) throws SQLException {
            delimited(rows, out, ',', value -> value.matches("(?s).*[\",\\r\\n].*")
                    ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
    },
    json {
        @Override
        void print(ResultSet rows, PrintWriter out) throws SQLException {
            List<String> names = columnNames(rows);
            ResultSetMetaData meta = rows.getMetaData();
            out.print("[");
            boolean first = true;
            while (rows.next()) {
                out.print(first ? "\n" : ",\n");
                first = false;
                StringBuilder object = new StringBuilder("  {");
                for (int i = 0; i < names.size(); i++) {
                    object.append(i == 0 ? "" : ", ").append(quote(names.get(i))).append(": ");
                    String value = rows.getString(i + 1);
                    object.append(value == null ? "null" : isNumber(meta.getColumnType(i + 1)) ? value : quote(value));
                }
                out.print(object.append('}'));
            }
            out.println(first ? "]" : "\n]");
        }

        private boolean isNumber(int sqlType) {
            return switch (sqlType) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.DOUBLE,
                     Types.REAL, Types.DECIMAL, Types.NUMERIC -> true;
                default -> false;
            };
        }

        private String quote(String text) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    case '\n' -> quoted.append("\\n");
                    case '\r' -> quoted.append("\\r");
                    case '\t' -> quoted.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            quoted.append(String.format("\\u%04x", (int) c));
                        } else {
                            quoted.append(c);
                        }
                    }
                }
            }
            return quoted.append('"').toString();
        }
    };

    abstract void print(ResultSet rows, PrintWriter out) throws SQLException;

    private static List<String> columnNames(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i));
        }
        return names;
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
