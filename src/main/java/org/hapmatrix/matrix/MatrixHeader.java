package org.hapmatrix.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hapmatrix.HapmatrixException;

/**
 * The matrix's column names: contig, position and reference columns, then one column per sample.
 * Only the sample names matter downstream; the first three are renamed contig/pos/ref in the database.
 */
public record MatrixHeader(List<String> columnNames) {
    /** Names the database gives the first three columns; a sample may not take one of them. */
    public static final List<String> SITE_COLUMNS = List.of("contig", "pos", "ref");

    public MatrixHeader {
        columnNames = List.copyOf(columnNames);
    }

    /** Parses a tab-separated header line (trailing CR tolerated) and checks it, naming {@code file:line} on error. */
    public static MatrixHeader parse(String line, String file, long lineNumber) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        MatrixHeader header = new MatrixHeader(List.of(text.split("\t", -1)));
        header.validate(file, lineNumber);
        return header;
    }

    /** Reads a header file ({@code --header}): its first line is the header, anything after it is ignored. */
    public static MatrixHeader readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw HapmatrixException.usage(file + ": no such header file");
        } catch (IOException e) {
            throw HapmatrixException.usage(file + ": cannot read header file: " + e.getMessage());
        }
        // Only the first line counts, so only it is decoded (the line ends are ASCII).
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        String firstLine = Utf8.decode(bytes, 0, end).orElseThrow(
                () -> HapmatrixException.at(file.toString(), 1, "header is not valid UTF-8"));
        if (firstLine.isEmpty()) {
            throw HapmatrixException.at(file.toString(), 1, "empty header file");
        }
        return parse(firstLine, file.toString(), 1);
    }

    private void validate(String file, long lineNumber) {
        if (columnNames.size() < 4) {
            throw HapmatrixException.at(file, lineNumber, "header has " + columnNames.size()
                    + " column(s); need contig, position, reference and at least one sample");
        }
        // DuckDB identifiers are case-insensitive, so "S1" and "s1" would be one column.
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 4; column <= columnNames.size(); column++) {
            String sample = columnNames.get(column - 1);
            if (sample.isEmpty()) {
                throw HapmatrixException.at(file, lineNumber, "header has an empty sample name (column " + column + ")");
            }
            // DuckDB's SQL parser ends an identifier at a NUL byte, quoted or not.
            if (sample.indexOf('\0') >= 0) {
                throw HapmatrixException.at(file, lineNumber, "sample name in column " + column + " contains a NUL byte");
            }
            String key = sample.toLowerCase(Locale.ROOT);
            if (SITE_COLUMNS.contains(key)) {
                throw HapmatrixException.at(file, lineNumber, "sample name '" + sample + "' (column " + column
                        + ") is reserved for the " + key + " column (names are compared ignoring case)");
            }
            // A column named rowid hides DuckDB's row number, which keeps the input order.
            if (key.equals("rowid")) {
                throw HapmatrixException.at(file, lineNumber, "sample name '" + sample + "' (column " + column
                        + ") is reserved: DuckDB's row number is called rowid");
            }
            Integer previous = seen.putIfAbsent(key, column);
            if (previous != null) {
                String first = columnNames.get(previous - 1);
                throw HapmatrixException.at(file, lineNumber, first.equals(sample)
                        ? "duplicate sample name '" + sample + "' (columns " + previous + " and " + column + ")"
                        : "sample names '" + first + "' (column " + previous + ") and '" + sample + "' (column "
                                + column + ") differ only in case; database column names ignore case");
            }
        }
    }

    public int columnCount() {
        return columnNames.size();
    }

    public List<String> samples() {
        return columnNames.subList(3, columnNames.size());
    }

    public int sampleCount() {
        return columnNames.size() - 3;
    }
}
