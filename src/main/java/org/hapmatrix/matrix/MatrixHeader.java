package org.hapmatrix.matrix;

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

    private void validate(String file, long lineNumber) {
        if (columnNames.size() < 4) {
            throw HapmatrixException.at(file, lineNumber, "header has " + columnNames.size()
                    + " column(s); need contig, position, reference and at least one sample");
        }
        // DuckDB identifiers are case-insensitive, so "S1" and "s1" would be one column.
        Map<String, String> seen = new HashMap<>();
        for (String reserved : SITE_COLUMNS) {
            seen.put(reserved, "the " + reserved + " column");
        }
        for (String sample : samples()) {
            if (sample.isEmpty()) {
                throw HapmatrixException.at(file, lineNumber, "header has an empty sample name");
            }
            String previous = seen.putIfAbsent(sample.toLowerCase(Locale.ROOT), "sample '" + sample + "'");
            if (previous != null) {
                throw HapmatrixException.at(file, lineNumber, "duplicate sample name '" + sample
                        + "' (clashes with " + previous + "; names are compared ignoring case)");
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
