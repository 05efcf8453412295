package org.hapmatrix.store;

/** A contig of the loaded matrix: its output ordinal, site count, positions and rowid range. */
public record ContigInfo(String name, int ordinal, long sites, long firstPos, long lastPos, long firstRow, long lastRow) {
}
